// kubernetes/kubernetes pkg/kubelet/kubelet_pods_test.go: TestMakeEnvironmentVariables (Service variables, `$(VAR)`
// expansion, envFrom ConfigMaps, optional sources, the errors of missing ones) and the getPhase tables
// (TestPodPhaseWithRestartAlways…, …RestartNever…, …RestartOnFailure). Upstream sorts the variables by name before
// comparing, so these compare name → value maps. A Secret's value is never shown, so a variable that holds one (or
// is expanded from one) is compared as null. A nil Service lister is a cluster without Services. The "services not
// synced", static-pod and nil enableServiceLinks cases need kubelet internals or a pod the API server never stores
// (it defaults enableServiceLinks), and the dual-stack pod IP rows need two pod IPs a simulated node never gives.
import assert from 'node:assert/strict';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { makeEnvironmentVariables, resolveEnv } from '../../../../../src/engine/kubelet/env';
import { runKubelet } from '../../../../../src/engine/kubelet';
import { getPhase, type ApiContainerStatus } from '../../../../../src/engine/kubelet/status';
import { cluster, node, pod } from '../builders';

const buildService = (name: string, namespace: string, clusterIP: string, protocol: string, port: number) =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { ports: [{ protocol, port }], clusterIP },
  }) as KubeObject;

const services = [
  buildService('kubernetes', 'default', '1.2.3.1', 'TCP', 8081),
  buildService('test', 'test1', '1.2.3.3', 'TCP', 8083),
  buildService('kubernetes', 'test2', '1.2.3.4', 'TCP', 8084),
  buildService('test', 'test2', '1.2.3.5', 'TCP', 8085),
  buildService('test', 'test2', 'None', 'TCP', 8085),
  buildService('test', 'test2', '', 'TCP', 8085),
  buildService('not-special', 'default', '1.2.3.8', 'TCP', 8088),
  buildService('not-special', 'default', 'None', 'TCP', 8088),
  buildService('not-special', 'default', '', 'TCP', 8088),
];

const links = (prefix: string, ip: string, port: number): Record<string, string> => ({
  [`${prefix}_SERVICE_HOST`]: ip,
  [`${prefix}_SERVICE_PORT`]: String(port),
  [`${prefix}_PORT`]: `tcp://${ip}:${port}`,
  [`${prefix}_PORT_${port}_TCP`]: `tcp://${ip}:${port}`,
  [`${prefix}_PORT_${port}_TCP_PROTO`]: 'tcp',
  [`${prefix}_PORT_${port}_TCP_PORT`]: String(port),
  [`${prefix}_PORT_${port}_TCP_ADDR`]: ip,
});
const KUBERNETES = links('KUBERNETES', '1.2.3.1', 8081);
const TEST1 = links('TEST', '1.2.3.3', 8083);

function testPod(ns: string, enableServiceLinks: boolean, c: Container): Pod {
  return pod(
    { containers: [c], nodeName: 'node-name', serviceAccountName: 'special', enableServiceLinks },
    { name: 'dapi-test-pod-name', namespace: ns },
  );
}

const testConfigMap = (ns: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'test-config-map', namespace: ns },
  data,
});

interface EnvCase {
  name: string;
  ns: string;
  enableServiceLinks: boolean;
  container: Container;
  objects?: KubeObject[];
  /** No Service lister: the cluster holds no Service. */
  nilLister?: boolean;
  podIP?: string;
  expectedEnvs?: Record<string, string | null>;
  expectedError?: string;
}

const testSecret = (ns: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'test-secret', namespace: ns },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
});

// kubelet_test.go newTestKubelet: the node's address.
const testKubeletHostIP = '127.0.0.1';
const fieldRef = (name: string, fieldPath: string) => ({
  name,
  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } },
});
const secretEnvContainer = (): Container => ({
  name: 'c',
  envFrom: [{ secretRef: { name: 'test-secret' } }, { prefix: 'p_', secretRef: { name: 'test-secret' } }],
  env: [
    { name: 'TEST_LITERAL', value: 'test-test-test' },
    { name: 'EXPANSION_TEST', value: '$(REPLACE_ME)' },
    { name: 'DUPE_TEST', value: 'ENV_VAR' },
  ],
});
// Upstream: REPLACE_ME and EXPANSION_TEST are "FROM_SECRET", p_DUPE_TEST "SECRET": Secret values, not shown.
const SECRET_ENVS = {
  TEST_LITERAL: 'test-test-test',
  REPLACE_ME: null,
  EXPANSION_TEST: null,
  DUPE_TEST: 'ENV_VAR',
  p_REPLACE_ME: null,
  p_DUPE_TEST: null,
};

const T = 'TestMakeEnvironmentVariables';
const envCases: EnvCase[] = [
  {
    name: 'api server = Y, kubelet = Y',
    ns: 'test1',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [{ name: 'FOO', value: 'BAR' }, ...Object.entries(TEST1).map(([name, value]) => ({ name, value }))],
    },
    expectedEnvs: { FOO: 'BAR', ...TEST1, ...KUBERNETES },
  },
  {
    name: 'api server = N; kubelet = Y',
    ns: 'test1',
    enableServiceLinks: false,
    container: { name: 'c', env: [{ name: 'FOO', value: 'BAZ' }] },
    expectedEnvs: { FOO: 'BAZ', ...KUBERNETES },
  },
  {
    name: 'api server = N; kubelet = Y; service env vars',
    ns: 'test1',
    enableServiceLinks: true,
    container: { name: 'c', env: [{ name: 'FOO', value: 'BAZ' }] },
    expectedEnvs: { FOO: 'BAZ', ...TEST1, ...KUBERNETES },
  },
  {
    name: 'master service in pod ns',
    ns: 'test2',
    enableServiceLinks: false,
    container: { name: 'c', env: [{ name: 'FOO', value: 'ZAP' }] },
    expectedEnvs: { FOO: 'ZAP', ...KUBERNETES },
  },
  {
    name: 'master service in pod ns, service env vars',
    ns: 'test2',
    enableServiceLinks: true,
    container: { name: 'c', env: [{ name: 'FOO', value: 'ZAP' }] },
    expectedEnvs: { FOO: 'ZAP', ...links('TEST', '1.2.3.5', 8085), ...links('KUBERNETES', '1.2.3.4', 8084) },
  },
  {
    name: 'pod in master service ns',
    ns: 'default',
    enableServiceLinks: false,
    container: { name: 'c' },
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'pod in master service ns, service env vars',
    ns: 'default',
    enableServiceLinks: true,
    container: { name: 'c' },
    expectedEnvs: { ...links('NOT_SPECIAL', '1.2.3.8', 8088), ...KUBERNETES },
  },
  {
    name: 'downward api pod (single-stack: one pod IP and one host IP)',
    ns: 'downward-api',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [
        fieldRef('POD_NAME', 'metadata.name'),
        fieldRef('POD_NAMESPACE', 'metadata.namespace'),
        fieldRef('POD_NODE_NAME', 'spec.nodeName'),
        fieldRef('POD_SERVICE_ACCOUNT_NAME', 'spec.serviceAccountName'),
        fieldRef('POD_IP', 'status.podIP'),
        fieldRef('POD_IPS', 'status.podIPs'),
        fieldRef('HOST_IP', 'status.hostIP'),
        fieldRef('HOST_IPS', 'status.hostIPs'),
      ],
    },
    podIP: '1.2.3.4',
    nilLister: true,
    expectedEnvs: {
      POD_NAME: 'dapi-test-pod-name',
      POD_NAMESPACE: 'downward-api',
      POD_NODE_NAME: 'node-name',
      POD_SERVICE_ACCOUNT_NAME: 'special',
      POD_IP: '1.2.3.4',
      POD_IPS: '1.2.3.4',
      HOST_IP: testKubeletHostIP,
      HOST_IPS: testKubeletHostIP,
    },
  },
  {
    name: 'env expansion',
    ns: 'test1',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [
        { name: 'TEST_LITERAL', value: 'test-test-test' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'OUT_OF_ORDER_TEST', value: '$(OUT_OF_ORDER_TARGET)' },
        { name: 'OUT_OF_ORDER_TARGET', value: 'FOO' },
        { name: 'EMPTY_VAR' },
        { name: 'EMPTY_TEST', value: 'foo-$(EMPTY_VAR)' },
        { name: 'POD_NAME_TEST2', value: 'test2-$(POD_NAME)' },
        { name: 'POD_NAME_TEST3', value: '$(POD_NAME_TEST2)-3' },
        { name: 'LITERAL_TEST', value: 'literal-$(TEST_LITERAL)' },
        { name: 'TEST_UNDEFINED', value: '$(UNDEFINED_VAR)' },
      ],
    },
    expectedEnvs: {
      TEST_LITERAL: 'test-test-test',
      POD_NAME: 'dapi-test-pod-name',
      POD_NAME_TEST2: 'test2-dapi-test-pod-name',
      POD_NAME_TEST3: 'test2-dapi-test-pod-name-3',
      LITERAL_TEST: 'literal-test-test-test',
      OUT_OF_ORDER_TEST: '$(OUT_OF_ORDER_TARGET)',
      OUT_OF_ORDER_TARGET: 'FOO',
      TEST_UNDEFINED: '$(UNDEFINED_VAR)',
      EMPTY_VAR: '',
      EMPTY_TEST: 'foo-',
      ...KUBERNETES,
    },
  },
  {
    name: 'env expansion, service env vars',
    ns: 'test1',
    enableServiceLinks: true,
    container: {
      name: 'c',
      env: [
        { name: 'TEST_LITERAL', value: 'test-test-test' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'OUT_OF_ORDER_TEST', value: '$(OUT_OF_ORDER_TARGET)' },
        { name: 'OUT_OF_ORDER_TARGET', value: 'FOO' },
        { name: 'EMPTY_VAR' },
        { name: 'EMPTY_TEST', value: 'foo-$(EMPTY_VAR)' },
        { name: 'POD_NAME_TEST2', value: 'test2-$(POD_NAME)' },
        { name: 'POD_NAME_TEST3', value: '$(POD_NAME_TEST2)-3' },
        { name: 'LITERAL_TEST', value: 'literal-$(TEST_LITERAL)' },
        { name: 'SERVICE_VAR_TEST', value: '$(TEST_SERVICE_HOST):$(TEST_SERVICE_PORT)' },
        { name: 'TEST_UNDEFINED', value: '$(UNDEFINED_VAR)' },
      ],
    },
    expectedEnvs: {
      TEST_LITERAL: 'test-test-test',
      POD_NAME: 'dapi-test-pod-name',
      POD_NAME_TEST2: 'test2-dapi-test-pod-name',
      POD_NAME_TEST3: 'test2-dapi-test-pod-name-3',
      LITERAL_TEST: 'literal-test-test-test',
      ...TEST1,
      SERVICE_VAR_TEST: '1.2.3.3:8083',
      OUT_OF_ORDER_TEST: '$(OUT_OF_ORDER_TARGET)',
      OUT_OF_ORDER_TARGET: 'FOO',
      TEST_UNDEFINED: '$(UNDEFINED_VAR)',
      EMPTY_VAR: '',
      EMPTY_TEST: 'foo-',
      ...KUBERNETES,
    },
  },
  {
    name: 'configmapkeyref_missing_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [
        {
          name: 'POD_NAME',
          valueFrom: { configMapKeyRef: { name: 'missing-config-map', key: 'key', optional: true } },
        },
      ],
    },
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'configmapkeyref_missing_key_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [
        { name: 'POD_NAME', valueFrom: { configMapKeyRef: { name: 'test-config-map', key: 'key', optional: true } } },
      ],
    },
    objects: [testConfigMap('test', { a: 'b' })],
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'secretkeyref_missing_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [{ name: 'POD_NAME', valueFrom: { secretKeyRef: { name: 'missing-secret', key: 'key', optional: true } } }],
    },
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'configmap',
    ns: 'test1',
    enableServiceLinks: false,
    container: {
      name: 'c',
      envFrom: [
        { configMapRef: { name: 'test-config-map' } },
        { prefix: 'p_', configMapRef: { name: 'test-config-map' } },
      ],
      env: [
        { name: 'TEST_LITERAL', value: 'test-test-test' },
        { name: 'EXPANSION_TEST', value: '$(REPLACE_ME)' },
        { name: 'DUPE_TEST', value: 'ENV_VAR' },
      ],
    },
    objects: [testConfigMap('test1', { REPLACE_ME: 'FROM_CONFIG_MAP', DUPE_TEST: 'CONFIG_MAP' })],
    expectedEnvs: {
      TEST_LITERAL: 'test-test-test',
      REPLACE_ME: 'FROM_CONFIG_MAP',
      EXPANSION_TEST: 'FROM_CONFIG_MAP',
      DUPE_TEST: 'ENV_VAR',
      p_REPLACE_ME: 'FROM_CONFIG_MAP',
      p_DUPE_TEST: 'CONFIG_MAP',
      ...KUBERNETES,
    },
  },
  {
    name: 'configmap allow prefix to start with a digital',
    ns: 'test1',
    enableServiceLinks: false,
    container: {
      name: 'c',
      envFrom: [
        { configMapRef: { name: 'test-config-map' } },
        { prefix: '1_', configMapRef: { name: 'test-config-map' } },
      ],
      env: [
        { name: 'TEST_LITERAL', value: 'test-test-test' },
        { name: 'EXPANSION_TEST', value: '$(REPLACE_ME)' },
        { name: 'DUPE_TEST', value: 'ENV_VAR' },
      ],
    },
    objects: [testConfigMap('test1', { REPLACE_ME: 'FROM_CONFIG_MAP', DUPE_TEST: 'CONFIG_MAP' })],
    expectedEnvs: {
      TEST_LITERAL: 'test-test-test',
      REPLACE_ME: 'FROM_CONFIG_MAP',
      EXPANSION_TEST: 'FROM_CONFIG_MAP',
      DUPE_TEST: 'ENV_VAR',
      '1_REPLACE_ME': 'FROM_CONFIG_MAP',
      '1_DUPE_TEST': 'CONFIG_MAP',
      ...KUBERNETES,
    },
  },
  {
    name: 'configmap, service env vars',
    ns: 'test1',
    enableServiceLinks: true,
    container: {
      name: 'c',
      envFrom: [
        { configMapRef: { name: 'test-config-map' } },
        { prefix: 'p_', configMapRef: { name: 'test-config-map' } },
      ],
      env: [
        { name: 'TEST_LITERAL', value: 'test-test-test' },
        { name: 'EXPANSION_TEST', value: '$(REPLACE_ME)' },
        { name: 'DUPE_TEST', value: 'ENV_VAR' },
      ],
    },
    objects: [testConfigMap('test1', { REPLACE_ME: 'FROM_CONFIG_MAP', DUPE_TEST: 'CONFIG_MAP' })],
    expectedEnvs: {
      TEST_LITERAL: 'test-test-test',
      ...TEST1,
      REPLACE_ME: 'FROM_CONFIG_MAP',
      EXPANSION_TEST: 'FROM_CONFIG_MAP',
      DUPE_TEST: 'ENV_VAR',
      p_REPLACE_ME: 'FROM_CONFIG_MAP',
      p_DUPE_TEST: 'CONFIG_MAP',
      ...KUBERNETES,
    },
  },
  {
    name: 'configmap_missing',
    ns: 'test1',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ configMapRef: { name: 'test-config-map' } }] },
    expectedError: 'configmap "test-config-map" not found',
  },
  {
    name: 'configmap_missing_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ configMapRef: { name: 'missing-config-map', optional: true } }] },
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'configmap_invalid_keys_valid',
    ns: 'test',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ prefix: 'p_', configMapRef: { name: 'test-config-map' } }] },
    objects: [testConfigMap('test', { '1234': 'abc' })],
    expectedEnvs: { p_1234: 'abc', ...KUBERNETES },
  },
  {
    name: "configmapkeyref_missing_key (kubelet_pods.go: couldn't find key)",
    ns: 'test1',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [{ name: 'POD_NAME', valueFrom: { configMapKeyRef: { name: 'test-config-map', key: 'key' } } }],
    },
    objects: [testConfigMap('test1', { a: 'b' })],
    expectedError: "couldn't find key key in ConfigMap test1/test-config-map",
  },
  {
    name: 'secretkeyref_missing_key_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: {
      name: 'c',
      env: [{ name: 'POD_NAME', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'key', optional: true } } }],
    },
    nilLister: true,
    objects: [testSecret('test', { a: 'b' })],
    expectedEnvs: {},
  },
  {
    name: 'secret',
    ns: 'test1',
    enableServiceLinks: false,
    container: secretEnvContainer(),
    objects: [testSecret('test1', { REPLACE_ME: 'FROM_SECRET', DUPE_TEST: 'SECRET' })],
    expectedEnvs: { ...SECRET_ENVS, ...KUBERNETES },
  },
  {
    name: 'secret, service env vars',
    ns: 'test1',
    enableServiceLinks: true,
    container: secretEnvContainer(),
    objects: [testSecret('test1', { REPLACE_ME: 'FROM_SECRET', DUPE_TEST: 'SECRET' })],
    expectedEnvs: { ...SECRET_ENVS, ...TEST1, ...KUBERNETES },
  },
  {
    name: 'secret_missing_optional',
    ns: 'test',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ secretRef: { name: 'missing-secret', optional: true } }] },
    expectedEnvs: KUBERNETES,
  },
  {
    name: 'secret_invalid_keys_valid',
    ns: 'test',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ prefix: 'p_', secretRef: { name: 'test-secret' } }] },
    objects: [testSecret('test', { '1234.name': 'abc' })],
    expectedEnvs: { 'p_1234.name': null, ...KUBERNETES },
  },
  {
    name: 'secret_missing',
    ns: 'test1',
    enableServiceLinks: false,
    container: { name: 'c', envFrom: [{ secretRef: { name: 'test-secret' } }] },
    expectedError: 'secret "test-secret" not found',
  },
];

describe('kubelet_pods_test.go TestMakeEnvironmentVariables', () => {
  for (const c of envCases)
    it(`${T} "${c.name}"`, () => {
      const p = testPod(c.ns, c.enableServiceLinks, c.container);
      const cl = cluster([...(c.nilLister ? [] : services), ...(c.objects ?? [])]);
      const resolved = resolveEnv(c.container, ['spec', 'containers', 0], c.ns, cl);
      if (c.expectedError !== undefined) {
        assert.equal(resolved.error?.message, c.expectedError);
        return;
      }
      assert.equal(resolved.error, null);
      const { env } = makeEnvironmentVariables(
        p,
        node({ name: 'node-name' }),
        c.container,
        { podIP: c.podIP ?? '10.244.1.2', hostIP: testKubeletHostIP },
        cl,
      );
      const got = Object.fromEntries(env.map((v) => [v.name, v.value]));
      assert.deepEqual(got, c.expectedEnvs);
      assert.equal(env.length, Object.keys(got).length, 'no variable twice');
    });
});

// kubelet_pods_test.go state helpers.
const waitingState = (name: string): ApiContainerStatus => ({ name, ready: false, state: 'waiting' });
const waitingStateWithLastTermination = (name: string): ApiContainerStatus => ({
  name,
  ready: false,
  state: 'waiting',
  lastExitCode: 0,
});
const waitingStateWithNonZeroTermination = (name: string): ApiContainerStatus => ({
  name,
  ready: false,
  state: 'waiting',
  lastExitCode: -1,
});
const runningState = (name: string): ApiContainerStatus => ({ name, ready: false, state: 'running' });
const startedState = (name: string): ApiContainerStatus => ({ name, ready: false, state: 'running', started: true });
const stoppedState = (name: string): ApiContainerStatus => ({ name, ready: false, state: 'terminated', exitCode: 0 });
const succeededState = stoppedState;
const failedState = (name: string): ApiContainerStatus => ({ name, ready: false, state: 'terminated', exitCode: -1 });

type Policy = 'Always' | 'OnFailure' | 'Never';
const phasePod = (policy: Policy, init: 'none' | 'regular' | 'sidecar'): Pod =>
  pod({
    restartPolicy: policy,
    containers: [{ name: 'containerA' }, { name: 'containerB' }].map((c) => ({ ...c, image: 'x' })),
    initContainers:
      init === 'none'
        ? []
        : init === 'regular'
          ? [{ name: 'containerX', image: 'x' }]
          : [{ name: 'containerX', image: 'x', restartPolicy: 'Always' }],
  });

interface PhaseCase {
  test: string;
  statuses: ApiContainerStatus[];
  terminal?: boolean;
  want: string;
}

function phaseTable(name: string, p: Pod, cases: PhaseCase[]): void {
  for (const c of cases)
    it(`${name} "${c.test}"`, () => assert.equal(getPhase(p, c.statuses, c.terminal ?? false), c.want));
}

describe('kubelet_pods_test.go getPhase', () => {
  phaseTable('TestPodPhaseWithRestartAlways', phasePod('Always', 'none'), [
    { test: 'waiting', statuses: [], want: 'Pending' },
    { test: 'all running', statuses: [runningState('containerA'), runningState('containerB')], want: 'Running' },
    {
      test: 'all stopped with restart always',
      statuses: [stoppedState('containerA'), stoppedState('containerB')],
      want: 'Running',
    },
    {
      test: 'all succeeded with restart always, but the pod is terminal',
      statuses: [succeededState('containerA'), succeededState('containerB')],
      terminal: true,
      want: 'Succeeded',
    },
    {
      test: 'all stopped with restart always, but the pod is terminal',
      statuses: [succeededState('containerA'), failedState('containerB')],
      terminal: true,
      want: 'Failed',
    },
    {
      test: 'mixed state #1 with restart always',
      statuses: [runningState('containerA'), stoppedState('containerB')],
      want: 'Running',
    },
    { test: 'mixed state #2 with restart always', statuses: [runningState('containerA')], want: 'Pending' },
    {
      test: 'mixed state #3 with restart always',
      statuses: [runningState('containerA'), waitingState('containerB')],
      want: 'Pending',
    },
    {
      test: 'backoff crashloop container with restart always',
      statuses: [runningState('containerA'), waitingStateWithLastTermination('containerB')],
      want: 'Running',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartAlwaysInitContainers', phasePod('Always', 'regular'), [
    { test: 'empty, waiting', statuses: [], want: 'Pending' },
    { test: 'init container running', statuses: [runningState('containerX')], want: 'Pending' },
    { test: 'init container terminated non-zero', statuses: [failedState('containerX')], want: 'Pending' },
    {
      test: 'init container waiting, terminated zero',
      statuses: [waitingStateWithLastTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'init container waiting, terminated non-zero',
      statuses: [waitingStateWithNonZeroTermination('containerX')],
      want: 'Pending',
    },
    { test: 'init container waiting, not terminated', statuses: [waitingState('containerX')], want: 'Pending' },
    {
      test: 'init container succeeded',
      statuses: [succeededState('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartAlwaysRestartableInitContainers', phasePod('Always', 'sidecar'), [
    { test: 'empty, waiting', statuses: [], want: 'Pending' },
    { test: 'restartable init container running', statuses: [runningState('containerX')], want: 'Pending' },
    { test: 'restartable init container stopped', statuses: [stoppedState('containerX')], want: 'Pending' },
    {
      test: 'restartable init container waiting, terminated zero',
      statuses: [waitingStateWithLastTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container waiting, terminated non-zero',
      statuses: [waitingStateWithNonZeroTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container waiting, not terminated',
      statuses: [waitingState('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container started, 1/2 regular container running',
      statuses: [startedState('containerX'), runningState('containerA')],
      want: 'Pending',
    },
    {
      test: 'restartable init container started, all regular containers running',
      statuses: [startedState('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'restartable init container running, all regular containers running',
      statuses: [runningState('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'restartable init container stopped, all regular containers running',
      statuses: [stoppedState('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'backoff crashloop restartable init container, all regular containers running',
      statuses: [waitingStateWithLastTermination('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal',
      statuses: [failedState('containerX'), succeededState('containerA'), succeededState('containerB')],
      terminal: true,
      want: 'Succeeded',
    },
    {
      test: 'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal',
      statuses: [succeededState('containerX'), succeededState('containerA'), succeededState('containerB')],
      terminal: true,
      want: 'Succeeded',
    },
  ]);

  const hasRun = pod({
    restartPolicy: 'Always',
    initContainers: [
      { name: 'containerX', image: 'x' },
      { name: 'containerY', image: 'x', restartPolicy: 'Always' },
    ],
    containers: [{ name: 'containerA', image: 'x' }],
  });
  phaseTable('TestPodPhaseWithRestartAlwaysAndPodHasRun', hasRun, [
    {
      test: 'regular init containers, restartable init container and regular container are all running',
      statuses: [runningState('containerX'), runningState('containerY'), runningState('containerA')],
      want: 'Pending',
    },
    {
      test: 'regular containers is stopped, restartable init container and regular int container are both running',
      statuses: [runningState('containerX'), runningState('containerY'), stoppedState('containerA')],
      want: 'Pending',
    },
    {
      test: 'regular init container is succeeded, restartable init container is running, regular containers is stopped',
      statuses: [succeededState('containerX'), runningState('containerY'), stoppedState('containerA')],
      want: 'Running',
    },
    {
      test: 'regular init container is succeeded, restartable init container and regular containers are both running',
      statuses: [succeededState('containerX'), runningState('containerY'), runningState('containerA')],
      want: 'Running',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartNever', phasePod('Never', 'none'), [
    { test: 'waiting', statuses: [], want: 'Pending' },
    {
      test: 'all running with restart never',
      statuses: [runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'all succeeded with restart never',
      statuses: [succeededState('containerA'), succeededState('containerB')],
      want: 'Succeeded',
    },
    {
      test: 'all failed with restart never',
      statuses: [failedState('containerA'), failedState('containerB')],
      want: 'Failed',
    },
    {
      test: 'mixed state #1 with restart never',
      statuses: [runningState('containerA'), succeededState('containerB')],
      want: 'Running',
    },
    { test: 'mixed state #2 with restart never', statuses: [runningState('containerA')], want: 'Pending' },
    {
      test: 'mixed state #3 with restart never',
      statuses: [runningState('containerA'), waitingState('containerB')],
      want: 'Pending',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartNeverInitContainers', phasePod('Never', 'regular'), [
    { test: 'empty, waiting', statuses: [], want: 'Pending' },
    { test: 'init container running', statuses: [runningState('containerX')], want: 'Pending' },
    { test: 'init container terminated non-zero', statuses: [failedState('containerX')], want: 'Failed' },
    {
      test: 'init container waiting, terminated zero',
      statuses: [waitingStateWithLastTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'init container waiting, terminated non-zero',
      statuses: [waitingStateWithNonZeroTermination('containerX')],
      want: 'Failed',
    },
    { test: 'init container waiting, not terminated', statuses: [waitingState('containerX')], want: 'Pending' },
    {
      test: 'init container succeeded',
      statuses: [succeededState('containerX'), runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartNeverRestartableInitContainers', phasePod('Never', 'sidecar'), [
    { test: 'empty, waiting', statuses: [], want: 'Pending' },
    { test: 'restartable init container running', statuses: [runningState('containerX')], want: 'Pending' },
    { test: 'restartable init container stopped', statuses: [stoppedState('containerX')], want: 'Pending' },
    {
      test: 'restartable init container waiting, terminated zero',
      statuses: [waitingStateWithLastTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container waiting, terminated non-zero',
      statuses: [waitingStateWithNonZeroTermination('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container waiting, not terminated',
      statuses: [waitingState('containerX')],
      want: 'Pending',
    },
    {
      test: 'restartable init container started, one main container running',
      statuses: [startedState('containerX'), runningState('containerA')],
      want: 'Pending',
    },
    {
      test: 'restartable init container started, main containers succeeded',
      statuses: [startedState('containerX'), succeededState('containerA'), succeededState('containerB')],
      want: 'Running',
    },
    {
      test: 'restartable init container running, main containers succeeded',
      statuses: [runningState('containerX'), succeededState('containerA'), succeededState('containerB')],
      want: 'Running',
    },
    {
      test: 'all containers succeeded',
      statuses: [succeededState('containerX'), succeededState('containerA'), succeededState('containerB')],
      want: 'Succeeded',
    },
    {
      test: 'restartable init container terminated non-zero, main containers succeeded',
      statuses: [failedState('containerX'), succeededState('containerA'), succeededState('containerB')],
      want: 'Succeeded',
    },
    {
      test: 'backoff crashloop restartable init container, main containers succeeded',
      statuses: [
        waitingStateWithLastTermination('containerX'),
        succeededState('containerA'),
        succeededState('containerB'),
      ],
      want: 'Succeeded',
    },
    {
      test: 'backoff crashloop with non-zero restartable init container, main containers succeeded',
      statuses: [
        waitingStateWithNonZeroTermination('containerX'),
        succeededState('containerA'),
        succeededState('containerB'),
      ],
      want: 'Succeeded',
    },
  ]);

  phaseTable('TestPodPhaseWithRestartOnFailure', phasePod('OnFailure', 'none'), [
    { test: 'waiting', statuses: [], want: 'Pending' },
    {
      test: 'all running with restart onfailure',
      statuses: [runningState('containerA'), runningState('containerB')],
      want: 'Running',
    },
    {
      test: 'all succeeded with restart onfailure',
      statuses: [succeededState('containerA'), succeededState('containerB')],
      want: 'Succeeded',
    },
    {
      test: 'all failed with restart never',
      statuses: [failedState('containerA'), failedState('containerB')],
      want: 'Running',
    },
    {
      test: 'mixed state #1 with restart onfailure',
      statuses: [runningState('containerA'), succeededState('containerB')],
      want: 'Running',
    },
    { test: 'mixed state #2 with restart onfailure', statuses: [runningState('containerA')], want: 'Pending' },
    {
      test: 'mixed state #3 with restart onfailure',
      statuses: [runningState('containerA'), waitingState('containerB')],
      want: 'Pending',
    },
    {
      test: 'backoff crashloop container with restart onfailure',
      statuses: [runningState('containerA'), waitingStateWithLastTermination('containerB')],
      want: 'Running',
    },
  ]);
});

describe('kubelet_pods.go getPullSecretsForPod', () => {
  it('an imagePullSecrets entry without a name is skipped; a missing named Secret gives FailedToRetrieveImagePullSecret', () => {
    const p = pod({ imagePullSecrets: [{ name: '' }, { name: 'regcred' }] });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.events.filter((e) => e.reason === 'FailedToRetrieveImagePullSecret').map((e) => e.message),
      ['Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.'],
    );
  });
});
