import { validateService } from '../../../../src/engine/objects/service';
import type { Service } from '../../../../src/engine/k8s/objects';
import { LABEL_MSG, SUBDOMAIN_MSG, type Want, assertErrors } from './want';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';

// The v1.34 API server these tables follow.
const V34: KubeVersion = { minor: 34 };

// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateServiceCreate, row by row: the same
// valid Service (makeValidService: already defaulted, as ValidateService sees it after SetDefaults_Service) and the
// same tweak. Upstream counts errors only; each expected path, type and text here is the one
// pkg/apis/core/validation/validation.go (ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields,
// validateServiceExternalTrafficPolicy, ValidateNonSpecialIP, validateClientIPAffinityConfig) and
// k8s.io/apimachinery pkg/util/validation (ip.go, field/errors.go) build, so their number is the upstream numErrs.
// Rows that only concern a namespace kubectl always supplies (missing/invalid namespace) are left out.

type Spec = Record<string, unknown>;
type Port = Record<string, unknown>;
type Tweak = (meta: Record<string, Record<string, string> | string>, spec: Spec, ports: Port[]) => void;

const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const LB_ONLY = "Forbidden: may only be used when `type` is 'LoadBalancer'";

/** makeValidService. */
function makeValidService(tweak: Tweak): Service {
  const meta: Record<string, Record<string, string> | string> = {
    name: 'valid',
    namespace: 'valid',
    labels: {},
    annotations: {},
  };
  const ports: Port[] = [{ name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 }];
  const spec: Spec = {
    selector: { key: 'val' },
    sessionAffinity: 'None',
    type: 'ClusterIP',
    ports,
    internalTrafficPolicy: 'Cluster',
  };
  tweak(meta, spec, ports);
  return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec } as Service;
}

const set =
  (fields: Spec): Tweak =>
  (_m, spec) =>
    Object.assign(spec, fields);
const lb = (fields: Spec = {}): Tweak =>
  set({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ...fields });
const withPorts =
  (fields: Spec, ...extra: Port[]): Tweak =>
  (_m, spec, ports) => {
    Object.assign(spec, fields);
    ports.push(...extra);
  };
const annotate =
  (key: string, value: string, fields: Spec = {}): Tweak =>
  (meta, spec) => {
    (meta.annotations as Record<string, string>)[key] = value;
    Object.assign(spec, fields);
  };
const LB = { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true };

const inv = (field: string, value: string, detail: string): Want => ({
  field,
  type: 'FieldValueInvalid',
  body: `Invalid value: ${value}: ${detail}`,
});
const req = (field: string): Want => ({ field, type: 'FieldValueRequired', body: 'Required value' });
const forb = (field: string, body: string): Want => ({ field, type: 'FieldValueForbidden', body });

const cases: { name: string; tweak: Tweak; want: Want[] }[] = [
  {
    name: 'missing name',
    tweak: (m) => (m.name = ''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  { name: 'invalid name', tweak: (m) => (m.name = '-123'), want: [inv('metadata.name', '"-123"', DNS1035_MSG)] },
  {
    name: 'too long name',
    tweak: (m) => (m.name = 'a'.repeat(64)),
    want: [inv('metadata.name', `"${'a'.repeat(64)}"`, 'must be no more than 63 characters')],
  },
  {
    name: 'invalid generateName',
    tweak: (m) => (m.generateName = '-123'),
    want: [inv('metadata.generateName', '"-123"', DNS1035_MSG)],
  },
  {
    name: 'too long generateName',
    tweak: (m) => (m.generateName = 'a'.repeat(64)),
    want: [inv('metadata.generateName', `"${'a'.repeat(64)}"`, 'must be no more than 63 characters')],
  },
  {
    name: 'invalid label',
    tweak: (m) => ((m.labels as Record<string, string>)['NoUppercaseOrSpecialCharsLike=Equals'] = 'bar'),
    want: [inv('metadata.labels', '"NoUppercaseOrSpecialCharsLike=Equals"', NAME_PART_MSG)],
  },
  {
    name: 'invalid annotation',
    tweak: annotate('NoSpecialCharsLike=Equals', 'bar'),
    want: [inv('metadata.annotations', '"NoSpecialCharsLike=Equals"', NAME_PART_MSG)],
  },
  { name: 'nil selector', tweak: (_m, s) => delete s.selector, want: [] },
  {
    name: 'invalid selector',
    tweak: (_m, s) => ((s.selector as Record<string, string>)['NoSpecialCharsLike=Equals'] = 'bar'),
    want: [inv('spec.selector', '"NoSpecialCharsLike=Equals"', NAME_PART_MSG)],
  },
  { name: 'missing session affinity', tweak: set({ sessionAffinity: '' }), want: [req('spec.sessionAffinity')] },
  { name: 'missing type', tweak: set({ type: '' }), want: [req('spec.type')] },
  { name: 'missing ports', tweak: set({ ports: [] }), want: [req('spec.ports')] },
  {
    name: 'missing ports but headless',
    tweak: set({ ports: [], clusterIP: 'None', clusterIPs: ['None'] }),
    want: [],
  },
  { name: 'empty port[0] name', tweak: (_m, _s, p) => delete p[0]?.name, want: [] },
  {
    name: 'empty port[1] name',
    tweak: withPorts({}, { name: '', protocol: 'TCP', port: 12345, targetPort: 12345 }),
    want: [req('spec.ports[1].name')],
  },
  {
    name: 'empty multi-port port[0] name',
    tweak: (_m, _s, p) => {
      delete p[0]?.name;
      p.push({ name: 'p', protocol: 'TCP', port: 12345, targetPort: 12345 });
    },
    want: [req('spec.ports[0].name')],
  },
  {
    name: 'invalid port name',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { name: 'INVALID' }),
    want: [inv('spec.ports[0].name', '"INVALID"', LABEL_MSG)],
  },
  {
    name: 'missing protocol',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { protocol: '' }),
    want: [req('spec.ports[0].protocol')],
  },
  {
    name: 'invalid protocol',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { protocol: 'INVALID' }),
    want: [
      {
        field: 'spec.ports[0].protocol',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "INVALID": supported values: "SCTP", "TCP", "UDP"',
      },
    ],
  },
  {
    name: 'invalid cluster ip',
    tweak: set({ clusterIP: 'invalid', clusterIPs: ['invalid'] }),
    want: [inv('spec.clusterIPs[0]', '"invalid"', IP_MSG)],
  },
  {
    name: 'missing port',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { port: 0 }),
    want: [inv('spec.ports[0].port', '0', PORT_RANGE)],
  },
  {
    name: 'invalid port',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { port: 65536 }),
    want: [inv('spec.ports[0].port', '65536', PORT_RANGE)],
  },
  {
    name: 'invalid TargetPort int',
    tweak: (_m, _s, p) => Object.assign(p[0] ?? {}, { targetPort: 65536 }),
    want: [inv('spec.ports[0].targetPort', '65536', PORT_RANGE)],
  },
  {
    name: 'valid port headless',
    tweak: (_m, s, p) => {
      Object.assign(p[0] ?? {}, { port: 11722, targetPort: 11722 });
      Object.assign(s, { clusterIP: 'None', clusterIPs: ['None'] });
    },
    want: [],
  },
  {
    name: 'invalid port headless 1 (tolerated in v1)',
    tweak: (_m, s, p) => {
      Object.assign(p[0] ?? {}, { port: 11722, targetPort: 11721 });
      Object.assign(s, { clusterIP: 'None', clusterIPs: ['None'] });
    },
    want: [],
  },
  {
    name: 'invalid port headless 2 (tolerated in v1)',
    tweak: (_m, s, p) => {
      Object.assign(p[0] ?? {}, { port: 11722, targetPort: 'target' });
      Object.assign(s, { clusterIP: 'None', clusterIPs: ['None'] });
    },
    want: [],
  },
  {
    name: 'invalid publicIPs localhost',
    tweak: set({ externalTrafficPolicy: 'Cluster', externalIPs: ['127.0.0.1'] }),
    want: [inv('spec.externalIPs[0]', '"127.0.0.1"', 'may not be in the loopback range (127.0.0.0/8, ::1/128)')],
  },
  {
    name: 'invalid publicIPs unspecified',
    tweak: set({ externalTrafficPolicy: 'Cluster', externalIPs: ['0.0.0.0'] }),
    want: [inv('spec.externalIPs[0]', '"0.0.0.0"', 'may not be unspecified (0.0.0.0)')],
  },
  {
    name: 'invalid publicIPs host',
    tweak: set({ externalTrafficPolicy: 'Cluster', externalIPs: ['myhost.mydomain'] }),
    want: [inv('spec.externalIPs[0]', '"myhost.mydomain"', IP_MSG)],
  },
  { name: 'valid publicIPs', tweak: set({ externalTrafficPolicy: 'Cluster', externalIPs: ['1.2.3.4'] }), want: [] },
  {
    name: 'dup port name',
    tweak: withPorts({}, { name: 'p', port: 12345, protocol: 'TCP', targetPort: 12345 }),
    want: [{ field: 'spec.ports[1].name', type: 'FieldValueDuplicate', body: 'Duplicate value: "p"' }],
  },
  {
    name: 'load balancer with mix protocol',
    tweak: withPorts(LB, { name: 'q', port: 12345, protocol: 'UDP', targetPort: 12345 }),
    want: [],
  },
  {
    name: 'invalid type - missing AllocateLoadBalancerNodePorts for loadbalancer type',
    tweak: set({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }),
    // The path really has no spec. prefix.
    want: [req('allocateLoadBalancerNodePorts')],
  },
  {
    name: 'valid type - loadbalancer with allocateLoadBalancerNodePorts=false',
    tweak: lb({ allocateLoadBalancerNodePorts: false }),
    want: [],
  },
  {
    name: 'duplicate nodeports',
    tweak: withPorts(
      { type: 'NodePort', externalTrafficPolicy: 'Cluster' },
      { name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 },
      { name: 'r', port: 2, protocol: 'TCP', nodePort: 1, targetPort: 2 },
    ),
    want: [{ field: 'spec.ports[2].nodePort', type: 'FieldValueDuplicate', body: 'Duplicate value: 1' }],
  },
  {
    name: 'duplicate nodeports (different protocols)',
    tweak: withPorts(
      { type: 'NodePort', externalTrafficPolicy: 'Cluster' },
      { name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 },
      { name: 'r', port: 2, protocol: 'UDP', nodePort: 1, targetPort: 2 },
      { name: 's', port: 3, protocol: 'SCTP', nodePort: 1, targetPort: 3 },
    ),
    want: [],
  },
  {
    name: 'invalid duplicate ports (with same protocol)',
    tweak: withPorts(
      {},
      { name: 'q', port: 12345, protocol: 'TCP', targetPort: 8080 },
      { name: 'r', port: 12345, protocol: 'TCP', targetPort: 80 },
    ),
    want: [
      {
        field: 'spec.ports[2]',
        type: 'FieldValueDuplicate',
        body: 'Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":12345,"TargetPort":0,"NodePort":0}',
      },
    ],
  },
  {
    name: 'valid duplicate ports (with different protocols)',
    tweak: withPorts(
      {},
      { name: 'q', port: 12345, protocol: 'TCP', targetPort: 8080 },
      { name: 'r', port: 12345, protocol: 'UDP', targetPort: 80 },
      { name: 's', port: 12345, protocol: 'SCTP', targetPort: 8088 },
    ),
    want: [],
  },
  {
    name: 'valid type loadbalancer with NodePort',
    tweak: withPorts(LB, { name: 'q', port: 12345, protocol: 'TCP', nodePort: 12345, targetPort: 12345 }),
    want: [],
  },
  {
    name: 'invalid cluster service with NodePort',
    tweak: withPorts({}, { name: 'q', port: 12345, protocol: 'TCP', nodePort: 12345, targetPort: 12345 }),
    want: [forb('spec.ports[1].nodePort', "Forbidden: may not be used when `type` is 'ClusterIP'")],
  },
  {
    name: 'valid port type=LoadBalancer (10250 may be exposed)',
    tweak: withPorts(LB, { name: 'kubelet', port: 10250, protocol: 'TCP', targetPort: 12345 }),
    want: [],
  },
  {
    name: 'valid LoadBalancer source range annotation',
    tweak: annotate(SOURCE_RANGES, '1.2.3.0/24,  5.6.0.0/16', LB),
    want: [],
  },
  { name: 'valid empty LoadBalancer source range annotation', tweak: annotate(SOURCE_RANGES, '', LB), want: [] },
  {
    name: 'valid whitespace-only LoadBalancer source range annotation',
    tweak: annotate(SOURCE_RANGES, '  ', LB),
    want: [],
  },
  {
    name: 'invalid LoadBalancer source range annotation (hostname)',
    tweak: annotate(SOURCE_RANGES, 'foo.bar', LB),
    want: [inv(`metadata.annotations[${SOURCE_RANGES}]`, '"foo.bar"', CIDR_MSG)],
  },
  {
    name: 'invalid LoadBalancer source range annotation (invalid CIDR)',
    tweak: annotate(SOURCE_RANGES, '1.2.3.4/33', LB),
    want: [inv(`metadata.annotations[${SOURCE_RANGES}]`, '"1.2.3.4/33"', CIDR_MSG)],
  },
  {
    name: 'invalid LoadBalancer source range annotation for non LoadBalancer type service',
    tweak: annotate(SOURCE_RANGES, '1.2.3.0/24'),
    want: [forb(`metadata.annotations[${SOURCE_RANGES}]`, LB_ONLY)],
  },
  {
    name: 'invalid empty-but-set LoadBalancer source range annotation for non LoadBalancer type service',
    tweak: annotate(SOURCE_RANGES, ''),
    want: [forb(`metadata.annotations[${SOURCE_RANGES}]`, LB_ONLY)],
  },
  {
    name: 'valid LoadBalancer source range with whitespace',
    tweak: lb({ loadBalancerSourceRanges: ['1.2.3.0/24  ', ' 5.6.0.0/16'] }),
    want: [],
  },
  {
    name: 'invalid empty LoadBalancer source range',
    tweak: lb({ loadBalancerSourceRanges: ['   '] }),
    want: [inv('spec.LoadBalancerSourceRanges[0]', '""', CIDR_MSG)],
  },
  {
    name: 'invalid LoadBalancer source range (hostname)',
    tweak: lb({ loadBalancerSourceRanges: ['foo.bar'] }),
    want: [inv('spec.LoadBalancerSourceRanges[0]', '"foo.bar"', CIDR_MSG)],
  },
  {
    name: 'invalid LoadBalancer source range (invalid CIDR)',
    tweak: lb({ loadBalancerSourceRanges: ['1.2.3.4/33'] }),
    want: [inv('spec.LoadBalancerSourceRanges[0]', '"1.2.3.4/33"', CIDR_MSG)],
  },
  {
    name: 'invalid source range for non LoadBalancer type service',
    tweak: set({ loadBalancerSourceRanges: ['1.2.3.0/24', '5.6.0.0/16'] }),
    want: [forb('spec.LoadBalancerSourceRanges', LB_ONLY)],
  },
  {
    name: 'invalid source range annotation ignored with valid source range field',
    tweak: annotate(SOURCE_RANGES, 'foo.bar', { ...LB, loadBalancerSourceRanges: ['1.2.3.0/24', '5.6.0.0/16'] }),
    want: [],
  },
  { name: 'valid ExternalName', tweak: set({ type: 'ExternalName', externalName: 'foo.bar.example.com' }), want: [] },
  {
    name: 'valid ExternalName (trailing dot)',
    tweak: set({ type: 'ExternalName', externalName: 'foo.bar.example.com.' }),
    want: [],
  },
  {
    name: 'invalid ExternalName clusterIP (valid IP)',
    tweak: set({
      type: 'ExternalName',
      clusterIP: '1.2.3.4',
      clusterIPs: ['1.2.3.4'],
      externalName: 'foo.bar.example.com',
    }),
    want: [forb('spec.clusterIPs', 'Forbidden: may not be set for ExternalName services')],
  },
  {
    name: 'invalid ExternalName clusterIP (None)',
    tweak: set({ type: 'ExternalName', clusterIP: 'None', clusterIPs: ['None'], externalName: 'foo.bar.example.com' }),
    want: [forb('spec.clusterIPs', 'Forbidden: may not be set for ExternalName services')],
  },
  {
    name: 'invalid ExternalName (not a DNS name)',
    tweak: set({ type: 'ExternalName', externalName: '-123' }),
    want: [inv('spec.externalName', '"-123"', SUBDOMAIN_MSG)],
  },
  {
    name: 'LoadBalancer type cannot have None ClusterIP',
    tweak: lb({ clusterIP: 'None', clusterIPs: ['None'] }),
    want: [inv('spec.clusterIPs[0]', '"None"', "may not be set to 'None' for LoadBalancer services")],
  },
  {
    name: 'invalid node port with clusterIP None',
    tweak: withPorts(
      { type: 'NodePort', externalTrafficPolicy: 'Cluster', clusterIP: 'None', clusterIPs: ['None'] },
      { name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 },
    ),
    want: [inv('spec.clusterIPs[0]', '"None"', "may not be set to 'None' for NodePort services")],
  },
  {
    name: 'invalid externalTraffic field',
    tweak: set({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'invalid' }),
    want: [
      {
        field: 'spec.externalTrafficPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "invalid": supported values: "Cluster", "Local"',
      },
    ],
  },
  {
    name: 'nil internalTraffic field',
    tweak: (_m, s) => delete s.internalTrafficPolicy,
    want: [req('spec.internalTrafficPolicy')],
  },
  {
    name: 'internalTrafficPolicy field nil when type is ExternalName',
    tweak: (_m, s) => {
      delete s.internalTrafficPolicy;
      Object.assign(s, { type: 'ExternalName', externalName: 'foo.bar.com' });
    },
    want: [],
  },
  {
    name: 'internalTrafficPolicy field is set when type is ExternalName',
    tweak: set({ type: 'ExternalName', externalName: 'foo.bar.com' }),
    want: [],
  },
  {
    name: 'invalid internalTraffic field',
    tweak: set({ internalTrafficPolicy: 'invalid' }),
    want: [
      {
        field: 'spec.internalTrafficPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "invalid": supported values: "Cluster", "Local"',
      },
    ],
  },
  { name: 'internalTrafficPolicy field set to Local', tweak: set({ internalTrafficPolicy: 'Local' }), want: [] },
  {
    name: 'negative healthCheckNodePort field',
    tweak: set({
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: true,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: -1,
    }),
    want: [inv('spec.healthCheckNodePort', '-1', PORT_RANGE)],
  },
  {
    name: 'valid healthCheckNodePort field',
    tweak: set({
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: true,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31100,
    }),
    want: [],
  },
  {
    name: 'invalid timeoutSeconds field',
    tweak: set({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: -1 } } }),
    want: [
      inv('spec.sessionAffinityConfig.clientIP.timeoutSeconds', '-1', 'must be greater than 0 and less than 86400'),
    ],
  },
  {
    name: "sessionAffinityConfig can't be set when session affinity is None",
    tweak: lb({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90 } } }),
    want: [forb('spec.sessionAffinityConfig', 'Forbidden: must not be set when session affinity is None')],
  },
  {
    name: 'invalid, service with invalid ipFamilies',
    tweak: set({ ipFamilies: ['not-a-valid-ip-family'] }),
    want: [
      {
        field: 'spec.ipFamilies[0]',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "not-a-valid-ip-family": supported values: "IPv4", "IPv6"',
      },
    ],
  },
  {
    name: 'invalid, service with invalid ipFamilies (2nd)',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'not-a-valid-ip-family'] }),
    want: [
      {
        field: 'spec.ipFamilies[1]',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "not-a-valid-ip-family": supported values: "IPv4", "IPv6"',
      },
    ],
  },
  {
    name: 'IPFamilyPolicy(singleStack) is set for two families (checked by the allocator)',
    tweak: set({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }),
    want: [],
  },
  {
    name: 'invalid, service with 2+ ipFamilies',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6', 'IPv4'] }),
    want: [{ field: 'spec.ipFamilies[2]', type: 'FieldValueDuplicate', body: 'Duplicate value: "IPv4"' }],
  },
  {
    name: 'invalid, service with same ip families',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6', 'IPv6'] }),
    want: [{ field: 'spec.ipFamilies[1]', type: 'FieldValueDuplicate', body: 'Duplicate value: "IPv6"' }],
  },
  {
    name: 'valid, service with valid ipFamilies(v6,v4)',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6', 'IPv4'] }),
    want: [],
  },
  {
    name: 'invalid, garbage single ip',
    tweak: set({ clusterIP: 'garbage-ip', clusterIPs: ['garbage-ip'] }),
    want: [inv('spec.clusterIPs[0]', '"garbage-ip"', IP_MSG)],
  },
  {
    name: 'invalid, garbage ips',
    tweak: set({
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: 'garbage-ip',
      clusterIPs: ['garbage-ip', 'garbage-second-ip'],
    }),
    want: [inv('spec.clusterIPs[0]', '"garbage-ip"', IP_MSG), inv('spec.clusterIPs[1]', '"garbage-second-ip"', IP_MSG)],
  },
  {
    name: 'invalid, garbage second ip',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: '2001::1', clusterIPs: ['2001::1', 'garbage-ip'] }),
    want: [inv('spec.clusterIPs[1]', '"garbage-ip"', IP_MSG)],
  },
  {
    name: 'invalid, NONE + IP',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: 'None', clusterIPs: ['None', '2001::1'] }),
    want: [inv('spec.clusterIPs', '["None","2001::1"]', "'None' must be the first and only value")],
  },
  {
    name: 'invalid, IP + NONE',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: '2001::1', clusterIPs: ['2001::1', 'None'] }),
    want: [inv('spec.clusterIPs[1]', '"None"', IP_MSG)],
  },
  {
    name: 'invalid, EMPTY STRING + IP',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: '', clusterIPs: ['', '2001::1'] }),
    want: [
      inv('spec.clusterIPs', '["","2001::1"]', 'must be empty when `clusterIP` is not specified'),
      inv('spec.clusterIPs[0]', '""', IP_MSG),
    ],
  },
  {
    name: 'invalid, IP + EMPTY STRING',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: '2001::1', clusterIPs: ['2001::1', ''] }),
    want: [inv('spec.clusterIPs[1]', '""', IP_MSG)],
  },
  {
    name: 'invalid, same ip family (v6)',
    tweak: set({
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: '2001::1',
      clusterIPs: ['2001::1', '2001::4'],
      ipFamilies: ['IPv4', 'IPv6'],
    }),
    want: [
      inv('spec.clusterIPs', '["2001::1","2001::4"]', 'may specify no more than one IP for each IP family'),
      inv('spec.clusterIPs[0]', '"2001::1"', 'expected an IPv4 value as indicated by `ipFamilies[0]`'),
    ],
  },
  {
    name: 'invalid, same ip family (v4)',
    tweak: set({
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: '10.0.0.1',
      clusterIPs: ['10.0.0.1', '10.0.0.10'],
      ipFamilies: ['IPv4', 'IPv6'],
    }),
    want: [
      inv('spec.clusterIPs', '["10.0.0.1","10.0.0.10"]', 'may specify no more than one IP for each IP family'),
      inv('spec.clusterIPs[1]', '"10.0.0.10"', 'expected an IPv6 value as indicated by `ipFamilies[1]`'),
    ],
  },
  {
    name: 'invalid, more than two ips',
    tweak: set({
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: '10.0.0.1',
      clusterIPs: ['10.0.0.1', '2001::1', '10.0.0.10'],
      ipFamilies: ['IPv4', 'IPv6'],
    }),
    want: [inv('spec.clusterIPs', '["10.0.0.1","2001::1","10.0.0.10"]', 'may only hold up to 2 values')],
  },
  {
    name: 'multi ip, dualstack not set (request for downgrade)',
    tweak: set({
      ipFamilyPolicy: 'SingleStack',
      clusterIP: '10.0.0.1',
      clusterIPs: ['10.0.0.1', '2001::1'],
      ipFamilies: ['IPv4', 'IPv6'],
    }),
    want: [],
  },
  {
    name: 'valid, headless-no-selector + multi family',
    tweak: (_m, s) => {
      Object.assign(s, {
        ipFamilyPolicy: 'RequireDualStack',
        clusterIP: 'None',
        clusterIPs: ['None'],
        ipFamilies: ['IPv4', 'IPv6'],
      });
      delete s.selector;
    },
    want: [],
  },
  {
    name: 'invalid, families do not match (v4=>v6)',
    tweak: set({ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ipFamilies: ['IPv6'] }),
    want: [inv('spec.clusterIPs[0]', '"10.0.0.1"', 'expected an IPv6 value as indicated by `ipFamilies[0]`')],
  },
  {
    name: 'invalid, families do not match (v6=>v4)',
    tweak: set({ clusterIP: '2001::1', clusterIPs: ['2001::1'], ipFamilies: ['IPv4'] }),
    want: [inv('spec.clusterIPs[0]', '"2001::1"', 'expected an IPv4 value as indicated by `ipFamilies[0]`')],
  },
  {
    name: 'valid, ips, multi ipfamilies (6,4)',
    tweak: set({
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: '2001::1',
      clusterIPs: ['2001::1', '10.0.0.1'],
      ipFamilies: ['IPv6', 'IPv4'],
    }),
    want: [],
  },
  {
    name: 'valid custom appProtocol',
    tweak: set({ ports: [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'example.com/protocol' }] }),
    want: [],
  },
  {
    name: 'invalid appProtocol',
    tweak: set({
      ports: [
        {
          port: 12345,
          targetPort: 12345,
          protocol: 'TCP',
          appProtocol: 'example.com/protocol_with{invalid}[characters]',
        },
      ],
    }),
    want: [inv('spec.ports[0].appProtocol', '"example.com/protocol_with{invalid}[characters]"', NAME_PART_MSG)],
  },
  {
    name: 'invalid cluster ip != clusterIP in multi ip service',
    tweak: set({ ipFamilyPolicy: 'RequireDualStack', clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.1', '2001::1'] }),
    want: [inv('spec.clusterIPs', '["10.0.0.1","2001::1"]', 'first value must match `clusterIP`')],
  },
  {
    name: 'invalid cluster ip != clusterIP in single ip service',
    tweak: set({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.1'] }),
    want: [inv('spec.clusterIPs', '["10.0.0.1"]', 'first value must match `clusterIP`')],
  },
  {
    name: 'Use AllocateLoadBalancerNodePorts when type is not LoadBalancer',
    tweak: set({ allocateLoadBalancerNodePorts: true }),
    want: [forb('spec.allocateLoadBalancerNodePorts', LB_ONLY)],
  },
  {
    name: 'valid LoadBalancerClass when type is LoadBalancer',
    tweak: lb({ loadBalancerClass: 'test.com/test-load-balancer-class' }),
    want: [],
  },
  {
    name: 'invalid LoadBalancerClass',
    tweak: lb({ loadBalancerClass: 'Bad/LoadBalancerClass' }),
    want: [
      inv(
        'spec.loadBalancerClass',
        '"Bad/LoadBalancerClass"',
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ],
  },
  {
    name: 'invalid: set LoadBalancerClass when type is not LoadBalancer',
    tweak: set({ loadBalancerClass: 'test.com/test-load-balancer-class' }),
    want: [forb('spec.loadBalancerClass', LB_ONLY)],
  },
  {
    name: 'topology annotations are mismatched',
    tweak: (m) => {
      const a = m.annotations as Record<string, string>;
      a['service.kubernetes.io/topology-aware-hints'] = 'original';
      a['service.kubernetes.io/topology-mode'] = 'different';
    },
    want: [
      inv(
        'metadata.annotations[service.kubernetes.io/topology-mode]',
        '"different"',
        'must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified',
      ),
    ],
  },
  {
    name: 'valid: trafficDistribution field set to PreferClose',
    tweak: set({ trafficDistribution: 'PreferClose' }),
    want: [],
  },
  {
    name: 'invalid: trafficDistribution field set to Random',
    tweak: set({ trafficDistribution: 'Random' }),
    want: [
      {
        field: 'spec.trafficDistribution',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Random": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"',
      },
    ],
  },
];

describe('objects/service: TestValidateServiceCreate rows', () => {
  for (const c of cases)
    it(c.name, () => assertErrors(validateService(makeValidService(c.tweak), V34), c.want, c.name));
});

// TestValidateServiceExternalTrafficPolicy (validation_test.go): validateServiceExternalTrafficPolicy through
// ValidateService; the health check node port a LoadBalancer/Local Service lacks is allocated before validation,
// so that row is not ported.
const etpCases: { name: string; tweak: Tweak; want: Want[] }[] = [
  {
    name: 'valid nodePort service with externalTrafficPolicy set',
    tweak: set({ type: 'NodePort', externalTrafficPolicy: 'Local' }),
    want: [],
  },
  {
    name: 'cannot set healthCheckNodePort field on loadBalancer service with externalTrafficPolicy!=Local',
    tweak: lb({ healthCheckNodePort: 34567 }),
    want: [
      inv(
        'spec.healthCheckNodePort',
        '34567',
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    ],
  },
  {
    name: 'cannot set healthCheckNodePort field on nodePort service',
    tweak: set({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 34567 }),
    want: [
      inv(
        'spec.healthCheckNodePort',
        '34567',
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    ],
  },
  {
    name: 'cannot set externalTrafficPolicy or healthCheckNodePort fields on clusterIP service',
    tweak: set({ externalTrafficPolicy: 'Local', healthCheckNodePort: 34567 }),
    want: [
      inv('spec.externalTrafficPolicy', '"Local"', 'may only be set for externally-accessible services'),
      inv(
        'spec.healthCheckNodePort',
        '34567',
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    ],
  },
  {
    name: 'cannot set externalTrafficPolicy field on ExternalName service',
    tweak: set({ type: 'ExternalName', externalName: 'foo.bar.com', externalTrafficPolicy: 'Local' }),
    want: [inv('spec.externalTrafficPolicy', '"Local"', 'may only be set for externally-accessible services')],
  },
  {
    name: 'externalTrafficPolicy is required on NodePort service',
    tweak: set({ type: 'NodePort' }),
    want: [req('spec.externalTrafficPolicy')],
  },
  {
    name: 'externalTrafficPolicy is required on ClusterIP service with externalIPs',
    tweak: set({ externalIPs: ['1.2.3.4'] }),
    want: [req('spec.externalTrafficPolicy')],
  },
];

describe('objects/service: TestValidateServiceExternalTrafficPolicy rows', () => {
  for (const c of etpCases)
    it(c.name, () => assertErrors(validateService(makeValidService(c.tweak), V34), c.want, c.name));
});
