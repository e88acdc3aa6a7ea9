// A Service on create (kubernetes/kubernetes, read at v1.34): SetDefaults_Service (pkg/apis/core/v1/defaults.go), then the
// registry's beginCreate, which syncs clusterIPs with clusterIP (NormalizeClusterIPs) and, before allocating, rejects
// the object on ValidateServiceClusterIPsRelatedFields alone (pkg/registry/core/service/storage/alloc.go
// initIPFamilyFields), then ValidateService (pkg/apis/core/validation/validation.go). IP and node port allocation
// themselves (ranges, conflicts) are not modelled: the stored form keeps the clusterIP the user wrote, or none.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../k8s/field-error';
import {
  ipErrors,
  isQualifiedName,
  nameIsDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortNum,
} from '../k8s/names';
import type { Service } from '../k8s/objects';
import { validateLabels } from '../apiserver/validation/object-meta';
import { validatePortNumOrName } from '../apiserver/validation/probes';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';
import { validateNonSpecialIP } from './special-ip';
import { legacyIPErrors } from '../apiserver/validation/ip-warnings';
import { gateEnabled } from '../version/feature-gates';
import type { KubeVersion } from '../version/kube-version';

type Spec = NonNullable<Service['spec']>;
type Port = NonNullable<Spec['ports']>[number];

const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** core.DefaultClientIPServiceAffinitySeconds and core.MaxClientIPServiceAffinitySeconds. */
const DEFAULT_AFFINITY_SECONDS = 10800;
const MAX_AFFINITY_SECONDS = 86400;

// sets.List order (sorted) of the supported values.
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
// PreferSameTrafficDistribution is on by default from v1.34, which adds the two PreferSame values (listed in this order).
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

const externallyAccessible = (s: Spec) =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);

/** SetDefaults_Service; then NormalizeClusterIPs for a create (plural from singular, never the reverse). */
export function defaultService(input: Service): Service {
  const svc = clone(input);
  const spec: Spec = (svc.spec ??= {});
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts == null) {
    spec.allocateLoadBalancerNodePorts = true;
  }
  if (spec.clusterIP && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [spec.clusterIP];
  return svc;
}

const headless = (s: Spec) => (s.clusterIPs ?? []).length === 1 && s.clusterIPs?.[0] === 'None';
const isIPv6 = (ip: string) => ipErrors(ip).length === 0 && ip.includes(':');

/** ValidateServiceClusterIPsRelatedFields: the allocator's pre-check, also part of ValidateService. */
export function validateClusterIPsRelatedFields(svc: Service, version: KubeVersion): FieldError[] {
  const strict = gateEnabled('StrictIPCIDRValidation', version);
  const s = svc.spec ?? {};
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const spec = FieldPath.root('spec');
  const clusterIPsPath = spec.child('clusterIPs');
  const clusterIPs = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (clusterIPs.length === 0) errs.push(required(clusterIPsPath));
    else if (clusterIPs[0] !== s.clusterIP)
      errs.push(invalid(clusterIPsPath, clusterIPs, 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(invalid(clusterIPsPath, clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((family, i) => {
    const p = spec.child('ipFamilies').index(i);
    if (!IP_FAMILIES.includes(family)) errs.push(notSupported(p, family, IP_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(p, family));
    seen.add(family);
  });
  if (s.ipFamilyPolicy != null && !IP_FAMILY_POLICIES.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported(spec.child('ipFamilyPolicy'), s.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let hasInvalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(clusterIPsPath, clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = legacyIPErrors(ip, strict);
    if (msgs.length) hasInvalidIPs = true;
    for (const m of msgs) errs.push(invalid(clusterIPsPath.index(i), ip, m));
  });
  if (clusterIPs.length > 2) errs.push(invalid(clusterIPsPath, clusterIPs, 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (clusterIPs.length > 1) {
    // netutils.IsDualStackIPStrings: at least one IP of each family, however many IPs there are.
    const dualStack = clusterIPs.some(isIPv6) && !clusterIPs.every(isIPv6);
    if (!dualStack)
      errs.push(invalid(clusterIPsPath, clusterIPs, 'may specify no more than one IP for each IP family'));
  }
  const families = s.ipFamilies ?? [];
  if (!headless(s) && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === 'IPv4' && isIPv6(ip)) {
        errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && !isIPv6(ip)) {
        errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

function validateServicePort(sp: Port, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? '';
  if (requireName && !name) errs.push(required(path.child('name')));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, m));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    else names.add(name);
  }
  for (const m of isValidPortNum(sp.port ?? 0)) errs.push(invalid(path.child('port'), sp.port ?? 0, m));
  if (!sp.protocol) errs.push(required(path.child('protocol')));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  if (sp.appProtocol != null) {
    for (const m of isQualifiedName(sp.appProtocol)) errs.push(invalid(path.child('appProtocol'), sp.appProtocol, m));
  }
  return errs;
}

/**
 * The duplicate (protocol, port) error names the internal core.ServicePort key it built, which field.Error renders
 * with encoding/json: Go field names in declaration order, IntOrString through its own MarshalJSON.
 */
function duplicatePortKey(path: FieldPath, protocol: string, port: number): FieldError {
  const key = { Name: '', Protocol: protocol, AppProtocol: null, Port: port, TargetPort: 0, NodePort: 0 };
  return { ...duplicate(path, null), body: `Duplicate value: ${JSON.stringify(key)}` };
}

function validateClientIPAffinity(s: Spec, path: FieldPath): FieldError[] {
  const detail = 'when session affinity type is ClientIP';
  const config = s.sessionAffinityConfig;
  if (!config) return [required(path, detail)];
  if (!config.clientIP) return [required(path.child('clientIP'), detail)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout == null) return [required(path.child('clientIP', 'timeoutSeconds'), detail)];
  if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
    return [
      invalid(
        path.child('clientIP', 'timeoutSeconds'),
        timeout,
        `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`,
      ),
    ];
  }
  return [];
}

/** IsValidCIDR (k8s.io/apimachinery pkg/util/validation/ip.go), for loadBalancerSourceRanges. */
function cidrErrors(value: string, path: FieldPath): FieldError[] {
  const [ip = '', bits, ...rest] = value.split('/');
  const max = ip.includes(':') ? 128 : 32;
  const ok = rest.length === 0 && bits !== undefined && /^[0-9]{1,3}$/.test(bits) && Number(bits) <= max;
  return ok && ipErrors(ip).length === 0
    ? []
    : [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** ValidateService on an API server of release `version`. */
export function validateService(svc: Service, version: KubeVersion): FieldError[] {
  const meta = FieldPath.root('metadata');
  const errs = validateMeta(svc.metadata, true, nameIsDNS1035Label, meta);
  const annotations = svc.metadata?.annotations ?? {};
  const hints = annotations[TOPOLOGY_HINTS];
  const mode = annotations[TOPOLOGY_MODE];
  if (hints !== undefined && mode !== undefined && hints !== mode) {
    errs.push(
      invalid(
        meta.child('annotations').key(TOPOLOGY_MODE),
        mode,
        `must match annotations[${TOPOLOGY_HINTS}] when both are specified`,
      ),
    );
  }
  const s: Spec = svc.spec ?? {};
  const spec = FieldPath.root('spec');
  const ports = s.ports ?? [];
  if (ports.length === 0 && !headless(s) && s.type !== 'ExternalName') errs.push(required(spec.child('ports')));
  switch (s.type) {
    case 'LoadBalancer':
    case 'NodePort':
      if (headless(s)) {
        errs.push(
          invalid(spec.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${s.type} services`),
        );
      }
      break;
    case 'ExternalName': {
      if ((s.clusterIPs ?? []).length > 0) {
        errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
      }
      if ((s.ipFamilies ?? []).length > 0) {
        errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
      }
      if (s.ipFamilyPolicy != null) {
        errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      }
      // The value (a CNAME) may end with a dot to mark it fully qualified.
      const cname = (s.externalName ?? '').replace(/\.$/, '');
      if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(spec.child('externalName'), cname, m));
      else errs.push(required(spec.child('externalName')));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, spec.child('ports').index(i))));
  if (s.selector) errs.push(...validateLabels(s.selector, spec.child('selector')));
  if (!s.sessionAffinity) errs.push(required(spec.child('sessionAffinity')));
  else if (!AFFINITIES.includes(s.sessionAffinity)) {
    errs.push(notSupported(spec.child('sessionAffinity'), s.sessionAffinity, AFFINITIES));
  }
  if (s.sessionAffinity === 'ClientIP') {
    errs.push(...validateClientIPAffinity(s, spec.child('sessionAffinityConfig')));
  } else if (s.sessionAffinity === 'None' && s.sessionAffinityConfig) {
    errs.push(forbidden(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(svc, version));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const p = spec.child('externalIPs').index(i);
    const msgs = legacyIPErrors(ip, gateEnabled('StrictIPCIDRValidation', version));
    if (msgs.length) errs.push(...msgs.map((m) => invalid(p, ip, m)));
    else errs.push(...validateNonSpecialIP(ip, p));
  });
  if (!s.type) errs.push(required(spec.child('type')));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported(spec.child('type'), s.type, SERVICE_TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) {
        errs.push(
          forbidden(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"),
        );
      }
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol ?? ''}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(spec.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol ?? ''}/${p.port ?? 0}`;
    if (portKeys.has(key)) errs.push(duplicatePortKey(spec.child('ports').index(i), p.protocol ?? '', p.port ?? 0));
    portKeys.add(key);
  });
  errs.push(...validateSourceRanges(svc));
  if (s.allocateLoadBalancerNodePorts != null && s.type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts == null) {
    errs.push(required(FieldPath.root('allocateLoadBalancerNodePorts')));
  }
  if (s.type === 'LoadBalancer') {
    if (s.loadBalancerClass != null) {
      for (const m of isQualifiedName(s.loadBalancerClass)) {
        errs.push(invalid(spec.child('loadBalancerClass'), s.loadBalancerClass, m));
      }
    }
  } else if (s.loadBalancerClass != null) {
    errs.push(forbidden(spec.child('loadBalancerClass'), "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(s));
  return errs;
}

function validateSourceRanges(svc: Service): FieldError[] {
  const s: Spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ranges = s.loadBalancerSourceRanges ?? [];
  const annotation = svc.metadata?.annotations?.[SOURCE_RANGES_ANNOTATION];
  if (ranges.length > 0) {
    // The path really is spelled with a capital L in ValidateService.
    const p = FieldPath.root('spec', 'LoadBalancerSourceRanges');
    if (s.type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...cidrErrors(r.trim(), p.index(i))));
  } else if (annotation !== undefined) {
    const p = FieldPath.root('metadata', 'annotations').key(SOURCE_RANGES_ANNOTATION);
    if (s.type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    const value = annotation.trim();
    if (value) for (const r of value.split(',')) errs.push(...cidrErrors(r.trim(), p));
  }
  return errs;
}

/** validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue, validateServiceTrafficDistribution. */
function validateTrafficPolicies(s: Spec): FieldError[] {
  const errs: FieldError[] = [];
  const spec = FieldPath.root('spec');
  const etp = s.externalTrafficPolicy ?? '';
  if (!externallyAccessible(s)) {
    if (etp) {
      errs.push(
        invalid(spec.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'),
      );
    }
  } else if (!etp) errs.push(required(spec.child('externalTrafficPolicy')));
  else if (!TRAFFIC_POLICIES.includes(etp)) {
    errs.push(notSupported(spec.child('externalTrafficPolicy'), etp, TRAFFIC_POLICIES));
  }
  const needsHealthCheck = s.type === 'LoadBalancer' && etp === 'Local';
  const hc = s.healthCheckNodePort ?? 0;
  if (!needsHealthCheck && hc !== 0) {
    errs.push(
      invalid(
        spec.child('healthCheckNodePort'),
        hc,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  } else if (needsHealthCheck && hc !== 0) {
    // A missing health check node port is allocated before validation; only a given one is checked here.
    for (const m of isValidPortNum(hc)) errs.push(invalid(spec.child('healthCheckNodePort'), hc, m));
  }
  if (s.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type ?? '')) {
    errs.push(required(spec.child('internalTrafficPolicy')));
  }
  if (s.internalTrafficPolicy != null && !TRAFFIC_POLICIES.includes(s.internalTrafficPolicy)) {
    errs.push(notSupported(spec.child('internalTrafficPolicy'), s.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (s.trafficDistribution != null && !TRAFFIC_DISTRIBUTIONS.includes(s.trafficDistribution)) {
    errs.push(notSupported(spec.child('trafficDistribution'), s.trafficDistribution, TRAFFIC_DISTRIBUTIONS));
  }
  return errs;
}
