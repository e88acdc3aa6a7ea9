// The files a configMap or secret volume source writes (kubernetes/kubernetes pkg/volume/configmap/configmap.go and
// pkg/volume/secret/secret.go MakePayload): every key at its own name with the default mode, or — when `items` are
// given — only those keys, each at its path with its own mode or the default one. A listed key the object lacks fails
// the payload, unless the source is optional: then the item is left out.
import type { SourceLookup } from './sources';

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/** One file of the payload; `key` is the object key whose value it holds (a Secret's value is never shown). */
export interface PayloadFile {
  path: string;
  key: string;
  mode: number;
}

export type Payload = { files: PayloadFile[]; error: null } | { files: null; error: string };

/** v1 defaulting: a configMap, secret, projected or downwardAPI volume's defaultMode is 0644. */
export const DEFAULT_MODE = 0o644;

export function makePayload(
  resource: 'configmap' | 'secret',
  keys: ReadonlySet<string>,
  items: readonly KeyToPath[] | undefined,
  defaultMode: number | undefined,
  optional: boolean,
): Payload {
  const mode = defaultMode ?? DEFAULT_MODE;
  if (!items || items.length === 0)
    return { files: [...keys].sort().map((key) => ({ path: key, key, mode })), error: null };
  const files: PayloadFile[] = [];
  for (const item of items) {
    if (!keys.has(item.key)) {
      if (optional) continue;
      return {
        files: null,
        error:
          resource === 'configmap'
            ? `configmap references non-existent config key: ${item.key}`
            : `references non-existent secret key: ${item.key}`,
      };
    }
    files.push({ path: item.path, key: item.key, mode: item.mode ?? mode });
  }
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), error: null };
}

/**
 * The payload of a source as the snapshot tells it: a missing optional object is an empty one (SetUp carries on
 * with no data); an object the snapshot cannot list is assumed to hold every listed item.
 */
export function payloadOf(
  resource: 'configmap' | 'secret',
  found: SourceLookup,
  items: readonly KeyToPath[] | undefined,
  defaultMode: number | undefined,
  optional: boolean,
): Payload {
  if (found.status === 'found') return makePayload(resource, found.keys, items, defaultMode, optional);
  if (found.status === 'assumed')
    return makePayload(resource, new Set((items ?? []).map((i) => i.key)), items, defaultMode, optional);
  return makePayload(resource, new Set(), items, defaultMode, optional);
}
