// Cases ported from kubernetes/kubernetes plugin/pkg/admission/runtimeclass/admission_test.go (TestValidateOverhead)
// for the rows that need no RuntimeClass object: snapshots list none, so a named class is assumed and its overhead
// is unknown. In v1.34 validateOverhead tests `pod.Spec.Overhead != nil`, so an empty `overhead: {}` is refused
// too; upstream's later row "No RunntimeClass, empty Overhead set in pod" (no error) comes from
// kubernetes/kubernetes#124899, still under review after the v1.34 code freeze.
import assert from 'node:assert/strict';
import { runtimeClassValidate } from '../../../../../src/engine/apiserver/admission/runtime-class';
import { validatingAdmission } from '../../../../../src/engine/apiserver/admission/chain';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, pod, request } from '../admission/builders';

const REJECTED =
  'pods "x" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead';

const cases: { name: string; pod: Pod; want: string | null }[] = [
  {
    name: 'TestValidateOverhead "No RunntimeClass, Overhead set in pod"',
    pod: pod({ overhead: { cpu: '100m', memory: '1' } }),
    want: REJECTED,
  },
  { name: 'TestValidateOverhead "No RunntimeClass, Overhead is nil in pod"', pod: pod(), want: null },
  {
    name: 'TestValidateOverhead "No RunntimeClass, empty Overhead set in pod" (v1.34: a non-nil map is refused)',
    pod: pod({ overhead: {} }),
    want: REJECTED,
  },
  {
    name: 'a named RuntimeClass is not known here, so its overhead is not compared',
    pod: pod({ runtimeClassName: 'kata', overhead: { cpu: '250m' } }),
    want: null,
  },
];

describe('runtimeclass admission_test.go (ported)', () => {
  for (const c of cases)
    it(c.name, () => {
      const out = runtimeClassValidate(request(c.pod, clusterWith()));
      assert.equal(out.denial?.message ?? null, c.want);
      if (c.want) assert.deepStrictEqual(out.denial?.segments, ['spec', 'overhead']);
    });

  it('the validating chain runs RuntimeClass after PodSecurity and before ResourceQuota', () => {
    const out = validatingAdmission(request(pod({ overhead: { cpu: '1' } }), clusterWith()));
    assert.deepStrictEqual(
      out.outcomes.map((o) => o.plugin),
      ['LimitRanger', 'ServiceAccount', 'PodSecurity', 'RuntimeClass'],
    );
    assert.equal(out.denial?.message, REJECTED);
  });
});
