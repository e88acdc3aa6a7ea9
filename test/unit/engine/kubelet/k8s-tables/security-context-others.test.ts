// kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others_test.go TestVerifyRunAsNonRoot: the pod
// "bar" in namespace "new" with uid 12345678, container "foo". Upstream asserts only error or no error; the messages
// are security_context_others.go's.
import assert from 'node:assert/strict';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';

type SecurityContext = NonNullable<Container['securityContext']>;
import { runAsNonRootError } from '../../../../../src/engine/kubelet/run-as-non-root';

const podWith = (sc: SecurityContext | undefined): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { uid: '12345678', name: 'bar', namespace: 'new' },
  spec: {
    containers: [
      {
        name: 'foo',
        image: 'busybox',
        imagePullPolicy: 'IfNotPresent',
        command: ['testCommand'],
        workingDir: 'testWorkingDir',
        ...(sc ? { securityContext: sc } : {}),
      },
    ],
  },
});

const REF = '(pod: "bar_new(12345678)", container: foo)';
const cases: { desc: string; sc?: SecurityContext; uid?: number; username?: string; error: string | null }[] = [
  { desc: 'Pass if SecurityContext is not set', uid: 0, error: null },
  {
    desc: 'Pass if RunAsUser is non-root and RunAsNonRoot is true',
    sc: { runAsNonRoot: true, runAsUser: 1000 },
    error: null,
  },
  { desc: 'Pass if RunAsNonRoot is not set', sc: { runAsUser: 0 }, uid: 0, error: null },
  { desc: 'Pass if RunAsNonRoot is false (image user is root)', sc: { runAsNonRoot: false }, uid: 0, error: null },
  {
    desc: 'Pass if RunAsNonRoot is false (RunAsUser is root)',
    sc: { runAsNonRoot: false, runAsUser: 0 },
    uid: 0,
    error: null,
  },
  {
    desc: "Fail if container's RunAsUser is root and RunAsNonRoot is true",
    sc: { runAsNonRoot: true, runAsUser: 0 },
    uid: 0,
    error: `container's runAsUser breaks non-root policy ${REF}`,
  },
  {
    desc: "Fail if image's user is root and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    uid: 0,
    error: `container has runAsNonRoot and image will run as root ${REF}`,
  },
  {
    desc: "Fail if image's username is set and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    username: 'test',
    error: `container has runAsNonRoot and image has non-numeric user (test), cannot verify user is non-root ${REF}`,
  },
  {
    desc: "Pass if image's user is non-root and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    uid: 1000,
    error: null,
  },
  {
    desc: "Pass if container's user and image's user aren't set and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    error: null,
  },
  {
    desc: "Fail if image's user is invalid and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    uid: 2147483648,
    error: `container has runAsNonRoot and image has an invalid user id (2147483648). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive ${REF}`,
  },
  {
    desc: "Fail if image's user is negative and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    uid: -1000,
    error: `container has runAsNonRoot and image has an invalid user id (-1000). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive ${REF}`,
  },
  {
    desc: "Pass if image's user is math.MaxInt32 and RunAsNonRoot is true",
    sc: { runAsNonRoot: true },
    uid: 2147483647,
    error: null,
  },
];

describe('kuberuntime security_context_others_test.go TestVerifyRunAsNonRoot', () => {
  for (const c of cases)
    it(`TestVerifyRunAsNonRoot "${c.desc}"`, () => {
      const p = podWith(c.sc);
      const container = p.spec?.containers[0];
      assert.ok(container);
      assert.equal(runAsNonRootError(p, container, c.uid ?? null, c.username ?? ''), c.error);
    });
});
