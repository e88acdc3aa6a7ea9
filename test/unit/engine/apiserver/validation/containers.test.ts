import assert from 'node:assert/strict';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { brief, container, pod, podWithContainer, type Want } from './builders';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// Validation of a v1.34 API server, whose rules these tables follow.
const V34: KubeVersion = { minor: 34 };

// Cases after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateContainers,
// TestValidateInitContainers, TestValidatePorts, TestValidateEnv, TestValidateVolumeMounts, TestValidateProbe,
// TestValidateResourceRequirements; expected texts from validation.go (v1.34) and apiserver reference §5.1–§5.6.
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const C = 'spec.containers[0]';

const cases: { name: string; obj: KubeObject; want: Want[] }[] = [
  { name: 'a defaulted container is valid', obj: pod(), want: [] },
  {
    name: 'no containers at all',
    obj: pod({ containers: [] }),
    want: [{ field: 'spec.containers', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'a container needs a name',
    obj: podWithContainer({ name: '' }),
    want: [{ field: `${C}.name`, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'a container name is a DNS-1123 label',
    obj: podWithContainer({ name: 'Web' }),
    want: [{ field: `${C}.name`, type: 'FieldValueInvalid', body: `Invalid value: "Web": ${LABEL_MSG}` }],
  },
  {
    name: 'container names are unique',
    obj: pod({ containers: [container(), container()] }),
    want: [{ field: 'spec.containers[1].name', type: 'FieldValueDuplicate', body: 'Duplicate value: "web"' }],
  },
  {
    name: 'an init container may not reuse a regular container name',
    obj: pod({ initContainers: [container()] }),
    want: [{ field: 'spec.initContainers[0].name', type: 'FieldValueDuplicate', body: 'Duplicate value: "web"' }],
  },
  {
    name: 'a container needs an image',
    obj: podWithContainer({ image: '' }),
    want: [{ field: `${C}.image`, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'a Pod image may not have surrounding whitespace',
    obj: podWithContainer({ image: ' nginx' }),
    want: [
      {
        field: `${C}.image`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: " nginx": must not have leading or trailing whitespace',
      },
    ],
  },
  {
    name: 'imagePullPolicy values',
    obj: podWithContainer({ imagePullPolicy: 'Sometimes' }),
    want: [
      {
        field: `${C}.imagePullPolicy`,
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      },
    ],
  },
  {
    name: 'terminationMessagePolicy values',
    obj: podWithContainer({ terminationMessagePolicy: 'Logs' }),
    want: [
      {
        field: `${C}.terminationMessagePolicy`,
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"',
      },
    ],
  },
  {
    name: 'containerPort 0 is missing',
    obj: podWithContainer({ ports: [{ containerPort: 0, protocol: 'TCP' }] }),
    want: [{ field: `${C}.ports[0].containerPort`, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'containerPort is 1..65535',
    obj: podWithContainer({ ports: [{ containerPort: 70000, protocol: 'TCP' }] }),
    want: [
      {
        field: `${C}.ports[0].containerPort`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
      },
    ],
  },
  {
    name: 'a port protocol must be known',
    obj: podWithContainer({ ports: [{ containerPort: 80, protocol: 'HTTP' }] }),
    want: [
      {
        field: `${C}.ports[0].protocol`,
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      },
    ],
  },
  {
    name: 'port names are IANA service names, unique in the container',
    obj: podWithContainer({
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { name: 'http', containerPort: 81, protocol: 'TCP' },
        { name: 'HTTP', containerPort: 82, protocol: 'TCP' },
      ],
    }),
    want: [
      { field: `${C}.ports[1].name`, type: 'FieldValueDuplicate', body: 'Duplicate value: "http"' },
      {
        field: `${C}.ports[2].name`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      },
      {
        field: `${C}.ports[2].name`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "HTTP": must contain at least one letter (a-z)',
      },
    ],
  },
  {
    name: 'the same host port twice among containers',
    obj: pod({
      containers: [
        container({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }),
        container({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] }),
      ],
    }),
    want: [
      {
        field: 'spec.containers[1].ports[0].hostPort',
        type: 'FieldValueDuplicate',
        body: 'Duplicate value: "TCP//8080"',
      },
    ],
  },
  {
    name: 'an env var needs a name',
    obj: podWithContainer({ env: [{ name: '', value: 'x' }] }),
    want: [{ field: `${C}.env[0].name`, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'valueFrom with no source',
    obj: podWithContainer({ env: [{ name: 'A', valueFrom: {} }] }),
    want: [
      {
        field: `${C}.env[0].valueFrom`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      },
    ],
  },
  {
    name: 'value and valueFrom together',
    obj: podWithContainer({ env: [{ name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }),
    want: [
      {
        field: `${C}.env[0].valueFrom`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "": may not be specified when `value` is not empty',
      },
    ],
  },
  {
    name: 'a fieldRef path must be allowed for env',
    obj: podWithContainer({
      env: [{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.phase' } } }],
    }),
    want: [
      {
        field: `${C}.env[0].valueFrom.fieldRef.fieldPath`,
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      },
    ],
  },
  {
    name: 'a fieldRef to an unknown field fails conversion',
    obj: podWithContainer({
      env: [{ name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.foo' } } }],
    }),
    want: [
      {
        field: `${C}.env[0].valueFrom.fieldRef.fieldPath`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
      },
    ],
  },
  {
    name: 'a configMapKeyRef name is checked even when empty',
    obj: podWithContainer({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: '', key: 'k' } } }] }),
    want: [
      {
        field: `${C}.env[0].valueFrom.configMapKeyRef.name`,
        type: 'FieldValueInvalid',
        body: `Invalid value: "": ${SUBDOMAIN_MSG}`,
      },
    ],
  },
  {
    name: 'envFrom needs a source, reported on the list',
    obj: podWithContainer({ envFrom: [{ prefix: 'P_' }] }),
    want: [
      {
        field: `${C}.envFrom`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
      },
    ],
  },
  {
    name: 'a mount must name a defined volume',
    obj: podWithContainer({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
    want: [{ field: `${C}.volumeMounts[0].name`, type: 'FieldValueNotFound', body: 'Not found: "data"' }],
  },
  {
    name: 'mount paths are unique in a container, and subPath must be relative',
    obj: pod({
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [
        container({
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'data', mountPath: '/data', subPath: '/abs' },
          ],
        }),
      ],
    }),
    want: [
      {
        field: `${C}.volumeMounts[1].mountPath`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "/data": must be unique',
      },
      {
        field: `${C}.volumeMounts.subPath`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "/abs": must be a relative path',
      },
    ],
  },
  {
    name: 'Bidirectional propagation needs a privileged container',
    obj: pod({
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/d', mountPropagation: 'Bidirectional' }] })],
    }),
    want: [
      {
        field: `${C}.volumeMounts.mountPropagation`,
        type: 'FieldValueForbidden',
        body: 'Forbidden: Bidirectional mount propagation is available only to privileged containers',
      },
    ],
  },
  {
    name: 'a cpu request above the limit',
    obj: podWithContainer({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }),
    want: [
      {
        field: `${C}.resources.requests`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "2": must be less than or equal to cpu limit of 1',
      },
    ],
  },
  {
    name: 'quantities are printed in canonical form',
    obj: podWithContainer({ resources: { requests: { memory: '2048Mi' }, limits: { memory: '1024Mi' } } }),
    want: [
      {
        field: `${C}.resources.requests`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
      },
    ],
  },
  {
    name: 'a negative quantity',
    obj: podWithContainer({ resources: { limits: { cpu: '-1' } } }),
    want: [
      {
        field: `${C}.resources.limits[cpu]`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "-1": must be greater than or equal to 0',
      },
    ],
  },
  {
    name: 'an unprefixed unknown resource name',
    obj: podWithContainer({ resources: { limits: { gpu: '1' } } }),
    want: [
      {
        field: `${C}.resources.limits[gpu]`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "gpu": must be a standard resource type or fully qualified',
      },
      {
        field: `${C}.resources.limits[gpu]`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "gpu": must be a standard resource for containers',
      },
    ],
  },
  {
    name: 'an extended resource must be whole and may not be overcommitted',
    obj: podWithContainer({ resources: { requests: { 'example.com/foo': '500m' } } }),
    want: [
      {
        field: `${C}.resources.requests[example.com/foo]`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "500m": must be an integer',
      },
      {
        field: `${C}.resources.limits`,
        type: 'FieldValueRequired',
        body: 'Required value: Limit must be set for non overcommitable resources',
      },
    ],
  },
  {
    name: 'a probe needs a handler',
    obj: podWithContainer({ readinessProbe: { periodSeconds: 10 } }),
    want: [
      { field: `${C}.readinessProbe`, type: 'FieldValueRequired', body: 'Required value: must specify a handler type' },
    ],
  },
  {
    name: 'a probe may have only one handler',
    obj: podWithContainer({ livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }),
    want: [
      {
        field: `${C}.livenessProbe.tcpSocket`,
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not specify more than 1 handler type',
      },
    ],
  },
  {
    name: 'liveness successThreshold must be 1',
    obj: podWithContainer({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }),
    want: [
      { field: `${C}.livenessProbe.successThreshold`, type: 'FieldValueInvalid', body: 'Invalid value: 2: must be 1' },
    ],
  },
  {
    name: 'negative probe timings',
    obj: podWithContainer({ readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: -1 } }),
    want: [
      {
        field: `${C}.readinessProbe.periodSeconds`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: -1: must be greater than or equal to 0',
      },
    ],
  },
  {
    name: 'a probe port out of range and an unknown scheme',
    obj: podWithContainer({ livenessProbe: { httpGet: { path: '/', port: 0, scheme: 'FTP' } } }),
    want: [
      {
        field: `${C}.livenessProbe.httpGet.port`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: 0: must be between 1 and 65535, inclusive',
      },
      {
        field: `${C}.livenessProbe.httpGet.scheme`,
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      },
    ],
  },
  {
    name: 'a readiness probe may not set terminationGracePeriodSeconds',
    obj: podWithContainer({ readinessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 10 } }),
    want: [
      {
        field: `${C}.readinessProbe.terminationGracePeriodSeconds`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: 10: must not be set for readinessProbes',
      },
    ],
  },
  {
    name: 'a preStop sleep longer than the grace period',
    obj: podWithContainer({ lifecycle: { preStop: { sleep: { seconds: 60 } } } }),
    want: [
      {
        field: `${C}.lifecycle.preStop.sleep`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
      },
    ],
  },
  {
    name: 'a regular container may not set restartPolicy',
    obj: podWithContainer({ restartPolicy: 'Always' }),
    want: [
      {
        field: `${C}.restartPolicy`,
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not be set for non-init containers',
      },
    ],
  },
  {
    name: 'an init container restartPolicy may only be Always',
    obj: pod({ initContainers: [container({ name: 'init', restartPolicy: 'OnFailure' })] }),
    want: [
      {
        field: 'spec.initContainers[0].restartPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "OnFailure": supported values: "Always"',
      },
    ],
  },
  {
    name: 'a plain init container may not have probes or hooks',
    obj: pod({ initContainers: [container({ name: 'init', readinessProbe: { exec: { command: ['true'] } } })] }),
    want: [
      {
        field: 'spec.initContainers[0].readinessProbe',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not be set for init containers without restartPolicy=Always',
      },
    ],
  },
  {
    name: 'a sidecar (init container with restartPolicy Always) may have probes, validated like a container',
    obj: pod({
      initContainers: [
        container({
          name: 'proxy',
          restartPolicy: 'Always',
          startupProbe: { exec: { command: ['true'] }, successThreshold: 3 },
        }),
      ],
    }),
    want: [
      {
        field: 'spec.initContainers[0].startupProbe.successThreshold',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 3: must be 1',
      },
    ],
  },
  {
    name: 'container errors keep validation.go order: name, image, ports, env, mounts, resources',
    obj: podWithContainer({
      name: 'A',
      image: '',
      ports: [{ containerPort: 0, protocol: 'TCP' }],
      env: [{ name: '' }],
      volumeMounts: [{ name: 'v', mountPath: '/v' }],
      resources: { limits: { cpu: '-1' } },
    }),
    want: [
      { field: `${C}.name`, type: 'FieldValueInvalid', body: `Invalid value: "A": ${LABEL_MSG}` },
      { field: `${C}.image`, type: 'FieldValueRequired', body: 'Required value' },
      { field: `${C}.ports[0].containerPort`, type: 'FieldValueRequired', body: 'Required value' },
      { field: `${C}.env[0].name`, type: 'FieldValueRequired', body: 'Required value' },
      { field: `${C}.volumeMounts[0].name`, type: 'FieldValueNotFound', body: 'Not found: "v"' },
      {
        field: `${C}.resources.limits[cpu]`,
        type: 'FieldValueInvalid',
        body: 'Invalid value: "-1": must be greater than or equal to 0',
      },
    ],
  },
];

describe('container validation', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(brief(validateCreate(c.obj, V34)), c.want));
});
