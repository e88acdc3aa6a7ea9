// kubernetes/kubernetes pkg/api/v1/resource/helpers_test.go TestExtractResourceValue: a resourceFieldRef's value
// (ExtractResourceValueByContainerName), for the container "foo" and the init container "init-foo" that getPod gives
// the same resources. The value is the amount divided by the divisor, rounded up; cpu is in cores by default. And
// pkg/kubelet/kubelet_resources_test.go TestPodResourceLimitsDefaulting: a cpu or memory limit that is unset or zero
// reads as the node's allocatable amount (cpu 6, memory 4Gi there).
import assert from 'node:assert/strict';
import type { Container } from '../../../../../src/engine/k8s/objects';
import { resourceValue } from '../../../../../src/engine/kubelet/downward-api';
import { node } from '../builders';

interface PodResources {
  cpuRequest?: string;
  cpuLimit?: string;
  memoryRequest?: string;
  memoryLimit?: string;
}

/** helpers_test.go getPod: only the quantities that are set. */
function getContainer(name: string, r: PodResources): Container {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (r.cpuRequest) requests.cpu = r.cpuRequest;
  if (r.memoryRequest) requests.memory = r.memoryRequest;
  if (r.cpuLimit) limits.cpu = r.cpuLimit;
  if (r.memoryLimit) limits.memory = r.memoryLimit;
  return { name, image: 'x', resources: { requests, limits } };
}

const cases: { resource: string; divisor?: string; pod: PodResources; want: string }[] = [
  { resource: 'limits.cpu', pod: { cpuLimit: '9' }, want: '9' },
  { resource: 'requests.cpu', pod: {}, want: '0' },
  { resource: 'requests.cpu', pod: { cpuRequest: '8' }, want: '8' },
  { resource: 'requests.cpu', pod: { cpuRequest: '100m' }, want: '1' },
  { resource: 'requests.cpu', divisor: '100m', pod: { cpuRequest: '1200m' }, want: '12' },
  { resource: 'requests.memory', pod: { memoryRequest: '100Mi' }, want: '104857600' },
  { resource: 'requests.memory', divisor: '1Mi', pod: { memoryRequest: '100Mi', memoryLimit: '1Gi' }, want: '100' },
  { resource: 'limits.memory', pod: { memoryRequest: '10Mi', memoryLimit: '100Mi' }, want: '104857600' },
];

describe('resource helpers_test.go TestExtractResourceValue', () => {
  for (const cName of ['foo', 'init-foo'])
    for (const [i, c] of cases.entries())
      it(`TestExtractResourceValue case ${cName === 'foo' ? i : i + cases.length} (${cName} ${c.resource}${c.divisor ? ` / ${c.divisor}` : ''})`, () =>
        assert.equal(resourceValue(getContainer(cName, c.pod), node(), c.resource, c.divisor), c.want));
});

describe('kubelet_resources_test.go TestPodResourceLimitsDefaulting', () => {
  const n = node();
  const allocatable = { ...n, status: { ...n.status, allocatable: { cpu: '6', memory: '4Gi' } } };
  const limited = (cpu: string, memory: string): Container => ({
    name: 'foo',
    image: 'x',
    resources: { limits: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
  });
  // getPod(cpuLimit, memoryLimit) → the expected limits, read as limits.cpu and limits.memory.
  const cases: [cpu: string, memory: string, wantCpu: string, wantMemory: string][] = [
    ['0', '0', '6', String(4 * 1024 ** 3)],
    ['1', '0', '1', String(4 * 1024 ** 3)],
    ['', '', '6', String(4 * 1024 ** 3)],
    ['0', '1Mi', '6', String(1024 ** 2)],
  ];
  for (const [i, [cpu, memory, wantCpu, wantMemory]] of cases.entries())
    it(`TestPodResourceLimitsDefaulting case ${i} (cpu "${cpu}", memory "${memory}")`, () =>
      assert.deepEqual(
        [
          resourceValue(limited(cpu, memory), allocatable, 'limits.cpu', undefined),
          resourceValue(limited(cpu, memory), allocatable, 'limits.memory', undefined),
        ],
        [wantCpu, wantMemory],
      ));
});
