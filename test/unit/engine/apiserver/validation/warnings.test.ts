import assert from 'node:assert/strict';
import { createWarnings } from '../../../../../src/engine/apiserver/validation';
import { container, pod, template, workload } from './builders';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';

// kubernetes/kubernetes pkg/api/pod/warnings.go (cases after warnings_test.go TestWarnings), each strategy's
// WarningsOnCreate for the name warning; apiserver reference §4 (pod-name warning) and §8.
const cases: { name: string; obj: KubeObject; want: string[] }[] = [
  { name: 'a plain pod has no warnings', obj: pod(), want: [] },
  {
    name: 'a dotted pod name is used in the hostname',
    obj: pod({}, { name: 'web.v1' }),
    want: [
      "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
    ],
  },
  {
    name: 'a dotted Deployment name is used in Pod names',
    obj: workload(
      'Deployment',
      'apps/v1',
      { selector: { matchLabels: { app: 'web' } }, template: template() },
      { name: 'web.v1' },
    ),
    want: [
      'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]',
    ],
  },
  {
    name: 'a deprecated node label in nodeSelector',
    obj: pod({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } }),
    want: ['spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead'],
  },
  {
    name: 'a deprecated node label in node affinity, under the template path',
    obj: workload('DaemonSet', 'apps/v1', {
      selector: { matchLabels: { app: 'web' } },
      template: template({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'beta.kubernetes.io/os', operator: 'In', values: ['linux'] }] },
              ],
            },
          },
        },
      }),
    }),
    want: [
      'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead',
    ],
  },
  {
    name: 'an env var defined twice',
    obj: pod({
      containers: [
        container({
          env: [
            { name: 'A', value: '1' },
            { name: 'A', value: '2' },
          ],
        }),
      ],
    }),
    want: ['spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply'],
  },
  {
    name: 'an env var extending its previous value is fine',
    obj: pod({
      containers: [
        container({
          env: [
            { name: 'A', value: '1' },
            { name: 'A', value: '$(A)2' },
          ],
        }),
      ],
    }),
    want: [],
  },
  {
    name: 'fractional memory',
    obj: pod({ containers: [container({ resources: { requests: { memory: '1500m' } } })] }),
    want: [
      'spec.containers[0].resources.requests[memory]: fractional byte value "1500m" is invalid, must be an integer',
    ],
  },
  {
    name: 'the same port twice across containers, and a shared port name',
    obj: pod({
      containers: [
        container({ ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }),
        container({ name: 'b', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }),
      ],
    }),
    want: [
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port name "http" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'a gitRepo volume (plugin disabled by default since v1.33)',
    obj: pod({ volumes: [{ name: 'src', gitRepo: { repository: 'https://example.com/r.git' } }] }),
    want: ['spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+'],
  },
  {
    name: 'hostIP without hostPort',
    obj: pod({ containers: [container({ ports: [{ containerPort: 80, hostIP: '10.0.0.1', protocol: 'TCP' }] })] }),
    want: [
      'spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.1}',
    ],
  },
  {
    name: 'duplicate imagePullSecrets',
    obj: pod({ imagePullSecrets: [{ name: 'reg' }, { name: 'reg' }] }),
    want: ['spec.imagePullSecrets[1].name: duplicate name "reg"'],
  },
  {
    name: 'a negative grace period',
    obj: pod({ terminationGracePeriodSeconds: -1 }),
    want: ['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1'],
  },
  {
    name: 'a topology spread constraint without a selector matches nothing',
    obj: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] }),
    want: ['spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod'],
  },
];

describe('create warnings', () => {
  for (const c of cases) {
    it(c.name, () =>
      assert.deepEqual(
        createWarnings(c.obj).map((w) => w.message),
        c.want,
      ),
    );
  }

  it('each warning points at its field', () => {
    const [w] = createWarnings(pod({ terminationGracePeriodSeconds: -1 }));
    assert.deepEqual(
      { path: w?.path, segments: w?.segments },
      { path: 'spec.terminationGracePeriodSeconds', segments: ['spec', 'terminationGracePeriodSeconds'] },
    );
  });
});
