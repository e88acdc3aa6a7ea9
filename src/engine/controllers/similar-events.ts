// client-go's EventCorrelator folds a burst of similar events (same source, object, type and reason, different
// messages) into one: from the 10th distinct message within 10 minutes of the previous one, the recorder writes a
// single event whose message is prefixed "(combined from similar events): " and updates it with each later one
// (k8s.io/client-go tools/record events_cache.go, EventAggregatorByReasonFunc, defaultAggregateMaxEvents 10,
// defaultAggregateIntervalInSeconds 600).
import type { SimEvent } from '../types';

export const MAX_EVENTS = 10;
const INTERVAL = 600;
export const COMBINED_PREFIX = '(combined from similar events): ';

interface Group {
  messages: Set<string>;
  last: number;
  combined: SimEvent | null;
}

/** The events as `kubectl get events` lists them for one object: each burst of similar ones folded (input in time order). */
export function foldSimilarEvents(events: readonly SimEvent[]): SimEvent[] {
  const groups = new Map<string, Group>();
  const out: SimEvent[] = [];
  for (const e of events) {
    const key = `${e.from}\u0000${e.type}\u0000${e.reason}`;
    let g = groups.get(key);
    if (!g || e.at - g.last > INTERVAL) {
      g = { messages: new Set(), last: e.at, combined: null };
      groups.set(key, g);
    }
    g.messages.add(e.message);
    g.last = e.at;
    if (g.messages.size < MAX_EVENTS) {
      out.push(e);
      continue;
    }
    const message = `${COMBINED_PREFIX}${e.message}`;
    if (g.combined) {
      // The combined event is patched in place: it keeps its place in the list, with the newest message and time.
      g.combined.message = message;
      g.combined.at = e.at;
    } else {
      g.combined = { ...e, message };
      out.push(g.combined);
    }
  }
  return out;
}
