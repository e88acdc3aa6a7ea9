// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateDynamicResourceAllocation (its
// failure cases), TestValidateOS, TestValidateSleepAction, TestValidatePodDNSConfigWithRelaxedSearchDomain (the
// feature-enabled rows: RelaxedDNSSearchValidation is on in v1.34), TestValidatePodSpecWithSupplementalGroupsPolicy
// and TestValidateWindowsPodSecurityContextSupplementalGroupsPolicy, each case in an otherwise valid v1 Pod.
// Upstream asserts only failure for most rows; the errors here are validation.go's own, in its order.
// PodLifecycleSleepActionAllowZero is on in v1.34, so the sleep message is the zero-value one.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const TD = 'TestValidateDynamicResourceAllocation';
const TO = 'TestValidateOS';
const TS = 'TestValidateSleepAction';
const TN = 'TestValidatePodDNSConfigWithRelaxedSearchDomain';
const TG = 'TestValidatePodSpecWithSupplementalGroupsPolicy';
const TW = 'TestValidateWindowsPodSecurityContextSupplementalGroupsPolicy';
const CC = 'spec.containers[0].resources.claims';
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const SEARCH_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";

type Obj = Record<string, unknown>;
const external = { resourceClaimName: 'some-claim' };
const withClaims = (resourceClaims: Obj[], containerClaims?: Obj[]) =>
  pod({
    resourceClaims,
    ...(containerClaims ? { containers: [container({ resources: { claims: containerClaims } })] } : {}),
  });
const myClaim = [{ name: 'my-claim', ...external }];
const notFound = (i: number, name: string, known: string) =>
  e(
    `${CC}[${i}]`,
    'FieldValueNotFound',
    `Not found: "${name}": must be one of the names in pod.spec.resourceClaims${known}`,
  );
const sleep = (seconds: number, grace?: number) =>
  pod({
    ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
    containers: [container({ lifecycle: { preStop: { sleep: { seconds } } } })],
  });
const sleepError = (seconds: number, grace: number) =>
  e(
    'spec.containers[0].lifecycle.preStop.sleep',
    'FieldValueInvalid',
    `Invalid value: ${seconds}: must be non-negative and less than terminationGracePeriodSeconds (${grace})`,
  );
const searches = (search: string) => pod({ dnsConfig: { searches: [search] } });

const cases: TableCase[] = [
  {
    upstream: `${TD} successCases "multiple claims with requests"`,
    obj: withClaims(
      [
        { name: 'my-claim', ...external },
        { name: 'another-claim', ...external },
      ],
      [
        { name: 'my-claim', request: 'req-0' },
        { name: 'another-claim', request: 'req-0' },
      ],
    ),
    want: [],
  },
  {
    upstream: `${TD} successCases "single claim with requests"`,
    obj: withClaims(myClaim, [
      { name: 'my-claim', request: 'req-0' },
      { name: 'my-claim', request: 'req-1' },
    ]),
    want: [],
  },
  {
    upstream: `${TD} successCases "init container"`,
    obj: pod({
      resourceClaims: myClaim,
      initContainers: [container({ name: 'ctr-init', resources: { claims: [{ name: 'my-claim' }] } })],
    }),
    want: [],
  },
  {
    upstream: `${TD} "pod claim name with prefix"`,
    obj: withClaims([{ name: '../my-claim', ...external }]),
    want: [e('spec.resourceClaims[0].name', 'FieldValueInvalid', `Invalid value: "../my-claim": ${LABEL_MSG}`)],
  },
  {
    upstream: `${TD} "pod claim name with path"`,
    obj: withClaims([{ name: 'my/claim', ...external }]),
    want: [e('spec.resourceClaims[0].name', 'FieldValueInvalid', `Invalid value: "my/claim": ${LABEL_MSG}`)],
  },
  {
    upstream: `${TD} "pod claim name empty"`,
    obj: withClaims([{ name: '', ...external }]),
    want: [e('spec.resourceClaims[0].name', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${TD} "duplicate pod claim entries"`,
    obj: withClaims([
      { name: 'my-claim', ...external },
      { name: 'my-claim', ...external },
    ]),
    want: [e('spec.resourceClaims[1].name', 'FieldValueDuplicate', 'Duplicate value: "my-claim"')],
  },
  {
    upstream: `${TD} "resource claim source empty"`,
    obj: withClaims([{ name: 'my-claim' }]),
    want: [
      e(
        'spec.resourceClaims[0]',
        'FieldValueInvalid',
        'Invalid value: {"Name":"my-claim","ResourceClaimName":null,"ResourceClaimTemplateName":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
      ),
    ],
  },
  {
    upstream: `${TD} "resource claim reference and template"`,
    obj: withClaims(
      [{ name: 'my-claim', ...external, resourceClaimTemplateName: 'some-claim-template' }],
      [{ name: 'my-claim' }],
    ),
    want: [
      e(
        'spec.resourceClaims[0]',
        'FieldValueInvalid',
        'Invalid value: {"Name":"my-claim","ResourceClaimName":"some-claim","ResourceClaimTemplateName":"some-claim-template"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
      ),
    ],
  },
  {
    upstream: `${TD} "claim not found"`,
    obj: withClaims(myClaim, [{ name: 'no-such-claim' }]),
    want: [notFound(0, 'no-such-claim', ': my-claim')],
  },
  {
    upstream: `${TD} "claim name empty"`,
    obj: withClaims(myClaim, [{ name: '' }]),
    want: [e(`${CC}[0]`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${TD} "pod claim name duplicates"`,
    obj: withClaims(myClaim, [{ name: 'my-claim' }, { name: 'my-claim' }]),
    want: [e(`${CC}[1]`, 'FieldValueDuplicate', 'Duplicate value: "my-claim"')],
  },
  {
    upstream: `${TD} "pod claim name duplicates without and with request"`,
    obj: withClaims(myClaim, [{ name: 'my-claim' }, { name: 'my-claim', request: 'req-0' }]),
    want: [e(`${CC}[1]`, 'FieldValueDuplicate', 'Duplicate value: "my-claim"')],
  },
  {
    upstream: `${TD} "pod claim name duplicates with and without request"`,
    obj: withClaims(myClaim, [{ name: 'my-claim', request: 'req-0' }, { name: 'my-claim' }]),
    want: [e(`${CC}[1]`, 'FieldValueDuplicate', 'Duplicate value: "my-claim"')],
  },
  {
    upstream: `${TD} "pod claim name duplicates with requests"`,
    obj: withClaims(myClaim, [
      { name: 'my-claim', request: 'req-0' },
      { name: 'my-claim', request: 'req-0' },
    ]),
    want: [e(`${CC}[1]`, 'FieldValueDuplicate', 'Duplicate value: "my-claim/req-0"')],
  },
  {
    upstream: `${TD} "bad request name"`,
    obj: withClaims(myClaim, [{ name: 'my-claim', request: '*$@%^' }]),
    want: [e(`${CC}[0].request`, 'FieldValueInvalid', `Invalid value: "*$@%^": ${LABEL_MSG}`)],
  },
  {
    upstream: `${TD} "no claims defined"`,
    obj: pod({ containers: [container({ resources: { claims: [{ name: 'my-claim' }] } })] }),
    want: [notFound(0, 'my-claim', ' which is empty')],
  },
  {
    upstream: `${TD} "duplicate pod claim name"`,
    obj: withClaims(
      [
        { name: 'my-claim', ...external },
        { name: 'my-claim', ...external },
      ],
      [{ name: 'my-claim' }],
    ),
    want: [e('spec.resourceClaims[1].name', 'FieldValueDuplicate', 'Duplicate value: "my-claim"')],
  },
  {
    upstream: `${TD} "invalid claim template name"`,
    obj: withClaims(
      [{ name: 'my-claim-template', resourceClaimTemplateName: '.foo_bar' }],
      [{ name: 'my-claim-template' }],
    ),
    want: [
      e(
        'spec.resourceClaims[0].resourceClaimTemplateName',
        'FieldValueInvalid',
        `Invalid value: ".foo_bar": ${SUBDOMAIN_MSG}`,
      ),
    ],
  },
  {
    upstream: `${TD} "invalid claim reference name"`,
    obj: withClaims([{ name: 'my-claim-reference', resourceClaimName: '.foo_bar' }], [{ name: 'my-claim-reference' }]),
    want: [
      e('spec.resourceClaims[0].resourceClaimName', 'FieldValueInvalid', `Invalid value: ".foo_bar": ${SUBDOMAIN_MSG}`),
    ],
  },
  {
    upstream: `${TO} "empty OS field, featuregate"`,
    obj: pod({ os: {} }),
    want: [e('spec.os.name', 'FieldValueRequired', 'Required value: cannot be empty')],
  },
  { upstream: `${TO} "OS field, featuregate, valid OS" (linux)`, obj: pod({ os: { name: 'linux' } }), want: [] },
  { upstream: `${TO} "OS field, featuregate, valid OS" (windows)`, obj: pod({ os: { name: 'windows' } }), want: [] },
  {
    upstream: `${TO} "OS field, featuregate, empty OS"`,
    obj: pod({ os: { name: '' } }),
    want: [e('spec.os.name', 'FieldValueRequired', 'Required value: cannot be empty')],
  },
  {
    upstream: `${TO} "OS field, featuregate, invalid OS"`,
    obj: pod({ os: { name: 'dummyOS' } }),
    want: [
      e('spec.os', 'FieldValueNotSupported', 'Unsupported value: "dummyOS": supported values: "linux", "windows"'),
    ],
  },
  { upstream: `${TS} "valid setting"`, obj: sleep(5), want: [] },
  {
    upstream: `${TS} "invalid sleep duration (negative value) with zero value enabled"`,
    obj: sleep(-1),
    want: [sleepError(-1, 30)],
  },
  { upstream: `${TS} "longer than gracePeriod"`, obj: sleep(5, 3), want: [sleepError(5, 3)] },
  { upstream: `${TS} "sleep duration of zero with zero value feature gate enabled"`, obj: sleep(0), want: [] },
  { upstream: `${TS} "zero grace period duration with zero value enabled"`, obj: sleep(0, 0), want: [] },
  ...['_sip._tcp.abc_d.example.com', 'abc_d.example.com', '.', 'example.com'].map((search): TableCase => ({
    upstream: `${TN} "${search}", featuregate enabled (valid)`,
    obj: searches(search),
    want: [],
  })),
  // A trailing dot is dropped before the check (validatePodDNSConfig), so "_." is checked as "_".
  ...(
    [
      ['two dots', '..', '.'],
      ['underscore and dot', '_.', '_'],
      ['dash and dot', '-.', '-'],
      ['two underscore and dot', '__.', '__'],
      ['dot and two underscore', '.__', '.__'],
      ['dot and underscore', '._', '._'],
      ['lot of underscores', '____________', '____________'],
      ['unicode character', '☃.example.com', '☃.example.com'],
    ] as const
  ).map(([name, search, checked]): TableCase => ({
    upstream: `${TN} "${name}, featuregate enabled"`,
    obj: searches(search),
    want: [
      e('spec.dnsConfig.searches[0]', 'FieldValueInvalid', `Invalid value: ${JSON.stringify(checked)}: ${SEARCH_MSG}`),
    ],
  })),
  {
    upstream: `${TG} "empty SupplementalGroupsPolicy is invalid"`,
    obj: pod({ securityContext: { supplementalGroupsPolicy: '' } }),
    want: [
      e(
        'spec.securityContext.supplementalGroupsPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "": supported values: "Merge", "Strict"',
      ),
    ],
  },
  {
    upstream: `${TG} "not-supported SupplementalGroupsPolicy is invalid"`,
    obj: pod({ securityContext: { supplementalGroupsPolicy: 'not-supported' } }),
    want: [
      e(
        'spec.securityContext.supplementalGroupsPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "not-supported": supported values: "Merge", "Strict"',
      ),
    ],
  },
  {
    upstream: `${TW} "non-empty SupplementalGroupdPolicy is invalid"`,
    obj: pod({ os: { name: 'windows' }, securityContext: { supplementalGroupsPolicy: 'Merge' } }),
    want: [
      e(
        'spec.securityContext.supplementalGroupsPolicy',
        'FieldValueForbidden',
        'Forbidden: cannot be set for a windows pod',
      ),
    ],
  },
];

runTable(
  'validation_test.go TestValidateDynamicResourceAllocation, TestValidateOS, TestValidateSleepAction, ...',
  cases,
);
