// The simulation panel's script: renders the PanelModel the extension posts, and asks the extension to reveal a
// field when a finding is clicked. Runs in the webview (a browser, no Node), bundled to dist/webview.js.
import { assertNever, type PanelModel, type ToWebview } from '../src/webview-protocol';
import { findingsSection } from './findings';
import { flowSection } from './flow';
import { header } from './header';
import { endpointsSection, eventsSection, stateSection, storedSection } from './pod-status';
import { schedulingSection } from './scheduling';
import { post, savedState, saveState } from './state';

const app = document.getElementById('app') as HTMLElement;

function render(model: PanelModel): void {
  const r = model.result;
  const scrollY = window.scrollY;
  const findings = r ? [...model.fileFindings, ...r.findings] : model.fileFindings;
  app.replaceChildren(
    ...[
      header(model, r),
      findingsSection(findings),
      r && flowSection(r),
      r?.scheduling && schedulingSection(r.scheduling),
      r && stateSection(r),
      r && eventsSection(r.events),
      r && endpointsSection(r.endpoints),
      r && storedSection(r.defaulted),
    ].filter((x): x is HTMLElement => !!x),
  );
  window.scrollTo(0, scrollY);
  saveState({ uri: model.uri, documentIndex: r?.documentIndex ?? null, model });
}

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
