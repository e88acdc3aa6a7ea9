// The files a downwardAPI volume holds (kubernetes/kubernetes pkg/volume/downwardapi/downwardapi.go CollectData):
// a fieldRef's value — metadata.labels and metadata.annotations as fieldpath.FormatMap writes them, one
// `key="value"` line per entry in key order, with no trailing new line — or a resourceFieldRef's amount.
import type { Container, Node, Pod } from '../../k8s/objects';
import { fieldValue, resourceValue } from '../downward-api';
import { goQuote } from '../go-format';

export interface DownwardFile {
  path: string;
  content: string | null;
}

interface DownwardItem {
  path: string;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number };
}

/** pkg/fieldpath/fieldpath.go FormatMap. */
export function formatMap(m: Record<string, string>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${goQuote(m[k] ?? '')}`)
    .join('\n');
}

function fieldContent(pod: Pod, path: string): string | null {
  if (path === 'metadata.labels') return formatMap((pod.metadata?.labels ?? {}) as Record<string, string>);
  if (path === 'metadata.annotations') return formatMap((pod.metadata?.annotations ?? {}) as Record<string, string>);
  // Volumes take only metadata fields (API validation); pod IPs never apply here.
  return fieldValue(pod, path, { podIP: null, hostIP: null });
}

export function downwardFiles(pod: Pod, node: Node, items: readonly DownwardItem[]): DownwardFile[] {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  return items.map((item) => {
    if (item.fieldRef) return { path: item.path, content: fieldContent(pod, item.fieldRef.fieldPath) };
    const ref = item.resourceFieldRef;
    const container = containers.find((c) => c.name === ref?.containerName);
    const divisor = ref?.divisor === undefined ? undefined : String(ref.divisor);
    const content = ref && container ? resourceValue(container, node, ref.resource, divisor) : null;
    return { path: item.path, content };
  });
}
