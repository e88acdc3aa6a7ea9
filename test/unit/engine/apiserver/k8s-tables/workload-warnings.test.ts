// Create-time warnings of the workload strategies (kubernetes/kubernetes pkg/registry/apps/statefulset/strategy.go
// WarningsOnCreate, pkg/registry/batch/job/strategy.go and cronjob/strategy.go WarningsOnCreate with
// pkg/api/job/warnings.go WarningsForJobSpec, pkg/api/persistentvolumeclaim/util.go
// GetWarningsForPersistentVolumeClaimSpec). Each row shows the text and where the finding points.
import assert from 'node:assert/strict';
import { createWarnings } from '../../../../../src/engine/apiserver/validation';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { formatPath } from '../../../../../src/engine/k8s/field-path';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
const obj = (kind: string, apiVersion: string, spec: Record<string, unknown>, name = 'web'): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});
const INDEXED =
  'In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail';

const cases: { name: string; obj: KubeObject; want: [message: string, at: string][] }[] = [
  {
    name: 'a StatefulSet claim template asking for a fractional byte count (Go prints the template path)',
    obj: obj('StatefulSet', 'apps/v1', {
      template,
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1500m' } } } }],
    }),
    want: [
      [
        'spec.volumeClaimTemplates[0].resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer',
        'spec.volumeClaimTemplates[0].spec.resources.requests[storage]',
      ],
    ],
  },
  {
    name: 'a StatefulSet with a negative revisionHistoryLimit keeps every revision',
    obj: obj('StatefulSet', 'apps/v1', { template, revisionHistoryLimit: -1 }),
    want: [
      [
        'spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended',
        'spec.revisionHistoryLimit',
      ],
    ],
  },
  {
    name: 'an Indexed Job past both soft limits',
    obj: obj('Job', 'batch/v1', { completionMode: 'Indexed', completions: 100_001, parallelism: 10_001, template }),
    want: [[`spec: ${INDEXED}`, 'spec']],
  },
  {
    name: 'an Indexed Job at the soft limits has no warning',
    obj: obj('Job', 'batch/v1', { completionMode: 'Indexed', completions: 100_000, parallelism: 10_001, template }),
    want: [],
  },
  {
    name: "a CronJob's Indexed job template past both soft limits, after the name warning",
    obj: obj(
      'CronJob',
      'batch/v1',
      {
        schedule: '* * * * *',
        jobTemplate: {
          spec: { completionMode: 'Indexed', completions: 200_000, parallelism: 20_000, template },
        },
      },
      'web.v1',
    ),
    want: [
      [
        'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]',
        'metadata.name',
      ],
      [`spec.jobTemplate.spec: ${INDEXED}`, 'spec.jobTemplate.spec'],
    ],
  },
  {
    name: "a Job's template warnings sit under spec.template",
    obj: obj('Job', 'batch/v1', {
      template: { ...template, spec: { ...template.spec, terminationGracePeriodSeconds: -5 } },
    }),
    want: [
      [
        'spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
        'spec.template.spec.terminationGracePeriodSeconds',
      ],
    ],
  },
];

describe('workload create warnings (strategies ported)', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.deepStrictEqual(
        createWarnings(c.obj).map((w) => [w.message, formatPath(w.segments)]),
        c.want,
      ),
    );
});
