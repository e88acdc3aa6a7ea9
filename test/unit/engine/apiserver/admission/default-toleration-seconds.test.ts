import assert from 'node:assert/strict';
import { defaultTolerationSeconds } from '../../../../../src/engine/apiserver/admission/default-toleration-seconds';
import { clusterWith, pod, request } from './builders';

// plugin/pkg/admission/defaulttolerationseconds/admission_test.go cases; apiserver reference §2 and §6.5.
const notReady = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const unreachable = { ...notReady, key: 'node.kubernetes.io/unreachable' };

const cases = [
  { name: 'a pod without tolerations gets both', tolerations: undefined, want: [notReady, unreachable] },
  {
    name: 'a pod tolerating not-ready keeps its own and gets unreachable',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ],
    want: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
      unreachable,
    ],
  },
  {
    name: 'an empty key with Exists tolerates both taints',
    tolerations: [{ operator: 'Exists' }],
    want: [{ operator: 'Exists' }],
  },
  {
    name: 'a NoSchedule toleration of the same key does not cover the NoExecute taint',
    tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }],
    want: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable],
  },
];

describe('DefaultTolerationSeconds admission', () => {
  for (const c of cases)
    it(c.name, () => {
      const p = pod(c.tolerations ? { tolerations: c.tolerations as never } : {});
      defaultTolerationSeconds(request(p, clusterWith()));
      assert.deepEqual(p.spec?.tolerations, c.want);
    });
});
