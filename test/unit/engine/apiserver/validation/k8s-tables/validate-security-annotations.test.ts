// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePodTemplateSpecSeccomp (run through a
// v1 Deployment, so `template` becomes `spec.template`), TestValidateSeccompAnnotationsAndFields, TestValidateHostUsers
// and TestValidateResourceRequirements, as v1 objects.
import { container, pod, template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CTR = 'container.seccomp.security.alpha.kubernetes.io/';
const TYPE_MISMATCH = 'Forbidden: seccomp type in annotation and field must match';
const PROFILE_MISMATCH = 'Forbidden: seccomp profile in annotation and field must match';
const deployment = (tpl: Record<string, unknown>) =>
  workload('Deployment', 'apps/v1', { selector: { matchLabels: { app: 'web' } }, template: tpl });
const annotatedTemplate = (annotations: Record<string, string>, spec: Record<string, unknown>) => {
  const tpl = template(spec);
  return { ...tpl, metadata: { labels: { app: 'web' }, annotations } };
};
const seccomp = (type: string, localhostProfile?: string) => ({
  seccompProfile: localhostProfile === undefined ? { type } : { type, localhostProfile },
});
const ctrWith = (type: string, localhostProfile?: string) =>
  container({ name: 'ctr', securityContext: seccomp(type, localhostProfile) });
const podAnnotated = (value: string, spec: Record<string, unknown>) =>
  pod(spec, { annotations: { [SECCOMP_POD]: value } });
const ctrAnnotated = (value: string, type: string, localhostProfile?: string) =>
  pod({ containers: [ctrWith(type, localhostProfile)] }, { annotations: { [`${SECCOMP_CTR}ctr`]: value } });

const TS = 'TestValidatePodTemplateSpecSeccomp';
const TA = 'TestValidateSeccompAnnotationsAndFields';
const TH = 'TestValidateHostUsers';
const TR = 'TestValidateResourceRequirements';

const cases: TableCase[] = [
  {
    upstream: `${TS} "seccomp field and container annotation must match"`,
    obj: deployment(
      annotatedTemplate(
        { [`${SECCOMP_CTR}test2`]: 'unconfined' },
        {
          containers: [
            container({ name: 'test1' }),
            container({ name: 'test2', securityContext: seccomp('RuntimeDefault') }),
          ],
        },
      ),
    ),
    want: [
      e('spec.template.spec.containers[1].securityContext.seccompProfile.type', 'FieldValueForbidden', TYPE_MISMATCH),
    ],
  },
  {
    upstream: `${TS} "seccomp field and pod annotation must match"`,
    obj: deployment(
      annotatedTemplate({ [SECCOMP_POD]: 'runtime/default' }, { securityContext: seccomp('Unconfined') }),
    ),
    want: [e('spec.template.spec.securityContext.seccompProfile.type', 'FieldValueForbidden', TYPE_MISMATCH)],
  },
  {
    upstream: `${TS} "init seccomp field and container annotation must match"`,
    obj: deployment(
      annotatedTemplate(
        { [`${SECCOMP_CTR}init-test`]: 'unconfined' },
        { initContainers: [container({ name: 'init-test', securityContext: seccomp('RuntimeDefault') })] },
      ),
    ),
    want: [
      e(
        'spec.template.spec.initContainers[0].securityContext.seccompProfile.type',
        'FieldValueForbidden',
        TYPE_MISMATCH,
      ),
    ],
  },
  {
    upstream: `${TA} "Field type unconfined and annotation does not match"`,
    obj: podAnnotated('not-matching', { securityContext: seccomp('Unconfined') }),
    want: [
      e(
        `metadata.annotations.${SECCOMP_POD}`,
        'FieldValueInvalid',
        'Invalid value: "not-matching": must be a valid seccomp profile',
      ),
      e('spec.securityContext.seccompProfile.type', 'FieldValueForbidden', TYPE_MISMATCH),
    ],
  },
  {
    upstream: `${TA} "Field type localhost and localhost/ prefixed annotation does not match"`,
    obj: podAnnotated('localhost/not-matching', { securityContext: seccomp('Localhost', 'test-profile') }),
    want: [e('spec.securityContext.seccompProfile.localhostProfile', 'FieldValueForbidden', PROFILE_MISMATCH)],
  },
  {
    upstream: `${TA} "Field type default and annotation does not match (container)"`,
    obj: ctrAnnotated('not-matching', 'RuntimeDefault'),
    want: [
      e(`metadata.annotations.${SECCOMP_CTR}ctr`, 'FieldValueInvalid'),
      e('spec.containers[0].securityContext.seccompProfile.type', 'FieldValueForbidden', TYPE_MISMATCH),
    ],
  },
  {
    upstream: `${TA} "Field type localhost and localhost/ prefixed annotation does not match (container)"`,
    obj: ctrAnnotated('localhost/not-matching', 'Localhost', 'test-profile'),
    want: [
      e('spec.containers[0].securityContext.seccompProfile.localhostProfile', 'FieldValueForbidden', PROFILE_MISMATCH),
    ],
  },
  {
    upstream:
      'TestValidateSeccompAnnotationsAndFieldsMatch "docker/default annotation and SeccompProfileTypeRuntimeDefault should return empty"',
    obj: ctrAnnotated('docker/default', 'RuntimeDefault'),
    want: [],
  },
  {
    upstream: `${TH} "hostUsers=false & HostNetwork"`,
    obj: pod({ hostUsers: false, hostNetwork: true }),
    want: [e('spec.hostNetwork', 'FieldValueForbidden', 'Forbidden: when `hostUsers` is false')],
  },
  {
    upstream: `${TH} "hostUsers=false & HostPID"`,
    obj: pod({ hostUsers: false, hostPID: true }),
    want: [e('spec.HostPID', 'FieldValueForbidden', 'Forbidden: when `hostUsers` is false')],
  },
  {
    upstream: `${TH} "hostUsers=false & HostIPC"`,
    obj: pod({ hostUsers: false, hostIPC: true }),
    want: [e('spec.HostIPC', 'FieldValueForbidden', 'Forbidden: when `hostUsers` is false')],
  },
  {
    upstream: `${TH} "hostUsers=false & volumes"`,
    obj: pod({
      hostUsers: false,
      volumes: [
        { name: 'configmap', configMap: { name: 'configmap' } },
        { name: 'secret', secret: { secretName: 'secret' } },
        { name: 'empty-dir', emptyDir: {} },
      ],
    }),
    want: [],
  },
  {
    upstream: `${TR} "hugepage resource without cpu or memory"`,
    obj: pod({
      containers: [
        container({ resources: { limits: { 'hugepages-2Mi': '2Mi' }, requests: { 'hugepages-2Mi': '2Mi' } } }),
      ],
    }),
    want: [e('spec.containers[0].resources', 'FieldValueForbidden', 'Forbidden: HugePages require cpu or memory')],
  },
  {
    upstream: `${TR} "limits and requests of hugepage resource are equal"`,
    obj: pod({
      containers: [
        container({
          resources: { limits: { cpu: '10', 'hugepages-2Mi': '2Mi' }, requests: { cpu: '10', 'hugepages-2Mi': '2Mi' } },
        }),
      ],
    }),
    want: [],
  },
];

runTable('Seccomp annotations, hostUsers and resource requirements', cases);
