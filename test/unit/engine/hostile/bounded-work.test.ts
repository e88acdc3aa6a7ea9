import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/engine/analyze';
import type { FileAnalysis } from '../../../../src/engine/analyze';
import { makeCluster, makeNode, perReplica } from '../scheduler/builders';

// Issue #9, "Work bounded by what matters": a workload's size in the input must not set the work. Identical replicas
// that cannot fit stay Pending the same way (kube-scheduler: a failed cycle assumes nothing, so the next identical pod
// meets the same nodes), so they are one run whatever their number; what is told is how many fit, where the first
// that does not fit stops, and its FailedScheduling message.

const cluster = () =>
  makeCluster(
    [makeNode('n1', { pods: '2' }), makeNode('n2', { pods: '1' })],
    [],
    [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }],
  );
const analyze = (text: string): FileAnalysis => analyzeText(text, 'big.yaml', cluster(), { namespace: 'default' });

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const job = (n: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: many
spec:
  completions: ${n}
  parallelism: ${n}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "true"]
`;

const TOO_MANY =
  '0/2 nodes are available: 2 Too many pods. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';

interface Case {
  name: string;
  text: string;
  placed: (string | null)[];
  total: number;
  note: string;
}

const cases: Case[] = [
  {
    name: 'issue #9: a Deployment with replicas 100000 places 3, the 4th to the 100000th stay Pending as one',
    text: deployment('100000'),
    placed: ['n1', 'n2', 'n1'],
    total: 100000,
    note: `replicas 4–100000 stay Pending: ${TOO_MANY}`,
  },
  {
    name: 'issue #9: replicas 2147483647 (the int32 maximum ValidateReplicas allows) answers the same way',
    text: deployment('2147483647'),
    placed: ['n1', 'n2', 'n1'],
    total: 2147483647,
    note: `replicas 4–2147483647 stay Pending: ${TOO_MANY}`,
  },
  {
    name: 'issue #9: a Job with 1,000,000 completions and parallelism',
    text: job('1000000'),
    placed: ['n1', 'n2', 'n1'],
    total: 1000000,
    note: `replicas 4–1000000 stay Pending: ${TOO_MANY}`,
  },
];

describe('hostile inputs: work bounded by what matters (issue #9)', () => {
  for (const c of cases)
    it(c.name, () => {
      const r = analyze(c.text).results[0];
      const runs = r?.scheduling?.placements ?? [];
      assert.equal(
        runs.reduce((n, x) => n + x.count, 0),
        c.total,
      );
      assert.deepEqual(perReplica(runs.filter((x) => x.node !== null)), c.placed);
      assert.deepEqual(
        { ...runs[runs.length - 1], message: null },
        { node: null, count: c.total - c.placed.length, message: null },
      );
      assert.ok(r?.scheduling?.notes?.includes(c.note), JSON.stringify(r?.scheduling?.notes));
    });

  it('issue #9: a Job of a million pods lists a few names and folds its SuccessfulCreate events (EventCorrelator)', () => {
    const r = analyze(job('1000000')).results[0];
    const creates = r?.events.filter((e) => e.reason === 'SuccessfulCreate' && e.from === 'job-controller') ?? [];
    assert.ok(creates.length <= 11, `${creates.length} events`);
    assert.match(creates[creates.length - 1]?.message ?? '', /^\(combined from similar events\): Created pod: many-/);
    const step = r?.controller?.steps.find((s) => s.title === 'Create 1000000 pods');
    assert.match(step?.detail ?? '', / and 999980 more$/);
  });
});
