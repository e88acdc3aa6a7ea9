// Resolving a container's environment (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go makeEnvironmentVariables):
// envFrom sources in order, then env entries. A missing ConfigMap, Secret or key that is not `optional` fails the
// container's config: event `Error: <err>`, waiting reason CreateContainerConfigError. Only `data` counts for a
// ConfigMap here (binaryData is never put into the environment).
import type { Cluster } from '../cluster/cluster';
import type { Container, Node, Pod } from '../k8s/objects';
import { fieldValue, resourceValue, type PodAddresses } from './downward-api';
import type { Segment } from '../types';
import { findConfigMap, findSecret, notFound } from './volumes/sources';

export interface EnvError {
  message: string;
  segments: Segment[];
}

export interface EnvAssumption {
  message: string;
  segments: Segment[];
}

export interface EnvResult {
  error: EnvError | null;
  assumptions: EnvAssumption[];
}

function assumption(kind: string, name: string, why: string, segments: Segment[]): EnvAssumption {
  return {
    message: `${kind} "${name}" is not in the cluster snapshot; ${why}. If it does not exist, the container fails with CreateContainerConfigError.`,
    segments,
  };
}

export function resolveEnv(container: Container, at: Segment[], namespace: string, cluster: Cluster): EnvResult {
  const assumptions: EnvAssumption[] = [];
  for (const [i, from] of (container.envFrom ?? []).entries()) {
    const base: Segment[] = [...at, 'envFrom', i];
    if (from.configMapRef) {
      const name = from.configMapRef.name ?? '';
      const found = findConfigMap(cluster, name, namespace, false);
      const segments = [...base, 'configMapRef', 'name'];
      if (found.status === 'assumed') assumptions.push(assumption('ConfigMap', name, found.why, segments));
      if (found.status === 'missing' && from.configMapRef.optional !== true)
        return { error: { message: notFound('configmap', name), segments }, assumptions };
    } else if (from.secretRef) {
      const name = from.secretRef.name ?? '';
      const found = findSecret(cluster, name, namespace);
      const segments = [...base, 'secretRef', 'name'];
      if (found.status === 'assumed') assumptions.push(assumption('Secret', name, found.why, segments));
      if (found.status === 'missing' && from.secretRef.optional !== true)
        return { error: { message: notFound('secret', name), segments }, assumptions };
    }
  }
  for (const [i, env] of (container.env ?? []).entries()) {
    // A literal value wins; valueFrom is only read when value is empty.
    if (env.value || !env.valueFrom) continue;
    const base: Segment[] = [...at, 'env', i, 'valueFrom'];
    const cm = env.valueFrom.configMapKeyRef;
    const secret = env.valueFrom.secretKeyRef;
    if (cm) {
      const name = cm.name ?? '';
      const optional = cm.optional === true;
      const found = findConfigMap(cluster, name, namespace, false);
      if (found.status === 'assumed')
        assumptions.push(assumption('ConfigMap', name, found.why, [...base, 'configMapKeyRef', 'name']));
      if (found.status === 'missing' && !optional)
        return {
          error: { message: notFound('configmap', name), segments: [...base, 'configMapKeyRef', 'name'] },
          assumptions,
        };
      if (found.status === 'found' && !found.keys.has(cm.key) && !optional)
        return {
          error: {
            message: `couldn't find key ${cm.key} in ConfigMap ${namespace}/${name}`,
            segments: [...base, 'configMapKeyRef', 'key'],
          },
          assumptions,
        };
    } else if (secret) {
      const name = secret.name ?? '';
      const optional = secret.optional === true;
      const found = findSecret(cluster, name, namespace);
      if (found.status === 'assumed')
        assumptions.push(assumption('Secret', name, found.why, [...base, 'secretKeyRef', 'name']));
      if (found.status === 'missing' && !optional)
        return {
          error: { message: notFound('secret', name), segments: [...base, 'secretKeyRef', 'name'] },
          assumptions,
        };
      if (found.status === 'found' && !found.keys.has(secret.key) && !optional)
        return {
          error: {
            message: `couldn't find key ${secret.key} in Secret ${namespace}/${name}`,
            segments: [...base, 'secretKeyRef', 'key'],
          },
          assumptions,
        };
    }
  }
  return { error: null, assumptions };
}

/**
 * Where each environment variable comes from, for the timeline: literal values, downward API values as the kubelet
 * resolves them, and the ConfigMap or Secret key (Secret values are never shown).
 */
export function describeEnv(pod: Pod, node: Node, container: Container, ips: PodAddresses): string[] {
  const lines: string[] = [];
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ? ` (prefix ${from.prefix})` : '';
    if (from.configMapRef) lines.push(`all keys of ConfigMap ${from.configMapRef.name ?? ''}${prefix}`);
    if (from.secretRef) lines.push(`all keys of Secret ${from.secretRef.name ?? ''}${prefix}`);
  }
  for (const env of container.env ?? []) {
    const v = env.valueFrom;
    if (!v) lines.push(`${env.name}=${env.value ?? ''}`);
    else if (v.fieldRef) {
      const got = fieldValue(pod, v.fieldRef.fieldPath, ips);
      lines.push(`${env.name}=${got ?? '(set at run time)'} (${v.fieldRef.fieldPath})`);
    } else if (v.resourceFieldRef) {
      const target = v.resourceFieldRef.containerName
        ? ([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find(
            (c) => c.name === v.resourceFieldRef?.containerName,
          ) ?? container)
        : container;
      const divisor = v.resourceFieldRef.divisor === undefined ? undefined : String(v.resourceFieldRef.divisor);
      const got = resourceValue(target, node, v.resourceFieldRef.resource, divisor);
      lines.push(`${env.name}=${got ?? '(unknown)'} (${v.resourceFieldRef.resource})`);
    } else if (v.configMapKeyRef)
      lines.push(`${env.name} from ConfigMap ${v.configMapKeyRef.name ?? ''} key ${v.configMapKeyRef.key}`);
    else if (v.secretKeyRef)
      lines.push(`${env.name} from Secret ${v.secretKeyRef.name ?? ''} key ${v.secretKeyRef.key}`);
  }
  return lines;
}
