// The pod spec and the Pod object (kubernetes/kubernetes pkg/apis/core/validation/validation.go: ValidatePodSpec,
// validatePodMetadataAndSpec, ValidatePodCreate, ValidatePodTemplateSpec). The order of checks is the API server's:
// the multi-cause message lists errors in this order. Gates in version/feature-gates.ts follow the release simulated; others are taken as on by default at v1.34, the release read.
import type { Pod, PodSpec, PodTemplateSpec } from '../../k8s/objects';
import { FieldPath } from '../../k8s/field-path';
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../../k8s/field-error';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123SubdomainWithUnderscore,
  isQualifiedName,
  nameIsDNSSubdomain,
} from '../../k8s/names';
import { validateContainers, validateInitContainers, type ContainerContext } from './containers';
import { validateAnnotations, validateLabels, validateObjectMeta } from './object-meta';
import { validateOverhead, validatePodLevelResources } from './resources';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { validatePodSecurityContext } from './security-context';
import { validateVolumes } from './volumes';
import { validateWindowsHostProcessPod } from './windows';
import { podClaimNames, validatePodResourceClaims } from './resource-claims';
import { validatePodResourceConsistency } from './pod-resources';
import {
  validateAppArmorAnnotationsAndFieldsMatch,
  validatePodSpecificAnnotations,
  validateSeccompAnnotationsAndFields,
  visitContainers,
} from './pod-annotations';
import { legacyIPErrors } from './ip-warnings';
import { gateEnabled } from '../../version/feature-gates';
import { atLeast, type KubeVersion } from '../../version/kube-version';

export interface PodOptions {
  /** The spec belongs to a Pod, not a template (hostNetwork ports and image whitespace are stricter). */
  resourceIsPod: boolean;
  /** The Pod's name, which names the PVCs of its ephemeral volumes; templates have none. */
  podName?: string;
  /** StrictIPCIDRValidation is on in the API server's release (v1.36): the legacy IP fields are parsed strictly. */
  strictIPs: boolean;
  /** The API server's release. */
  version: KubeVersion;
}

/** The PodOptions part that comes from the API server's release. */
export function releaseOptions(version: KubeVersion): Pick<PodOptions, 'strictIPs' | 'version'> {
  return { strictIPs: gateEnabled('StrictIPCIDRValidation', version), version };
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function subdomainField(value: string | undefined, path: FieldPath): FieldError[] {
  return value ? nameIsDNSSubdomain(value, false).map((m) => invalid(path, value, m)) : [];
}

function labelField(value: string | undefined, path: FieldPath): FieldError[] {
  return value ? isDNS1123Label(value).map((m) => invalid(path, value, m)) : [];
}

function validateHostNetworkPorts(spec: PodSpec, path: FieldPath, opts: PodOptions): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      const cp = port.containerPort ?? 0;
      // A template may leave hostPort 0: it is defaulted when the Pod is created.
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalid(
            path.child('containers').index(i).child('ports').index(j).child('hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
      }
    });
  });
  return errs;
}

function validateDNSConfig(spec: PodSpec, path: FieldPath, strictIPs: boolean): FieldError[] {
  const config = spec.dnsConfig;
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') {
    if (!config) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((config.nameservers ?? []).length === 0) {
      return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!config) return [];
  const errs: FieldError[] = [];
  const nameservers = config.nameservers ?? [];
  if (nameservers.length > 3)
    errs.push(invalid(path.child('nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => {
    for (const m of legacyIPErrors(ns, strictIPs)) errs.push(invalid(path.child('nameservers').index(i), ns, m));
  });
  const searches = config.searches ?? [];
  if (searches.length > 32)
    errs.push(invalid(path.child('searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalid(
        path.child('searches'),
        searches,
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  searches.forEach((search, i) => {
    // RelaxedDNSSearchValidation (GA from v1.34) allows "." and underscores.
    if (search === '.') return;
    const s = search.endsWith('.') ? search.slice(0, -1) : search;
    for (const m of isDNS1123SubdomainWithUnderscore(s)) errs.push(invalid(path.child('searches').index(i), s, m));
  });
  (config.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validateImagePullSecrets(spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (spec.imagePullSecrets ?? []).forEach((ref, i) => {
    if (Object.keys(ref).some((k) => k !== 'name')) errs.push(invalid(path.index(i), ref, 'only name may be set'));
  });
  return errs;
}

function validateSchedulingGates(spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec.schedulingGates ?? []).forEach((g, i) => {
    for (const m of isQualifiedName(g.name)) errs.push(invalid(path.index(i), g.name, m));
    if (seen.has(g.name)) errs.push(duplicate(path.index(i), g.name));
    seen.add(g.name);
  });
  return errs;
}

function validateHostUsers(spec: PodSpec, path: FieldPath, version: KubeVersion): FieldError[] {
  if (spec.hostUsers !== false) return [];
  const errs: FieldError[] = [];
  // kubernetes#132868 (v1.34) dropped the `pod.Spec.` prefix "to align with other validations"; validation.go names
  // the last two paths with capitals in every release.
  const detail = atLeast(version, 34) ? 'when `hostUsers` is false' : 'when `pod.Spec.HostUsers` is false';
  if (spec.hostNetwork) errs.push(forbidden(path.child('hostNetwork'), detail));
  if (spec.hostPID) errs.push(forbidden(path.child('HostPID'), detail));
  if (spec.hostIPC) errs.push(forbidden(path.child('HostIPC'), detail));
  return errs;
}

function validateOS(spec: PodSpec, root: FieldPath): FieldError[] {
  const os = spec.os;
  const path = root.child('os');
  if (!os) return [];
  if (!os.name) return [required(path.child('name'), 'cannot be empty')];
  if (os.name !== 'linux' && os.name !== 'windows') return [notSupported(path, os.name, ['linux', 'windows'])];
  if (os.name === 'linux') {
    const errs: FieldError[] = [];
    if (spec.securityContext?.windowsOptions) {
      errs.push(
        forbidden(root.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'),
      );
    }
    visitContainers(spec, root, (c, p) => {
      if (c.securityContext?.windowsOptions) {
        errs.push(
          forbidden(p.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'),
        );
      }
    });
    return errs;
  }
  return validateWindows(spec, root);
}

// validateWindows checks the pod security context in this order, with the host namespaces after seLinuxOptions
// and sysctls and shareProcessNamespace after fsGroupChangePolicy.
const WINDOWS_POD_FIELDS_1 = ['appArmorProfile', 'seLinuxOptions'] as const;
const WINDOWS_POD_FIELDS_2 = ['seccompProfile', 'fsGroup', 'fsGroupChangePolicy'] as const;
const WINDOWS_POD_FIELDS_3 = [
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
] as const;
const WINDOWS_CONTAINER_FIELDS = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
] as const;

/**
 * validateWindows: the Linux-only settings a Windows pod may not carry. The internal pod security context holds
 * hostUsers, hostPID, hostIPC and shareProcessNamespace, so those are checked in its order, at their v1 spec paths.
 */
function validateWindows(spec: PodSpec, root: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const no = (p: FieldPath) => errs.push(forbidden(p, 'cannot be set for a windows pod'));
  const sc = spec.securityContext ?? {};
  for (const f of WINDOWS_POD_FIELDS_1) if (sc[f] != null) no(root.child('securityContext', f));
  if (spec.hostUsers != null) no(root.child('hostUsers'));
  if (spec.hostPID) no(root.child('hostPID'));
  if (spec.hostIPC) no(root.child('hostIPC'));
  for (const f of WINDOWS_POD_FIELDS_2) if (sc[f] != null) no(root.child('securityContext', f));
  if ((sc.sysctls ?? []).length > 0) no(root.child('securityContext', 'sysctls'));
  if (spec.shareProcessNamespace != null) no(root.child('shareProcessNamespace'));
  for (const f of WINDOWS_POD_FIELDS_3) if (sc[f] != null) no(root.child('securityContext', f));
  visitContainers(spec, root, (c, p) => {
    const csc = c.securityContext;
    if (!csc) return;
    for (const f of WINDOWS_CONTAINER_FIELDS) if (csc[f] != null) no(p.child('securityContext', f));
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec, path: FieldPath, opts: PodOptions): FieldError[] {
  const errs: FieldError[] = [];
  // terminationGracePeriodSeconds is defaulted to 30, so it is never missing after defaulting.
  const gracePeriod = spec.terminationGracePeriodSeconds ?? 30;
  const hostUsers = spec.hostUsers !== false;
  const restartPolicy: string = spec.restartPolicy ?? 'Always';
  const volumes = validateVolumes(spec.volumes, path.child('volumes'), opts);
  errs.push(...volumes.errs);
  errs.push(...validatePodResourceClaims(spec.resourceClaims, path.child('resourceClaims')));
  const ctx: ContainerContext = {
    volumes: volumes.names,
    gracePeriod,
    podRestartPolicy: restartPolicy,
    hostUsers,
    podClaims: podClaimNames(spec),
  };
  errs.push(...validateContainers(spec.containers, ctx, path.child('containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, path.child('initContainers')));
  if (spec.resources) {
    const rp = path.child('resources');
    if ((spec.resources as { claims?: unknown }).claims != null) {
      errs.push(forbidden(rp.child('claims'), 'claims cannot be set for Resources at pod-level'));
    }
    errs.push(...validatePodLevelResources(spec.resources, rp));
    errs.push(...validatePodResourceConsistency(spec, rp));
  }
  errs.push(...validateHostNetworkPorts(spec, path, opts));
  if (restartPolicy === '') errs.push(required(path.child('restartPolicy')));
  else if (!RESTART_POLICIES.includes(restartPolicy))
    errs.push(notSupported(path.child('restartPolicy'), restartPolicy, RESTART_POLICIES));
  const dnsPolicy: string = spec.dnsPolicy ?? 'ClusterFirst';
  if (dnsPolicy === '') errs.push(required(path.child('dnsPolicy')));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(path.child('dnsPolicy'), dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, path.child('securityContext')));
  errs.push(...validateImagePullSecrets(spec, path.child('imagePullSecrets')));
  errs.push(...validateAffinity(spec.affinity, path.child('affinity')));
  errs.push(...validateDNSConfig(spec, path.child('dnsConfig'), opts.strictIPs));
  (spec.readinessGates ?? []).forEach((g, i) => {
    const p = path.child('readinessGates').index(i).child('conditionType');
    for (const m of isQualifiedName(g.conditionType)) errs.push(invalid(p, g.conditionType, m));
  });
  errs.push(...validateSchedulingGates(spec, path.child('schedulingGates')));
  errs.push(
    ...validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints')),
  );
  errs.push(...validateWindowsHostProcessPod(spec, path));
  errs.push(...validateHostUsers(spec, path, opts.version));
  errs.push(...subdomainField(spec.serviceAccountName, path.child('serviceAccountName')));
  errs.push(...subdomainField(spec.nodeName, path.child('nodeName')));
  if (spec.activeDeadlineSeconds != null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32)
      errs.push(invalid(path.child('activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...labelField(spec.hostname, path.child('hostname')));
  errs.push(...labelField(spec.subdomain, path.child('subdomain')));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  (spec.hostAliases ?? []).forEach((alias, i) => {
    const p = path.child('hostAliases').index(i);
    for (const m of legacyIPErrors(alias.ip, opts.strictIPs)) errs.push(invalid(p.child('ip'), alias.ip, m));
    (alias.hostnames ?? []).forEach((h, j) => errs.push(...subdomainField(h, p.child('hostnames').index(j))));
  });
  errs.push(...subdomainField(spec.priorityClassName, path.child('priorityClassName')));
  if (spec.runtimeClassName != null) {
    errs.push(
      ...nameIsDNSSubdomain(spec.runtimeClassName, false).map((m) =>
        invalid(path.child('runtimeClassName'), spec.runtimeClassName, m),
      ),
    );
  }
  const preemption: string | undefined = spec.preemptionPolicy;
  if (preemption != null) {
    if (preemption === '') errs.push(required(path.child('preemptionPolicy')));
    else if (preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
      errs.push(notSupported(path.child('preemptionPolicy'), preemption, ['PreemptLowerPriority', 'Never']));
    }
  }
  if (spec.overhead) errs.push(...validateOverhead(spec.overhead, path.child('overhead')));
  errs.push(...validateOS(spec, path));
  return errs;
}

/** ValidatePodCreate on an API server of release `version`. */
export function validatePod(pod: Pod, version: KubeVersion): FieldError[] {
  const meta = FieldPath.root('metadata');
  const specPath = FieldPath.root('spec');
  const spec: PodSpec = pod.spec ?? { containers: [] };
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, meta);
  errs.push(...validatePodSpecificAnnotations(pod.metadata, spec, meta.child('annotations')));
  errs.push(
    ...validatePodSpec(spec, specPath, {
      resourceIsPod: true,
      podName: pod.metadata?.name,
      ...releaseOptions(version),
    }),
  );
  if (!spec.serviceAccountName) {
    (spec.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((s, si) => {
        if (s.serviceAccountToken) {
          const p = specPath
            .child('volumes')
            .index(vi)
            .child('projected', 'sources')
            .index(si)
            .child('serviceAccountToken');
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const field of ['containers', 'initContainers'] as const) {
    (spec[field] ?? []).forEach((c, i) => {
      if (c.image && c.image.trim() !== c.image) {
        errs.push(
          invalid(
            specPath.child(field).index(i).child('image'),
            c.image,
            'must not have leading or trailing whitespace',
          ),
        );
      }
    });
  }
  if ((spec.ephemeralContainers ?? []).length > 0)
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'));
  if (spec.nodeName && (spec.schedulingGates ?? []).length > 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  errs.push(...validateSeccompAnnotationsAndFields(pod.metadata, spec, specPath));
  errs.push(...validateAppArmorAnnotationsAndFieldsMatch(pod.metadata, spec, specPath));
  return errs;
}

/** ValidatePodTemplateSpec: a workload's template, validated at the workload's own paths. */
export function validatePodTemplateSpec(
  template: PodTemplateSpec | undefined,
  path: FieldPath,
  version: KubeVersion,
): FieldError[] {
  const meta = template?.metadata;
  const spec: PodSpec = template?.spec ?? { containers: [] };
  const errs = validateLabels(meta?.labels, path.child('labels'));
  errs.push(...validateAnnotations(meta?.annotations, path.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(meta, spec, path.child('annotations')));
  errs.push(...validatePodSpec(spec, path.child('spec'), { resourceIsPod: false, ...releaseOptions(version) }));
  // The Deployment case of kubernetes/kubernetes issue 128306 shows the AppArmor check on template paths.
  errs.push(...validateSeccompAnnotationsAndFields(meta, spec, path.child('spec')));
  errs.push(...validateAppArmorAnnotationsAndFieldsMatch(meta, spec, path.child('spec')));
  if ((spec.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
