// Create-time warnings, printed by kubectl as `Warning: <text>` (apiserver reference §8; kubernetes/kubernetes
// pkg/api/pod/warnings.go warningsForPodSpecAndMeta, pkg/api/node/util.go, and each strategy's WarningsOnCreate).
// Map keys are visited in sorted order where Go ranges over a map.
import type { Container, KubeObject, PodSpec, PodTemplateSpec } from '../../k8s/objects';
import { FieldPath } from '../../k8s/field-path';
import type { Segment } from '../../types';
import { isDNS1123Label, isValidLabelValue } from '../../k8s/names';
import { sortedEntries } from './object-meta';
import { canonicalQuantity, milliValueOf, parseQuantityValue } from './quantity-value';
import { overlappingPathWarnings } from './path-overlap';

export interface CreateWarning {
  /** Where the warning points, in the document's structure. */
  path: string;
  segments: Segment[];
  /** The whole warning text as the API server returns it (kubectl prints `Warning: ` before it). */
  message: string;
}

const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

const DEPRECATED_ANNOTATIONS: [string, string][] = [
  ['scheduler.alpha.kubernetes.io/critical-pod', 'non-functional in v1.16+; use the "priorityClassName" field instead'],
  ['security.alpha.kubernetes.io/sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
  ['security.alpha.kubernetes.io/unsafe-sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
];

// GitRepoVolumeDriver is off by default since v1.33, which changes the gitRepo text.
const DEPRECATED_VOLUMES: [string, string, string][] = [
  ['photonPersistentDisk', 'photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'gitRepo', 'deprecated in v1.11, and disabled by default in v1.33+'],
  ['scaleIO', 'scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'storageOS', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'rbd', 'deprecated in v1.28, non-functional in v1.31+'],
];

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

class Collector {
  readonly list: CreateWarning[] = [];
  add(path: FieldPath, text: string): void {
    this.list.push({ path: path.toString(), segments: [...path.segments], message: `${path.toString()}: ${text}` });
  }
  /** A warning whose text carries no field-path prefix; `path` only locates it. */
  addUnprefixed(path: FieldPath, message: string): void {
    this.list.push({ path: path.toString(), segments: [...path.segments], message });
  }
}

type AnyContainer = Container;

function visit(spec: PodSpec, specPath: FieldPath): [AnyContainer, FieldPath][] {
  return [
    ...(spec.initContainers ?? []).map((c, i): [AnyContainer, FieldPath] => [
      c,
      specPath.child('initContainers').index(i),
    ]),
    ...(spec.containers ?? []).map((c, i): [AnyContainer, FieldPath] => [c, specPath.child('containers').index(i)]),
    ...(spec.ephemeralContainers ?? []).map((c, i): [AnyContainer, FieldPath] => [
      c as AnyContainer,
      specPath.child('ephemeralContainers').index(i),
    ]),
  ];
}

function fractional(w: Collector, list: Record<string, number | string> | undefined, path: FieldPath): void {
  for (const name of ['memory', 'ephemeral-storage']) {
    const raw = list?.[name];
    const q = raw === undefined ? null : parseQuantityValue(raw);
    if (q && milliValueOf(q) % 1000n !== 0n) {
      w.add(
        path.key(name),
        `fractional byte value ${JSON.stringify(canonicalQuantity(q))} is invalid, must be an integer`,
      );
    }
  }
}

type Term = { matchExpressions?: { key: string; values?: string[] }[] };

function nodeSelectorTermWarnings(w: Collector, term: Term, path: FieldPath, checkValues: boolean): void {
  (term.matchExpressions ?? []).forEach((e, i) => {
    const msg = DEPRECATED_NODE_LABELS[e.key];
    if (msg) w.add(path.child('matchExpressions').index(i).child('key'), `${e.key} is ${msg}`);
    if (checkValues) {
      (e.values ?? []).forEach((v, j) => {
        for (const m of isValidLabelValue(v)) {
          w.add(path.child('matchExpressions').index(i).child('values').index(j), `${v} is invalid, ${m}`);
        }
      });
    }
  });
}

/** `%+v` of an internal ContainerPort. */
function formatPort(p: NonNullable<Container['ports']>[number]): string {
  return `{Name:${p.name ?? ''} HostPort:${p.hostPort ?? 0} ContainerPort:${p.containerPort} Protocol:${p.protocol ?? 'TCP'} HostIP:${p.hostIP ?? ''}}`;
}

function portWarnings(w: Collector, containers: [AnyContainer, FieldPath][]): void {
  const seen = new Map<string, { path: FieldPath; hostIP: string; hostPort: number }[]>();
  for (const [c, cp] of containers) {
    (c.ports ?? []).forEach((port, i) => {
      const p = cp.child('ports').index(i);
      const hostIP = port.hostIP ?? '';
      const hostPort = port.hostPort ?? 0;
      if (hostIP !== '' && hostPort === 0) w.add(p, `hostIP set without hostPort: ${formatPort(port)}`);
      const key = `${port.containerPort}/${port.protocol ?? 'TCP'}`;
      for (const other of seen.get(key) ?? []) {
        if (hostIP === other.hostIP && hostPort === other.hostPort)
          w.add(p, `duplicate port definition with ${other.path}`);
        else if (hostPort === 0 || other.hostPort === 0) w.add(p, `overlapping port definition with ${other.path}`);
        else if (hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === '')) {
          w.add(p, `dangerously ambiguous port definition with ${other.path}`);
        }
      }
      seen.set(key, [...(seen.get(key) ?? []), { path: p, hostIP, hostPort }]);
    });
  }
  const names = new Map<string, FieldPath>();
  for (const [c, cp] of containers) {
    (c.ports ?? []).forEach((port, i) => {
      if (!port.name) return;
      const p = cp.child('ports').index(i);
      const other = names.get(port.name);
      if (other) {
        w.add(
          p,
          `duplicate port name ${JSON.stringify(port.name)} with ${other}, services and probes that select ports by name will use ${other}`,
        );
      } else names.set(port.name, p);
    });
  }
}

/** warningsForPodSpecAndMeta; `base` is `[]` for a Pod and the template's path for a workload. */
export function podSpecWarnings(
  spec: PodSpec,
  annotations: Record<string, string> | undefined,
  base: FieldPath | null,
): CreateWarning[] {
  const w = new Collector();
  const at = (...names: string[]) => (base ? base.child(...names) : FieldPath.root(...names));
  const specPath = at('spec');
  const metaAnnotations = at('metadata', 'annotations');
  const ann = annotations ?? {};
  for (const [k] of sortedEntries(spec.nodeSelector)) {
    const msg = DEPRECATED_NODE_LABELS[k];
    if (msg) w.add(specPath.child('nodeSelector').key(k), msg);
  }
  const na = spec.affinity?.nodeAffinity;
  if (na) {
    const np = specPath.child('affinity', 'nodeAffinity');
    (na.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).forEach((t, i) =>
      nodeSelectorTermWarnings(
        w,
        t,
        np.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms').index(i),
        false,
      ),
    );
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) =>
      nodeSelectorTermWarnings(
        w,
        t.preference,
        np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i).child('preference'),
        true,
      ),
    );
  }
  (spec.topologySpreadConstraints ?? []).forEach((t, i) => {
    const p = specPath.child('topologySpreadConstraints').index(i);
    const msg = DEPRECATED_NODE_LABELS[t.topologyKey];
    if (msg) w.add(p.child('topologyKey'), `${t.topologyKey} is ${msg}`);
    if (t.labelSelector == null) w.add(p.child('labelSelector'), 'a null labelSelector results in matching no pod');
  });
  for (const [key, msg] of DEPRECATED_ANNOTATIONS) if (key in ann) w.add(metaAnnotations.key(key), msg);
  (spec.volumes ?? []).forEach((v, i) => {
    for (const [field, pathName, msg] of DEPRECATED_VOLUMES) {
      if ((v as unknown as Record<string, unknown>)[field] != null)
        w.add(specPath.child('volumes').index(i).child(pathName), msg);
    }
  });
  for (const text of overlappingPathWarnings(spec.volumes)) w.addUnprefixed(specPath.child('volumes'), text);
  const aliases = spec.hostAliases ?? [];
  if (aliases.length > 1) {
    const ips = new Set<string>();
    aliases.forEach((a, i) => {
      if (ips.has(a.ip))
        w.add(specPath.child('hostAliases').index(i).child('ip'), `duplicate ip ${JSON.stringify(a.ip)}`);
      else ips.add(a.ip);
    });
  }
  const secrets = spec.imagePullSecrets ?? [];
  if (secrets.length > 1) {
    const names = new Set<string>();
    secrets.forEach((s, i) => {
      const name = s.name ?? '';
      if (names.has(name))
        w.add(specPath.child('imagePullSecrets').index(i).child('name'), `duplicate name ${JSON.stringify(name)}`);
      else names.add(name);
    });
  }
  secrets.forEach((s, i) => {
    if (!s.name) w.add(specPath.child('imagePullSecrets').index(i).child('name'), 'invalid empty name ""');
  });
  fractional(w, spec.overhead, specPath.child('overhead'));
  if (!spec.securityContext?.seccompProfile && SECCOMP_POD_ANNOTATION in ann) {
    w.add(
      metaAnnotations.key(SECCOMP_POD_ANNOTATION),
      'non-functional in v1.27+; use the "seccompProfile" field instead',
    );
  }
  const containers = visit(spec, specPath);
  for (const [c, cp] of containers) {
    const key = SECCOMP_CONTAINER_PREFIX + c.name;
    if (!c.securityContext?.seccompProfile && key in ann) {
      w.add(metaAnnotations.key(key), 'non-functional in v1.27+; use the "seccompProfile" field instead');
    }
    if (base && !spec.securityContext?.appArmorProfile && !c.securityContext?.appArmorProfile) {
      const aaKey = `container.apparmor.security.beta.kubernetes.io/${c.name}`;
      if (aaKey in ann)
        w.add(metaAnnotations.key(aaKey), 'deprecated since v1.30; use the "appArmorProfile" field instead');
    }
    fractional(w, c.resources?.limits, cp.child('resources', 'limits'));
    fractional(w, c.resources?.requests, cp.child('resources', 'requests'));
    const env = c.env ?? [];
    const names = new Set<string>();
    env.forEach((e, i) => {
      if (!names.has(e.name)) {
        names.add(e.name);
        return;
      }
      const ref = `$(${e.name})`;
      const value = e.value ?? '';
      if (e.valueFrom != null || value === ref || !value.includes(ref)) {
        w.add(
          cp.child('env').index(i),
          `hides previous definition of ${JSON.stringify(e.name)}, which may be dropped when using apply`,
        );
      }
    });
  }
  portWarnings(w, containers);
  if ((spec.terminationGracePeriodSeconds ?? 0) < 0) {
    w.add(
      specPath.child('terminationGracePeriodSeconds'),
      'must be >= 0; negative values are invalid and will be treated as 1',
    );
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = spec.affinity?.[kind];
    if (!a) continue;
    const p = specPath.child('affinity', kind);
    (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      if (t.labelSelector == null) {
        w.add(
          p.child('requiredDuringSchedulingIgnoredDuringExecution').index(i).child('labelSelector'),
          'a null labelSelector results in matching no pod',
        );
      }
    });
    (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      if (t.podAffinityTerm.labelSelector == null) {
        w.add(
          p.child('preferredDuringSchedulingIgnoredDuringExecution').index(i).child('podAffinityTerm', 'labelSelector'),
          'a null labelSelector results in matching no pod',
        );
      }
    });
  }
  return w.list;
}

function nameWarning(obj: KubeObject, usedIn: string): CreateWarning[] {
  const name = obj.metadata?.name ?? '';
  const msgs = isDNS1123Label(name);
  if (!name || msgs.length === 0) return [];
  const path = FieldPath.root('metadata', 'name');
  // Go prints the []string with %v: `[msg1 msg2]`.
  return [
    {
      path: path.toString(),
      segments: [...path.segments],
      message: `metadata.name: this is used in ${usedIn}, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`,
    },
  ];
}

function templateWarnings(template: PodTemplateSpec | undefined, base: FieldPath): CreateWarning[] {
  if (!template) return [];
  return podSpecWarnings(template.spec ?? { containers: [] }, template.metadata?.annotations, base);
}

export function warningsFor(obj: KubeObject): CreateWarning[] {
  const spec = obj.spec as
    { template?: PodTemplateSpec; jobTemplate?: { spec?: { template?: PodTemplateSpec } } } | undefined;
  switch (obj.kind) {
    case 'Pod':
      return [
        ...nameWarning(obj, "the Pod's hostname"),
        ...podSpecWarnings((obj.spec ?? { containers: [] }) as PodSpec, obj.metadata?.annotations, null),
      ];
    case 'StatefulSet':
      return templateWarnings(spec?.template, FieldPath.root('spec', 'template'));
    case 'CronJob':
      return [
        ...nameWarning(obj, 'Pod names and hostnames'),
        ...templateWarnings(
          spec?.jobTemplate?.spec?.template,
          FieldPath.root('spec', 'jobTemplate', 'spec', 'template'),
        ),
      ];
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'ReplicationController':
    case 'Job':
      return [
        ...nameWarning(obj, 'Pod names and hostnames'),
        ...templateWarnings(spec?.template, FieldPath.root('spec', 'template')),
      ];
    default:
      return [];
  }
}
