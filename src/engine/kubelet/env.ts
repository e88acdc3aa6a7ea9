// Resolving a container's environment (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go makeEnvironmentVariables):
// envFrom sources in order, then env entries (`$(VAR)` expanded against the variables before them and the Service
// variables), then the Service variables (service-env.ts). A missing ConfigMap, Secret or key that is not `optional`
// fails the container's config: event `Error: <err>`, waiting reason CreateContainerConfigError. Only `data` counts
// for a ConfigMap here (binaryData is never put into the environment).
import type { Cluster } from '../cluster/cluster';
import type { Container, Node, Pod } from '../k8s/objects';
import { fieldValue, resourceValue, type PodAddresses } from './downward-api';
import type { Segment } from '../types';
import { findConfigMap, findSecret, notFound } from './volumes/sources';
import { expandWithin, MAX_ARG_STRLEN, mappingFuncFor } from './expansion';
import { serviceEnvVars } from './service-env';
import { namespaceOf } from '../k8s/namespace';

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

/** One variable as the container gets it; `value` null: known only at run time, or a Secret's (never shown). */
export interface ResolvedEnvVar {
  name: string;
  value: string | null;
}

function configMapData(cluster: Cluster, name: string, namespace: string): Record<string, string> | null {
  const cm = cluster.objects.ConfigMap.find((c) => c.metadata?.name === name && namespaceOf(c) === namespace);
  return cm ? (cm.data ?? {}) : null;
}

function secretKeys(cluster: Cluster, name: string, namespace: string): string[] | null {
  const secret = cluster.objects.Secret.find((c) => c.metadata?.name === name && namespaceOf(c) === namespace);
  return secret ? Object.keys({ ...secret.data, ...secret.stringData }) : null;
}

/**
 * makeEnvironmentVariables, for a container whose sources all resolve (resolveEnv reports the ones that do not):
 * envFrom keys in order, then each `env` entry — a literal value is expanded against the variables before it and
 * the Service variables, a source that is missing but optional is skipped — then the Service variables no entry
 * has taken. `lines` says where each comes from, for the timeline.
 */
export function makeEnvironmentVariables(
  pod: Pod,
  node: Node,
  container: Container,
  ips: PodAddresses,
  cluster: Cluster,
): { env: ResolvedEnvVar[]; lines: string[]; tooLong: number[] } {
  const namespace = namespaceOf(pod);
  const services = serviceEnvVars(cluster, namespace, pod.spec?.enableServiceLinks !== false);
  // tmpEnv: a Map keeps the order variables were first set; a null value is a Secret's.
  const tmp = new Map<string, string | null>();
  const known = new Map<string, string>();
  const set = (name: string, value: string | null): void => {
    tmp.set(name, value);
    if (value === null) known.delete(name);
    else known.set(name, value);
  };
  const lines: string[] = [];
  // The pod as this kubelet runs it: bound to its node, so spec.nodeName is the node's name.
  const bound: Pod = {
    ...pod,
    spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: node.metadata?.name },
  };
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    const note = prefix ? ` (prefix ${prefix})` : '';
    if (from.configMapRef) {
      const name = from.configMapRef.name ?? '';
      const data = Object.entries(configMapData(cluster, name, namespace) ?? {});
      const values = data.map(([k, v]) => `${prefix}${k}=${v}`).join(' ');
      lines.push(`all keys of ConfigMap ${name}${note}${values ? `: ${values}` : ''}`);
      for (const [k, v] of data) set(prefix + k, v);
    } else if (from.secretRef) {
      const name = from.secretRef.name ?? '';
      lines.push(`all keys of Secret ${name}${note}`);
      for (const k of secretKeys(cluster, name, namespace) ?? []) set(prefix + k, null);
    }
  }
  const mapping = mappingFuncFor(known, services);
  const tooLong: number[] = [];
  for (const [index, env] of (container.env ?? []).entries()) {
    const v = env.valueFrom;
    if (env.value || !v) {
      // A reference to a variable whose value is not shown (a Secret's, or one set at run time) is expanded by the
      // kubelet with that value (MappingFuncFor(tmpEnv, serviceEnv)), so the result is not known here either.
      let opaque = false;
      const expanded = expandWithin(
        env.value ?? '',
        (name) => {
          if (tmp.get(name) === null) opaque = true;
          return mapping(name);
        },
        MAX_ARG_STRLEN - env.name.length - 1,
      );
      if (expanded === null) {
        // Past what execve takes the value is not followed further: it is unknown, as a Secret's is.
        tooLong.push(index);
        set(env.name, null);
        lines.push(`${env.name}=(longer than ${MAX_ARG_STRLEN} characters once expanded)`);
        continue;
      }
      set(env.name, opaque ? null : expanded);
      lines.push(opaque ? `${env.name}=${expanded} (expanded at run time)` : `${env.name}=${expanded}`);
    } else if (v.fieldRef) {
      const got = fieldValue(bound, v.fieldRef.fieldPath, ips);
      set(env.name, got);
      lines.push(`${env.name}=${got ?? '(set at run time)'} (${v.fieldRef.fieldPath})`);
    } else if (v.resourceFieldRef) {
      const target = v.resourceFieldRef.containerName
        ? ([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find(
            (c) => c.name === v.resourceFieldRef?.containerName,
          ) ?? container)
        : container;
      const divisor = v.resourceFieldRef.divisor === undefined ? undefined : String(v.resourceFieldRef.divisor);
      const got = resourceValue(target, node, v.resourceFieldRef.resource, divisor);
      set(env.name, got);
      lines.push(`${env.name}=${got ?? '(unknown)'} (${v.resourceFieldRef.resource})`);
    } else if (v.configMapKeyRef) {
      const { name = '', key } = v.configMapKeyRef;
      const got = configMapData(cluster, name, namespace)?.[key];
      // A missing optional source leaves the variable out; a missing required one failed in resolveEnv.
      if (got !== undefined) set(env.name, got);
      lines.push(
        got === undefined
          ? `${env.name} from ConfigMap ${name} key ${key}`
          : `${env.name}=${got} (ConfigMap ${name} key ${key})`,
      );
    } else if (v.secretKeyRef) {
      const { name = '', key } = v.secretKeyRef;
      if (secretKeys(cluster, name, namespace)?.includes(key)) set(env.name, null);
      lines.push(`${env.name} from Secret ${name} key ${key}`);
    }
  }
  const env: ResolvedEnvVar[] = [...tmp].map(([name, value]) => ({ name, value }));
  const remaining = [...services].filter(([k]) => !tmp.has(k));
  for (const [name, value] of remaining) env.push({ name, value });
  if (remaining.length > 0) {
    const which =
      pod.spec?.enableServiceLinks === false ? ' (enableServiceLinks false: the kubernetes Service only)' : '';
    lines.push(`from Services${which}: ${remaining.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  return { env, lines, tooLong };
}
