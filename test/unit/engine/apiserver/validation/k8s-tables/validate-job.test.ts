// kubernetes/kubernetes pkg/apis/batch/validation/validation_test.go TestValidateJob errorCases, as v1 Jobs without
// a selector (the server generates it) unless the case sets manualSelector. Each upstream key is
// `<field>: <message fragment>` checked against the first error; the cases here assert every error.
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { fillSystemFields, prepareWorkload } from '../../../../../../src/engine/apiserver/defaults/prepare-for-create';
import { container, template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';
import type { KubeVersion } from '../../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

const T = 'TestValidateJob';
const PFP = 'spec.podFailurePolicy.rules[0]';
const SP = 'spec.successPolicy';
const never = template({ restartPolicy: 'Never', containers: [container({ name: 'abc' })] });
const onFailure = template({ restartPolicy: 'OnFailure', containers: [container({ name: 'abc' })] });
// As the server validates it: with its uid, and the selector and template labels the Job strategy generates
// (PrepareForCreate) unless manualSelector is set. Upstream's cases carry the generated labels themselves.
const job = (spec: Record<string, unknown>, tpl: Record<string, unknown> = onFailure): KubeObject => {
  const obj = JSON.parse(JSON.stringify(workload('Job', 'batch/v1', { template: tpl, ...spec }, { name: 'myjob' })));
  fillSystemFields(obj, 'myjob');
  prepareWorkload('Job', obj, V34);
  return obj as KubeObject;
};
const UID = String(job({}).metadata?.uid);
const pfp = (...rules: Record<string, unknown>[]) => job({ podFailurePolicy: { rules } }, never);
const exitCodes = (values: number[], extra: Record<string, unknown> = {}) => ({
  action: 'FailJob',
  onExitCodes: { operator: 'In', values, ...extra },
});
const conditions = (...onPodConditions: Record<string, unknown>[]) => ({ action: 'Ignore', onPodConditions });
const indexed = (spec: Record<string, unknown>) => job({ completionMode: 'Indexed', ...spec });
const success = (...rules: Record<string, unknown>[]) =>
  job({ completionMode: 'Indexed', completions: 5, successPolicy: { rules } }, never);
const QNAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const GE0 = 'must be greater than or equal to 0';
const HIGH = 'when completions are above 100000 and used with backoff limit per index';

const cases: TableCase[] = [
  {
    upstream: `${T} "spec.managedBy: Invalid value: \\"invalid custom controller name\\": must be a domain-prefixed path (such as \\"acme.io/foo\\")"`,
    obj: job({ managedBy: 'invalid custom controller name' }),
    want: [
      e(
        'spec.managedBy',
        'FieldValueInvalid',
        'Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy: Invalid value: ...: requires indexed completion mode"`,
    obj: job({ successPolicy: { rules: [] } }, never),
    want: [e(SP, 'FieldValueInvalid')],
    contains: 'requires indexed completion mode',
  },
  {
    upstream: `${T} "spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified"`,
    obj: job({ completionMode: 'Indexed', completions: 5, successPolicy: {} }, never),
    want: [
      e(
        `${SP}.rules`,
        'FieldValueRequired',
        'Required value: at least one rules must be specified when the successPolicy is specified',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified"`,
    obj: success({}),
    want: [
      e(
        `${SP}.rules[0]`,
        'FieldValueRequired',
        'Required value: at least one of succeededCount or succeededIndexes must be specified',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy.rules[0].succeededIndexes: Invalid value: \\"invalid-format\\": error parsing succeededIndexes: ..."`,
    obj: success({ succeededIndexes: 'invalid-format' }),
    want: [
      e(
        `${SP}.rules[0].succeededIndexes`,
        'FieldValueInvalid',
        'Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy.rules[0].succeededCount: must be greater than or equal to 0"`,
    obj: success({ succeededCount: -1 }),
    want: [e(`${SP}.rules[0].succeededCount`, 'FieldValueInvalid', `Invalid value: -1: ${GE0}`)],
  },
  {
    upstream: `${T} "spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)"`,
    obj: success({ succeededCount: 6 }),
    want: [
      e(
        `${SP}.rules[0].succeededCount`,
        'FieldValueInvalid',
        'Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)"`,
    obj: success({ succeededCount: 4, succeededIndexes: '0-2' }),
    want: [
      e(
        `${SP}.rules[0].succeededCount`,
        'FieldValueInvalid',
        'Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)',
      ),
    ],
  },
  {
    upstream: `${T} "spec.successPolicy.rules: Too many: 21: must have at most 20 items"`,
    obj: success(...Array.from({ length: 21 }, () => ({ succeededCount: 5 }))),
    want: [e(`${SP}.rules`, 'FieldValueTooMany', 'Too many: 21: must have at most 20 items')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required"`,
    obj: pfp({ action: 'FailJob' }),
    want: [e(PFP, 'FieldValueInvalid', 'Invalid value: specifying one of OnExitCodes and OnPodConditions is required')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11"`,
    obj: pfp(exitCodes([11, 11])),
    want: [e(`${PFP}.onExitCodes.values[1]`, 'FieldValueDuplicate', 'Duplicate value: 11')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items"`,
    obj: pfp(exitCodes(Array.from({ length: 256 }, (_, i) => i))),
    want: [
      e(`${PFP}.onExitCodes.values`, 'FieldValueTooMany', 'Too many: 256: must have at most 255 items'),
      e(`${PFP}.onExitCodes.values[0]`, 'FieldValueInvalid', 'Invalid value: 0: must not be 0 for the In operator'),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"`,
    obj: pfp(...Array.from({ length: 21 }, (_, i) => exitCodes([i + 1]))),
    want: [e('spec.podFailurePolicy.rules', 'FieldValueTooMany', 'Too many: 21: must have at most 20 items')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items"`,
    obj: pfp({
      action: 'FailJob',
      onPodConditions: Array.from({ length: 21 }, (_, i) => ({ type: `CustomType_${i}`, status: 'True' })),
    }),
    want: [e(`${PFP}.onPodConditions`, 'FieldValueTooMany', 'Too many: 21: must have at most 20 items')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 13"`,
    obj: pfp(exitCodes([12, 13, 13, 13])),
    want: [
      e(`${PFP}.onExitCodes.values[2]`, 'FieldValueDuplicate', 'Duplicate value: 13'),
      e(`${PFP}.onExitCodes.values[3]`, 'FieldValueDuplicate', 'Duplicate value: 13'),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{19, 11}: must be ordered"`,
    obj: pfp(exitCodes([19, 11])),
    want: [e(`${PFP}.onExitCodes.values`, 'FieldValueInvalid', 'Invalid value: [19,11]: must be ordered')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{}: at least one value is required"`,
    obj: pfp(exitCodes([])),
    want: [e(`${PFP}.onExitCodes.values`, 'FieldValueInvalid', 'Invalid value: []: at least one value is required')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].action: Required value: valid values: [\\"Count\\" \\"FailIndex\\" \\"FailJob\\" \\"Ignore\\"]"`,
    obj: pfp({ ...exitCodes([1, 2, 3]), action: '' }),
    want: [
      e(
        `${PFP}.action`,
        'FieldValueRequired',
        'Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: [\\"In\\" \\"NotIn\\"]"`,
    obj: pfp(exitCodes([1, 2, 3], { operator: '' })),
    want: [e(`${PFP}.onExitCodes.operator`, 'FieldValueRequired', 'Required value: valid values: ["In" "NotIn"]')],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported"`,
    obj: pfp({
      ...exitCodes([1, 2, 3], { containerName: 'abc' }),
      onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }],
    }),
    want: [
      e(PFP, 'FieldValueInvalid', 'Invalid value: specifying both OnExitCodes and OnPodConditions is not supported'),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator"`,
    obj: pfp({ ...exitCodes([1, 0, 2]), action: 'Ignore' }),
    want: [
      e(`${PFP}.onExitCodes.values[1]`, 'FieldValueInvalid', 'Invalid value: 0: must not be 0 for the In operator'),
      e(`${PFP}.onExitCodes.values`, 'FieldValueInvalid', 'Invalid value: [1,0,2]: must be ordered'),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: \\"xyz\\": must be one of the container or initContainer names in the pod template"`,
    obj: pfp(
      { ...exitCodes([1, 2, 3], { containerName: 'abc' }), action: 'Ignore' },
      exitCodes([5, 6, 7], { containerName: 'xyz' }),
    ),
    want: [
      e(
        'spec.podFailurePolicy.rules[1].onExitCodes.containerName',
        'FieldValueInvalid',
        'Invalid value: "xyz": must be one of the container or initContainer names in the pod template',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].action: Unsupported value: \\"UnknownAction\\": supported values: ..."`,
    obj: pfp({ ...exitCodes([1, 2, 3], { containerName: 'abc' }), action: 'UnknownAction' }),
    want: [
      e(
        `${PFP}.action`,
        'FieldValueNotSupported',
        'Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: \\"UnknownOperator\\": supported values: \\"In\\", \\"NotIn\\""`,
    obj: pfp({ action: 'Ignore', onExitCodes: { operator: 'UnknownOperator', values: [1, 2, 3] } }),
    want: [
      e(
        `${PFP}.onExitCodes.operator`,
        'FieldValueNotSupported',
        'Unsupported value: "UnknownOperator": supported values: "In", "NotIn"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: valid values: [\\"False\\" \\"True\\" \\"Unknown\\"]"`,
    obj: pfp(conditions({ type: 'DisruptionTarget' })),
    want: [
      e(
        `${PFP}.onPodConditions[0].status`,
        'FieldValueRequired',
        'Required value: valid values: ["False" "True" "Unknown"]',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: \\"UnknownStatus\\": ..."`,
    obj: pfp(conditions({ type: 'DisruptionTarget', status: 'UnknownStatus' })),
    want: [
      e(
        `${PFP}.onPodConditions[0].status`,
        'FieldValueNotSupported',
        'Unsupported value: "UnknownStatus": supported values: "False", "True", "Unknown"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \\"\\": name part must be non-empty"`,
    obj: pfp(conditions({ status: 'True' })),
    want: [
      e(`${PFP}.onPodConditions[0].type`, 'FieldValueInvalid', 'Invalid value: "": name part must be non-empty'),
      e(`${PFP}.onPodConditions[0].type`, 'FieldValueInvalid', `Invalid value: "": ${QNAME}`),
    ],
  },
  {
    upstream: `${T} "spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \\"Invalid Condition Type\\": ..."`,
    obj: pfp(conditions({ type: 'Invalid Condition Type', status: 'True' })),
    want: [
      e(`${PFP}.onPodConditions[0].type`, 'FieldValueInvalid', `Invalid value: "Invalid Condition Type": ${QNAME}`),
    ],
  },
  {
    upstream: `${T} "spec.podReplacementPolicy: Unsupported value: \\"TerminatingOrFailed\\": supported values: \\"Failed\\""`,
    obj: job(
      {
        podReplacementPolicy: 'TerminatingOrFailed',
        podFailurePolicy: { rules: [conditions({ type: 'DisruptionTarget', status: 'True' })] },
      },
      never,
    ),
    want: [
      e(
        'spec.podReplacementPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.podReplacementPolicy: Unsupported value: \\"\\": supported values: \\"Failed\\", \\"TerminatingOrFailed\\""`,
    obj: job({ podReplacementPolicy: '' }, never),
    want: [
      e(
        'spec.podReplacementPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.template.spec.restartPolicy: Invalid value: \\"OnFailure\\": only \\"Never\\" is supported when podFailurePolicy is specified"`,
    obj: job({ podFailurePolicy: { rules: [] } }),
    want: [
      e(
        'spec.template.spec.restartPolicy',
        'FieldValueInvalid',
        'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      ),
    ],
  },
  ...(['parallelism', 'backoffLimit', 'completions', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const).map(
    (f) => ({
      upstream: `${T} "spec.${f}:must be greater than or equal to 0"`,
      obj: job({ [f]: -1 }),
      want: [e(`spec.${f}`, 'FieldValueInvalid', `Invalid value: -1: ${GE0}`)],
    }),
  ),
  {
    upstream: `${T} "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"`,
    obj: job({ backoffLimitPerIndex: 1 }),
    want: [e('spec.backoffLimitPerIndex', 'FieldValueInvalid', 'Invalid value: 1: requires indexed completion mode')],
  },
  {
    upstream: `${T} "spec.backoffLimitPerIndex:must be greater than or equal to 0"`,
    obj: indexed({ backoffLimitPerIndex: -1 }),
    want: [
      e('spec.backoffLimitPerIndex', 'FieldValueInvalid', `Invalid value: -1: ${GE0}`),
      e('spec.completions', 'FieldValueRequired', 'Required value: when completion mode is Indexed'),
    ],
  },
  {
    upstream: `${T} "spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions"`,
    obj: indexed({ completions: 10, maxFailedIndexes: 11, backoffLimitPerIndex: 1 }),
    want: [
      e('spec.maxFailedIndexes', 'FieldValueInvalid', 'Invalid value: 11: must be less than or equal to completions'),
    ],
  },
  {
    upstream: `${T} "spec.maxFailedIndexes: Required value: must be specified when completions is above 100000"`,
    obj: indexed({ completions: 100001, backoffLimitPerIndex: 1 }),
    want: [
      e(
        'spec.maxFailedIndexes',
        'FieldValueRequired',
        'Required value: must be specified when completions is above 100000',
      ),
    ],
  },
  {
    upstream: `${T} "spec.parallelism: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"`,
    obj: indexed({ completions: 100001, parallelism: 50000, backoffLimitPerIndex: 1, maxFailedIndexes: 1 }),
    want: [
      e('spec.parallelism', 'FieldValueInvalid', `Invalid value: 50000: must be less than or equal to 10000 ${HIGH}`),
    ],
  },
  {
    upstream: `${T} "spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000"`,
    obj: indexed({ completions: 100001, backoffLimitPerIndex: 1, maxFailedIndexes: 100001 }),
    want: [
      e('spec.maxFailedIndexes', 'FieldValueInvalid', 'Invalid value: 100001: must be less than or equal to 100000'),
      e(
        'spec.maxFailedIndexes',
        'FieldValueInvalid',
        `Invalid value: 100001: must be less than or equal to 10000 ${HIGH}`,
      ),
    ],
  },
  {
    upstream: `${T} "spec.maxFailedIndexes: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"`,
    obj: indexed({ completions: 100001, backoffLimitPerIndex: 1, maxFailedIndexes: 50000 }),
    want: [
      e(
        'spec.maxFailedIndexes',
        'FieldValueInvalid',
        `Invalid value: 50000: must be less than or equal to 10000 ${HIGH}`,
      ),
    ],
  },
  {
    upstream: `${T} "spec.maxFailedIndexes:must be greater than or equal to 0"`,
    obj: indexed({ completions: 1, backoffLimitPerIndex: 1, maxFailedIndexes: -1 }),
    want: [e('spec.maxFailedIndexes', 'FieldValueInvalid', `Invalid value: -1: ${GE0}`)],
  },
  {
    upstream: `${T} "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified"`,
    obj: indexed({ completions: 1, maxFailedIndexes: 1 }),
    want: [e('spec.backoffLimitPerIndex', 'FieldValueRequired', 'Required value: when maxFailedIndexes is specified')],
  },
  {
    upstream: `${T} "spec.completions: Required value: when completion mode is Indexed"`,
    obj: indexed({}),
    want: [e('spec.completions', 'FieldValueRequired', 'Required value: when completion mode is Indexed')],
  },
  {
    upstream: `${T} "spec.parallelism: must be less than or equal to 100000 when completion mode is Indexed"`,
    obj: indexed({ completions: 2, parallelism: 100001 }),
    want: [
      e(
        'spec.parallelism',
        'FieldValueInvalid',
        'Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed',
      ),
    ],
  },
  {
    upstream: `${T} "spec.template.spec.restartPolicy: Required value"`,
    obj: job({}, template({ restartPolicy: 'Always' })),
    want: [
      e('spec.template.spec.restartPolicy', 'FieldValueRequired', 'Required value: valid values: "OnFailure", "Never"'),
    ],
  },
  {
    upstream: `${T} "spec.template.spec.restartPolicy: Unsupported value"`,
    obj: job({}, template({ restartPolicy: 'Invalid' })),
    want: [
      e('spec.template.spec.restartPolicy', 'FieldValueNotSupported'),
      e('spec.template.spec.restartPolicy', 'FieldValueNotSupported'),
    ],
  },
  {
    upstream: `${T} "spec.selector: Invalid value: ...: \`selector\` not auto-generated"`,
    obj: job({ selector: { matchLabels: { a: 'b' } } }),
    // The server adds its controller-uid to the user's selector, which then matches no template labels either.
    want: [
      e(
        'spec.selector',
        'FieldValueInvalid',
        `Invalid value: {"matchLabels":{"a":"b","batch.kubernetes.io/controller-uid":"${UID}"}}: \`selector\` not auto-generated`,
      ),
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        `Invalid value: {"app":"web","batch.kubernetes.io/controller-uid":"${UID}","batch.kubernetes.io/job-name":"myjob","controller-uid":"${UID}","job-name":"myjob"}: \`selector\` does not match template \`labels\``,
      ),
    ],
  },
  {
    // validateGeneratedSelector's ValidateHasLabel: the strategy keeps a job-name label the user wrote.
    upstream:
      "kubernetes/kubernetes pkg/apis/batch/validation/validation.go validateGeneratedSelector (a template job-name label that is not the Job's name)",
    obj: job(
      {},
      template(
        { restartPolicy: 'OnFailure', containers: [container({ name: 'abc' })] },
        { app: 'web', 'job-name': 'other' },
      ),
    ),
    want: [
      e(
        'spec.template.metadata.labels[job-name]',
        'FieldValueInvalid',
        `Invalid value: {"app":"web","batch.kubernetes.io/controller-uid":"${UID}","batch.kubernetes.io/job-name":"myjob","controller-uid":"${UID}","job-name":"other"}: must be 'myjob'`,
      ),
    ],
  },
  {
    upstream: `${T} "spec.template.metadata.labels: Invalid value: map[string]string{\\"y\\":\\"z\\"}: \`selector\` does not match template \`labels\`"`,
    obj: job(
      { manualSelector: true, selector: { matchLabels: { a: 'b' } } },
      template({ restartPolicy: 'OnFailure' }, { y: 'z' }),
    ),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"y":"z"}: `selector` does not match template `labels`',
      ),
    ],
  },
];

runTable('TestValidateJob', cases);
