import { strict as assert } from 'node:assert';
import { dynamicResources } from '../../../../../src/engine/scheduler/plugins/dynamic-resources';
import { cycleOf, makeNode, makePod } from '../builders';

const diagnosis = { statuses: new Map(), absent: null, refilter: () => null };

// pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go PostFilter; scheduler reference §3.19.
describe('DynamicResources', () => {
  it('pod without claims: PreFilter skips and PostFilter has no new claims to deallocate', () => {
    const { cycle } = cycleOf(dynamicResources, makePod('p'), [makeNode('n1')]);
    assert.equal(cycle.preFilter?.().status?.code, 'Skip');
    assert.deepEqual(cycle.postFilter?.(diagnosis).status, {
      code: 'Unschedulable',
      reasons: ['no new claims to deallocate'],
    });
  });
  it('PreFilter never ran (an earlier PreFilter stopped the cycle): PostFilter fails with not found', () => {
    const { cycle } = cycleOf(dynamicResources, makePod('p'), [makeNode('n1')]);
    assert.deepEqual(cycle.postFilter?.(diagnosis).status, { code: 'Error', reasons: ['not found'] });
  });
});
