import { strict as assert } from 'node:assert';
import { pendingNotes, replicaList, samplingNote, tieNote } from '../../../../src/engine/scheduler/notes';

describe('notes', () => {
  it('names replicas 1-based, as a user counts them', () => {
    assert.deepEqual(
      [replicaList([3]), replicaList([3, 4]), replicaList([3, 4, 6]), replicaList([3, 4, 5, 6, 7])],
      ['replica 4', 'replicas 4 and 5', 'replicas 4, 5 and 7', 'replicas 4–8'],
    );
  });
  it('groups pending replicas by message', () => {
    const p = (index: number, message: string) => ({
      index,
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
