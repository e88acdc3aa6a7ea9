import assert from 'node:assert/strict';
import { defaultCluster } from '../../../src/engine/cluster/load';
import type { Pod } from '../../../src/engine/k8s/objects';
import { runningReplicas } from '../../../src/engine/replica-pods';
import type { FinalState } from '../../../src/engine/types';

// A Service lists every ready replica (kubernetes.io/docs/tutorials/services/connect-applications-service/:
// `Endpoints: 10.244.2.5:80,10.244.3.4:80` for a 2-replica Deployment).
describe('runningReplicas', () => {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-abc-x1', namespace: 'default', uid: 'u-1', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  };
  const first: FinalState = {
    phase: 'Running',
    podIP: '10.244.1.2',
    hostIP: '172.18.0.3',
    qosClass: 'BestEffort',
    conditions: [{ type: 'Ready', status: 'True' }],
    containers: [],
  };

  it('gives each placed replica an address on its node, after the ones taken there', () => {
    const got = runningReplicas(
      pod,
      'Deployment',
      [
        { node: 'worker-1', count: 2, message: null },
        { node: 'worker-2', count: 1, message: null },
        { node: null, count: 1, message: null },
      ],
      first,
      defaultCluster(),
    );
    assert.deepEqual(
      got.map((p) => [p.spec?.nodeName, p.status?.podIP, p.status?.phase]),
      [
        ['worker-1', '10.244.1.3', 'Running'],
        ['worker-2', '10.244.2.2', 'Running'],
      ],
    );
    assert.notEqual(got[0]?.metadata?.uid, 'u-1');
    assert.deepEqual(got[0]?.status?.conditions, [{ type: 'Ready', status: 'True' }]);
  });

  it('has nothing to add for a single pod', () =>
    assert.deepEqual(runningReplicas(pod, 'Pod', null, first, defaultCluster()), []));
});
