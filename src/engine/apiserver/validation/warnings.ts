// Create-time warnings, printed by kubectl as `Warning: <text>` (apiserver reference §8; kubernetes/kubernetes
// pkg/api/pod/warnings.go warningsForPodSpecAndMeta, pkg/api/node/util.go, pkg/api/persistentvolumeclaim/util.go,
// pkg/api/job/warnings.go, and each strategy's WarningsOnCreate). Map keys are visited in sorted order where Go
// ranges over a map.
import type { Container, KubeObject, PodSpec, PodTemplateSpec } from '../../k8s/objects';
import { FieldPath } from '../../k8s/field-path';
import type { Segment } from '../../types';
import { isDNS1123Label, isValidLabelValue } from '../../k8s/names';
import { sortedEntries } from './object-meta';
import { canonicalQuantity, milliValueOf, toQuantity } from '../../k8s/quantity';
import { overlappingPathWarnings } from './path-overlap';
import { ipWarnings } from './ip-warnings';

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

// GitRepoVolumeDriver is off by default since v1.33, which changes the gitRepo text. Go checks a volume's
// ephemeral claim template between glusterfs and cephfs, hence two lists.
const DEPRECATED_VOLUMES_BEFORE_EPHEMERAL: [string, string, string][] = [
  ['photonPersistentDisk', 'photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'gitRepo', 'deprecated in v1.11, and disabled by default in v1.33+'],
  ['scaleIO', 'scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'storageOS', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
];
const DEPRECATED_VOLUMES_AFTER_EPHEMERAL: [string, string, string][] = [
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

function fractionalOne(w: Collector, raw: number | string | undefined, path: FieldPath): void {
  const q = raw === undefined ? null : toQuantity(raw);
  if (q && milliValueOf(q) % 1000n !== 0n)
    w.add(path, `fractional byte value ${JSON.stringify(canonicalQuantity(q))} is invalid, must be an integer`);
}

type ResourceList = Record<string, number | string> | undefined;

/** Overhead: memory, then ephemeral-storage. */
function fractionalOverhead(w: Collector, list: ResourceList, path: FieldPath): void {
  for (const name of ['memory', 'ephemeral-storage']) fractionalOne(w, list?.[name], path.key(name));
}

/** A container's lists in Go's order: limits and requests of memory, then of ephemeral-storage. */
function fractionalContainer(w: Collector, c: AnyContainer, path: FieldPath): void {
  for (const name of ['memory', 'ephemeral-storage'])
    for (const list of ['limits', 'requests'] as const)
      fractionalOne(w, (c.resources?.[list] as ResourceList)?.[name], path.child('resources', list).key(name));
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
    const vp = specPath.child('volumes').index(i);
    const deprecated = (list: [string, string, string][]) => {
      for (const [field, pathName, msg] of list)
        if ((v as unknown as Record<string, unknown>)[field] != null) w.add(vp.child(pathName), msg);
    };
    deprecated(DEPRECATED_VOLUMES_BEFORE_EPHEMERAL);
    const claim = v.ephemeral?.volumeClaimTemplate;
    if (claim) w.list.push(...claimSpecWarnings(claim.spec, vp.child('ephemeral', 'volumeClaimTemplate', 'spec')));
    deprecated(DEPRECATED_VOLUMES_AFTER_EPHEMERAL);
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
  fractionalOverhead(w, spec.overhead as ResourceList, specPath.child('overhead'));
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
    fractionalContainer(w, c, cp);
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
  // Non-standard IP forms (KEP-4858, warnings since v1.33) in the pod's two IP-valued legacy fields.
  (spec.dnsConfig?.nameservers ?? []).forEach((ns, i) => {
    const p = specPath.child('dnsConfig', 'nameservers').index(i);
    for (const text of ipWarnings(p.toString(), ns)) w.addUnprefixed(p, text);
  });
  aliases.forEach((a, i) => {
    const p = specPath.child('hostAliases').index(i).child('ip');
    for (const text of ipWarnings(p.toString(), a.ip)) w.addUnprefixed(p, text);
  });
  return w.list;
}

type ClaimSpec = { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } };

/**
 * pkg/api/persistentvolumeclaim GetWarningsForPersistentVolumeClaimSpec: a fractional byte value in a claim's
 * storage request or limit. `textPath` is the path Go prints; `specPath` is where the claim spec really sits (the
 * StatefulSet strategy passes the claim template's path, not its spec's, so the two differ there).
 */
function claimSpecWarnings(spec: ClaimSpec | undefined, textPath: FieldPath, specPath = textPath): CreateWarning[] {
  const w = new Collector();
  for (const list of ['requests', 'limits'] as const) {
    const raw = spec?.resources?.[list]?.storage;
    const q = typeof raw === 'string' || typeof raw === 'number' ? toQuantity(raw) : null;
    if (q && milliValueOf(q) % 1000n !== 0n) {
      w.addUnprefixed(
        specPath.child('resources', list).key('storage'),
        `${textPath.child('resources', list).key('storage')}: fractional byte value ${JSON.stringify(canonicalQuantity(q))} is invalid, must be an integer`,
      );
    }
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

const at = (path: FieldPath, message: string): CreateWarning => ({
  path: path.toString(),
  segments: [...path.segments],
  message,
});

type JobSpecFields = {
  completionMode?: string;
  completions?: number;
  parallelism?: number;
  template?: PodTemplateSpec;
};

/** pkg/api/job WarningsForJobSpec: the Indexed-Job soft limits, then the template's warnings. */
function jobSpecWarnings(spec: JobSpecFields | undefined, path: FieldPath): CreateWarning[] {
  const warnings: CreateWarning[] = [];
  if (spec?.completionMode === 'Indexed' && (spec.completions ?? 0) > 100_000 && (spec.parallelism ?? 0) > 10_000) {
    warnings.push(
      at(
        path,
        `${path}: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail`,
      ),
    );
  }
  return [...warnings, ...templateWarnings(spec?.template, path.child('template'))];
}

type StatefulSetFields = {
  template?: PodTemplateSpec;
  volumeClaimTemplates?: { spec?: ClaimSpec }[];
  revisionHistoryLimit?: number;
};

/** The StatefulSet strategy's WarningsOnCreate: template, claim templates, then a negative history limit. */
function statefulSetWarnings(spec: StatefulSetFields | undefined): CreateWarning[] {
  const claims = FieldPath.root('spec', 'volumeClaimTemplates');
  const warnings = [
    ...templateWarnings(spec?.template, FieldPath.root('spec', 'template')),
    ...(spec?.volumeClaimTemplates ?? []).flatMap((c, i) =>
      claimSpecWarnings(c.spec, claims.index(i), claims.index(i).child('spec')),
    ),
  ];
  if ((spec?.revisionHistoryLimit ?? 0) < 0) {
    warnings.push(
      at(
        FieldPath.root('spec', 'revisionHistoryLimit'),
        'spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended',
      ),
    );
  }
  return warnings;
}

export function warningsFor(obj: KubeObject): CreateWarning[] {
  const spec = obj.spec as { template?: PodTemplateSpec; jobTemplate?: { spec?: JobSpecFields } } | undefined;
  switch (obj.kind) {
    case 'Pod':
      return [
        ...nameWarning(obj, "the Pod's hostname"),
        ...podSpecWarnings((obj.spec ?? { containers: [] }) as PodSpec, obj.metadata?.annotations, null),
      ];
    case 'StatefulSet':
      return statefulSetWarnings(obj.spec as StatefulSetFields | undefined);
    case 'CronJob':
      return [
        ...nameWarning(obj, 'Pod names and hostnames'),
        ...jobSpecWarnings(spec?.jobTemplate?.spec, FieldPath.root('spec', 'jobTemplate', 'spec')),
      ];
    case 'Job':
      return [
        ...nameWarning(obj, 'Pod names and hostnames'),
        ...jobSpecWarnings(obj.spec as JobSpecFields | undefined, FieldPath.root('spec')),
      ];
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'ReplicationController':
      return [
        ...nameWarning(obj, 'Pod names and hostnames'),
        ...templateWarnings(spec?.template, FieldPath.root('spec', 'template')),
      ];
    default:
      return [];
  }
}
