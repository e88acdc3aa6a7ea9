// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateWindowsSecurityContextOptions and
// TestValidateWindowsHostProcessPod, each case in the pod security context of a v1 Pod (and its containers).
// Upstream asserts a fragment of the one error's text (TestValidateWindowsSecurityContextOptions) or only failure
// (TestValidateWindowsHostProcessPod); the full errors here are validateWindowsSecurityContextOptions' and
// validateWindowsHostProcessPod's. The options are *string fields, which field.Error renders with json.Marshal.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const TO = 'TestValidateWindowsSecurityContextOptions';
const TH = 'TestValidateWindowsHostProcessPod';
const W = 'spec.securityContext.windowsOptions';
type Obj = Record<string, unknown>;
const withOptions = (windowsOptions: Obj) => pod({ securityContext: { windowsOptions } });
const runAs = (name: string, detail: string): TableCase['want'] => [
  e(`${W}.runAsUserName`, 'FieldValueInvalid', `Invalid value: ${JSON.stringify(name)}: ${detail}`),
];
const BAD_DOMAIN = "runAsUserName's Domain doesn't match the NetBios nor the DNS format";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const longDomain = `${`${'a'.repeat(63)}.`.repeat(4).slice(0, 253)}.com\\user`;

const hostProcess = (value: boolean | undefined): Obj =>
  value === undefined ? {} : { securityContext: { windowsOptions: { hostProcess: value } } };
const hpPod = (
  podValue: boolean | undefined,
  hostNetwork: boolean,
  containers: (boolean | undefined)[],
  init: (boolean | undefined)[] = [],
) =>
  pod({
    hostNetwork,
    ...(podValue === undefined ? {} : { securityContext: { windowsOptions: { hostProcess: podValue } } }),
    containers: containers.map((v, i) => container({ name: `ctr-${i}`, ...hostProcess(v) })),
    ...(init.length ? { initContainers: init.map((v, i) => container({ name: `init-${i}`, ...hostProcess(v) })) } : {}),
  });
const ALL_HOST_PROCESS =
  'If pod contains any hostProcess containers then all containers must be HostProcess containers';
const identical = (field: string, value: boolean, podValue: boolean) =>
  e(
    `${field}.securityContext.windowsOptions.hostProcess`,
    'FieldValueInvalid',
    `Invalid value: ${value}: pod hostProcess value must be identical if both are specified, was ${podValue}`,
  );

const cases: TableCase[] = [
  ...(
    [
      ['an empty struct', {}],
      [
        'a valid input',
        { gmsaCredentialSpecName: 'dummy-gmsa-crep-spec-name', gmsaCredentialSpec: 'dummy-gmsa-crep-spec-contents' },
      ],
      ['a valid RunAsUserName', { runAsUserName: 'Container. User' }],
      ['a valid RunAsUserName with NetBios Domain', { runAsUserName: 'Network Service\\Container. User' }],
      ['a valid RunAsUserName with DNS Domain', { runAsUserName: `${'fOo'.repeat(20)}.liSH\\Container. User` }],
      [
        'a valid RunAsUserName with DNS Domain with a single character segment',
        { runAsUserName: `${'fOo'.repeat(20)}.l\\Container. User` },
      ],
      [
        'a valid RunAsUserName with a long single segment DNS Domain',
        { runAsUserName: `${'a'.repeat(42)}\\Container. User` },
      ],
    ] as const
  ).map(([name, options]): TableCase => ({ upstream: `${TO} "${name}"`, obj: withOptions(options), want: [] })),
  {
    upstream: `${TO} "a GMSA cred spec name that is not a valid resource name"`,
    obj: withOptions({ gmsaCredentialSpecName: 'not_a-valid-gmsa-crep-spec-name' }),
    want: [
      e(
        `${W}.gmsaCredentialSpecName`,
        'FieldValueInvalid',
        `Invalid value: "not_a-valid-gmsa-crep-spec-name": ${SUBDOMAIN_MSG}`,
      ),
    ],
  },
  {
    upstream: `${TO} "empty GMSA cred spec contents"`,
    obj: withOptions({ gmsaCredentialSpec: '' }),
    want: [
      e(
        `${W}.gmsaCredentialSpec`,
        'FieldValueInvalid',
        'Invalid value: "": gmsaCredentialSpec cannot be an empty string',
      ),
    ],
  },
  {
    upstream: `${TO} "GMSA cred spec contents that are too long"`,
    obj: withOptions({ gmsaCredentialSpec: 'a'.repeat(64 * 1024 + 1) }),
    want: [
      e(
        `${W}.gmsaCredentialSpec`,
        'FieldValueInvalid',
        `Invalid value: "${'a'.repeat(64 * 1024 + 1)}": gmsaCredentialSpec size must be under 64 KiB`,
      ),
    ],
  },
  {
    upstream: `${TO} "an empty RunAsUserName"`,
    obj: withOptions({ runAsUserName: '' }),
    want: runAs('', 'runAsUserName cannot be an empty string'),
  },
  {
    upstream: `${TO} "RunAsUserName containing a control character"`,
    obj: withOptions({ runAsUserName: 'Container\tUser' }),
    want: runAs('Container\tUser', 'runAsUserName cannot contain control characters'),
  },
  {
    upstream: `${TO} "RunAsUserName containing too many backslashes"`,
    obj: withOptions({ runAsUserName: 'Container\\Foo\\Lish' }),
    want: runAs('Container\\Foo\\Lish', 'runAsUserName cannot contain more than one backslash'),
  },
  {
    upstream: `${TO} "RunAsUserName containing backslash but empty Domain"`,
    obj: withOptions({ runAsUserName: '\\User' }),
    want: runAs('\\User', BAD_DOMAIN),
  },
  {
    upstream: `${TO} "RunAsUserName containing backslash but empty User"`,
    obj: withOptions({ runAsUserName: 'Container\\' }),
    want: runAs('Container\\', "runAsUserName's User cannot be empty"),
  },
  {
    upstream: `${TO} "RunAsUserName's NetBios Domain is too long"`,
    obj: withOptions({ runAsUserName: `NetBios ${'a'.repeat(8)}\\user` }),
    want: runAs(`NetBios ${'a'.repeat(8)}\\user`, BAD_DOMAIN),
  },
  {
    upstream: `${TO} "RunAsUserName's DNS Domain is too long"`,
    obj: withOptions({ runAsUserName: longDomain }),
    want: runAs(longDomain, "runAsUserName's Domain length must be under 256 characters"),
  },
  {
    upstream: `${TO} "RunAsUserName's User is too long"`,
    obj: withOptions({ runAsUserName: 'a'.repeat(105) }),
    want: runAs('a'.repeat(105), "runAsUserName's User length must not be longer than 104 characters"),
  },
  {
    upstream: `${TO} "RunAsUserName's User cannot contain only spaces or periods"`,
    obj: withOptions({ runAsUserName: '... ...' }),
    want: runAs('... ...', "runAsUserName's User cannot contain only periods or spaces"),
  },
  {
    upstream: `${TO} "RunAsUserName's NetBios Domain cannot start with a dot"`,
    obj: withOptions({ runAsUserName: '.FooLish\\User' }),
    want: runAs('.FooLish\\User', BAD_DOMAIN),
  },
  {
    upstream: `${TO} "RunAsUserName's NetBios Domain cannot contain invalid characters"`,
    obj: withOptions({ runAsUserName: 'Foo? Lish?\\User' }),
    want: runAs('Foo? Lish?\\User', BAD_DOMAIN),
  },
  {
    upstream: `${TO} "RunAsUserName's DNS Domain cannot contain invalid characters"`,
    obj: withOptions({ runAsUserName: `${'a'.repeat(32)}.com-\\user` }),
    want: runAs(`${'a'.repeat(32)}.com-\\user`, BAD_DOMAIN),
  },
  {
    upstream: `${TO} "RunAsUserName's User cannot contain invalid characters"`,
    obj: withOptions({ runAsUserName: 'Container/User' }),
    want: runAs('Container/User', `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`),
  },
  {
    upstream: `${TO} (in a container's securityContext, with json.Marshal's escaping of "<")`,
    obj: pod({ containers: [container({ securityContext: { windowsOptions: { runAsUserName: 'a<b' } } })] }),
    want: [
      e(
        'spec.containers[0].securityContext.windowsOptions.runAsUserName',
        'FieldValueInvalid',
        `Invalid value: "a\\u003cb": runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`,
      ),
    ],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=true, and HostNetwork unset should not validate"`,
    obj: hpPod(true, false, [undefined]),
    want: [
      e(
        'spec.hostNetwork',
        'FieldValueInvalid',
        'Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers',
      ),
    ],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=ture, and HostNetwork set should validate"`,
    obj: hpPod(true, true, [undefined]),
    want: [],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=ture, HostNetwork set, and containers setting HostProcess=true should validate"`,
    obj: hpPod(true, true, [true], [true]),
    want: [],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=nil, HostNetwork set, and all containers setting HostProcess=true should validate"`,
    obj: hpPod(undefined, true, [true], [true]),
    want: [],
  },
  {
    upstream: `${TH} "Pods with feature enabled, some containers setting HostProcess=true, and others setting HostProcess=false should not validate"`,
    obj: hpPod(undefined, true, [true], [false]),
    want: [e('spec', 'FieldValueInvalid', `Invalid value: "": ${ALL_HOST_PROCESS}`)],
  },
  {
    upstream: `${TH} "Spec with feature enabled, some containers setting HostProcess=true, and other leaving HostProcess unset should not validate"`,
    obj: hpPod(undefined, true, [true], [undefined]),
    want: [e('spec', 'FieldValueInvalid', `Invalid value: "": ${ALL_HOST_PROCESS}`)],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and init containers setting HostProcess=false should not validate"`,
    obj: hpPod(true, true, [true], [false]),
    want: [
      identical('spec.initContainers[0]', false, true),
      e('spec', 'FieldValueInvalid', `Invalid value: "": ${ALL_HOST_PROCESS}`),
    ],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others setting HostProcess=false should not validate"`,
    obj: hpPod(true, true, [true, false]),
    want: [
      identical('spec.containers[1]', false, true),
      e('spec', 'FieldValueInvalid', `Invalid value: "": ${ALL_HOST_PROCESS}`),
    ],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others leaving HostProcess=nil should validate"`,
    obj: hpPod(true, true, [true], [undefined]),
    want: [],
  },
  {
    upstream: `${TH} "Spec with feature enabled, pod-wide HostProcess=false, some contaienrs setting HostProccess=true should not validate"`,
    obj: hpPod(false, true, [true], [undefined]),
    want: [
      identical('spec.containers[0]', true, false),
      e('spec', 'FieldValueInvalid', `Invalid value: "": ${ALL_HOST_PROCESS}`),
    ],
  },
  {
    upstream: `${TH} "Pod's HostProcess set to true but all containers override to false should not validate"`,
    obj: hpPod(true, true, [false]),
    want: [identical('spec.containers[0]', false, true)],
  },
];

runTable('validation_test.go TestValidateWindows*', cases);
