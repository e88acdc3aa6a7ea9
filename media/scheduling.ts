// The scheduler's decision: the chosen node, every node's filter and score per plugin, replica placements.
import type { NodeReport, PlacementRun, ResourceFit, SchedulingResult } from '../src/engine/types';
import { type Child, h } from './dom';
import { rerender, savedState, saveState, section } from './state';
import { consecutiveRuns } from '../src/engine/placement-runs';

/** One item per run of replicas on one node, numbered by the first replica of the run. */
function placementItems(runs: readonly PlacementRun[]): HTMLElement[] {
  let index = 1;
  return consecutiveRuns(runs).map((r) => {
    const value = String(index);
    const many = r.count > 1 ? ` (replicas ${index}–${index + r.count - 1})` : '';
    index += r.count;
    return h('li', { value }, r.node ?? h('span', { class: 'fail' }, 'Pending (no node fits)'), many);
  });
}

function filterCell(status: string, reasons: string[]): Child {
  if (status === 'Success')
    return h('span', { class: 'pass', role: 'img', title: 'Success', 'aria-label': 'passed' }, '✓');
  if (status === 'Skip')
    return h(
      'span',
      {
        class: 'muted',
        role: 'img',
        title: 'Skip: the plugin has nothing to check for this pod',
        'aria-label': 'skipped',
      },
      '–',
    );
  return h(
    'span',
    { class: 'fail', title: status },
    h('span', { role: 'img', 'aria-label': 'failed:' }, '✗ '),
    reasons.join('; ') || status,
  );
}

/** The pod's request against the node's allocatable and free amount (`kubectl describe node`). */
function resourceCell(fit: ResourceFit | undefined): Child {
  if (!fit) return '';
  return h(
    'span',
    {
      class: fit.fits ? '' : 'fail',
      title: `request ${fit.requested}, allocatable ${fit.allocatable}, free ${fit.free}`,
    },
    fit.fits ? '' : h('span', { role: 'img', 'aria-label': 'does not fit:' }, '✗ '),
    `${fit.free} free of ${fit.allocatable}`,
  );
}

/** Beyond this many nodes, the table shows the chosen and the first ones, and a button for the rest. */
const FEW_NODES = 4;

function shownNodes(s: SchedulingResult): NodeReport[] {
  if (s.nodes.length <= FEW_NODES || savedState().allNodes) return s.nodes;
  const chosen = s.nodes.filter((n) => n.name === s.node);
  return [...chosen, ...s.nodes.filter((n) => n.name !== s.node).slice(0, FEW_NODES - chosen.length)];
}

export function schedulingSection(s: SchedulingResult): HTMLElement {
  const nodes = shownNodes(s);
  const hidden = s.nodes.length - nodes.length;
  const filterPlugins = [...new Set(nodes.flatMap((n) => n.filters.map((f) => f.plugin)))];
  const scorePlugins = [...new Set(nodes.flatMap((n) => n.scores.map((x) => x.plugin)))];
  const headCells = ['Plugin', ...nodes.map((n) => (n.name === s.node ? `${n.name} ★` : n.name))];
  const group = (title: string) =>
    h(
      'tr',
      { class: 'group' },
      h('th', { colspan: String(nodes.length + 1), scope: 'colgroup' }, h('span', { class: 'group-title' }, title)),
    );
  const row = (label: string, cells: Child[], cls = '') =>
    h(
      'tr',
      { class: cls },
      h('th', { scope: 'row' }, label),
      ...cells.map((c, i) => h('td', { class: nodes[i]?.name === s.node ? 'chosen' : '' }, c)),
    );
  const rows: HTMLElement[] = [];
  if (filterPlugins.length > 0) {
    rows.push(group('Filter'));
    for (const p of filterPlugins)
      rows.push(
        row(
          p,
          nodes.map((n) => {
            const f = n.filters.find((x) => x.plugin === p);
            return f
              ? filterCell(f.status, f.reasons)
              : h('span', { class: 'muted', title: 'not run: an earlier filter rejected the node' }, '');
          }),
        ),
      );
  }
  const resources = [...new Set(nodes.flatMap((n) => (n.resources ?? []).map((r) => r.resource)))];
  if (resources.length > 0) {
    rows.push(group('Resources (the pod requests)'));
    for (const res of resources) {
      const requested = nodes.flatMap((n) => n.resources ?? []).find((r) => r.resource === res)?.requested ?? '';
      rows.push(
        row(
          `${res} ${requested}`,
          nodes.map((n) => resourceCell(n.resources?.find((r) => r.resource === res))),
        ),
      );
    }
  }
  if (scorePlugins.length > 0) {
    rows.push(group('Score (normalised × weight)'));
    for (const p of scorePlugins)
      rows.push(
        row(
          p,
          nodes.map((n) => {
            const x = n.scores.find((y) => y.plugin === p);
            return x
              ? h('span', { title: `raw ${x.raw}, normalised ${x.score}, weight ${x.weight}` }, String(x.weighted))
              : '';
          }),
        ),
      );
    rows.push(
      row(
        'Total',
        nodes.map((n) => h('strong', {}, String(n.total))),
        'total',
      ),
    );
  }
  const matrix =
    nodes.length > 0
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'matrix' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...headCells.map((c, i) =>
                  h('th', { scope: 'col', class: nodes[i - 1]?.name === s.node ? 'chosen' : '' }, c),
                ),
              ),
            ),
            h('tbody', {}, ...rows),
          ),
        )
      : null;
  const more =
    hidden > 0
      ? (() => {
          const b = h(
            'button',
            { class: 'more', 'data-focus': 'more-nodes' },
            `${hidden} more node${hidden === 1 ? '' : 's'}`,
          );
          b.addEventListener('click', () => {
            saveState({ allNodes: true });
            rerender();
          });
          return b;
        })()
      : null;
  const chosen = s.node
    ? h('p', { class: 'verdict tone-ok' }, `Bound to node ${s.node}`)
    : h('p', { class: 'verdict tone-error' }, s.message ?? 'No node fits');
  const placements = s.placements
    ? h('div', {}, h('h3', {}, 'Replica placements'), h('ol', { class: 'placements' }, ...placementItems(s.placements)))
    : null;
  const preemption = s.preemption
    ? h(
        'p',
        {},
        h('strong', {}, 'Preemption: '),
        s.preemption.message,
        s.preemption.victims.length > 0 ? ` (victims: ${s.preemption.victims.join(', ')})` : '',
      )
    : null;
  const notes =
    s.notes && s.notes.length > 0 ? h('ul', { class: 'notes' }, ...s.notes.map((n) => h('li', {}, n))) : null;
  const gated = s.gated && s.gated.length > 0 ? h('p', {}, `Held by scheduling gates: ${s.gated.join(', ')}`) : null;
  return section('scheduling', 'Scheduling', chosen, gated, matrix, more, placements, preemption, notes);
}
