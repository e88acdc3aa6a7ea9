// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePodSpec failureCases, as v1 Pods.
// Upstream asserts only that validation fails; the errors here are validation.go's. The "with hostNetwork hostPort
// unspecified" case does not apply in v1: SetDefaults_PodSpec copies containerPort into hostPort first.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidatePodSpec';
const SC = 'spec.securityContext';
const hostNetworkPort = (hostPort: number) =>
  pod({ hostNetwork: true, containers: [container({ ports: [{ hostPort, containerPort: 2600, protocol: 'TCP' }] })] });
const SUBDOMAIN = 'a lowercase RFC 1123 subdomain must consist of';
const ID_RANGE = 'must be between 0 and 2147483647, inclusive';
const DEADLINE_RANGE = 'must be between 1 and 2147483647, inclusive';

const cases: TableCase[] = [
  {
    upstream: `${T} "bad volume"`,
    obj: pod({ volumes: [{}] }),
    want: [e('spec.volumes[0].name', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "no containers"`,
    obj: pod({ containers: [] }),
    want: [e('spec.containers', 'FieldValueRequired')],
  },
  {
    upstream: `${T} "bad container"`,
    obj: pod({ containers: [{ imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }] }),
    want: [e('spec.containers[0].name', 'FieldValueRequired'), e('spec.containers[0].image', 'FieldValueRequired')],
  },
  {
    upstream: `${T} "bad init container"`,
    obj: pod({ initContainers: [{ imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }] }),
    want: [
      e('spec.initContainers[0].name', 'FieldValueRequired'),
      e('spec.initContainers[0].image', 'FieldValueRequired'),
    ],
  },
  {
    upstream: `${T} "bad DNS policy"`,
    obj: pod({ dnsPolicy: 'invalid' }),
    want: [e('spec.dnsPolicy', 'FieldValueNotSupported')],
  },
  {
    upstream: `${T} "bad service account name"`,
    obj: pod({ serviceAccountName: 'invalidName' }),
    want: [e('spec.serviceAccountName', 'FieldValueInvalid')],
    contains: `spec.serviceAccountName: Invalid value: "invalidName": ${SUBDOMAIN}`,
  },
  {
    upstream: `${T} "bad restart policy"`,
    obj: pod({ restartPolicy: 'UnknowPolicy' }),
    want: [
      e(
        'spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "UnknowPolicy": supported values: "Always", "OnFailure", "Never"',
      ),
    ],
  },
  {
    upstream: `${T} "with hostNetwork hostPort not equal to containerPort"`,
    obj: hostNetworkPort(8080),
    want: [
      e(
        'spec.containers[0].ports[0].hostPort',
        'FieldValueInvalid',
        'Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
      ),
    ],
  },
  {
    upstream: `${T} "with hostAliases with invalid IP"`,
    obj: pod({ hostAliases: [{ ip: '999.999.999.999', hostnames: ['host1', 'host2'] }] }),
    want: [
      e(
        'spec.hostAliases[0].ip',
        'FieldValueInvalid',
        'Invalid value: "999.999.999.999": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ),
    ],
  },
  {
    upstream: `${T} "with hostAliases with invalid hostname"`,
    obj: pod({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['@#$^#@#$'] }] }),
    want: [e('spec.hostAliases[0].hostnames[0]', 'FieldValueInvalid')],
    contains: SUBDOMAIN,
  },
  {
    upstream: `${T} "bad supplementalGroups large than math.MaxInt32"`,
    obj: pod({ securityContext: { supplementalGroups: [2147483648, 1234] } }),
    want: [e(`${SC}.supplementalGroups[0]`, 'FieldValueInvalid', `Invalid value: 2147483648: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad supplementalGroups less than 0"`,
    obj: pod({ securityContext: { supplementalGroups: [-1, 1234] } }),
    want: [e(`${SC}.supplementalGroups[0]`, 'FieldValueInvalid', `Invalid value: -1: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad runAsUser large than math.MaxInt32"`,
    obj: pod({ securityContext: { runAsUser: 2147483648 } }),
    want: [e(`${SC}.runAsUser`, 'FieldValueInvalid', `Invalid value: 2147483648: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad runAsUser less than 0"`,
    obj: pod({ securityContext: { runAsUser: -1 } }),
    want: [e(`${SC}.runAsUser`, 'FieldValueInvalid', `Invalid value: -1: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad fsGroup large than math.MaxInt32"`,
    obj: pod({ securityContext: { fsGroup: 2147483648 } }),
    want: [e(`${SC}.fsGroup`, 'FieldValueInvalid', `Invalid value: 2147483648: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad fsGroup less than 0"`,
    obj: pod({ securityContext: { fsGroup: -1 } }),
    want: [e(`${SC}.fsGroup`, 'FieldValueInvalid', `Invalid value: -1: ${ID_RANGE}`)],
  },
  {
    upstream: `${T} "bad-active-deadline-seconds"`,
    obj: pod({ activeDeadlineSeconds: 0 }),
    want: [e('spec.activeDeadlineSeconds', 'FieldValueInvalid', `Invalid value: 0: ${DEADLINE_RANGE}`)],
  },
  {
    upstream: `${T} "active-deadline-seconds-too-large"`,
    obj: pod({ activeDeadlineSeconds: 2147483648 }),
    want: [e('spec.activeDeadlineSeconds', 'FieldValueInvalid', `Invalid value: 2147483648: ${DEADLINE_RANGE}`)],
  },
  {
    upstream: `${T} "bad nodeName"`,
    obj: pod({ nodeName: 'node name' }),
    want: [e('spec.nodeName', 'FieldValueInvalid')],
    contains: `spec.nodeName: Invalid value: "node name": ${SUBDOMAIN}`,
  },
  {
    upstream: `${T} "bad PriorityClassName"`,
    obj: pod({ priorityClassName: 'InvalidName' }),
    want: [e('spec.priorityClassName', 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "ShareProcessNamespace and HostPID both set"`,
    obj: pod({ hostPID: true, shareProcessNamespace: true }),
    want: [
      e(
        `${SC}.shareProcessNamespace`,
        'FieldValueInvalid',
        'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    ],
  },
  {
    upstream: `${T} "bad RuntimeClassName"`,
    obj: pod({ runtimeClassName: 'invalid/sandbox' }),
    want: [e('spec.runtimeClassName', 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "bad empty fsGroupchangepolicy"`,
    obj: pod({ securityContext: { fsGroupChangePolicy: '' } }),
    want: [
      e(
        `${SC}.fsGroupChangePolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "": supported values: "Always", "OnRootMismatch"',
      ),
    ],
  },
  {
    upstream: `${T} "bad invalid fsgroupchangepolicy"`,
    obj: pod({ securityContext: { fsGroupChangePolicy: 'invalid' } }),
    want: [
      e(
        `${SC}.fsGroupChangePolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "invalid": supported values: "Always", "OnRootMismatch"',
      ),
    ],
  },
  {
    upstream: `${T} successCases "populate HostNetwork"`,
    obj: pod({
      hostNetwork: true,
      containers: [container({ ports: [{ hostPort: 8080, containerPort: 8080, protocol: 'TCP' }] })],
    }),
    want: [],
  },
  {
    upstream: `${T} successCases "populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647"`,
    obj: pod({ securityContext: { supplementalGroups: [2147483647], runAsUser: 2147483647, fsGroup: 2147483647 } }),
    want: [],
  },
  {
    upstream: `${T} successCases "populate HostAliases with \`foo.bar\` hostnames"`,
    obj: pod({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }] }),
    want: [],
  },
];

runTable('TestValidatePodSpec', cases);
