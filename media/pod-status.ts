// What the pod ends up as: final state, events as `kubectl describe` lists them, endpoints, the stored object.
import { stringify } from 'yaml';
import type { EndpointReport, SimEvent, SimulationResult } from '../src/engine/types';
import { formatTime, h, keyValues, table } from './dom';
import { section } from './state';

export function stateSection(r: SimulationResult): HTMLElement | null {
  const st = r.finalState;
  if (!st) return null;
  const conditions =
    st.conditions.length > 0
      ? table(
          ['Type', 'Status', 'Reason', 'Message'],
          st.conditions.map((c) => [
            c.type,
            h('span', { class: c.status === 'True' ? 'pass' : 'fail' }, c.status),
            c.reason ?? '',
            c.message ?? '',
          ]),
        )
      : null;
  const containers =
    st.containers.length > 0
      ? table(
          ['Container', 'State', 'Reason', 'Exit code', 'Ready', 'Restarts', 'Last state'],
          st.containers.map((c) => [
            h('span', {}, c.name, c.init ? h('span', { class: 'tag' }, 'init') : null),
            h('span', { class: c.state === 'running' ? 'pass' : c.state === 'waiting' ? 'fail' : '' }, c.state),
            c.message ? h('span', { title: c.message }, c.reason ?? '') : (c.reason ?? ''),
            c.exitCode === undefined ? '' : String(c.exitCode),
            c.ready === undefined ? '' : String(c.ready),
            c.restartCount === undefined ? '' : String(c.restartCount),
            c.lastState ? `Terminated: ${c.lastState.reason} (exit code ${c.lastState.exitCode})` : '',
          ]),
        )
      : null;
  return section(
    'state',
    'Final state',
    keyValues([
      ['Phase', st.phase],
      ['Node', r.scheduling?.node ?? null],
      ['Pod IP', st.podIP],
      ['Host IP', st.hostIP],
      ['QoS class', st.qosClass],
    ]),
    conditions && h('h3', {}, 'Conditions'),
    conditions,
    containers && h('h3', {}, 'Containers'),
    containers,
  );
}

export function eventsSection(events: SimEvent[]): HTMLElement {
  const rows = events.map((e) => [
    h('span', { class: e.type === 'Warning' ? 'warn' : '' }, e.type),
    e.reason,
    h('span', { title: 'simulated time since kubectl apply' }, formatTime(e.at)),
    e.from,
    e.message,
  ]);
  return section(
    'events',
    'Events',
    events.length > 0
      ? table(['Type', 'Reason', 'Age', 'From', 'Message'], rows, 'events')
      : h('p', { class: 'muted' }, 'No events.'),
  );
}

export function endpointsSection(endpoints: EndpointReport[]): HTMLElement | null {
  if (endpoints.length === 0) return null;
  return section(
    'endpoints',
    'Endpoints',
    ...endpoints.map((e) =>
      h(
        'div',
        { class: 'endpoint' },
        h('h3', {}, `Service ${e.service}`),
        keyValues([
          ['Addresses', e.addresses.join(', ') || null],
          ['Ports', e.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`).join(', ') || null],
          [
            'Conditions',
            `ready=${e.conditions.ready} serving=${e.conditions.serving} terminating=${e.conditions.terminating}`,
          ],
          ['Ready at', e.readyAt === null ? 'never' : formatTime(e.readyAt)],
        ]),
        e.notes && e.notes.length > 0 ? h('ul', { class: 'notes' }, ...e.notes.map((n) => h('li', {}, n))) : null,
      ),
    ),
  );
}

export function storedSection(defaulted: Record<string, unknown> | null): HTMLElement | null {
  if (!defaulted) return null;
  return section('stored', 'Object as stored by the API server', h('pre', { class: 'code' }, stringify(defaulted)));
}
