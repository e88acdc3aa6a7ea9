// Cases ported from kubernetes/kubernetes plugin/pkg/admission/priority/admission_test.go (TestPodAdmission and
// TestDefaultPriority's "before" resolutions). Upstream asserts the resolved priority and whether Admit fails; the
// error cases here also pin the forbidden message admission.go builds.
import assert from 'node:assert/strict';
import { priority } from '../../../../../src/engine/apiserver/admission/priority';
import type { KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, request } from '../admission/builders';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  preemptionPolicy: 'PreemptLowerPriority',
  ...extra,
});

const defaultClass1 = pc('default1', 1000, { globalDefault: true });
const defaultClass2 = pc('default2', 2000, { globalDefault: true });
const nondefaultClass1 = pc('nondefault1', 2000, { description: 'Just a test priority class' });
const systemClusterCritical = pc('system-cluster-critical', 2000000000, { globalDefault: true });
const neverPreemptionPolicyClass = pc('nopreemptionpolicy', 2000, { globalDefault: true, preemptionPolicy: 'Never' });
const preemptionPolicyClass = pc('nopreemptionpolicy', 2000, { globalDefault: true });

function pod(name: string, namespace: string, spec: Partial<NonNullable<Pod['spec']>>, mirror = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      ...(mirror ? { annotations: { 'kubernetes.io/config.mirror': '' } } : {}),
    },
    spec: { containers: [{ name: 'container', image: 'nginx' }], ...spec },
  };
}

const pods = [
  pod('pod-w-priorityclass', 'namespace', { priorityClassName: 'default1' }),
  pod('pod-wo-priorityclass', 'namespace', {}),
  pod('pod-w-non-existing-priorityclass', 'namespace', { priorityClassName: 'non-existing' }),
  pod('pod-w-integer-priority', 'namespace', { priorityClassName: 'default1', priority: 1000 }),
  pod('pod-w-system-priority', 'kube-system', { priorityClassName: 'system-cluster-critical' }),
  pod('mirror-pod-w-system-priority', 'kube-system', { priorityClassName: 'system-cluster-critical' }, true),
  pod('mirror-pod-w-integer-priority', 'namespace', { priorityClassName: 'default1', priority: 1000 }, true),
  pod('pod-w-system-priority-in-nonsystem-namespace', 'non-system-namespace', {
    priorityClassName: 'system-cluster-critical',
  }),
  pod('pod-w-zero-priority-in-nonsystem-namespace', 'non-system-namespace', { priority: 0 }),
  pod('pod-w-priority-matching-default-priority', 'non-system-namespace', { priority: 2000 }),
  pod('pod-w-priority-matching-resolved-default-priority', 'kube-system', {
    priorityClassName: 'system-cluster-critical',
    priority: 2000000000,
  }),
  pod('pod-never-preemption-policy-matching-resolved-preemption-policy', 'kube-system', {
    priorityClassName: 'nopreemptionpolicy',
    priority: 2000,
  }),
  pod('pod-preemption-policy-matching-resolved-preemption-policy', 'kube-system', {
    priorityClassName: 'nopreemptionpolicy',
    priority: 2000,
    preemptionPolicy: 'PreemptLowerPriority',
  }),
  pod('pod-preemption-policy-not-matching-resolved-preemption-policy', 'kube-system', {
    priorityClassName: 'nopreemptionpolicy',
    priority: 2000,
    preemptionPolicy: 'Never',
  }),
] as const;

interface Case {
  name: string;
  classes: KubeObject[];
  pod: Pod;
  /** The stored priority, or the forbidden cause. */
  want: { priority: number; preemptionPolicy?: string } | { error: string };
}

const cases: Case[] = [
  {
    name: 'Pod with priority class',
    classes: [defaultClass1, nondefaultClass1],
    pod: pods[0],
    want: { priority: 1000 },
  },
  { name: 'Pod without priority class', classes: [defaultClass1], pod: pods[1], want: { priority: 1000 } },
  {
    name: 'pod without priority class and no existing priority class',
    classes: [],
    pod: pods[1],
    want: { priority: 0 },
  },
  {
    name: 'pod without priority class and no default class',
    classes: [nondefaultClass1],
    pod: pods[1],
    want: { priority: 0 },
  },
  {
    name: 'pod with a system priority class',
    classes: [systemClusterCritical],
    pod: pods[4],
    want: { priority: 2000000000 },
  },
  {
    name: 'Pod with non-existing priority class',
    classes: [defaultClass1, nondefaultClass1],
    pod: pods[2],
    want: { error: 'no PriorityClass with name non-existing was found' },
  },
  // The class named is looked up before the integer is compared, and none exists.
  {
    name: 'pod with integer priority',
    classes: [],
    pod: pods[3],
    want: { error: 'no PriorityClass with name default1 was found' },
  },
  {
    name: 'mirror pod with system priority class',
    classes: [systemClusterCritical],
    pod: pods[5],
    want: { priority: 2000000000 },
  },
  {
    name: 'mirror pod with integer priority',
    classes: [],
    pod: pods[6],
    want: { error: 'no PriorityClass with name default1 was found' },
  },
  {
    name: 'pod with system critical priority in non-system namespace',
    classes: [systemClusterCritical],
    pod: pods[7],
    want: { priority: 2000000000 },
  },
  {
    name: 'pod with priority that matches computed priority',
    classes: [nondefaultClass1],
    pod: pods[8],
    want: { priority: 0 },
  },
  {
    name: 'pod with priority that matches default priority',
    classes: [defaultClass2],
    pod: pods[9],
    want: { priority: 2000 },
  },
  {
    name: 'pod with priority that matches resolved priority',
    classes: [systemClusterCritical],
    pod: pods[10],
    want: { priority: 2000000000 },
  },
  {
    name: 'pod with nil preemtpion policy',
    classes: [preemptionPolicyClass],
    pod: pods[11],
    want: { priority: 2000, preemptionPolicy: 'PreemptLowerPriority' },
  },
  {
    name: 'pod with preemtpion policy that matches resolved preemtpion policy',
    classes: [preemptionPolicyClass],
    pod: pods[12],
    want: { priority: 2000, preemptionPolicy: 'PreemptLowerPriority' },
  },
  {
    name: "pod with preemtpion policy that does't matches resolved preemtpion policy",
    classes: [preemptionPolicyClass],
    pod: pods[13],
    want: {
      error:
        'the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    },
  },
  // Not in the upstream table, but the same pod against neverPreemptionPolicyClass: the class's policy is copied.
  {
    name: 'pod with nil preemtpion policy (class with preemptionPolicy Never)',
    classes: [neverPreemptionPolicyClass],
    pod: pods[11],
    want: { priority: 2000, preemptionPolicy: 'Never' },
  },
];

const clone = (p: Pod): Pod => JSON.parse(JSON.stringify(p)) as Pod;

/** The namespaces the pods live in, so NamespaceLifecycle-style lookups see them. */
const namespaces = ['namespace', 'kube-system', 'non-system-namespace'].map((name): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
  status: { phase: 'Active' },
}));

describe('priority admission_test.go (ported)', () => {
  for (const c of cases) {
    it(`TestPodAdmission "${c.name}"`, () => {
      const p = clone(c.pod);
      const outcome = priority(request(p, clusterWith([...namespaces, ...c.classes]), p.metadata?.namespace));
      if ('error' in c.want) {
        assert.equal(outcome.denial?.message, `pods "${p.metadata?.name}" is forbidden: ${c.want.error}`);
        return;
      }
      assert.equal(outcome.denial, undefined);
      assert.equal(p.spec?.priority, c.want.priority);
      if (c.want.preemptionPolicy) assert.equal(p.spec?.preemptionPolicy, c.want.preemptionPolicy);
    });
  }

  // TestDefaultPriority: the default resolves to the lowest-valued globalDefault class, else 0 with no name.
  const defaults: [name: string, classes: KubeObject[], want: { priority: number; name?: string }][] = [
    ['simple resolution with a default class', [defaultClass1], { priority: 1000, name: 'default1' }],
    ['add a default class (before: none)', [nondefaultClass1], { priority: 0 }],
    [
      'multiple default classes resolves to the minimum value among them',
      [defaultClass1, defaultClass2],
      { priority: 1000, name: 'default1' },
    ],
    ['delete default priority class (after: none)', [], { priority: 0 }],
  ];
  for (const [name, classes, want] of defaults)
    it(`TestDefaultPriority "${name}"`, () => {
      const p = clone(pods[1]);
      priority(request(p, clusterWith([...namespaces, ...classes]), 'namespace'));
      assert.equal(p.spec?.priority, want.priority);
      assert.equal(p.spec?.priorityClassName, want.name);
    });
});
