// Dynamic resource allocation claims, after kubernetes/kubernetes pkg/apis/core/validation/validation.go
// validatePodResourceClaim and validateResourceClaimNames (no upstream table case is ported here; each case names
// the branch of the source it exercises).
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const SRC = 'validation.go';
const withClaims = (resourceClaims: Record<string, unknown>[], claims: Record<string, unknown>[] = []) =>
  pod({ resourceClaims, containers: [container({ resources: { claims } })] });

const cases: TableCase[] = [
  {
    upstream: `${SRC} validatePodResourceClaim (a claim from a template, used by the container)`,
    obj: withClaims([{ name: 'gpu', resourceClaimTemplateName: 'gpu-template' }], [{ name: 'gpu' }]),
    want: [],
  },
  {
    upstream: `${SRC} validatePodResourceClaim (name required)`,
    obj: withClaims([{ resourceClaimName: 'my-claim' }]),
    want: [e('spec.resourceClaims[0].name', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${SRC} validatePodResourceClaim (duplicate name)`,
    obj: withClaims([
      { name: 'gpu', resourceClaimName: 'a' },
      { name: 'gpu', resourceClaimName: 'b' },
    ]),
    want: [e('spec.resourceClaims[1].name', 'FieldValueDuplicate', 'Duplicate value: "gpu"')],
  },
  {
    upstream: `${SRC} validatePodResourceClaim (neither source)`,
    obj: withClaims([{ name: 'gpu' }]),
    want: [
      e(
        'spec.resourceClaims[0]',
        'FieldValueInvalid',
        // The value is the internal core.PodResourceClaim, which has no json tags: Go field names, nil as null.
        'Invalid value: {"Name":"gpu","ResourceClaimName":null,"ResourceClaimTemplateName":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
      ),
    ],
  },
  {
    upstream: `${SRC} validatePodResourceClaim (both sources)`,
    obj: withClaims([{ name: 'gpu', resourceClaimName: 'a', resourceClaimTemplateName: 'b' }]),
    want: [
      e(
        'spec.resourceClaims[0]',
        'FieldValueInvalid',
        'Invalid value: {"Name":"gpu","ResourceClaimName":"a","ResourceClaimTemplateName":"b"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
      ),
    ],
  },
  {
    upstream: `${SRC} validatePodResourceClaim (invalid resourceClaimTemplateName)`,
    obj: withClaims([{ name: 'gpu', resourceClaimTemplateName: 'Bad_Name' }]),
    want: [e('spec.resourceClaims[0].resourceClaimTemplateName', 'FieldValueInvalid')],
    contains: 'a lowercase RFC 1123 subdomain',
  },
  {
    upstream: `${SRC} validateResourceClaimNames (no pod claims at all)`,
    obj: withClaims([], [{ name: 'gpu' }]),
    want: [
      e(
        'spec.containers[0].resources.claims[0]',
        'FieldValueNotFound',
        'Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty',
      ),
    ],
  },
  {
    upstream: `${SRC} validateResourceClaimNames (unknown claim, duplicate reference)`,
    obj: withClaims(
      [
        { name: 'b', resourceClaimName: 'b' },
        { name: 'a', resourceClaimName: 'a' },
      ],
      [{ name: 'a' }, { name: 'a' }, { name: 'c' }, {}],
    ),
    want: [
      e('spec.containers[0].resources.claims[1]', 'FieldValueDuplicate', 'Duplicate value: "a"'),
      e(
        'spec.containers[0].resources.claims[2]',
        'FieldValueNotFound',
        'Not found: "c": must be one of the names in pod.spec.resourceClaims: a, b',
      ),
      e('spec.containers[0].resources.claims[3]', 'FieldValueRequired', 'Required value'),
    ],
  },
];

runTable('Resource claims', cases);
