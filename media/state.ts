// The webview's link to the extension: messages out, and the state VS Code keeps across reloads.
import type { FromWebview, WebviewState } from '../src/webview-protocol';
import { type Child, h } from './dom';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: WebviewState = vscode.getState() ?? { uri: '', documentIndex: null, model: null, sections: {} };

export function post(message: FromWebview): void {
  vscode.postMessage(message);
}

export function savedState(): WebviewState {
  return state;
}

export function saveState(change: Partial<WebviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

/** The object as stored is long, so its section starts closed; the others start open. */
const CLOSED_BY_DEFAULT = 'stored';

/** A collapsible section of the panel that remembers whether the user opened or closed it. */
export function section(id: string, title: string, ...content: Child[]): HTMLElement {
  const details = h('details', { id, class: 'section' }, h('summary', {}, h('h2', {}, title)), ...content);
  if (state.sections[id] ?? id !== CLOSED_BY_DEFAULT) details.setAttribute('open', '');
  details.addEventListener('toggle', () => {
    saveState({ sections: { ...state.sections, [id]: details.hasAttribute('open') } });
  });
  return details;
}

let renderAgain: () => void = () => {};

/** Registers how to draw the panel again from the last model (after a view option changes). */
export function onRerender(f: () => void): void {
  renderAgain = f;
}

export function rerender(): void {
  renderAgain();
}
