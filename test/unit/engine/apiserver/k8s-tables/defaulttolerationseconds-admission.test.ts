// Cases ported from kubernetes/kubernetes plugin/pkg/admission/defaulttolerationseconds/admission_test.go
// TestForgivenessAdmission: the pod's tolerations after Admit, in order.
import assert from 'node:assert/strict';
import type { IToleration as Toleration } from 'kubernetes-models/v1/Toleration';
import { defaultTolerationSeconds } from '../../../../../src/engine/apiserver/admission/default-toleration-seconds';
import { clusterWith, pod, request } from '../admission/builders';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const DEPRECATED_NOT_READY = 'node.alpha.kubernetes.io/notReady';
const DEPRECATED_UNREACHABLE = 'node.alpha.kubernetes.io/unreachable';

const exists = (key: string, seconds: number, effect: Toleration['effect'] = 'NoExecute'): Toleration => ({
  key,
  operator: 'Exists',
  ...(effect ? { effect } : {}),
  tolerationSeconds: seconds,
});

const cases: [description: string, requested: Toleration[], expected: Toleration[]][] = [
  [
    'pod has no tolerations, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`',
    [],
    [exists(NOT_READY, 300), exists(UNREACHABLE, 300)],
  ],
  [
    'pod has alpha tolerations, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    [exists(DEPRECATED_NOT_READY, 300), exists(DEPRECATED_UNREACHABLE, 300)],
    [
      exists(DEPRECATED_NOT_READY, 300),
      exists(DEPRECATED_UNREACHABLE, 300),
      exists(NOT_READY, 300),
      exists(UNREACHABLE, 300),
    ],
  ],
  [
    'pod has alpha not-ready toleration, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    [exists(DEPRECATED_NOT_READY, 300)],
    [exists(DEPRECATED_NOT_READY, 300), exists(NOT_READY, 300), exists(UNREACHABLE, 300)],
  ],
  [
    'pod has alpha unreachable toleration, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    [exists(DEPRECATED_UNREACHABLE, 300)],
    [exists(DEPRECATED_UNREACHABLE, 300), exists(NOT_READY, 300), exists(UNREACHABLE, 300)],
  ],
  [
    'pod has tolerations, but none is for taint `not-ready:NoExecute` or `unreachable:NoExecute`, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`',
    [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule', tolerationSeconds: 700 }],
    [
      { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule', tolerationSeconds: 700 },
      exists(NOT_READY, 300),
      exists(UNREACHABLE, 300),
    ],
  ],
  [
    'pod specified a toleration for taint `not-ready:NoExecute`, expect add toleration for `unreachable:NoExecute`',
    [exists(NOT_READY, 700)],
    [exists(NOT_READY, 700), exists(UNREACHABLE, 300)],
  ],
  [
    'pod specified a toleration for taint `unreachable:NoExecute`, expect add toleration for `not-ready:NoExecute`',
    [exists(UNREACHABLE, 700)],
    [exists(UNREACHABLE, 700), exists(NOT_READY, 300)],
  ],
  [
    'pod specified tolerations for both `not-ready:NoExecute` and `unreachable:NoExecute`, expect no change',
    [exists(NOT_READY, 700), exists(UNREACHABLE, 700)],
    [exists(NOT_READY, 700), exists(UNREACHABLE, 700)],
  ],
  [
    'pod specified toleration for taint `unreachable`, expect add toleration for `not-ready:NoExecute`',
    [exists(UNREACHABLE, 700, undefined)],
    [exists(UNREACHABLE, 700, undefined), exists(NOT_READY, 300)],
  ],
  [
    'pod has wildcard toleration for all kind of taints, expect no change',
    [{ operator: 'Exists', tolerationSeconds: 700 }],
    [{ operator: 'Exists', tolerationSeconds: 700 }],
  ],
];

describe('defaulttolerationseconds admission_test.go (ported)', () => {
  for (const [description, requested, expected] of cases)
    it(`TestForgivenessAdmission "${description}"`, () => {
      const p = pod(requested.length > 0 ? { tolerations: requested.map((t) => ({ ...t })) } : {});
      defaultTolerationSeconds(request(p, clusterWith()));
      assert.deepEqual(p.spec?.tolerations, expected);
    });
});
