import assert from 'node:assert/strict';
import type { Container, Pod } from '../../../../src/engine/k8s/objects';
import { podQOSClass } from '../../../../src/engine/k8s/qos';

// pkg/apis/core/helper/qos/qos.go (ComputePodQOS) and qos_test.go; apiserver reference §3.
const c = (requests?: Record<string, string>, limits?: Record<string, string>): Container => ({
  name: 'c',
  image: 'nginx',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});
const pod = (containers: Container[], initContainers: Container[] = [], resources?: Record<string, unknown>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x' },
  spec: { containers, initContainers, ...(resources ? { resources } : {}) },
});

const cases: { name: string; pod: Pod; want: string }[] = [
  { name: 'no requests or limits', pod: pod([c()]), want: 'BestEffort' },
  {
    name: 'only extended resources count as nothing',
    pod: pod([c({ 'example.com/gpu': '1' }, { 'example.com/gpu': '1' })]),
    want: 'BestEffort',
  },
  { name: 'zero quantities count as nothing', pod: pod([c({ cpu: '0' })]), want: 'BestEffort' },
  {
    name: 'equal cpu and memory requests and limits',
    pod: pod([c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })]),
    want: 'Guaranteed',
  },
  {
    name: 'requests equal limits written differently',
    pod: pod([c({ cpu: '1000m' }, { cpu: '1', memory: '1Gi' })]),
    want: 'Burstable',
  },
  { name: 'a memory limit alone', pod: pod([c(undefined, { memory: '1Gi' })]), want: 'Burstable' },
  {
    name: 'requests below limits',
    pod: pod([c({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })]),
    want: 'Burstable',
  },
  {
    name: 'an init container without limits makes the pod Burstable',
    pod: pod([c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], [c({ cpu: '1' })]),
    want: 'Burstable',
  },
  {
    name: 'pod-level resources decide when set',
    pod: pod([c()], [], { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }),
    want: 'Guaranteed',
  },
];

describe('QoS class', () => {
  for (const t of cases) it(t.name, () => assert.equal(podQOSClass(t.pod), t.want));
});
