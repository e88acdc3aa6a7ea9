// kubernetes/kubernetes pkg/apis/batch/validation/validation_test.go TestValidateCronJob, as batch/v1 CronJobs.
// Each upstream key is "<field>:<fragment>" of the first error; the cases here assert every error. Not expressible
// in v1: "spec.concurrencyPolicy: Required value" (SetDefaults_CronJob fills Allow).
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateCronJob';
const cron = (spec: Record<string, unknown> = {}, job: Record<string, unknown> = {}, name = 'mycronjob'): KubeObject =>
  workload(
    'CronJob',
    'batch/v1',
    {
      schedule: '* * * * ?',
      concurrencyPolicy: 'Allow',
      jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }, {}), ...job } },
      ...spec,
    },
    { name },
  );
const tz = (timeZone: string) => cron({ schedule: '0 * * * *', timeZone });
const JT = 'spec.jobTemplate.spec';
const NONNEG = 'must be greater than or equal to 0';

const cases: TableCase[] = [
  { upstream: `${T} "basic scheduled job"`, obj: cron(), want: [] },
  {
    upstream: `${T} "hostnet job"`,
    obj: cron(
      {},
      {
        template: template(
          {
            restartPolicy: 'OnFailure',
            hostNetwork: true,
            containers: [{ name: 'abc', image: 'image', ports: [{ containerPort: 12345, hostPort: 12345 }] }],
          },
          {},
        ),
      },
    ),
    want: [],
  },
  { upstream: `${T} "non-standard scheduled"`, obj: cron({ schedule: '@hourly' }), want: [] },
  { upstream: `${T} "correct timeZone value"`, obj: tz('America/New_York'), want: [] },
  {
    upstream: `${T} "spec.schedule: Invalid value"`,
    obj: cron({ schedule: 'error' }),
    want: [
      e('spec.schedule', 'FieldValueInvalid', 'Invalid value: "error": expected exactly 5 fields, found 1: [error]'),
    ],
  },
  {
    upstream: `${T} "spec.schedule: Required value"`,
    obj: cron({ schedule: '' }),
    want: [e('spec.schedule', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "spec.timeZone: timeZone must be nil or non-empty string"`,
    obj: tz(''),
    want: [e('spec.timeZone', 'FieldValueInvalid', 'Invalid value: "": timeZone must be nil or non-empty string')],
  },
  {
    upstream: `${T} "spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"`,
    obj: tz('Local'),
    want: [
      e(
        'spec.timeZone',
        'FieldValueInvalid',
        'Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    ],
  },
  {
    upstream: `${T} "spec.timeZone: Invalid value: \\" Continent/Zone\\": unknown time zone  Continent/Zone"`,
    obj: tz(' Continent/Zone'),
    want: [
      e('spec.timeZone', 'FieldValueInvalid', 'Invalid value: " Continent/Zone": unknown time zone  Continent/Zone'),
    ],
  },
  {
    upstream: `${T} "spec.timeZone: Invalid value: \\"Continent/InvalidZone\\": unknown time zone  Continent/InvalidZone"`,
    obj: tz('Continent/InvalidZone'),
    want: [
      e(
        'spec.timeZone',
        'FieldValueInvalid',
        'Invalid value: "Continent/InvalidZone": unknown time zone Continent/InvalidZone',
      ),
    ],
  },
  {
    upstream: `${T} "spec.timeZone: Invalid value: \\" \\": unknown time zone  "`,
    obj: tz(' '),
    want: [e('spec.timeZone', 'FieldValueInvalid', 'Invalid value: " ": unknown time zone  ')],
  },
  {
    upstream: `${T} "spec.timeZone: Invalid value: \\"Continent/Zone \\": unknown time zone Continent/Zone "`,
    obj: tz('Continent/Zone '),
    want: [
      e('spec.timeZone', 'FieldValueInvalid', 'Invalid value: "Continent/Zone ": unknown time zone Continent/Zone '),
    ],
  },
  {
    upstream: `${T} "spec.startingDeadlineSeconds:must be greater than or equal to 0"`,
    obj: cron({ startingDeadlineSeconds: -1 }),
    want: [e('spec.startingDeadlineSeconds', 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.successfulJobsHistoryLimit: must be greater than or equal to 0"`,
    obj: cron({ successfulJobsHistoryLimit: -1 }),
    want: [e('spec.successfulJobsHistoryLimit', 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.failedJobsHistoryLimit: must be greater than or equal to 0"`,
    obj: cron({ failedJobsHistoryLimit: -1 }),
    want: [e('spec.failedJobsHistoryLimit', 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.parallelism:must be greater than or equal to 0"`,
    obj: cron({}, { parallelism: -1 }),
    want: [e(`${JT}.parallelism`, 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.completions:must be greater than or equal to 0"`,
    obj: cron({}, { completions: -1 }),
    want: [e(`${JT}.completions`, 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.activeDeadlineSeconds:must be greater than or equal to 0"`,
    obj: cron({}, { activeDeadlineSeconds: -1 }),
    want: [e(`${JT}.activeDeadlineSeconds`, 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.selector: Invalid value: {\\"matchLabels\\":{\\"a\\":\\"b\\"}}: \`selector\` will be auto-generated"`,
    obj: cron({}, { selector: { matchLabels: { a: 'b' } } }),
    want: [
      e(
        `${JT}.selector`,
        'FieldValueInvalid',
        'Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
      ),
    ],
  },
  {
    upstream: `${T} "metadata.name: must be no more than 52 characters"`,
    obj: cron({}, {}, '10000000002000000000300000000040000000005000000000123'),
    want: [
      e(
        'metadata.name',
        'FieldValueInvalid',
        'Invalid value: "10000000002000000000300000000040000000005000000000123": must be no more than 52 characters',
      ),
    ],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.manualSelector: Unsupported value"`,
    obj: cron({}, { manualSelector: true }),
    want: [
      e(`${JT}.manualSelector`, 'FieldValueNotSupported', 'Unsupported value: true: supported values: "nil", "false"'),
    ],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.template.spec.restartPolicy: Required value"`,
    obj: cron({}, { template: template({ restartPolicy: 'Always' }, {}) }),
    want: [
      e(
        `${JT}.template.spec.restartPolicy`,
        'FieldValueRequired',
        'Required value: valid values: "OnFailure", "Never"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value"`,
    obj: cron({}, { template: template({ restartPolicy: 'Invalid' }, {}) }),
    want: [
      e(
        `${JT}.template.spec.restartPolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Invalid": supported values: "Always", "OnFailure", "Never"',
      ),
      e(
        `${JT}.template.spec.restartPolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "Invalid": supported values: "OnFailure", "Never"',
      ),
    ],
  },
  {
    upstream: `${T} "spec.jobTemplate.spec.ttlSecondsAfterFinished:must be greater than or equal to 0"`,
    obj: cron({}, { ttlSecondsAfterFinished: -1 }),
    want: [e(`${JT}.ttlSecondsAfterFinished`, 'FieldValueInvalid', `Invalid value: -1: ${NONNEG}`)],
  },
];

runTable('validate-cron-job', cases);
