// Findings: the full list, and the short field links under each stage. Clicking one shows the field in the editor.
import type { Finding } from '../src/engine/types';
import { h } from './dom';
import { post, section } from './state';

function reveal(f: Finding): void {
  if (f.line !== undefined) post({ type: 'reveal', line: f.line, column: f.column ?? 1 });
}

/** A field path that may wrap only between its segments (`spec.containers[0].` / `resources.requests.cpu`). */
function pathElement(path: string): HTMLElement {
  const parts = path.split(/(?<=\.)/);
  return h('code', { class: 'finding-path' }, ...parts.flatMap((p, i) => (i === 0 ? [p] : [h('wbr'), p])));
}

/** A button per quick fix: the same change the editor's light bulb offers. */
function fixButtons(f: Finding): HTMLElement | null {
  const line = f.line;
  if (line === undefined || !f.fixes || f.fixes.length === 0) return null;
  return h(
    'div',
    { class: 'fixes' },
    ...f.fixes.map((fix) => {
      const b = h(
        'button',
        { class: 'fix', 'data-focus': `fix:${f.code}:${f.path}:${fix.title}` },
        `Fix: ${fix.title}`,
      );
      b.addEventListener('click', () => post({ type: 'fix', line, fix }));
      return b;
    }),
  );
}

/** What each node has (related information), under the finding it explains. */
function relatedList(f: Finding): HTMLElement | null {
  const numbers = (f.related ?? []).filter((r) => r.message.includes(': '));
  if (numbers.length === 0) return null;
  return h('ul', { class: 'related' }, ...numbers.map((r) => h('li', {}, r.message)));
}

function findingItem(f: Finding): HTMLElement {
  const item = findingRow(f);
  const extra = [relatedList(f), fixButtons(f)].filter((x): x is HTMLElement => x !== null);
  if (extra.length === 0) return item;
  return h('li', { class: 'finding-group' }, h('ul', { class: 'findings' }, item), ...extra);
}

function findingRow(f: Finding): HTMLElement {
  const where = f.line !== undefined ? `line ${f.line}` : '';
  const body = h(
    'span',
    { class: 'finding-body' },
    f.then
      ? h('span', { class: 'tag then', title: 'kubectl shows this once the mistakes above are fixed' }, 'then')
      : null,
    h('span', { class: 'finding-code' }, f.code),
    f.path ? pathElement(f.path) : null,
    h('span', { class: 'finding-message' }, f.message),
  );
  const icon = h(
    'span',
    { class: `icon severity-${f.severity}`, role: 'img', 'aria-label': iconLabel(f) },
    severityIcon(f),
  );
  if (f.line === undefined) return h('li', { class: 'finding' }, icon, body);
  const button = h(
    'button',
    { class: 'finding-link', title: `Show ${where} in the editor`, 'data-focus': `finding:${f.code}:${f.path}` },
    icon,
    body,
    h('span', { class: 'finding-where' }, where),
  );
  button.addEventListener('click', () => reveal(f));
  return h('li', { class: 'finding' }, button);
}

/** A stage's finding, shortened to the field it is about: the full message is in the Findings section above. */
export function fieldLink(f: Finding): HTMLElement {
  const icon = h(
    'span',
    { class: `icon severity-${f.severity}`, role: 'img', 'aria-label': iconLabel(f) },
    severityIcon(f),
  );
  const label = h(
    'span',
    { class: 'finding-body' },
    h('span', { class: 'finding-code' }, f.code),
    f.path ? pathElement(f.path) : null,
  );
  if (f.line === undefined) return h('li', { class: 'finding' }, icon, label);
  const button = h(
    'button',
    { class: 'finding-link', title: `${f.message}\n\nShow line ${f.line} in the editor` },
    icon,
    label,
    h('span', { class: 'finding-where' }, `line ${f.line}`),
  );
  button.addEventListener('click', () => reveal(f));
  return h('li', { class: 'finding' }, button);
}

function severityIcon(f: Finding): string {
  return f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : 'i';
}

/** What a screen reader says for the icon: the severity, or that it is an assumption. */
const iconLabel = (f: Finding): string => (f.assumption ? 'assumption' : f.severity);

export function findingsSection(all: Finding[]): HTMLElement | null {
  const findings = all.filter((f) => !f.assumption);
  if (findings.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return section(
    'findings',
    `Findings (${findings.length})`,
    h('ul', { class: 'findings' }, ...sorted.map(findingItem)),
  );
}

/** What the simulation assumed to reach its verdict: not problems, but what to check if the real outcome differs. */
export function assumptionsSection(all: Finding[]): HTMLElement | null {
  const assumed = all.filter((f) => f.assumption);
  if (assumed.length === 0) return null;
  return section(
    'assumptions',
    `Assumptions (${assumed.length})`,
    h('ul', { class: 'findings' }, ...assumed.map(findingItem)),
  );
}
