// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateResizePolicy: each policy list on the
// first container of a v1 Pod; upstream's `field` path becomes `spec.containers[0].resizePolicy`. Upstream compares
// the whole field.Error, so bodies are exact.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateResizePolicy';
const P = 'spec.containers[0].resizePolicy';
const withPolicy = (restartPolicy: string, ...resizePolicy: [string, string][]) =>
  pod({
    restartPolicy,
    containers: [
      container({ resizePolicy: resizePolicy.map(([resourceName, p]) => ({ resourceName, restartPolicy: p })) }),
    ],
  });
const POLICIES = 'supported values: "NotRequired", "RestartContainer"';
const NEVER = `Invalid value: "RestartContainer": must be 'NotRequired' when \`restartPolicy\` is 'Never'`;

const cases: TableCase[] = [
  {
    upstream: `${T} "ValidCPUandMemoryPolicies"`,
    obj: withPolicy('Always', ['cpu', 'NotRequired'], ['memory', 'RestartContainer']),
    want: [],
  },
  {
    upstream: `${T} "ValidCPUandInvalidMemoryPolicy"`,
    obj: withPolicy('Always', ['cpu', 'NotRequired'], ['memory', 'Restarrrt']),
    want: [e(P, 'FieldValueNotSupported', `Unsupported value: "Restarrrt": ${POLICIES}`)],
  },
  {
    upstream: `${T} "ValidMemoryandInvalidCPUPolicy"`,
    obj: withPolicy('Always', ['cpu', 'RestartNotRequirrred'], ['memory', 'RestartContainer']),
    want: [e(P, 'FieldValueNotSupported', `Unsupported value: "RestartNotRequirrred": ${POLICIES}`)],
  },
  {
    upstream: `${T} "InvalidResourceNameValidPolicy"`,
    obj: withPolicy('Always', ['cpuuu', 'NotRequired']),
    want: [e(P, 'FieldValueNotSupported', 'Unsupported value: "cpuuu": supported values: "cpu", "memory"')],
  },
  {
    upstream: `${T} "ValidResourceNameMissingPolicy"`,
    obj: withPolicy('Always', ['memory', '']),
    want: [e(P, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "RepeatedPolicies"`,
    obj: withPolicy('Always', ['cpu', 'NotRequired'], ['memory', 'RestartContainer'], ['cpu', 'RestartContainer']),
    want: [e(`${P}[2]`, 'FieldValueDuplicate', 'Duplicate value: "cpu"')],
  },
  {
    upstream: `${T} "InvalidCPUPolicyWithPodRestartPolicy"`,
    obj: withPolicy('Never', ['cpu', 'NotRequired'], ['memory', 'RestartContainer']),
    want: [e(P, 'FieldValueInvalid', NEVER)],
  },
  {
    upstream: `${T} "InvalidMemoryPolicyWithPodRestartPolicy"`,
    obj: withPolicy('Never', ['cpu', 'RestartContainer'], ['memory', 'NotRequired']),
    want: [e(P, 'FieldValueInvalid', NEVER)],
  },
  {
    upstream: `${T} "InvalidMemoryCPUPolicyWithPodRestartPolicy"`,
    obj: withPolicy('Never', ['cpu', 'RestartContainer'], ['memory', 'RestartContainer']),
    want: [e(P, 'FieldValueInvalid', NEVER), e(P, 'FieldValueInvalid', NEVER)],
  },
  {
    upstream: `${T} "ValidMemoryCPUPolicyWithPodRestartPolicy"`,
    obj: withPolicy('Never', ['cpu', 'NotRequired'], ['memory', 'NotRequired']),
    want: [],
  },
];

runTable('TestValidateResizePolicy', cases);
