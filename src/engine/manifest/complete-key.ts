import { describeField, fieldAt, fieldNamesAt } from '../k8s/schema';
import { type KubeVersion, NEWEST } from '../version/kube-version';
import { keyCompletionContext } from './completion-context';
import { parseManifest } from './parse';

export interface KeyCompletion {
  name: string;
  typeLabel: string;
  /** Markdown: the field's type, allowed values and description from the Kubernetes OpenAPI schema. */
  documentation: string;
}

export interface KeyCompletions {
  items: KeyCompletion[];
  /** The typed part of the key spans [prefixStart, offset). */
  prefixStart: number;
}

/**
 * The field names that can be written at `offset` in a manifest, with their docs: what the schema allows in the
 * mapping the cursor is in, for the document's kind. A document being edited may not parse; its `kind:` line
 * still tells what it is. Only the fields of the release simulated (`version`) are offered.
 */
export function completeKey(
  text: string,
  file: string,
  offset: number,
  version: KubeVersion = NEWEST,
): KeyCompletions | null {
  const manifest = parseManifest(text, file);
  const d = [...manifest.documents].reverse().find((x) => x.range[0] <= offset);
  if (!d) return null;
  const source = text.slice(d.range[0], Math.max(d.range[1], offset));
  const kind = typeof d.object?.kind === 'string' ? d.object.kind : /^kind:[ \t]*([A-Za-z]+)[ \t]*$/m.exec(source)?.[1];
  if (!kind) return null;
  const context = keyCompletionContext(text, d.doc, offset);
  if (!context) return null;
  const names = fieldNamesAt(kind, context.parent, version);
  if (!names) return null;
  const items = names
    .filter((n) => n !== 'status')
    .map((name) => {
      const segments = [...context.parent, name];
      return {
        name,
        typeLabel: fieldAt(kind, segments, version)?.typeLabel ?? '',
        documentation: describeField(kind, segments, version) ?? '',
      };
    });
  return { items, prefixStart: context.prefixStart };
}
