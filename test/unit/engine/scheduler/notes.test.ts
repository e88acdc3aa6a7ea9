import { strict as assert } from 'node:assert';
import { pendingNotes, replicaList, samplingNote, tieNote } from '../../../../src/engine/scheduler/notes';

const one = (index: number) => ({ index, count: 1 });

describe('notes', () => {
  it('names replicas 1-based, as a user counts them', () => {
    assert.deepEqual(
      [
        replicaList([one(3)]),
        replicaList([one(3), one(4)]),
        replicaList([one(3), one(4), one(6)]),
        replicaList([{ index: 3, count: 5 }]),
        replicaList([{ index: 324, count: 2147483323 }]),
      ],
      ['replica 4', 'replicas 4 and 5', 'replicas 4, 5 and 7', 'replicas 4–8', 'replicas 325–2147483647'],
    );
  });
  it('groups pending replicas by message', () => {
    const p = (index: number, message: string) => ({
      index,
      count: 1,
      name: `r${index}`,
      node: null,
      message,
      reasonCounts: new Map(),
    });
    assert.deepEqual(pendingNotes([p(3, 'A'), p(4, 'A'), p(5, 'B')]), [
      'replicas 4 and 5 stay Pending: A',
      'replica 6 stays Pending: B',
    ]);
  });
  it('says that a tie is broken at random by kube-scheduler', () => {
    assert.equal(
      tieNote(['a', 'b'], 'a', [{ name: 'a', filters: [], scores: [], total: 400 }]),
      '2 nodes tie at the highest score (400): a, b. kube-scheduler picks one of them at random (selectHost); the simulator takes the first by name, a.',
    );
    assert.equal(tieNote(['a'], 'a', []), null);
  });
  it('mentions node sampling only from 100 nodes on', () => {
    assert.equal(samplingNote(99), null);
    assert.match(
      samplingNote(5000) ?? '',
      /stops after finding 500 feasible nodes \(percentageOfNodesToScore adaptive: 10%\)/,
    );
  });
});
