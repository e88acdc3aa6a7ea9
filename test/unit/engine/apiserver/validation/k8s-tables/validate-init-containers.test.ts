// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateInitContainers: error cases in a
// v1 Pod whose regular container is "app" and whose restartPolicy is Never, as upstream sets them. Upstream
// compares ErrorType, field and BadValue; bodies come from validation.go.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateInitContainers';
const I = 'spec.initContainers[0]';
const withInits = (...inits: Record<string, unknown>[]) =>
  pod({ restartPolicy: 'Never', containers: [container({ name: 'app' })], initContainers: inits.map(container) });
const sidecar = (extra: Record<string, unknown>) => withInits({ name: 'life-123', restartPolicy: 'Always', ...extra });
const tcp80 = { tcpSocket: { port: 80 } };
const NOT_WITHOUT_ALWAYS = 'Forbidden: may not be set for init containers without restartPolicy=Always';
const PORT_RANGE = 'Invalid value: 0: must be between 1 and 65535, inclusive';

const cases: TableCase[] = [
  {
    upstream: `${T} "empty name"`,
    obj: withInits({ name: '' }),
    want: [e(`${I}.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "name collision with regular container"`,
    obj: withInits({ name: 'app' }),
    want: [e(`${I}.name`, 'FieldValueDuplicate', 'Duplicate value: "app"')],
  },
  {
    upstream: `${T} "invalid termination message policy"`,
    obj: withInits({ name: 'init', terminationMessagePolicy: 'Unknown' }),
    want: [
      e(
        `${I}.terminationMessagePolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Unknown": supported values: "File", "FallbackToLogsOnError"',
      ),
    ],
  },
  {
    upstream: `${T} "duplicate names"`,
    obj: withInits({ name: 'init' }, { name: 'init' }),
    want: [e('spec.initContainers[1].name', 'FieldValueDuplicate', 'Duplicate value: "init"')],
  },
  {
    upstream: `${T} "duplicate ports"`,
    obj: withInits({
      name: 'abc',
      ports: [
        { containerPort: 8080, hostPort: 8080, protocol: 'TCP' },
        { containerPort: 8080, hostPort: 8080, protocol: 'TCP' },
      ],
    }),
    want: [e(`${I}.ports[1].hostPort`, 'FieldValueDuplicate', 'Duplicate value: "TCP//8080"')],
  },
  {
    upstream: `${T} "uses disallowed field: Lifecycle"`,
    obj: withInits({ name: 'debug', lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }),
    want: [e(`${I}.lifecycle`, 'FieldValueForbidden', NOT_WITHOUT_ALWAYS)],
  },
  {
    upstream: `${T} "uses disallowed field: LivenessProbe"`,
    obj: withInits({ name: 'debug', livenessProbe: { ...tcp80, successThreshold: 1 } }),
    want: [e(`${I}.livenessProbe`, 'FieldValueForbidden', NOT_WITHOUT_ALWAYS)],
  },
  {
    upstream: `${T} "uses disallowed field: ReadinessProbe"`,
    obj: withInits({ name: 'debug', readinessProbe: tcp80 }),
    want: [e(`${I}.readinessProbe`, 'FieldValueForbidden', NOT_WITHOUT_ALWAYS)],
  },
  {
    upstream: `${T} "Container uses disallowed field: StartupProbe"`,
    obj: withInits({ name: 'debug', startupProbe: { ...tcp80, successThreshold: 1 } }),
    want: [e(`${I}.startupProbe`, 'FieldValueForbidden', NOT_WITHOUT_ALWAYS)],
  },
  {
    upstream: `${T} "Disallowed field with other errors should only return a single Forbidden"`,
    obj: withInits({
      name: 'debug',
      startupProbe: {
        ...tcp80,
        initialDelaySeconds: -1,
        timeoutSeconds: -1,
        periodSeconds: -1,
        successThreshold: -1,
        failureThreshold: -1,
        terminationGracePeriodSeconds: -1,
      },
    }),
    want: [e(`${I}.startupProbe`, 'FieldValueForbidden', NOT_WITHOUT_ALWAYS)],
  },
  ...['OnFailure', 'Never', 'invalid', ''].map((policy) => ({
    upstream: `${T} "Not supported RestartPolicy: ${policy || 'empty'}"`,
    obj: withInits({ name: 'init', restartPolicy: policy }),
    want: [
      e(
        `${I}.restartPolicy`,
        'FieldValueNotSupported',
        `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always"`,
      ),
    ],
  })),
  {
    upstream: `${T} "invalid startup probe in restartable container, successThreshold != 1"`,
    obj: sidecar({ name: 'restartable-init', startupProbe: { ...tcp80, successThreshold: 2 } }),
    want: [e(`${I}.startupProbe.successThreshold`, 'FieldValueInvalid', 'Invalid value: 2: must be 1')],
  },
  {
    upstream: `${T} "invalid readiness probe, terminationGracePeriodSeconds set."`,
    obj: sidecar({ readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } }),
    want: [
      e(
        `${I}.readinessProbe.terminationGracePeriodSeconds`,
        'FieldValueInvalid',
        'Invalid value: 10: must not be set for readinessProbes',
      ),
    ],
  },
  {
    upstream: `${T} "invalid liveness probe, successThreshold != 1"`,
    obj: sidecar({ name: 'live-123', livenessProbe: { ...tcp80, successThreshold: 2 } }),
    want: [e(`${I}.livenessProbe.successThreshold`, 'FieldValueInvalid', 'Invalid value: 2: must be 1')],
  },
  {
    upstream: `${T} "invalid lifecycle, no exec command."`,
    obj: sidecar({ lifecycle: { preStop: { exec: {} } } }),
    want: [e(`${I}.lifecycle.preStop.exec.command`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "invalid lifecycle, no http port."`,
    obj: sidecar({ lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } }),
    want: [e(`${I}.lifecycle.preStop.httpGet.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, no tcp socket port."`,
    obj: sidecar({ lifecycle: { preStop: { tcpSocket: {} } } }),
    want: [e(`${I}.lifecycle.preStop.tcpSocket.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, zero tcp socket port."`,
    obj: sidecar({ lifecycle: { preStop: { tcpSocket: { port: 0 } } } }),
    want: [e(`${I}.lifecycle.preStop.tcpSocket.port`, 'FieldValueInvalid', PORT_RANGE)],
  },
  {
    upstream: `${T} "invalid lifecycle, no action."`,
    obj: sidecar({ lifecycle: { preStop: {} } }),
    want: [e(`${I}.lifecycle.preStop`, 'FieldValueRequired', 'Required value: must specify a handler type')],
  },
];

runTable('TestValidateInitContainers', cases);
