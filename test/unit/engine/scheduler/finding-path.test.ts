import { strict as assert } from 'node:assert';
import { reasonPath } from '../../../../src/engine/scheduler/finding-path';
import { container, makePod } from './builders';

const pod = makePod('p', {
  spec: {
    containers: [
      container('small', { cpu: '100m' }),
      container('big', { cpu: '2', memory: '1Gi' }, { ports: [{ containerPort: 80, hostPort: 8080 }] }),
    ],
    nodeSelector: { disk: 'ssd' },
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
  },
});

// Where each FailedScheduling reason points (the field to change), per the task's placement rule.
const cases: [string, string][] = [
  ['Insufficient cpu', 'spec,containers,1,resources,requests,cpu'],
  ['Insufficient memory', 'spec,containers,1,resources,requests,memory'],
  ['node(s) had untolerated taint(s)', 'spec,tolerations'],
  ['node(s) were unschedulable', 'spec,tolerations'],
  ["node(s) didn't match Pod's node affinity/selector", 'spec,nodeSelector'],
  ["node(s) didn't match pod anti-affinity rules", 'spec,affinity,podAntiAffinity'],
  ["node(s) didn't match pod topology spread constraints", 'spec,topologySpreadConstraints'],
  ["node(s) didn't have free ports for the requested pod ports", 'spec,containers,1,ports,0,hostPort'],
  ['persistentvolumeclaim "data" not found', 'spec,volumes,0,persistentVolumeClaim,claimName'],
];

describe('reasonPath', () => {
  for (const [reason, want] of cases) it(reason, () => assert.equal(reasonPath(pod, reason).join(','), want));
});
