// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateTopologySpreadConstraints, as v1
// Pods. Upstream compares the whole ErrorList (field, type, value and detail), so every case asserts the text.
// "missing MaxSkew" is expressible in v1: maxSkew has no default, an absent value decodes as 0. The
// AllowInvalidTopologySpreadConstraintLabelSelector=true case is an update-only option (the old pod already had
// an invalid selector) and is not ported.
import { pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateTopologySpreadConstraints';
const P = 'spec.topologySpreadConstraints[0]';
const spread = (...constraints: Record<string, unknown>[]) => pod({ topologySpreadConstraints: constraints });
const base = { maxSkew: 1, topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule' };
const NOT_POSITIVE = 'must be greater than zero';
const ANYWAY = 'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway';

const cases: TableCase[] = [
  { upstream: `${T} "all required fields ok"`, obj: spread({ ...base, minDomains: 3 }), want: [] },
  {
    upstream: `${T} "missing MaxSkew"`,
    obj: spread({ topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule' }),
    want: [e(`${P}.maxSkew`, 'FieldValueInvalid', `Invalid value: 0: ${NOT_POSITIVE}`)],
  },
  {
    upstream: `${T} "negative MaxSkew"`,
    obj: spread({ ...base, maxSkew: -1 }),
    want: [e(`${P}.maxSkew`, 'FieldValueInvalid', `Invalid value: -1: ${NOT_POSITIVE}`)],
  },
  {
    upstream: `${T} "can use MinDomains with ScheduleAnyway, when MinDomains = nil"`,
    obj: spread({ ...base, whenUnsatisfiable: 'ScheduleAnyway' }),
    want: [],
  },
  {
    upstream: `${T} "negative minDomains is invalid"`,
    obj: spread({ ...base, minDomains: -1 }),
    want: [e(`${P}.minDomains`, 'FieldValueInvalid', `Invalid value: -1: ${NOT_POSITIVE}`)],
  },
  {
    upstream: `${T} "cannot use non-nil MinDomains with ScheduleAnyway"`,
    obj: spread({ ...base, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 10 }),
    want: [e(`${P}.minDomains`, 'FieldValueInvalid', `Invalid value: 10: ${ANYWAY}`)],
  },
  {
    upstream: `${T} "use negative MinDomains with ScheduleAnyway(invalid)"`,
    obj: spread({ ...base, whenUnsatisfiable: 'ScheduleAnyway', minDomains: -1 }),
    want: [
      e(`${P}.minDomains`, 'FieldValueInvalid', `Invalid value: -1: ${NOT_POSITIVE}`),
      e(`${P}.minDomains`, 'FieldValueInvalid', `Invalid value: -1: ${ANYWAY}`),
    ],
  },
  {
    upstream: `${T} "missing TopologyKey"`,
    obj: spread({ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }),
    want: [e(`${P}.topologyKey`, 'FieldValueRequired', 'Required value: can not be empty')],
  },
  {
    upstream: `${T} "missing scheduling mode"`,
    obj: spread({ maxSkew: 1, topologyKey: 'k8s.io/zone' }),
    want: [
      e(
        `${P}.whenUnsatisfiable`,
        'FieldValueNotSupported',
        'Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"',
      ),
    ],
  },
  {
    upstream: `${T} "unsupported scheduling mode"`,
    obj: spread({ ...base, whenUnsatisfiable: 'N/A' }),
    want: [
      e(
        `${P}.whenUnsatisfiable`,
        'FieldValueNotSupported',
        'Unsupported value: "N/A": supported values: "DoNotSchedule", "ScheduleAnyway"',
      ),
    ],
  },
  {
    upstream: `${T} "multiple constraints ok with all required fields"`,
    obj: spread(base, { maxSkew: 2, topologyKey: 'k8s.io/node', whenUnsatisfiable: 'ScheduleAnyway' }),
    want: [],
  },
  {
    upstream: `${T} "multiple constraints missing TopologyKey on partial ones"`,
    obj: spread({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' }, { ...base, maxSkew: 2 }),
    want: [e(`${P}.topologyKey`, 'FieldValueRequired', 'Required value: can not be empty')],
  },
  {
    upstream: `${T} "duplicate constraints"`,
    obj: spread(base, { ...base, maxSkew: 2 }),
    want: [
      e(
        `${P}.{topologyKey, whenUnsatisfiable}`,
        'FieldValueDuplicate',
        'Duplicate value: "{k8s.io/zone, DoNotSchedule}"',
      ),
    ],
  },
  {
    upstream: `${T} "supported policy name set on NodeAffinityPolicy and NodeTaintsPolicy"`,
    obj: spread({ ...base, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' }),
    want: [],
  },
  {
    upstream: `${T} "unsupported policy name set on NodeAffinityPolicy"`,
    obj: spread({ ...base, nodeAffinityPolicy: 'Unknown', nodeTaintsPolicy: 'Ignore' }),
    want: [
      e(
        `${P}.nodeAffinityPolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Unknown": supported values: "Honor", "Ignore"',
      ),
    ],
  },
  {
    upstream: `${T} "unsupported policy name set on NodeTaintsPolicy"`,
    obj: spread({ ...base, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Unknown' }),
    want: [
      e(
        `${P}.nodeTaintsPolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Unknown": supported values: "Honor", "Ignore"',
      ),
    ],
  },
  {
    upstream: `${T} "key in MatchLabelKeys isn't correctly defined"`,
    obj: spread({ ...base, labelSelector: {}, matchLabelKeys: ['/simple'] }),
    want: [e(`${P}.matchLabelKeys[0]`, 'FieldValueInvalid', 'Invalid value: "/simple": prefix part must be non-empty')],
  },
  {
    upstream: `${T} "key exists in both matchLabelKeys and labelSelector"`,
    obj: spread({
      ...base,
      matchLabelKeys: ['foo'],
      labelSelector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['value1', 'value2'] }] },
    }),
    want: [
      e(
        `${P}.matchLabelKeys[0]`,
        'FieldValueInvalid',
        'Invalid value: "foo": exists in both matchLabelKeys and labelSelector',
      ),
    ],
  },
  {
    upstream: `${T} "key in MatchLabelKeys is forbidden to be specified when labelSelector is not set"`,
    obj: spread({ ...base, matchLabelKeys: ['foo'] }),
    want: [
      e(`${P}.matchLabelKeys`, 'FieldValueForbidden', 'Forbidden: must not be specified when labelSelector is not set'),
    ],
  },
  {
    upstream: `${T} "invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false"`,
    obj: spread({ ...base, labelSelector: { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'foo' } } }),
    want: [
      e(
        `${P}.labelSelector.matchLabels`,
        'FieldValueInvalid',
        `Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ),
    ],
  },
  {
    upstream: `${T} "valid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false"`,
    obj: spread({ ...base, labelSelector: { matchLabels: { foo: 'foo' } } }),
    want: [],
  },
];

runTable('validate-topology-spread', cases);
