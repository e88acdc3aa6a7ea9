// The simulation panel's script: renders the PanelModel the extension posts, and asks the extension to reveal a
// field when a finding is clicked. Runs in the webview (a browser, no Node), bundled to dist/webview.js.
import { assertNever, type PanelModel, type ToWebview } from '../src/webview-protocol';
import { assumptionsSection, findingsSection } from './findings';
import { flowSection } from './flow';
import { header } from './header';
import { endpointsSection, eventsSection, stateSection, storedSection } from './pod-status';
import { schedulingSection } from './scheduling';
import { onRerender, post, savedState, saveState } from './state';

const app = document.getElementById('app') as HTMLElement;

/** The key of the document on screen, for its own scroll position. */
const documentKey = (model: PanelModel | null): string =>
  model ? `${model.uri}#${model.result?.documentIndex ?? 'file'}` : '';

/**
 * Where keyboard focus is, as something that survives a re-render: the element's `data-focus` key, a section's
 * summary, or the document picker. Elements are rebuilt from scratch, so a reference to the old one would be lost.
 */
function focusKey(): string | null {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body) return null;
  const keyed = active.closest<HTMLElement>('[data-focus]');
  if (keyed) return `[data-focus="${CSS.escape(keyed.dataset.focus ?? '')}"]`;
  const section = active.closest('details.section');
  if (active.tagName === 'SUMMARY' && section?.id) return `#${CSS.escape(section.id)} > summary`;
  if (active.tagName === 'SELECT') return 'select';
  return null;
}

let current: PanelModel | null = null;

function render(model: PanelModel): void {
  const r = model.result;
  const previous = documentKey(current);
  const scroll = { ...(savedState().scroll ?? {}), ...(previous ? { [previous]: window.scrollY } : {}) };
  const focused = focusKey();
  current = model;
  const findings = r ? [...model.fileFindings, ...r.findings] : model.fileFindings;
  app.replaceChildren(
    ...[
      header(model, r),
      findingsSection(findings),
      assumptionsSection(findings),
      r && flowSection(r),
      r?.scheduling && schedulingSection(r.scheduling),
      r && stateSection(r),
      r && eventsSection(r.events),
      r && endpointsSection(r.endpoints),
      r && storedSection(r.defaulted),
    ].filter((x): x is HTMLElement => !!x),
  );
  // Each document keeps its own place: another document starts where the user left it, or at the top.
  window.scrollTo(0, scroll[documentKey(model)] ?? 0);
  if (focused) app.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
  saveState({ uri: model.uri, documentIndex: r?.documentIndex ?? null, model, scroll });
}

onRerender(() => {
  if (current) render(current);
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'model':
      render(message.model);
      return;
    default:
      assertNever(message.type);
  }
});

// A panel that was hidden or reloaded shows its last model at once, then asks for a fresh one. A model saved by an
// older version of the extension, without the simulated release, waits for the fresh one instead.
const saved = savedState().model;
if (saved && 'kubernetesVersion' in saved.cluster) render(saved);
post({ type: 'ready' });
