import assert from 'node:assert/strict';
import { defaultService, validateService } from '../../../../src/engine/objects/service';
import type { Service } from '../../../../src/engine/k8s/objects';
import { LABEL_MSG, type Want, assertErrors } from './want';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';

// The v1.34 API server these tables follow.
const V34: KubeVersion = { minor: 34 };

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateServiceCreate (whose
// rows count errors only); each expected text is the one pkg/apis/core/validation/validation.go ValidateService,
// validateServicePort and ValidateServiceClusterIPsRelatedFields build (v1.34), after SetDefaults_Service.

const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

// Loosely typed, as a manifest is: invalid rows write values outside the API's enums.
const service = (spec: Record<string, unknown>, name = 'web'): Service =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  }) as Service;

const check = (s: Service) => validateService(defaultService(s), V34);

const cases: { name: string; svc: Service; want: Want[] }[] = [
  { name: 'default', svc: service({}), want: [] },
  {
    name: 'invalid name: a Service name is a DNS-1035 label',
    svc: service({}, '1-web'),
    want: [{ field: 'metadata.name', type: 'FieldValueInvalid', body: `Invalid value: "1-web": ${DNS1035_MSG}` }],
  },
  {
    name: 'missing ports',
    svc: service({ ports: [] }),
    want: [{ field: 'spec.ports', type: 'FieldValueRequired', body: 'Required value' }],
  },
  { name: 'missing ports but headless', svc: service({ ports: [], clusterIP: 'None' }), want: [] },
  {
    name: 'empty port[1] name',
    svc: service({ ports: [{ name: 'p', port: 80 }, { port: 81 }] }),
    want: [{ field: 'spec.ports[1].name', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'invalid port name',
    svc: service({ ports: [{ name: 'INVALID', port: 80 }] }),
    want: [{ field: 'spec.ports[0].name', type: 'FieldValueInvalid', body: `Invalid value: "INVALID": ${LABEL_MSG}` }],
  },
  {
    name: 'dup port name',
    svc: service({
      ports: [
        { name: 'p', port: 80 },
        { name: 'p', port: 81 },
      ],
    }),
    want: [{ field: 'spec.ports[1].name', type: 'FieldValueDuplicate', body: 'Duplicate value: "p"' }],
  },
  {
    name: 'invalid protocol',
    svc: service({ ports: [{ port: 80, protocol: 'INVALID' }] }),
    want: [
      {
        field: 'spec.ports[0].protocol',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "INVALID": supported values: "SCTP", "TCP", "UDP"',
      },
    ],
  },
  {
    name: 'invalid port: 65536 (targetPort defaults to it)',
    svc: service({ ports: [{ port: 65536 }] }),
    want: [
      {
        field: 'spec.ports[0].port',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
      },
      {
        field: 'spec.ports[0].targetPort',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
      },
    ],
  },
  {
    name: 'invalid target port number',
    svc: service({ ports: [{ port: 80, targetPort: 65536 }] }),
    want: [
      {
        field: 'spec.ports[0].targetPort',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
      },
    ],
  },
  { name: 'valid named target port', svc: service({ ports: [{ port: 80, targetPort: 'http' }] }), want: [] },
  {
    name: 'invalid named target port (IANA_SVC_NAME)',
    svc: service({ ports: [{ port: 80, targetPort: 'http_port' }] }),
    want: [
      {
        field: 'spec.ports[0].targetPort',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      },
    ],
  },
  {
    name: 'invalid selector label value',
    svc: service({ selector: { app: 'web server' } }),
    want: [
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        body: `Invalid value: "web server": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      },
    ],
  },
  {
    name: 'invalid session affinity',
    svc: service({ sessionAffinity: 'Sticky' }),
    want: [
      {
        field: 'spec.sessionAffinity',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Sticky": supported values: "ClientIP", "None"',
      },
    ],
  },
  {
    name: 'ClientIP affinity timeout out of range',
    svc: service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }),
    want: [
      {
        field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 86401: must be greater than 0 and less than 86400',
      },
    ],
  },
  { name: 'ClientIP affinity defaults its timeout', svc: service({ sessionAffinity: 'ClientIP' }), want: [] },
  {
    name: 'invalid type',
    svc: service({ type: 'Internal' }),
    want: [
      {
        field: 'spec.type',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      },
    ],
  },
  {
    name: 'invalid cluster ip',
    svc: service({ clusterIP: 'invalid' }),
    want: [{ field: 'spec.clusterIPs[0]', type: 'FieldValueInvalid', body: `Invalid value: "invalid": ${IP_MSG}` }],
  },
  {
    name: 'clusterIPs must start with clusterIP',
    svc: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] }),
    want: [
      {
        field: 'spec.clusterIPs',
        type: 'FieldValueInvalid',
        body: 'Invalid value: ["10.96.0.11"]: first value must match `clusterIP`',
      },
    ],
  },
  {
    name: 'two IPv4 cluster IPs are not dual-stack',
    svc: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', '10.96.0.11'] }),
    want: [
      {
        field: 'spec.clusterIPs',
        type: 'FieldValueInvalid',
        body: 'Invalid value: ["10.96.0.10","10.96.0.11"]: may specify no more than one IP for each IP family',
      },
    ],
  },
  {
    name: 'invalid ipFamilyPolicy',
    svc: service({ ipFamilyPolicy: 'DualStack' }),
    want: [
      {
        field: 'spec.ipFamilyPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
      },
    ],
  },
  {
    name: 'duplicate ipFamilies',
    svc: service({ ipFamilies: ['IPv4', 'IPv4'] }),
    want: [{ field: 'spec.ipFamilies[1]', type: 'FieldValueDuplicate', body: 'Duplicate value: "IPv4"' }],
  },
  {
    name: 'nodePort with ClusterIP type',
    svc: service({ ports: [{ port: 80, nodePort: 30080 }] }),
    want: [
      {
        field: 'spec.ports[0].nodePort',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be used when `type` is 'ClusterIP'",
      },
    ],
  },
  { name: 'valid NodePort', svc: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), want: [] },
  {
    name: 'duplicate nodeports',
    svc: service({
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80, nodePort: 30080 },
        { name: 'b', port: 81, nodePort: 30080 },
      ],
    }),
    want: [{ field: 'spec.ports[1].nodePort', type: 'FieldValueDuplicate', body: 'Duplicate value: 30080' }],
  },
  {
    name: 'duplicate (protocol, port) pairs name the internal ServicePort key',
    svc: service({
      ports: [
        { name: 'a', port: 80 },
        { name: 'b', port: 80, targetPort: 8080 },
      ],
    }),
    want: [
      {
        field: 'spec.ports[1]',
        type: 'FieldValueDuplicate',
        body: 'Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
      },
    ],
  },
  {
    name: 'same port with another protocol is fine',
    svc: service({
      ports: [
        { name: 'a', port: 53 },
        { name: 'b', port: 53, protocol: 'UDP' },
      ],
    }),
    want: [],
  },
  {
    name: 'headless NodePort',
    svc: service({ type: 'NodePort', clusterIP: 'None' }),
    want: [
      {
        field: 'spec.clusterIPs[0]',
        type: 'FieldValueInvalid',
        body: `Invalid value: "None": may not be set to 'None' for NodePort services`,
      },
    ],
  },
  {
    name: 'valid ExternalName',
    svc: service({ type: 'ExternalName', externalName: 'foo.bar.example.com.' }),
    want: [],
  },
  {
    name: 'missing externalName',
    svc: service({ type: 'ExternalName' }),
    want: [{ field: 'spec.externalName', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'ExternalName with a cluster IP',
    svc: service({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.5' }),
    want: [
      {
        field: 'spec.clusterIPs',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not be set for ExternalName services',
      },
    ],
  },
  {
    name: 'loopback external IP',
    svc: service({ externalIPs: ['127.0.0.1'] }),
    want: [
      {
        field: 'spec.externalIPs[0]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      },
    ],
  },
  {
    name: 'invalid external IP',
    svc: service({ externalIPs: ['1.2.3'] }),
    want: [{ field: 'spec.externalIPs[0]', type: 'FieldValueInvalid', body: `Invalid value: "1.2.3": ${IP_MSG}` }],
  },
  {
    name: 'externalTrafficPolicy on a ClusterIP Service',
    svc: service({ externalTrafficPolicy: 'Local' }),
    want: [
      {
        field: 'spec.externalTrafficPolicy',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Local": may only be set for externally-accessible services',
      },
    ],
  },
  {
    name: 'invalid internalTrafficPolicy',
    svc: service({ internalTrafficPolicy: 'Node' }),
    want: [
      {
        field: 'spec.internalTrafficPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Node": supported values: "Cluster", "Local"',
      },
    ],
  },
  {
    name: 'loadBalancerSourceRanges on a ClusterIP Service',
    svc: service({ loadBalancerSourceRanges: ['10.0.0.0/8'] }),
    want: [
      {
        field: 'spec.LoadBalancerSourceRanges',
        type: 'FieldValueForbidden',
        body: "Forbidden: may only be used when `type` is 'LoadBalancer'",
      },
    ],
  },
  {
    name: 'allocateLoadBalancerNodePorts on a NodePort Service',
    svc: service({ type: 'NodePort', allocateLoadBalancerNodePorts: false }),
    want: [
      {
        field: 'spec.allocateLoadBalancerNodePorts',
        type: 'FieldValueForbidden',
        body: "Forbidden: may only be used when `type` is 'LoadBalancer'",
      },
    ],
  },
  {
    name: 'invalid appProtocol',
    svc: service({ ports: [{ port: 80, appProtocol: 'a/b/c' }] }),
    want: [
      {
        field: 'spec.ports[0].appProtocol',
        type: 'FieldValueInvalid',
        body: `Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      },
    ],
  },
];

describe('objects/service: ValidateService on create', () => {
  for (const c of cases) it(c.name, () => assertErrors(check(c.svc), c.want, c.name));
});

describe('objects/service: SetDefaults_Service', () => {
  // pkg/apis/core/v1/defaults.go SetDefaults_Service; apiserver reference §3 (Service row).
  it('defaults type, affinity, protocol, targetPort and traffic policies', () => {
    const svc = defaultService({
      apiVersion: 'v1',
      kind: 'Service',
      spec: { type: 'NodePort', ports: [{ port: 80 }] },
    });
    assert.deepEqual(svc.spec, {
      type: 'NodePort',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    });
  });
  it('copies clusterIP to clusterIPs (NormalizeClusterIPs on create)', () => {
    const svc = defaultService({ apiVersion: 'v1', kind: 'Service', spec: { clusterIP: 'None' } });
    assert.deepEqual(svc.spec?.clusterIPs, ['None']);
  });
});

// A Service's legacy IP fields on an API server of each supported minor: StrictIPCIDRValidation (on by default in
// v1.36, kubernetes#137053) makes IsValidIPForLegacyField add parseIP's strict errors (k8s.io/apimachinery
// pkg/util/validation/ip.go); up to v1.35 the values are accepted.
describe('Service IP fields by API server release', () => {
  const svc = () => service({ externalIPs: ['010.0.0.5', '::ffff:10.0.0.6'] });
  const strict: Want[] = [
    {
      field: 'spec.externalIPs[0]',
      type: 'FieldValueInvalid',
      body: 'Invalid value: "010.0.0.5": must not have leading 0s',
    },
    {
      field: 'spec.externalIPs[1]',
      type: 'FieldValueInvalid',
      body: 'Invalid value: "::ffff:10.0.0.6": must not be an IPv4-mapped IPv6 address',
    },
  ];
  const rows: { minor: KubeVersion['minor']; want: Want[] }[] = [
    { minor: 33, want: [] },
    { minor: 34, want: [] },
    { minor: 35, want: [] },
    { minor: 36, want: strict },
  ];
  for (const r of rows)
    it(`v1.${r.minor}: ${r.want.length === 0 ? 'accepted' : 'rejected'}`, () =>
      assertErrors(validateService(defaultService(svc()), { minor: r.minor }), r.want, `v1.${r.minor}`));
});
