import assert from 'node:assert/strict';
import { priority } from '../../../../../src/engine/apiserver/admission/priority';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { clusterWith, pod, request } from './builders';

// plugin/pkg/admission/priority/admission.go and admission_test.go (TestPodAdmission); apiserver reference §6.4.
const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
});

const cases = [
  {
    name: 'no class and no global default gives priority 0',
    objects: [],
    spec: {},
    want: { priority: 0, preemptionPolicy: 'PreemptLowerPriority', priorityClassName: undefined },
  },
  {
    name: 'the global default class is written into the pod',
    objects: [pc('low', 10, { globalDefault: true }), pc('high', 1000)],
    spec: {},
    want: { priority: 10, preemptionPolicy: 'PreemptLowerPriority', priorityClassName: 'low' },
  },
  {
    name: 'a named class gives its value and preemption policy',
    objects: [pc('batch', 500, { preemptionPolicy: 'Never' })],
    spec: { priorityClassName: 'batch' },
    want: { priority: 500, preemptionPolicy: 'Never', priorityClassName: 'batch' },
  },
  {
    name: 'system-node-critical is built in',
    objects: [],
    spec: { priorityClassName: 'system-node-critical' },
    want: { priority: 2000001000, preemptionPolicy: 'PreemptLowerPriority', priorityClassName: 'system-node-critical' },
  },
];

const denials = [
  {
    name: 'a class that does not exist',
    objects: [],
    spec: { priorityClassName: 'gold' },
    want: 'pods "x" is forbidden: no PriorityClass with name gold was found',
    at: ['spec', 'priorityClassName'],
  },
  {
    name: 'a priority that differs from the class value',
    objects: [pc('batch', 500)],
    spec: { priorityClassName: 'batch', priority: 7 },
    want: 'pods "x" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 500 from the given PriorityClass name',
    at: ['spec', 'priority'],
  },
  {
    name: 'a preemption policy that differs from the class policy',
    objects: [pc('batch', 500)],
    spec: { priorityClassName: 'batch', preemptionPolicy: 'Never' },
    want: 'pods "x" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    at: ['spec', 'preemptionPolicy'],
  },
];

describe('Priority admission', () => {
  for (const c of cases)
    it(c.name, () => {
      const p = pod(c.spec as never);
      assert.equal(priority(request(p, clusterWith(c.objects))).denial, undefined);
      const { priority: value, preemptionPolicy, priorityClassName } = p.spec ?? { containers: [] };
      assert.deepEqual({ priority: value, preemptionPolicy, priorityClassName }, c.want);
    });
  for (const c of denials)
    it(`rejects ${c.name}`, () => {
      const denial = priority(request(pod(c.spec as never), clusterWith(c.objects))).denial;
      assert.equal(denial?.message, c.want);
      assert.deepEqual(denial?.segments, c.at);
    });
});
