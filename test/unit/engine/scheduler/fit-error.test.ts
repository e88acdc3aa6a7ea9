import { strict as assert } from 'node:assert';
import { fitErrorMessage, truncateNote } from '../../../../src/engine/scheduler/fit-error';
import type { Status } from '../../../../src/engine/scheduler/status';

const u = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
const uu = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
const repeat = (s: Status, n: number): Status[] => Array.from({ length: n }, () => s);

// pkg/scheduler/framework/types_test.go TestFitError_Error and the scheduler reference §4 / §6.
const cases: {
  name: string;
  numAllNodes: number;
  statuses: Status[];
  absent?: Status;
  preFilterMsg?: string;
  postFilterMsg?: string;
  want: string;
}[] = [
  {
    name: 'nodes failed Prefilter plugin',
    numAllNodes: 3,
    statuses: [],
    absent: uu('Node(s) failed PreFilter plugin FalsePreFilter'),
    preFilterMsg: 'Node(s) failed PreFilter plugin FalsePreFilter',
    want: '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter.',
  },
  {
    name: 'nodes failed Prefilter plugin and the preemption also failed',
    numAllNodes: 3,
    statuses: [],
    absent: uu('Node(s) failed PreFilter plugin FalsePreFilter'),
    preFilterMsg: 'Node(s) failed PreFilter plugin FalsePreFilter',
    postFilterMsg: 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    want: '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  },
  {
    name: 'nodes failed one Filter plugin with an empty PostFilterMsg',
    numAllNodes: 3,
    statuses: repeat(u('Node(s) failed Filter plugin FalseFilter-1'), 3),
    want: '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1.',
  },
  {
    name: 'nodes failed two Filter plugins',
    numAllNodes: 3,
    statuses: [
      ...repeat(u('Node(s) failed Filter plugin FalseFilter-1'), 2),
      u('Node(s) failed Filter plugin FalseFilter-2'),
    ],
    want: '0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1.',
  },
  {
    name: 'failed to Permit on node: NumAllNodes 1',
    numAllNodes: 1,
    statuses: [u('Node failed Permit plugin Permit-1')],
    want: '0/1 nodes are available: 1 Node failed Permit plugin Permit-1.',
  },
  {
    name: 'pitfall 1: the list is sorted as strings, so 10 sorts before 2',
    numAllNodes: 12,
    statuses: [
      ...repeat(u('Insufficient cpu'), 10),
      ...repeat(uu("node(s) didn't match Pod's node affinity/selector"), 2),
    ],
    want: "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.",
  },
  {
    name: 'pitfall 1: with the same count, uppercase sorts before lowercase',
    numAllNodes: 2,
    statuses: [uu('node(s) had untolerated taint(s)'), u('Insufficient cpu')],
    want: '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).',
  },
  {
    name: 'pitfall 2: one node with two Fit failures counts in both entries',
    numAllNodes: 1,
    statuses: [u('Insufficient cpu', 'Insufficient memory')],
    want: '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.',
  },
  {
    name: 'example D: nodes cut out by a PreFilterResult count as absent',
    numAllNodes: 5,
    statuses: [],
    absent: uu("node(s) didn't satisfy plugin(s) [NodeAffinity]"),
    want: "0/5 nodes are available: 5 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  },
  {
    name: 'pitfall 7: no period after the DynamicResources text, one period at the end of the preemption text',
    numAllNodes: 1,
    statuses: [u('Insufficient cpu')],
    postFilterMsg:
      'no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    want: '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  },
];

describe('FitError message', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.equal(
        fitErrorMessage({
          numAllNodes: c.numAllNodes,
          statuses: c.statuses,
          statusCount: c.statuses.length,
          absent: c.absent ?? null,
          preFilterMsg: c.preFilterMsg,
          postFilterMsg: c.postFilterMsg,
        }),
        c.want,
      ),
    );
});

// pkg/scheduler/schedule_one.go truncateMessage; scheduler reference §6 pitfall 15.
describe('truncateNote', () => {
  it('keeps a message of 1024 bytes', () => assert.equal(truncateNote('x'.repeat(1024)), 'x'.repeat(1024)));
  it('cuts a longer one to 1020 bytes and " ..."', () => {
    const out = truncateNote('y'.repeat(2000));
    assert.equal(out, `${'y'.repeat(1020)} ...`);
    assert.equal(out.length, 1024);
  });
});
