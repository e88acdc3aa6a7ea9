import assert from 'node:assert/strict';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { brief, container, pod, type Want } from './builders';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// Validation of a v1.34 API server, whose rules these tables follow.
const V34: KubeVersion = { minor: 34 };

// Cases after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePodSpec,
// TestValidatePod, TestValidateObjectMeta*, TestValidateVolumes, TestValidateTolerations, TestValidateAffinity,
// TestValidateTopologySpreadConstraints, TestValidatePodSecurityContext; texts from validation.go (v1.34),
// k8s.io/apimachinery v0.34.1 and apiserver reference §4, §5.4, §5.7–§5.11.
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QNAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const cases: { name: string; obj: KubeObject; want: Want[] }[] = [
  // Metadata (§4).
  {
    name: 'a pod needs a name',
    obj: pod({}, { name: '' }),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  { name: 'a generateName may end in a dash', obj: pod({}, { name: 'web-x1', generateName: 'web-' }), want: [] },
  {
    name: 'a pod name is a DNS subdomain',
    obj: pod({}, { name: 'My_Pod' }),
    want: [{ field: 'metadata.name', type: 'FieldValueInvalid', body: `Invalid value: "My_Pod": ${SUBDOMAIN_MSG}` }],
  },
  {
    name: 'a pod needs a namespace',
    obj: pod({}, { namespace: '' }),
    want: [{ field: 'metadata.namespace', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'bad label keys and values are reported on metadata.labels',
    obj: pod({}, { labels: { '-k': 'v', ok: '-v' } }),
    want: [
      { field: 'metadata.labels', type: 'FieldValueInvalid', body: `Invalid value: "-k": ${QNAME_PART_MSG}` },
      { field: 'metadata.labels', type: 'FieldValueInvalid', body: `Invalid value: "-v": ${LABEL_VALUE_MSG}` },
    ],
  },
  {
    name: 'annotations are limited to 256 KiB in total',
    obj: pod({}, { annotations: { big: 'x'.repeat(262142) } }),
    want: [
      { field: 'metadata.annotations', type: 'FieldValueTooLong', body: 'Too long: may not be more than 262144 bytes' },
    ],
  },
  {
    name: 'annotation keys are checked without case',
    obj: pod({}, { annotations: { 'Example.com/Key': 'v', 'a b': 'c' } }),
    want: [
      { field: 'metadata.annotations', type: 'FieldValueInvalid', body: `Invalid value: "a b": ${QNAME_PART_MSG}` },
    ],
  },
  // Pod-level fields (§5.7).
  {
    name: 'restartPolicy values',
    obj: pod({ restartPolicy: 'Sometimes' }),
    want: [
      {
        field: 'spec.restartPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      },
    ],
  },
  {
    name: 'dnsPolicy values',
    obj: pod({ dnsPolicy: 'Cluster' }),
    want: [
      {
        field: 'spec.dnsPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      },
    ],
  },
  {
    name: 'dnsPolicy None needs a dnsConfig',
    obj: pod({ dnsPolicy: 'None' }),
    want: [
      {
        field: 'spec.dnsConfig',
        type: 'FieldValueRequired',
        body: 'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
      },
    ],
  },
  {
    name: 'dnsPolicy None needs a nameserver',
    obj: pod({ dnsPolicy: 'None', dnsConfig: { searches: ['svc.local'] } }),
    want: [
      {
        field: 'spec.dnsConfig.nameservers',
        type: 'FieldValueRequired',
        body: 'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
      },
    ],
  },
  {
    name: 'at most three nameservers, each an IP',
    obj: pod({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns'] } }),
    want: [
      {
        field: 'spec.dnsConfig.nameservers',
        type: 'FieldValueInvalid',
        body: 'Invalid value: ["1.1.1.1","8.8.8.8","9.9.9.9","dns"]: must not have more than 3 nameservers',
      },
      {
        field: 'spec.dnsConfig.nameservers[3]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "dns": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ],
  },
  {
    name: 'activeDeadlineSeconds is 1..2147483647',
    obj: pod({ activeDeadlineSeconds: 0 }),
    want: [
      {
        field: 'spec.activeDeadlineSeconds',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 0: must be between 1 and 2147483647, inclusive',
      },
    ],
  },
  {
    name: 'hostname is a DNS label',
    obj: pod({ hostname: 'a.b' }),
    want: [{ field: 'spec.hostname', type: 'FieldValueInvalid', body: 'Invalid value: "a.b": must not contain dots' }],
  },
  {
    name: 'nodeSelector keys and values',
    obj: pod({ nodeSelector: { 'disk type': 'ssd' } }),
    want: [
      { field: 'spec.nodeSelector', type: 'FieldValueInvalid', body: `Invalid value: "disk type": ${QNAME_PART_MSG}` },
    ],
  },
  {
    name: 'priorityClassName is a DNS subdomain',
    obj: pod({ priorityClassName: 'High' }),
    want: [
      { field: 'spec.priorityClassName', type: 'FieldValueInvalid', body: `Invalid value: "High": ${SUBDOMAIN_MSG}` },
    ],
  },
  {
    name: 'preemptionPolicy values',
    obj: pod({ preemptionPolicy: 'Always' }),
    want: [
      {
        field: 'spec.preemptionPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"',
      },
    ],
  },
  {
    name: 'os.name values',
    obj: pod({ os: { name: 'mac' } }),
    want: [
      {
        field: 'spec.os',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "mac": supported values: "linux", "windows"',
      },
    ],
  },
  {
    name: 'ephemeral containers cannot be set on create',
    obj: pod({
      ephemeralContainers: [
        { name: 'debug', image: 'busybox', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' },
      ],
    }),
    want: [
      { field: 'spec.ephemeralContainers', type: 'FieldValueForbidden', body: 'Forbidden: cannot be set on create' },
    ],
  },
  {
    name: 'nodeName with scheduling gates',
    obj: pod({ nodeName: 'worker-1', schedulingGates: [{ name: 'example.com/gate' }] }),
    want: [
      {
        field: 'spec.nodeName',
        type: 'FieldValueForbidden',
        body: 'Forbidden: cannot be set until all schedulingGates have been cleared',
      },
    ],
  },
  {
    name: 'scheduling gates are unique',
    obj: pod({ schedulingGates: [{ name: 'gate' }, { name: 'gate' }] }),
    want: [{ field: 'spec.schedulingGates[1]', type: 'FieldValueDuplicate', body: 'Duplicate value: "gate"' }],
  },
  {
    name: 'a hostNetwork pod must use hostPort = containerPort',
    obj: pod({
      hostNetwork: true,
      containers: [container({ ports: [{ containerPort: 80, hostPort: 81, protocol: 'TCP' }] })],
    }),
    want: [
      {
        field: 'spec.containers[0].ports[0].hostPort',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 81: must match `containerPort` when `hostNetwork` is true',
      },
    ],
  },
  {
    name: 'hostUsers false with host namespaces (v1.34 text)',
    obj: pod({ hostUsers: false, hostNetwork: true }),
    want: [{ field: 'spec.hostNetwork', type: 'FieldValueForbidden', body: 'Forbidden: when `hostUsers` is false' }],
  },
  {
    name: 'imagePullSecrets may set only a name',
    obj: pod({ imagePullSecrets: [{ name: 'reg', namespace: 'x' }] }),
    want: [
      {
        field: 'spec.imagePullSecrets[0]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {"name":"reg","namespace":"x"}: only name may be set',
      },
    ],
  },
  // Volumes (§5.4).
  {
    name: 'volume names are DNS labels and unique',
    obj: pod({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
        { name: 'Data', emptyDir: {} },
      ],
    }),
    want: [
      { field: 'spec.volumes[1].name', type: 'FieldValueDuplicate', body: 'Duplicate value: "data"' },
      { field: 'spec.volumes[2].name', type: 'FieldValueInvalid', body: `Invalid value: "Data": ${LABEL_MSG}` },
    ],
  },
  {
    name: 'a volume may have one source only',
    obj: pod({ volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }] }),
    want: [
      {
        field: 'spec.volumes[0].hostPath',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not specify more than 1 volume type',
      },
    ],
  },
  {
    name: 'a configMap volume needs a name, a secret a secretName, a claim a claimName',
    obj: pod({
      volumes: [
        { name: 'a', configMap: {} },
        { name: 'b', secret: {} },
        { name: 'c', persistentVolumeClaim: {} },
      ],
    }),
    want: [
      { field: 'spec.volumes[0].configMap.name', type: 'FieldValueRequired', body: 'Required value' },
      { field: 'spec.volumes[1].secret.secretName', type: 'FieldValueRequired', body: 'Required value' },
      { field: 'spec.volumes[2].persistentVolumeClaim.claimName', type: 'FieldValueRequired', body: 'Required value' },
    ],
  },
  {
    name: 'file modes are 0..0777 and item paths relative',
    obj: pod({
      volumes: [{ name: 'a', configMap: { name: 'cm', defaultMode: 1000, items: [{ key: 'k', path: '../x' }] } }],
    }),
    want: [
      {
        field: 'spec.volumes[0].configMap.defaultMode',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      },
      {
        field: 'spec.volumes[0].configMap.items[0].path',
        type: 'FieldValueInvalid',
        body: `Invalid value: "../x": must not contain '..'`,
      },
    ],
  },
  {
    name: 'a projected token must last at least ten minutes',
    obj: pod({
      serviceAccountName: 'default',
      volumes: [
        { name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 300 } }] } },
      ],
    }),
    want: [
      {
        field: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 300: may not specify a duration less than 10 minutes',
      },
    ],
  },
  // Tolerations (§5.8).
  {
    name: 'a toleration with Exists may not have a value',
    obj: pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'x' }] }),
    want: [
      {
        field: 'spec.tolerations[0].operator',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "x": value must be empty when `operator` is \'Exists\'',
      },
    ],
  },
  {
    name: 'an empty key needs Exists',
    obj: pod({ tolerations: [{ operator: 'Equal', value: 'x' }] }),
    want: [
      {
        field: 'spec.tolerations[0].operator',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      },
    ],
  },
  {
    name: 'tolerationSeconds needs NoExecute; operators and effects are closed sets',
    obj: pod({ tolerations: [{ key: 'k', operator: 'In', effect: 'NoRun', tolerationSeconds: 5 }] }),
    want: [
      {
        field: 'spec.tolerations[0].effect',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "NoRun": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      },
      {
        field: 'spec.tolerations[0].operator',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "In": supported values: "Equal", "Exists"',
      },
      {
        field: 'spec.tolerations[0].effect',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      },
    ],
  },
  // Affinity (§5.9).
  {
    name: 'required node affinity needs a term',
    obj: pod({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
    }),
    want: [
      {
        field: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
        type: 'FieldValueRequired',
        body: 'Required value: must have at least one node selector term',
      },
    ],
  },
  {
    name: 'In needs values, Exists forbids them, unknown operators are invalid',
    obj: pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'zone', operator: 'In' },
                  { key: 'zone', operator: 'Exists', values: ['a'] },
                  { key: 'zone', operator: 'Foo' },
                ],
              },
            ],
          },
        },
      },
    }),
    want: [
      {
        field:
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values',
        type: 'FieldValueRequired',
        body: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      },
      {
        field:
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      },
      {
        field:
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].operator',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Foo": not a valid selector operator',
      },
    ],
  },
  {
    name: 'preferred weights are 1..100 and pod affinity needs a topologyKey',
    obj: pod({
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 0, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: '' } },
          ],
        },
      },
    }),
    want: [
      {
        field: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 0: must be in the range 1-100',
      },
      {
        field:
          'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey',
        type: 'FieldValueRequired',
        body: 'Required value: can not be empty',
      },
      {
        field:
          'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "": name part must be non-empty',
      },
      {
        field:
          'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey',
        type: 'FieldValueInvalid',
        body: `Invalid value: "": ${QNAME_PART_MSG}`,
      },
    ],
  },
  // Topology spread (§5.10).
  {
    name: 'topology spread constraint fields',
    obj: pod({
      topologySpreadConstraints: [
        { maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} },
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} },
        { maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'Maybe', labelSelector: {} },
      ],
    }),
    want: [
      {
        field: 'spec.topologySpreadConstraints[0].maxSkew',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 0: must be greater than zero',
      },
      {
        field: 'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}',
        type: 'FieldValueDuplicate',
        body: 'Duplicate value: "{zone, DoNotSchedule}"',
      },
      {
        field: 'spec.topologySpreadConstraints[2].topologyKey',
        type: 'FieldValueRequired',
        body: 'Required value: can not be empty',
      },
      {
        field: 'spec.topologySpreadConstraints[2].whenUnsatisfiable',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
      },
    ],
  },
  // Security context (§5.11).
  {
    name: 'user and group ids are 0..2147483647',
    obj: pod({
      securityContext: { runAsUser: -1 },
      containers: [container({ securityContext: { runAsGroup: 2147483648 } })],
    }),
    want: [
      {
        field: 'spec.containers[0].securityContext.runAsGroup',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
      },
      {
        field: 'spec.securityContext.runAsUser',
        type: 'FieldValueInvalid',
        body: 'Invalid value: -1: must be between 0 and 2147483647, inclusive',
      },
    ],
  },
  {
    name: 'shareProcessNamespace with hostPID',
    obj: pod({ shareProcessNamespace: true, hostPID: true }),
    want: [
      {
        field: 'spec.securityContext.shareProcessNamespace',
        type: 'FieldValueInvalid',
        body: 'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
      },
    ],
  },
  {
    name: 'seccomp Localhost needs a profile',
    obj: pod({ securityContext: { seccompProfile: { type: 'Localhost' } } }),
    want: [
      {
        field: 'spec.securityContext.seccompProfile.localhostProfile',
        type: 'FieldValueRequired',
        body: 'Required value: must be set when seccomp type is Localhost',
      },
    ],
  },
  {
    name: 'a net sysctl is refused on a hostNetwork pod',
    obj: pod({ hostNetwork: true, securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] } }),
    want: [
      {
        field: 'spec.securityContext.sysctls[0].name',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "net.core.somaxconn": may not be specified when \'hostNetwork\' is true',
      },
    ],
  },
  {
    name: 'procMount Unmasked needs user namespaces',
    obj: pod({ containers: [container({ securityContext: { procMount: 'Unmasked' } })] }),
    want: [
      {
        field: 'spec.containers[0].securityContext.procMount',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
      },
    ],
  },
];

describe('pod validation', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(brief(validateCreate(c.obj, V34)), c.want));
});

// The same non-standard IPs on an API server of each supported minor: StrictIPCIDRValidation is alpha and off up to
// v1.35 and on by default in v1.36 (kubernetes#137053), so IsValidIPForLegacyField adds parseIP's strict errors
// (k8s.io/apimachinery pkg/util/validation/ip.go): "must not have leading 0s", "must not be an IPv4-mapped IPv6
// address". Before v1.36 the values pass validation (and draw warnings instead).
describe('legacy IP fields by API server release', () => {
  const nonStandard = (): KubeObject =>
    pod({
      dnsConfig: { nameservers: ['010.0.0.10'] },
      hostAliases: [{ ip: '::ffff:10.0.0.1', hostnames: ['db'] }],
    });
  const strict: Want[] = [
    {
      field: 'spec.dnsConfig.nameservers[0]',
      type: 'FieldValueInvalid',
      body: 'Invalid value: "010.0.0.10": must not have leading 0s',
    },
    {
      field: 'spec.hostAliases[0].ip',
      type: 'FieldValueInvalid',
      body: 'Invalid value: "::ffff:10.0.0.1": must not be an IPv4-mapped IPv6 address',
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
      assert.deepEqual(brief(validateCreate(nonStandard(), { minor: r.minor })), r.want));
});

// The same user-namespaced pod on the host network on an API server of each supported minor: kubernetes#132868
// (v1.34) aligned validateHostUsers' message with the others, from "when `pod.Spec.HostUsers` is false" to
// "when `hostUsers` is false".
describe('hostUsers: false with hostNetwork by API server release', () => {
  const rows: { minor: KubeVersion['minor']; detail: string }[] = [
    { minor: 33, detail: 'when `pod.Spec.HostUsers` is false' },
    { minor: 34, detail: 'when `hostUsers` is false' },
    { minor: 35, detail: 'when `hostUsers` is false' },
    { minor: 36, detail: 'when `hostUsers` is false' },
  ];
  for (const r of rows)
    it(`v1.${r.minor}: ${r.detail}`, () =>
      assert.deepEqual(brief(validateCreate(pod({ hostUsers: false, hostNetwork: true }), { minor: r.minor })), [
        { field: 'spec.hostNetwork', type: 'FieldValueForbidden', body: `Forbidden: ${r.detail}` },
      ]));
});
