import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { scheduleOne } from '../../../../../src/engine/scheduler/framework';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import { numCandidates, pickCandidate } from '../../../../../src/engine/scheduler/plugins/default-preemption';
import { defaultProfile } from '../../../../../src/engine/scheduler/profile';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import { makeCluster, makeNode, makePod } from '../builders';

function preempt(pod: Pod, nodes: Node[], pods: Pod[]) {
  const r = scheduleOne(podInfo(pod), buildSnapshot(makeCluster(nodes, pods)), defaultProfile(null), {
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
      { node: 'a', victims: [victim(1), victim(1)] },
      { node: 'b', victims: [victim(1)] },
    ]);
    assert.equal(best?.node, 'b');
  });

  it('numCandidates: at least 100 (or all), else 10% of the potential nodes', () => {
    assert.deepEqual([numCandidates(5), numCandidates(500), numCandidates(5000)], [5, 100, 500]);
  });
});
