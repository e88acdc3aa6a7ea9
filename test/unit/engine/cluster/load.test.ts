import assert from 'node:assert/strict';
import { defaultCluster, defaultClusterText, loadSnapshot } from '../../../../src/engine/cluster/load';
import { lookup } from '../../../../src/engine/cluster/lookup';
import { withWorkspace } from '../../../../src/engine/cluster/workspace';

describe('cluster snapshots', () => {
  it('embeds a 4-node cluster: a tainted control plane and three workers in three zones (DESIGN.md §6)', () => {
    const c = defaultCluster();
    assert.equal(c.source, 'embedded');
    assert.equal(c.kubernetesVersion, '1.34');
    assert.deepEqual(
      c.objects.Node.map((n) => [
        n.metadata?.name,
        n.metadata?.labels?.['topology.kubernetes.io/zone'],
        n.spec?.podCIDR,
      ]),
      [
        ['control-plane', 'zone-a', '10.244.0.0/24'],
        ['worker-1', 'zone-a', '10.244.1.0/24'],
        ['worker-2', 'zone-b', '10.244.2.0/24'],
        ['worker-3', 'zone-c', '10.244.3.0/24'],
      ],
    );
    assert.deepEqual(c.objects.Node[0]?.spec?.taints, [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    assert.equal(c.objects.StorageClass[0]?.volumeBindingMode, 'WaitForFirstConsumer');
    assert.equal(c.listedKinds.length, 15);
    assert.deepEqual([c.objects.PodDisruptionBudget, c.objects.CSINode], [[], []]);
  });

  it('reads a kubectl List and a YAML stream, ignoring kinds it does not use', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n- kind: Node\n  metadata: {name: n1}\n- kind: Deployment\n  metadata: {name: d}\n';
    const { cluster, errors } = loadSnapshot(list, 'snap.yaml');
    assert.equal(errors.length, 0);
    assert.equal(cluster.objects.Node.length, 1);
    assert.deepEqual(cluster.listedKinds, ['Node']);
    assert.match(cluster.notes[0] ?? '', /ignored 1 object of kind Deployment/);
    const stream = loadSnapshot('kind: Node\nmetadata: {name: a}\n---\nkind: Node\nmetadata: {name: b}\n', 's.yaml');
    assert.equal(stream.cluster.objects.Node.length, 2);
  });

  it('simulates Kubernetes 1.34 whatever the snapshot runs, and says so', () => {
    const node = 'kind: Node\nmetadata: {name: n}\nstatus: {nodeInfo: {kubeletVersion: v1.31.4}}\n';
    const { cluster } = loadSnapshot(node, 's.yaml');
    assert.equal(cluster.kubernetesVersion, '1.34');
    assert.ok(cluster.notes.some((n) => n.includes('run Kubernetes 1.31')));
  });

  it('never keeps Secret values', () => {
    const { cluster } = loadSnapshot(
      'kind: Secret\nmetadata: {name: s, namespace: default}\ndata: {password: c2VjcmV0}\n',
      's.yaml',
    );
    assert.deepEqual(cluster.objects.Secret[0]?.data, { password: '' });
  });

  it('reports a broken snapshot at its line', () => {
    const { errors } = loadSnapshot('kind: List\nitems:\n- kind: Node\n  metadata: {name: [}\n', 'bad.yaml');
    assert.equal(errors[0]?.line, 4);
  });

  // DESIGN.md §5: a kind the snapshot lists is authoritative; a kind it does not list is assumed.
  it('tells missing from assumed', () => {
    const { cluster } = loadSnapshot('kind: ConfigMap\nmetadata: {name: a, namespace: default}\n', 's.yaml');
    assert.equal(lookup(cluster, 'ConfigMap', 'a', 'default').status, 'found');
    assert.equal(lookup(cluster, 'ConfigMap', 'b', 'default').status, 'missing');
    assert.equal(lookup(cluster, 'ConfigMap', 'kube-root-ca.crt', 'default').status, 'assumed');
    assert.equal(lookup(cluster, 'Secret', 'any', 'default').status, 'assumed');
    assert.equal(lookup(cluster, 'ServiceAccount', 'default', 'x').status, 'assumed');
  });

  // A snapshot without budgets or CSINodes behaves as one that lists none: no budget is violated, no volume limit
  // applies, so these kinds are left out of the "assumed to exist" note.
  it('reads PodDisruptionBudgets and CSINodes, and does not announce them as assumed when absent', () => {
    const text =
      'kind: PodDisruptionBudget\napiVersion: policy/v1\nmetadata: {name: b, namespace: default}\n' +
      'spec: {selector: {matchLabels: {app: a}}}\nstatus: {disruptionsAllowed: 0}\n---\n' +
      'kind: CSINode\napiVersion: storage.k8s.io/v1\nmetadata: {name: n1}\n' +
      'spec: {drivers: [{name: d, nodeID: n1, allocatable: {count: 2}}]}\n';
    const { cluster } = loadSnapshot(text, 's.yaml');
    assert.equal(cluster.objects.PodDisruptionBudget.length, 1);
    assert.equal(cluster.objects.CSINode[0]?.spec.drivers[0]?.allocatable?.count, 2);
    const bare = loadSnapshot('kind: Node\nmetadata: {name: n}\n', 's.yaml').cluster;
    const note = bare.notes.find((n) => n.startsWith('the snapshot lists no ')) ?? '';
    assert.match(note, /ServiceAccount:/);
    assert.doesNotMatch(note, /PodDisruptionBudget|CSINode/);
  });

  it('adds workspace objects, which take the default namespace', () => {
    const c = withWorkspace(defaultCluster(), [{ kind: 'ConfigMap', metadata: { name: 'app-config' } }], 'default');
    const got = lookup(c, 'ConfigMap', 'app-config', 'default');
    assert.equal(got.status, 'found');
    assert.equal(got.status === 'found' && got.fromWorkspace, true);
    // The embedded cluster stands in for the user's, which likely holds it; a user's snapshot is the cluster itself.
    assert.equal(lookup(defaultCluster(), 'ConfigMap', 'app-config', 'default').status, 'assumed');
    const snapshot = loadSnapshot(defaultClusterText(), 'cluster.yaml', true).cluster;
    assert.equal(lookup(snapshot, 'ConfigMap', 'app-config', 'default').status, 'missing');
  });
});
