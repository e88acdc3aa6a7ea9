import assert from 'node:assert/strict';
import {
  levelVersionString,
  policyFromLabels,
} from '../../../../../../src/engine/apiserver/admission/podsecurity/policy';

// k8s.io/pod-security-admission api/helpers.go PolicyToEvaluate and its helpers_test.go cases.
const P = 'pod-security.kubernetes.io/';
const cases: { name: string; labels: Record<string, string>; want: string[] }[] = [
  {
    name: 'no labels: privileged everywhere',
    labels: {},
    want: ['privileged:latest', 'privileged:latest', 'privileged:latest'],
  },
  {
    name: 'enforce alone also sets warn',
    labels: { [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: 'v1.30' },
    want: ['restricted:v1.30', 'privileged:latest', 'restricted:v1.30'],
  },
  {
    name: 'an explicit warn level is kept',
    labels: { [`${P}enforce`]: 'restricted', [`${P}warn`]: 'baseline' },
    want: ['restricted:latest', 'privileged:latest', 'baseline:latest'],
  },
  {
    name: 'an unparseable enforce level fails closed',
    labels: { [`${P}enforce`]: 'strict' },
    want: ['restricted:latest', 'privileged:latest', 'privileged:latest'],
  },
  {
    name: 'an unparseable version reads as latest',
    labels: { [`${P}audit`]: 'baseline', [`${P}audit-version`]: '1.30' },
    want: ['privileged:latest', 'baseline:latest', 'privileged:latest'],
  },
];

describe('PodSecurity namespace policy', () => {
  for (const c of cases)
    it(c.name, () => {
      const p = policyFromLabels(c.labels);
      assert.deepEqual([p.enforce, p.audit, p.warn].map(levelVersionString), c.want);
    });
});
