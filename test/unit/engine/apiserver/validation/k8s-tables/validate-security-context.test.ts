// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateSecurityContext (errorCases),
// TestValidateLinuxPodSecurityContext, TestValidateLinuxSecurityContext and TestValidateWindowsPodSecurityContext,
// as v1 Pods. The cluster allows privileged containers, so "request privileged when capabilities forbids" does not
// apply; upstream checks the first error's type and a fragment of its detail.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const C = 'spec.containers[0].securityContext';
const fullValid = {
  privileged: false,
  capabilities: { add: ['foo'], drop: ['bar'] },
  seLinuxOptions: { user: 'user', role: 'role', type: 'type', level: 'level' },
  runAsUser: 1,
};
const withSC = (extra: Record<string, unknown>) =>
  pod({ containers: [container({ securityContext: { ...fullValid, ...extra } })] });
const T = 'TestValidateSecurityContext';
// The value of these two errors is the internal *core.SecurityContext, which json.Marshal writes with its Go field
// names (no json tags), every field present and nil as null.
const internalSC = (capabilities: string, privileged: string) =>
  `{"Capabilities":${capabilities},"Privileged":${privileged},` +
  '"SELinuxOptions":{"User":"user","Role":"role","Type":"type","Level":"level"},"WindowsOptions":null,' +
  '"RunAsUser":1,"RunAsGroup":null,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,' +
  '"ProcMount":null,"SeccompProfile":null,"AppArmorProfile":null}';

const cases: TableCase[] = [
  {
    // validation.go validateSeccompProfileField passes the *core.SeccompProfile itself as the value.
    upstream:
      'kubernetes/kubernetes pkg/apis/core/validation/validation.go validateSeccompProfileField (localhostProfile without Localhost)',
    obj: pod({
      securityContext: { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'profiles/a<b.json' } },
    }),
    want: [
      e(
        'spec.securityContext.seccompProfile.localhostProfile',
        'FieldValueInvalid',
        'Invalid value: {"Type":"RuntimeDefault","LocalhostProfile":"profiles/a\\u003cb.json"}: can only be set when seccomp type is Localhost',
      ),
    ],
  },
  { upstream: `${T} successCases "all settings"`, obj: withSC({}), want: [] },
  {
    upstream: `${T} "negative RunAsUser"`,
    obj: withSC({ runAsUser: -1 }),
    want: [e(`${C}.runAsUser`, 'FieldValueInvalid', 'Invalid value: -1: must be between 0 and 2147483647, inclusive')],
  },
  {
    upstream: `${T} "with CAP_SYS_ADMIN and allowPrivilegeEscalation false"`,
    obj: withSC({ capabilities: { add: ['CAP_SYS_ADMIN'], drop: ['bar'] }, allowPrivilegeEscalation: false }),
    want: [
      e(
        C,
        'FieldValueInvalid',
        `Invalid value: ${internalSC('{"Add":["CAP_SYS_ADMIN"],"Drop":["bar"]}', 'false')}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`,
      ),
    ],
  },
  {
    upstream: `${T} "with privileged and allowPrivilegeEscalation false"`,
    obj: withSC({ privileged: true, allowPrivilegeEscalation: false }),
    want: [
      e(
        C,
        'FieldValueInvalid',
        `Invalid value: ${internalSC('{"Add":["foo"],"Drop":["bar"]}', 'true')}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`,
      ),
    ],
  },
  {
    upstream: `${T} "with unmasked proc mount type and no user namespace"`,
    obj: withSC({ procMount: 'Unmasked' }),
    want: [
      e(
        `${C}.procMount`,
        'FieldValueInvalid',
        'Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
      ),
    ],
  },
  {
    upstream: `${T} successCases "proc mount unmasked" (with hostUsers false)`,
    obj: pod({
      hostUsers: false,
      containers: [container({ securityContext: { ...fullValid, procMount: 'Unmasked' } })],
    }),
    want: [],
  },
  {
    upstream: 'TestValidateLinuxPodSecurityContext "invalid SC, linux, error"',
    obj: pod({ os: { name: 'linux' }, securityContext: { windowsOptions: { runAsUserName: 'myUser' } } }),
    want: [
      e(
        'spec.securityContext.windowsOptions',
        'FieldValueForbidden',
        'Forbidden: windows options cannot be set for a linux pod',
      ),
    ],
  },
  {
    upstream: 'TestValidateLinuxSecurityContext "invalid SC, linux, error"',
    obj: pod({
      os: { name: 'linux' },
      containers: [container({ securityContext: { windowsOptions: { runAsUserName: 'myUser' } } })],
    }),
    want: [e(`${C}.windowsOptions`, 'FieldValueForbidden', 'Forbidden: windows options cannot be set for a linux pod')],
  },
  {
    upstream: 'TestValidateWindowsPodSecurityContext "invalid SC, windows, error"',
    obj: pod({ os: { name: 'windows' }, securityContext: { seLinuxOptions: { role: 'dummyRole' } } }),
    want: [
      e('spec.securityContext.seLinuxOptions', 'FieldValueForbidden', 'Forbidden: cannot be set for a windows pod'),
    ],
  },
  {
    upstream: 'TestValidateWindowsPodSecurityContext "valid SC, windows, no error"',
    obj: pod({ os: { name: 'windows' }, securityContext: { windowsOptions: { runAsUserName: 'dummy' } } }),
    want: [],
  },
];

runTable('TestValidateSecurityContext', cases);
