import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { scheduleOne } from '../../../../../src/engine/scheduler/framework';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import { numCandidates, pickCandidate } from '../../../../../src/engine/scheduler/plugins/default-preemption';
import { defaultProfile } from '../../../../../src/engine/scheduler/profile';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import { makeCluster, makeNode, makePod } from '../builders';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

function preempt(pod: Pod, nodes: Node[], pods: Pod[], others: KubeObject[] = []) {
  const r = scheduleOne(podInfo(pod), buildSnapshot(makeCluster(nodes, pods, others)), defaultProfile(null, V34), {
    report: false,
    startIndex: 0,
  });
  return {
    message: r.message,
    node: r.nomination?.node ?? null,
    victims: r.nomination?.victims.map((v) => v.name) ?? [],
  };
}
const onNode = (name: string, node: string, priority: number, cpu: string): Pod =>
  makePod(name, { nodeName: node, priority, requests: { cpu } });
const incoming = (priority: number, cpu: string, extra: Record<string, unknown> = {}): Pod =>
  makePod('p', { priority, requests: { cpu }, spec: extra });

// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go TestPostFilter / TestDryRunPreemption
// / TestSelectBestCandidate shapes; messages from the scheduler reference §3.18 and §4.
describe('DefaultPreemption', () => {
  it('a lower-priority pod is evicted: the node is nominated and the message has no preemption part', () => {
    const r = preempt(incoming(100, '1'), [makeNode('n1', { cpu: '2' })], [onNode('low', 'n1', 0, '1500m')]);
    assert.deepEqual(r, { message: '0/1 nodes are available: 1 Insufficient cpu.', node: 'n1', victims: ['low'] });
  });

  it('pitfall 6: equal-priority pods are never victims', () => {
    const r = preempt(incoming(0, '1'), [makeNode('n1', { cpu: '2' })], [onNode('same', 'n1', 0, '1500m')]);
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    assert.equal(r.node, null);
  });

  it('preemptionPolicy Never is not eligible', () => {
    const r = preempt(
      incoming(100, '1', { preemptionPolicy: 'Never' }),
      [makeNode('n1', { cpu: '2' })],
      [onNode('low', 'n1', 0, '1500m')],
    );
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('removing every lower-priority pod still does not fit: the re-run filter reason is reported', () => {
    const r = preempt(
      incoming(100, '1'),
      [makeNode('n1', { cpu: '2' })],
      [onNode('low', 'n1', 0, '500m'), onNode('high', 'n1', 200, '1500m')],
    );
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Insufficient cpu.',
    );
  });

  it('pitfall 6: a request above allocatable is unresolvable in v1.34, so preemption is not helpful', () => {
    const r = preempt(incoming(100, '3'), [makeNode('n1', { cpu: '2' })], [onNode('low', 'n1', 0, '1500m')]);
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('victims are reprieved most important first while the pod still fits', () => {
    const r = preempt(
      incoming(100, '1'),
      [makeNode('n1', { cpu: '2' })],
      [onNode('low1', 'n1', 0, '500m'), onNode('low5', 'n1', 5, '1000m')],
    );
    assert.deepEqual(r.victims, ['low1']);
  });

  it('the candidate whose most important victim has the lowest priority wins', () => {
    const r = preempt(
      incoming(100, '1'),
      [makeNode('n1', { cpu: '1' }), makeNode('n2', { cpu: '1' })],
      [onNode('v10', 'n1', 10, '1'), onNode('v1', 'n2', 1, '1')],
    );
    assert.deepEqual([r.node, r.victims], ['n2', ['v1']]);
  });

  it('pickCandidate: fewer victims win when priorities tie on highest, then on sum', () => {
    const victim = (priority: number) => podInfo(makePod(`v${priority}`, { priority }));
    const best = pickCandidate([
      { node: 'a', victims: [victim(1), victim(1)], numPDBViolations: 0 },
      { node: 'b', victims: [victim(1)], numPDBViolations: 0 },
    ]);
    assert.equal(best?.node, 'b');
  });

  // framework/preemption/preemption.go pickOneNodeForPreemption: "1. A node with minimum number of PDB violations."
  // comes before the lowest highest-victim priority; a budget without status allows no disruption.
  it('a node whose victims break no PodDisruptionBudget is preferred to one with lower-priority victims', () => {
    const nodes = [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' })];
    const pods = [
      makePod('guarded', { nodeName: 'n1', priority: 0, requests: { cpu: '1500m' }, labels: { app: 'db' } }),
      makePod('plain', { nodeName: 'n2', priority: 50, requests: { cpu: '1500m' } }),
    ];
    const budget = (status?: Record<string, unknown>): KubeObject => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'db', namespace: 'default' },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } },
      ...(status ? { status } : {}),
    });
    assert.equal(preempt(incoming(100, '1'), nodes, pods).node, 'n1');
    assert.deepEqual(preempt(incoming(100, '1'), nodes, pods, [budget()]), {
      message: '0/2 nodes are available: 2 Insufficient cpu.',
      node: 'n2',
      victims: ['plain'],
    });
    const allowing = budget({ disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 });
    assert.equal(preempt(incoming(100, '1'), nodes, pods, [allowing]).node, 'n1');
  });

  it('a budget in another namespace, or with an empty selector, protects nothing', () => {
    const nodes = [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' })];
    const pods = [
      makePod('guarded', { nodeName: 'n1', priority: 0, requests: { cpu: '1500m' }, labels: { app: 'db' } }),
      makePod('plain', { nodeName: 'n2', priority: 50, requests: { cpu: '1500m' } }),
    ];
    const elsewhere: KubeObject = {
      kind: 'PodDisruptionBudget',
      metadata: { name: 'db', namespace: 'other' },
      spec: { selector: { matchLabels: { app: 'db' } } },
    };
    const empty: KubeObject = {
      kind: 'PodDisruptionBudget',
      metadata: { name: 'all', namespace: 'default' },
      spec: { selector: {} },
    };
    assert.equal(preempt(incoming(100, '1'), nodes, pods, [elsewhere, empty]).node, 'n1');
  });

  it('pickCandidate: fewer PodDisruptionBudget violations win before priorities', () => {
    const victim = (priority: number) => podInfo(makePod(`v${priority}`, { priority }));
    const best = pickCandidate([
      { node: 'a', victims: [victim(1)], numPDBViolations: 1 },
      { node: 'b', victims: [victim(5), victim(5)], numPDBViolations: 0 },
    ]);
    assert.equal(best?.node, 'b');
  });

  it('numCandidates: at least 100 (or all), else 10% of the potential nodes', () => {
    assert.deepEqual([numCandidates(5), numCandidates(500), numCandidates(5000)], [5, 100, 500]);
  });
});
