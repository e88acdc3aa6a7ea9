// The panel's header: what is simulated, against which cluster, and how it ends.
import type { SimulationResult, Verdict } from '../src/engine/types';
import type { PanelModel } from '../src/webview-protocol';
import { h } from './dom';
import { post } from './state';

const TONE: Record<Verdict['outcome'], 'ok' | 'warning' | 'error'> = {
  rejected: 'error',
  unschedulable: 'error',
  'will fail': 'error',
  running: 'ok',
  completed: 'ok',
  assumed: 'ok',
};

export function header(model: PanelModel, r: SimulationResult | null): HTMLElement {
  const release = model.cluster.kubernetesVersion;
  const cluster = `${model.cluster.source === 'embedded' ? 'embedded default cluster' : model.cluster.source} (${model.cluster.nodes} node${model.cluster.nodes === 1 ? '' : 's'}, Kubernetes 1.${release.minor})`;
  const version = h('p', { class: 'meta', title: release.reason }, `Kubernetes 1.${release.minor}: ${release.reason}`);
  const picker =
    model.documents.length > 1
      ? (() => {
          const select = h(
            'select',
            { 'aria-label': 'Document to simulate' },
            ...model.documents.map((d) => {
              const o = h('option', { value: String(d.index) }, `${d.kind} ${d.name} (document ${d.index + 1})`);
              if (r && d.index === r.documentIndex) o.setAttribute('selected', '');
              return o;
            }),
          ) as HTMLSelectElement;
          select.addEventListener('change', () => post({ type: 'select', documentIndex: Number(select.value) }));
          return h('label', { class: 'picker' }, 'Document ', select);
        })()
      : null;
  if (!r) {
    const errors = model.fileFindings.filter((f) => f.severity === 'error');
    const unparsed = errors.some((f) => f.stage === 'manifest');
    const none = 'No Pod or pod-creating workload (Deployment, StatefulSet, Job, ...) to simulate in this file.';
    return h(
      'header',
      { class: 'header' },
      h('h1', {}, model.file || 'Pod Lifecycle Preview'),
      h(
        'p',
        { class: errors.length > 0 ? 'verdict tone-error' : 'muted' },
        unparsed
          ? 'The file does not parse, so kubectl would send nothing to the API server.'
          : errors.length > 0
            ? `The API server would reject an object of this file (see Findings). ${none}`
            : none,
      ),
      h('p', { class: 'meta' }, `Cluster: ${cluster}`),
      version,
    );
  }
  const v = r.verdict;
  const ip = r.finalState?.podIP;
  return h(
    'header',
    { class: 'header' },
    h(
      'div',
      { class: 'identity' },
      h('span', { class: 'kind' }, r.kind),
      h('h1', { class: 'name' }, r.name || '(generated name)'),
      h('span', { class: 'namespace' }, `namespace ${r.namespace}`),
    ),
    h(
      'p',
      { class: `verdict tone-${TONE[v.outcome]}`, role: 'status' },
      v.title,
      ip ? h('span', { class: 'muted' }, ` · pod IP ${ip}`) : null,
    ),
    // An assumed verdict rests on the assumptions the section below lists; the reason would repeat the first.
    v.reason && v.outcome !== 'assumed' ? h('p', { class: 'verdict-reason' }, v.reason) : null,
    v.fix ? h('p', { class: 'verdict-fix' }, h('strong', {}, 'Fix: '), v.fix) : null,
    h(
      'p',
      { class: 'meta' },
      `${model.file}, document ${r.documentIndex + 1}`,
      r.templatePath ? ` · pod template at ${r.templatePath}` : '',
      ` · cluster: ${cluster}`,
    ),
    version,
    picker,
  );
}
