import { strict as assert } from 'node:assert';
import { defaultBinder } from '../../../../../src/engine/scheduler/plugins/default-binder';
import { cycleOf, makeNode, makePod } from '../builders';

// pkg/scheduler/framework/plugins/defaultbinder/default_binder_test.go TestDefaultBinder: a successful binding.
describe('DefaultBinder', () => {
  it('binds the pod to the chosen node', () => {
    const { cycle, node } = cycleOf(defaultBinder, makePod('p'), [makeNode('n1')]);
    assert.equal(cycle.bind?.(node('n1')), null);
  });
});
