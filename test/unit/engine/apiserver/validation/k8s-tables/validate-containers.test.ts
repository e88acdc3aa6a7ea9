// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateContainers: its error cases, each
// embedded in an otherwise valid v1 Pod, so the paths gain the `spec.` prefix. Upstream compares ErrorType and field
// only; bodies are added where validation.go fixes the text.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateContainers';
const C = 'spec.containers[0]';
const one = (extra: Record<string, unknown>) => pod({ containers: [container(extra)] });
const lifecycle = (preStop: Record<string, unknown>) => one({ lifecycle: { preStop } });
const tcp80 = { tcpSocket: { port: 80 } };
const negatives = {
  initialDelaySeconds: -1,
  timeoutSeconds: -1,
  periodSeconds: -1,
  successThreshold: -1,
  failureThreshold: -1,
  terminationGracePeriodSeconds: -1,
};
const PORT_RANGE = 'Invalid value: 0: must be between 1 and 65535, inclusive';

const cases: TableCase[] = [
  {
    upstream: `${T} "zero-length name"`,
    obj: one({ name: '' }),
    want: [e(`${C}.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "zero-length-image"`,
    obj: one({ image: '' }),
    want: [e(`${C}.image`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "name > 63 characters"`,
    obj: one({ name: 'a'.repeat(64) }),
    want: [e(`${C}.name`, 'FieldValueInvalid')],
    contains: 'must be no more than 63 characters',
  },
  {
    upstream: `${T} "name not a DNS label"`,
    obj: one({ name: 'a.b.c' }),
    want: [e(`${C}.name`, 'FieldValueInvalid', 'Invalid value: "a.b.c": must not contain dots')],
  },
  {
    upstream: `${T} "name not unique"`,
    obj: pod({ containers: [container({ name: 'abc' }), container({ name: 'abc' })] }),
    want: [e('spec.containers[1].name', 'FieldValueDuplicate', 'Duplicate value: "abc"')],
  },
  {
    upstream: `${T} "host port not unique"`,
    obj: pod({
      containers: [
        container({ name: 'abc', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }),
        container({ name: 'def', ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] }),
      ],
    }),
    want: [e('spec.containers[1].ports[0].hostPort', 'FieldValueDuplicate', 'Duplicate value: "TCP//80"')],
  },
  {
    upstream: `${T} "unknown volume name"`,
    obj: one({ volumeMounts: [{ name: 'anything', mountPath: '/foo' }] }),
    want: [e(`${C}.volumeMounts[0].name`, 'FieldValueNotFound', 'Not found: "anything"')],
  },
  {
    upstream: `${T} "invalid lifecycle, no exec command."`,
    obj: lifecycle({ exec: {} }),
    want: [e(`${C}.lifecycle.preStop.exec.command`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "invalid lifecycle, no http port."`,
    obj: lifecycle({ httpGet: { path: '/', scheme: 'HTTP' } }),
    want: [e(`${C}.lifecycle.preStop.httpGet.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, no tcp socket port."`,
    obj: lifecycle({ tcpSocket: {} }),
    want: [e(`${C}.lifecycle.preStop.tcpSocket.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, zero tcp socket port."`,
    obj: lifecycle({ tcpSocket: { port: 0 } }),
    want: [e(`${C}.lifecycle.preStop.tcpSocket.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, no action."`,
    obj: lifecycle({}),
    want: [e(`${C}.lifecycle.preStop`, 'FieldValueRequired', 'Required value: must specify a handler type')],
  },
  {
    upstream: `${T} "invalid readiness probe, terminationGracePeriodSeconds set."`,
    obj: one({ readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } }),
    want: [
      e(
        `${C}.readinessProbe.terminationGracePeriodSeconds`,
        'FieldValueInvalid',
        'Invalid value: 10: must not be set for readinessProbes',
      ),
    ],
  },
  {
    upstream: `${T} "invalid liveness probe, no tcp socket port."`,
    obj: one({ livenessProbe: { tcpSocket: {}, successThreshold: 1 } }),
    want: [e(`${C}.livenessProbe.tcpSocket.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid liveness probe, no action."`,
    obj: one({ livenessProbe: { successThreshold: 1 } }),
    want: [e(`${C}.livenessProbe`, 'FieldValueRequired', 'Required value: must specify a handler type')],
  },
  {
    upstream: `${T} "invalid liveness probe, successThreshold != 1"`,
    obj: one({ livenessProbe: { ...tcp80, successThreshold: 2 } }),
    want: [e(`${C}.livenessProbe.successThreshold`, 'FieldValueInvalid', 'Invalid value: 2: must be 1')],
  },
  {
    upstream: `${T} "invalid startup probe, successThreshold != 1"`,
    obj: one({ startupProbe: { ...tcp80, successThreshold: 2 } }),
    want: [e(`${C}.startupProbe.successThreshold`, 'FieldValueInvalid', 'Invalid value: 2: must be 1')],
  },
  {
    upstream: `${T} "invalid liveness probe, negative numbers"`,
    obj: one({ livenessProbe: { ...tcp80, ...negatives } }),
    want: [
      e(
        `${C}.livenessProbe.initialDelaySeconds`,
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than or equal to 0',
      ),
      e(`${C}.livenessProbe.timeoutSeconds`, 'FieldValueInvalid'),
      e(`${C}.livenessProbe.periodSeconds`, 'FieldValueInvalid'),
      e(`${C}.livenessProbe.successThreshold`, 'FieldValueInvalid'),
      e(`${C}.livenessProbe.failureThreshold`, 'FieldValueInvalid'),
      e(
        `${C}.livenessProbe.terminationGracePeriodSeconds`,
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than 0',
      ),
      e(`${C}.livenessProbe.successThreshold`, 'FieldValueInvalid', 'Invalid value: -1: must be 1'),
    ],
  },
  {
    upstream: `${T} "invalid readiness probe, negative numbers"`,
    obj: one({ readinessProbe: { ...tcp80, ...negatives } }),
    want: [
      e(`${C}.readinessProbe.initialDelaySeconds`, 'FieldValueInvalid'),
      e(`${C}.readinessProbe.timeoutSeconds`, 'FieldValueInvalid'),
      e(`${C}.readinessProbe.periodSeconds`, 'FieldValueInvalid'),
      e(`${C}.readinessProbe.successThreshold`, 'FieldValueInvalid'),
      e(`${C}.readinessProbe.failureThreshold`, 'FieldValueInvalid'),
      e(
        `${C}.readinessProbe.terminationGracePeriodSeconds`,
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than 0',
      ),
      e(
        `${C}.readinessProbe.terminationGracePeriodSeconds`,
        'FieldValueInvalid',
        'Invalid value: -1: must not be set for readinessProbes',
      ),
    ],
  },
  {
    upstream: `${T} "invalid startup probe, negative numbers"`,
    obj: one({ startupProbe: { ...tcp80, ...negatives } }),
    want: [
      e(`${C}.startupProbe.initialDelaySeconds`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.timeoutSeconds`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.periodSeconds`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.successThreshold`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.failureThreshold`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.terminationGracePeriodSeconds`, 'FieldValueInvalid'),
      e(`${C}.startupProbe.successThreshold`, 'FieldValueInvalid'),
    ],
  },
  {
    upstream: `${T} "invalid message termination policy"`,
    obj: one({ terminationMessagePolicy: 'Unknown' }),
    want: [
      e(
        `${C}.terminationMessagePolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Unknown": supported values: "File", "FallbackToLogsOnError"',
      ),
    ],
  },
  {
    upstream: `${T} "invalid compute resource"`,
    obj: one({ resources: { limits: { disk: '10G' } } }),
    want: [
      e(
        `${C}.resources.limits[disk]`,
        'FieldValueInvalid',
        'Invalid value: "disk": must be a standard resource type or fully qualified',
      ),
      e(
        `${C}.resources.limits[disk]`,
        'FieldValueInvalid',
        'Invalid value: "disk": must be a standard resource for containers',
      ),
    ],
  },
  {
    upstream: `${T} "Resource CPU invalid"`,
    obj: one({ resources: { limits: { cpu: '-10', memory: '0' } } }),
    want: [
      e(`${C}.resources.limits[cpu]`, 'FieldValueInvalid', 'Invalid value: "-10": must be greater than or equal to 0'),
    ],
  },
  {
    upstream: `${T} "Resource Requests CPU invalid"`,
    obj: one({ resources: { requests: { cpu: '-10', memory: '0' } } }),
    want: [e(`${C}.resources.requests[cpu]`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "Resource Memory invalid"`,
    obj: one({ resources: { limits: { cpu: '0', memory: '-10' } } }),
    want: [e(`${C}.resources.limits[memory]`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "Request limit simple invalid"`,
    obj: one({ resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }),
    want: [
      e(
        `${C}.resources.requests`,
        'FieldValueInvalid',
        'Invalid value: "6": must be less than or equal to cpu limit of 5',
      ),
    ],
  },
  {
    upstream: `${T} "Invalid storage limit request"`,
    obj: one({ resources: { limits: { 'attachable-volumes-aws-ebs': 10 } } }),
    want: [
      e(`${C}.resources.limits[attachable-volumes-aws-ebs]`, 'FieldValueInvalid'),
      e(`${C}.resources.limits[attachable-volumes-aws-ebs]`, 'FieldValueInvalid'),
    ],
  },
  {
    upstream: `${T} "Memory request limit multiple invalid"`,
    obj: one({ resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '5', memory: '4' } } }),
    want: [
      e(
        `${C}.resources.requests`,
        'FieldValueInvalid',
        'Invalid value: "4": must be less than or equal to memory limit of 3',
      ),
    ],
  },
  {
    upstream: `${T} "Invalid env from"`,
    obj: one({ envFrom: [{ configMapRef: { name: '$%^&*#' } }] }),
    want: [e(`${C}.envFrom[0].configMapRef.name`, 'FieldValueInvalid')],
    contains: 'a lowercase RFC 1123 subdomain must consist of',
  },
  {
    upstream: `${T} "Unsupported resize policy for memory"`,
    obj: one({ resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainerrrr' }] }),
    want: [
      e(
        `${C}.resizePolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "RestartContainerrrr": supported values: "NotRequired", "RestartContainer"',
      ),
    ],
  },
  {
    upstream: `${T} "Unsupported resize policy for CPU"`,
    obj: one({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequired' }] }),
    want: [e(`${C}.resizePolicy`, 'FieldValueNotSupported')],
  },
  ...['Always', 'OnFailure', 'Never', 'invalid', ''].map((policy) => ({
    upstream: `${T} "Forbidden RestartPolicy: ${policy || 'empty'}"`,
    obj: one({ restartPolicy: policy }),
    want: [e(`${C}.restartPolicy`, 'FieldValueForbidden', 'Forbidden: may not be set for non-init containers')],
  })),
];

runTable('TestValidateContainers', cases);
