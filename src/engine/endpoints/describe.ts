// The `Endpoints:` line of `kubectl describe service` (k8s.io/kubectl pkg/describe/describe.go,
// formatEndpointSlices), printed once per Service port from the Service's EndpointSlices.
import type { EndpointSlice } from './endpoint-slice-object';

const MAX_LISTED = 3;

/** IPv6 addresses are bracketed, as Go's `net.JoinHostPort` does. */
export const joinHostPort = (ip: string, port: number): string =>
  ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;

/**
 * `<none>` when there is no slice at all; otherwise the ready endpoints as `ip:port` (bare `ip` from a slice without
 * ports), the first three joined by commas, then ` + N more...`. Slices that exist but hold no ready endpoint give
 * an empty string. The order of checks follows kubectl, including its habit of testing "more" before readiness.
 */
export function describeEndpoints(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (entry: string, ready: boolean): void => {
    if (list.length === MAX_LISTED) more = true;
    if (!ready) return;
    if (!more) list.push(entry);
    count++;
  };
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const e of slice.endpoints) add(e.addresses[0] ?? '', e.conditions.ready);
      continue;
    }
    for (const port of slice.ports) {
      if (port.name !== portName) continue;
      for (const e of slice.endpoints) add(joinHostPort(e.addresses[0] ?? '', port.port), e.conditions.ready);
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_LISTED} more...` : joined;
}
