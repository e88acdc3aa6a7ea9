// DynamicResources (in the default profile from v1.34, where DynamicResourceAllocation is on). For pods without
// ResourceClaims its PreFilter skips and its PostFilter answers `no new claims to deallocate`, which is why every
// v1.34+ FailedScheduling message that reached preemption
// carries that text. If an earlier PreFilter stopped the cycle, its state was never written and PostFilter fails
// with the cycle-state error `not found` (pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go).
import { definePlugin } from '../plugin';
import { errorStatus, SKIP, unschedulable } from '../status';

export const NO_NEW_CLAIMS = 'no new claims to deallocate';

export const dynamicResources = definePlugin({
  name: 'DynamicResources',
  begin: () => {
    let preFilterRan = false;
    return {
      preFilter() {
        preFilterRan = true;
        return { status: SKIP };
      },
      postFilter: () => ({ status: preFilterRan ? unschedulable(NO_NEW_CLAIMS) : errorStatus('not found') }),
    };
  },
});
