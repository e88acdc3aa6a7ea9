// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateSysctls, TestHugePagesIsolation,
// TestValidateResourceRequirements and TestValidateOverhead, each case in an otherwise valid v1 Pod. Upstream
// counts the errors (TestValidateSysctls) or asserts only failure; the errors here are validateSysctls',
// validateResourceRequirements' and validateOverhead's own, in their order. A Pod is created with
// AllowNamespacedSysctlsForHostNetAndHostIPC off (only an update of a pod that already has them turns it on).
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const TS = 'TestValidateSysctls';
const TH = 'TestHugePagesIsolation';
const TR = 'TestValidateResourceRequirements';
const TO = 'TestValidateOverhead';
const S = 'spec.securityContext.sysctls';
const SYSCTL_REGEX = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const QUALIFIED_NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
// sets.List(resourcehelper.SupportedPodLevelResources()): hugepages are supported at pod level by their prefix.
const CPU_MEMORY = 'supported values: "cpu", "hugepages-", "memory"';
const HUGEPAGES_ALONE = 'Forbidden: HugePages require cpu or memory';

type Quantities = Record<string, string>;
const withSysctls = (names: string[], extra: Record<string, unknown> = {}) =>
  pod({ ...extra, securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } });
const withContainerResources = (requests: Quantities, limits: Quantities) =>
  pod({ containers: [container({ resources: { requests, limits } })] });
const withPodResources = (requests: Quantities, limits: Quantities) => pod({ resources: { requests, limits } });
const cpuMemory = { cpu: '10', memory: '10G' };
const longNative = `kubernetes.io/${'a'.repeat(63)}`;

const cases: TableCase[] = [
  {
    upstream: `${TS} valid`,
    obj: withSysctls([
      'net.foo.bar',
      'kernel.shmmax',
      'net.ipv4.conf.enp3s0/200.forwarding',
      'net/ipv4/conf/enp3s0.200/forwarding',
    ]),
    want: [],
  },
  {
    upstream: `${TS} invalid (2 errors)`,
    obj: withSysctls(['i..nvalid', '_invalid']),
    want: [
      e(
        `${S}[0].name`,
        'FieldValueInvalid',
        `Invalid value: "i..nvalid": must have at most 253 characters and match regex ${SYSCTL_REGEX}`,
      ),
      e(
        `${S}[1].name`,
        'FieldValueInvalid',
        `Invalid value: "_invalid": must have at most 253 characters and match regex ${SYSCTL_REGEX}`,
      ),
    ],
  },
  {
    upstream: `${TS} duplicates`,
    obj: withSysctls(['kernel.shmmax', 'kernel.shmmax']),
    want: [e(`${S}[1].name`, 'FieldValueDuplicate', 'Duplicate value: "kernel.shmmax"')],
  },
  {
    // The slash form names the same net.* sysctl once NormalizeName swaps its separators.
    upstream: `${TS} invalidWithHostNet (2 errors)`,
    obj: withSysctls(['net.ipv4.conf.enp3s0/200.forwarding', 'net/ipv4/conf/enp3s0.200/forwarding'], {
      hostNetwork: true,
    }),
    want: [
      e(
        `${S}[0].name`,
        'FieldValueInvalid',
        `Invalid value: "net.ipv4.conf.enp3s0/200.forwarding": may not be specified when 'hostNetwork' is true`,
      ),
      e(
        `${S}[1].name`,
        'FieldValueInvalid',
        `Invalid value: "net/ipv4/conf/enp3s0.200/forwarding": may not be specified when 'hostNetwork' is true`,
      ),
    ],
  },
  {
    upstream: `${TS} invalidWithHostIPC (2 errors)`,
    obj: withSysctls(['kernel.shmmax', 'kernel.msgmax'], { hostIPC: true }),
    want: [
      e(
        `${S}[0].name`,
        'FieldValueInvalid',
        `Invalid value: "kernel.shmmax": may not be specified when 'hostIPC' is true`,
      ),
      e(
        `${S}[1].name`,
        'FieldValueInvalid',
        `Invalid value: "kernel.msgmax": may not be specified when 'hostIPC' is true`,
      ),
    ],
  },
  {
    upstream: `${TH} "Valid: request hugepages-2Mi"`,
    obj: withContainerResources({ ...cpuMemory, 'hugepages-2Mi': '1Gi' }, { ...cpuMemory, 'hugepages-2Mi': '1Gi' }),
    want: [],
  },
  {
    upstream: `${TH} "Valid: request more than one hugepages size"`,
    obj: withContainerResources(
      { ...cpuMemory, 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
      { ...cpuMemory, 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
    ),
    want: [],
  },
  {
    upstream: `${TH} "Invalid: not requesting cpu and memory"`,
    obj: withContainerResources({ 'hugepages-2Mi': '1Gi' }, { 'hugepages-2Mi': '1Gi' }),
    want: [e('spec.containers[0].resources', 'FieldValueForbidden', HUGEPAGES_ALONE)],
  },
  {
    upstream: `${TH} "Invalid: request 1Gi hugepages-2Mi but limit 2Gi"`,
    obj: withContainerResources({ ...cpuMemory, 'hugepages-2Mi': '1Gi' }, { ...cpuMemory, 'hugepages-2Mi': '2Gi' }),
    want: [
      e(
        'spec.containers[0].resources.requests',
        'FieldValueInvalid',
        'Invalid value: "1Gi": must be equal to hugepages-2Mi limit of 2Gi',
      ),
    ],
  },
  {
    upstream: `${TR} "limits and requests of hugepage resource are equal" (container)`,
    obj: withContainerResources({ cpu: '10', 'hugepages-2Mi': '2Mi' }, { cpu: '10', 'hugepages-2Mi': '2Mi' }),
    want: [],
  },
  {
    upstream: `${TR} "limits and requests of memory resource are equal" (pod)`,
    obj: withPodResources({ memory: '2Mi' }, { memory: '2Mi' }),
    want: [],
  },
  {
    upstream: `${TR} "limits and requests of cpu resource are equal" (pod)`,
    obj: withPodResources({ cpu: '10' }, { cpu: '10' }),
    want: [],
  },
  {
    upstream: `${TR} errTests "hugepage resource without cpu or memory"`,
    obj: withContainerResources({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }),
    want: [e('spec.containers[0].resources', 'FieldValueForbidden', HUGEPAGES_ALONE)],
  },
  {
    // Pod-level hugepages are supported (IsSupportedPodLevelResource); the case fails for want of cpu or memory.
    upstream: `${TR} errTests "pod resource with hugepages"`,
    obj: withPodResources({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }),
    want: [e('spec.resources', 'FieldValueForbidden', HUGEPAGES_ALONE)],
  },
  {
    upstream: `${TR} "pod resource with hugepages" beside cpu (supported at pod level)`,
    obj: withPodResources({ cpu: '1', 'hugepages-2Mi': '2Mi' }, { cpu: '1', 'hugepages-2Mi': '2Mi' }),
    want: [],
  },
  {
    upstream: `${TR} errTests "pod resource with ephemeral-storage"`,
    obj: withPodResources({ 'ephemeral-storage2Mi': '2Mi' }, { 'ephemeral-storage': '2Mi' }),
    want: [
      e(
        'spec.resources.limits[ephemeral-storage]',
        'FieldValueNotSupported',
        `Unsupported value: "ephemeral-storage": ${CPU_MEMORY}`,
      ),
      e(
        'spec.resources.requests[ephemeral-storage2Mi]',
        'FieldValueInvalid',
        'Invalid value: "ephemeral-storage2Mi": must be a standard resource type or fully qualified',
      ),
    ],
  },
  {
    upstream: `${TR} errTests "pod resource with unsupported prefixed resources"`,
    obj: withPodResources({ 'kubernetesio/memory': '2' }, { 'kubernetesio/cpu': '2' }),
    want: [
      e(
        'spec.resources.limits[kubernetesio/cpu]',
        'FieldValueNotSupported',
        `Unsupported value: "kubernetesio/cpu": ${CPU_MEMORY}`,
      ),
      e(
        'spec.resources.requests[kubernetesio/memory]',
        'FieldValueNotSupported',
        `Unsupported value: "kubernetesio/memory": ${CPU_MEMORY}`,
      ),
      e(
        'spec.resources.limits',
        'FieldValueRequired',
        'Required value: Limit must be set for non overcommitable resources',
      ),
    ],
  },
  {
    upstream: `${TR} errTests "pod resource with unsupported native resources"`,
    obj: withPodResources({ [longNative]: '2' }, { [longNative]: '2' }),
    want: [
      e(
        `spec.resources.limits[${longNative}]`,
        'FieldValueNotSupported',
        `Unsupported value: "${longNative}": ${CPU_MEMORY}`,
      ),
      e(
        `spec.resources.requests[${longNative}]`,
        'FieldValueNotSupported',
        `Unsupported value: "${longNative}": ${CPU_MEMORY}`,
      ),
    ],
  },
  {
    upstream: `${TR} errTests "pod resource with unsupported empty native resource name"`,
    obj: withPodResources({ 'kubernetes.io': '2' }, { 'kubernetes.io/': '2' }),
    want: [
      e(
        'spec.resources.limits[kubernetes.io/]',
        'FieldValueInvalid',
        'Invalid value: "kubernetes.io/": name part must be non-empty',
      ),
      e(
        'spec.resources.limits[kubernetes.io/]',
        'FieldValueInvalid',
        `Invalid value: "kubernetes.io/": ${QUALIFIED_NAME_PART}`,
      ),
      e(
        'spec.resources.requests[kubernetes.io]',
        'FieldValueInvalid',
        'Invalid value: "kubernetes.io": must be a standard resource type or fully qualified',
      ),
    ],
  },
  {
    upstream: `${TO} successCase "Valid Overhead for CPU + Memory"`,
    obj: pod({ overhead: cpuMemory }),
    want: [],
  },
  {
    upstream: `${TO} errorCase "Invalid Overhead Resources"`,
    obj: pod({ overhead: { 'my.org': '10m' } }),
    want: [
      e(
        'spec.overhead.limits[my.org]',
        'FieldValueInvalid',
        'Invalid value: "my.org": must be a standard resource type or fully qualified',
      ),
      e(
        'spec.overhead.limits[my.org]',
        'FieldValueInvalid',
        'Invalid value: "my.org": must be a standard resource for containers',
      ),
    ],
  },
];

runTable('validation_test.go TestValidateSysctls, TestHugePagesIsolation, TestValidateResourceRequirements', cases);
