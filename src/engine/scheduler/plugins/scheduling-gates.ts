// SchedulingGates (PreEnqueue): a pod with schedulingGates never enters the active queue, so it is never tried and
// gets no event (pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go).
import { definePlugin } from '../plugin';
import { unresolvable } from '../status';

export const schedulingGates = definePlugin({
  name: 'SchedulingGates',
  begin: (pod) => ({
    preEnqueue() {
      const gates = (pod.pod.spec?.schedulingGates ?? []).map((g) => g.name);
      if (gates.length === 0) return null;
      // Go prints the []string with %v: brackets, space-separated.
      return unresolvable(`waiting for scheduling gates: [${gates.join(' ')}]`);
    },
  }),
});
