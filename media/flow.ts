// The lifecycle as a vertical flow of stages (API server → etcd → scheduler → kubelet → endpoints) and their steps.
import type { SimulationResult, StageReport, StageStatus, Step, StepStatus } from '../src/engine/types';
import { formatTime, h } from './dom';
import { fieldLink } from './findings';
import { section } from './state';

const STAGE_TITLES: Record<StageReport['name'], string> = {
  manifest: 'Manifest',
  apiserver: 'API server',
  etcd: 'etcd',
  scheduler: 'Scheduler',
  kubelet: 'Kubelet',
  endpoints: 'Endpoints',
};
const STAGE_ROLES: Record<StageReport['name'], string> = {
  manifest: 'YAML parsing',
  apiserver: 'decode, validate, default, admit',
  etcd: 'persist the object',
  scheduler: 'filter, score, bind',
  kubelet: 'volumes, sandbox, images, containers, probes',
  endpoints: 'EndpointSlices, kube-proxy',
};
const STATUS_ICONS: Record<StepStatus | StageStatus, string> = {
  ok: '✓',
  warning: '!',
  failed: '✗',
  skipped: '–',
  waiting: '…',
};
function stepItem(step: Step): HTMLElement {
  const time = `${step.estimate ? '≈ ' : ''}${formatTime(step.at)}`;
  const title = h(
    'span',
    { class: 'step-title' },
    step.title,
    step.duration !== undefined ? h('span', { class: 'muted' }, ` (${formatTime(step.duration)})`) : null,
  );
  // Details are long (every defaulted field, every admission plugin): the flow stays scannable with them folded,
  // except where something went wrong.
  let body: HTMLElement = h('div', { class: 'step-body' }, title);
  if (step.detail) {
    body = h('details', { class: 'step-body' }, h('summary', {}, title), h('div', { class: 'detail' }, step.detail));
    if (step.status === 'failed' || step.status === 'warning') body.setAttribute('open', '');
  }
  return h(
    'li',
    { class: `step status-${step.status}` },
    h('span', { class: 'icon', role: 'img', 'aria-label': step.status }, STATUS_ICONS[step.status]),
    h(
      'span',
      {
        class: 'at',
        title: step.estimate
          ? 'simulated time since kubectl apply, estimated from a typical latency'
          : 'simulated time since kubectl apply',
      },
      time,
    ),
    body,
  );
}

export function flowSection(r: SimulationResult): HTMLElement {
  const stages = r.stages.map((s) => {
    const own = r.findings.filter((f) => f.stage === s.name && f.severity !== 'info');
    return h(
      'li',
      { class: `stage status-${s.status}` },
      h(
        'div',
        { class: 'stage-head' },
        h('span', { class: 'icon', role: 'img', 'aria-label': s.status }, STATUS_ICONS[s.status]),
        h('h3', {}, STAGE_TITLES[s.name]),
        h('span', { class: 'muted' }, STAGE_ROLES[s.name]),
        s.status === 'skipped' ? h('span', { class: 'tag' }, 'skipped') : null,
      ),
      s.steps.length > 0 ? h('ol', { class: 'steps' }, ...s.steps.map(stepItem)) : null,
      own.length > 0 ? h('ul', { class: 'findings compact' }, ...own.map(fieldLink)) : null,
    );
  });
  const controller = r.controller
    ? h(
        'li',
        { class: `stage status-${r.controller.status}` },
        h(
          'div',
          { class: 'stage-head' },
          h(
            'span',
            { class: 'icon', role: 'img', 'aria-label': r.controller.status },
            STATUS_ICONS[r.controller.status],
          ),
          h('h3', {}, r.controller.component),
          h('span', { class: 'muted' }, `what the ${r.kind}'s controller does next`),
        ),
        r.controller.steps.length > 0 ? h('ol', { class: 'steps' }, ...r.controller.steps.map(stepItem)) : null,
        workloadConditions(r),
      )
    : null;
  return section('flow', 'Lifecycle', h('ol', { class: 'flow' }, ...stages, controller));
}

/** The workload's conditions as its controller leaves them (`kubectl describe job` / `deployment`). */
function workloadConditions(r: SimulationResult): HTMLElement | null {
  const conditions = r.workload?.conditions ?? [];
  if (conditions.length === 0) return null;
  return h(
    'ul',
    { class: 'findings compact' },
    ...conditions.map((c) =>
      h(
        'li',
        {},
        h('strong', {}, `${c.type} ${c.status}`),
        c.reason ? ` ${c.reason}` : '',
        c.message ? h('span', { class: 'muted' }, ` — ${c.message}`) : null,
      ),
    ),
  );
}
