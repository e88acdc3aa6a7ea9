// kubernetes/kubernetes pkg/api/testing/validate_pod_level_defaults_test.go TestPodLevelResourcesDefaults: each spec
// defaulted and validated as a Pod (SetDefaults_Pod copies container and pod-level limits into missing requests)
// and as a Deployment's template (no requests copied from limits). Upstream asserts only whether errors come back;
// the errors here are validateResourceRequirements' own. Hugepages are supported at pod level in v1.34
// (resourcehelper.IsSupportedPodLevelResource).
import assert from 'node:assert/strict';
import { defaultPod } from '../../../../../src/engine/apiserver/defaults/pod-spec';
import { defaultWorkload } from '../../../../../src/engine/apiserver/defaults/workload';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { errorString } from '../../../../../src/engine/k8s/field-error';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// Validation of a v1.34 API server, whose rules these tables follow.
const V34: KubeVersion = { minor: 34 };

type Quantities = Record<string, string>;
interface Requirements {
  limits: Quantities;
  requests: Quantities;
}
const cpuMemory = { cpu: '1', memory: '100Mi' };
const hp2Mi = (q: string) => ({ 'hugepages-2Mi': q });
const hp1Gi = { 'hugepages-1Gi': '1Gi' };
const LIMIT_MUST_BE_SET = 'Required value: Limit must be set for non overcommitable resources';

const spec = (pod: Requirements | undefined, containers: Requirements[]) => ({
  containers: containers.map((resources, i) => ({
    name: `container-${i}`,
    image: 'img',
    imagePullPolicy: 'Never',
    terminationMessagePolicy: 'File',
    resources,
  })),
  ...(pod ? { resources: pod } : {}),
});

// Each run decodes its own copy: a JSON copy, so no two fields share one object (structuredClone would keep the
// shared quantity maps, and defaulting one would change the other).
function asPod(s: ReturnType<typeof spec>): string[] {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'test-pod', namespace: 'test-ns' },
    spec: JSON.parse(JSON.stringify(s)) as ReturnType<typeof spec>,
  };
  defaultPod(pod);
  return validateCreate(pod as KubeObject, V34).map(errorString);
}

function asDeploymentTemplate(s: ReturnType<typeof spec>): string[] {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'test-deploy', namespace: 'test-ns' },
    spec: {
      selector: { matchLabels: { app: 'test' } },
      template: {
        metadata: { labels: { app: 'test' } },
        spec: JSON.parse(JSON.stringify(s)) as ReturnType<typeof spec>,
      },
    },
  };
  defaultWorkload('Deployment', deployment);
  return validateCreate(deployment as KubeObject, V34).map(errorString);
}

const cases: { name: string; spec: ReturnType<typeof spec>; pod: string[]; template: string[] }[] = [
  {
    name: 'no pod-level resources, container hugepages-2Mi:R',
    spec: spec(undefined, [{ limits: cpuMemory, requests: { ...cpuMemory, ...hp2Mi('2Mi') } }]),
    pod: [`spec.containers[0].resources.limits: ${LIMIT_MUST_BE_SET}`],
    template: [`spec.template.spec.containers[0].resources.limits: ${LIMIT_MUST_BE_SET}`],
  },
  {
    name: 'no pod-level resources, container hugepages-2Mi:L',
    spec: spec(undefined, [{ limits: { ...cpuMemory, ...hp2Mi('2Mi') }, requests: cpuMemory }]),
    pod: [],
    template: [],
  },
  {
    name: 'no pod-level resources, container hugepages-2Mi:R/L',
    spec: spec(undefined, [{ limits: { ...cpuMemory, ...hp2Mi('2Mi') }, requests: { ...cpuMemory, ...hp2Mi('2Mi') } }]),
    pod: [],
    template: [],
  },
  {
    name: 'no pod-level resources, container hugepages-2Mi:R/L hugepages-1Gi:R/L',
    spec: spec(undefined, [
      { limits: { ...cpuMemory, ...hp2Mi('2Mi'), ...hp1Gi }, requests: { ...cpuMemory, ...hp2Mi('2Mi'), ...hp1Gi } },
    ]),
    pod: [],
    template: [],
  },
  {
    name: 'pod-level resources hugepages-2Mi:R, container hugepages-2Mi:none',
    spec: spec({ limits: cpuMemory, requests: { ...cpuMemory, ...hp2Mi('10Mi') } }, [
      { limits: cpuMemory, requests: cpuMemory },
    ]),
    pod: [`spec.resources.limits: ${LIMIT_MUST_BE_SET}`],
    template: [`spec.template.spec.resources.limits: ${LIMIT_MUST_BE_SET}`],
  },
  {
    name: 'pod-level resources hugepages-2Mi:L, container hugepages-2Mi:L',
    spec: spec({ limits: { ...cpuMemory, ...hp2Mi('10Mi') }, requests: cpuMemory }, [
      { limits: { ...cpuMemory, ...hp2Mi('2Mi') }, requests: cpuMemory },
    ]),
    pod: [],
    template: [],
  },
  {
    name: 'pod-level resources hugepages-2Mi:R/L, container hugepages-2Mi:R/L',
    spec: spec({ limits: { ...cpuMemory, ...hp2Mi('10Mi') }, requests: { ...cpuMemory, ...hp2Mi('10Mi') } }, [
      { limits: { ...cpuMemory, ...hp2Mi('2Mi') }, requests: { ...cpuMemory, ...hp2Mi('2Mi') } },
    ]),
    pod: [],
    template: [],
  },
  {
    name: 'pod-level resources hugepages-2Mi:R/L hugepages-1Gi:R/L, container hugepages-2Mi:R/L hugepages-1Gi:R/L',
    spec: spec(
      { limits: { ...cpuMemory, ...hp2Mi('10Mi'), ...hp1Gi }, requests: { ...cpuMemory, ...hp2Mi('10Mi'), ...hp1Gi } },
      [{ limits: { ...cpuMemory, ...hp2Mi('2Mi'), ...hp1Gi }, requests: { ...cpuMemory, ...hp2Mi('2Mi'), ...hp1Gi } }],
    ),
    pod: [],
    template: [],
  },
  {
    name: 'pod-level resources hugepages-2Mi:R, container hugepages-2Mi:L',
    spec: spec({ limits: cpuMemory, requests: { ...cpuMemory, ...hp2Mi('10Mi') } }, [
      { limits: { ...cpuMemory, ...hp2Mi('2Mi') }, requests: cpuMemory },
    ]),
    pod: [`spec.resources.limits: ${LIMIT_MUST_BE_SET}`],
    template: [`spec.template.spec.resources.limits: ${LIMIT_MUST_BE_SET}`],
  },
];

describe('validate_pod_level_defaults_test.go TestPodLevelResourcesDefaults (ported)', () => {
  for (const c of cases) {
    it(`${c.name} (Pod)`, () => assert.deepStrictEqual(asPod(c.spec), c.pod));
    it(`${c.name} (Deployment template)`, () => assert.deepStrictEqual(asDeploymentTemplate(c.spec), c.template));
  }
});
