import assert from 'node:assert/strict';
import {
  defaultCluster,
  defaultClusterText,
  loadDefaultCluster,
  loadSnapshot,
} from '../../../../src/engine/cluster/load';
import { lookup } from '../../../../src/engine/cluster/lookup';
import { gateEnabled } from '../../../../src/engine/version/feature-gates';
import { kubeletVersionOf } from '../../../../src/engine/version/node-version';
import { withWorkspace } from '../../../../src/engine/cluster/workspace';

describe('cluster snapshots', () => {
  it('embeds a 4-node cluster: a tainted control plane and three workers in three zones (DESIGN.md §6)', () => {
    const c = defaultCluster();
    assert.equal(c.source, 'embedded');
    assert.equal(c.kubernetesVersion.minor, 36);
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

  it('embeds, read at build time, the same objects its text holds, for every release', () => {
    for (const v of ['1.33', '1.36'] as const) {
      const embedded = loadDefaultCluster(v);
      const fromText = loadSnapshot(defaultClusterText(embedded.cluster.kubernetesVersion), 'embedded', {
        complete: true,
        kubernetesVersion: v,
      });
      assert.deepEqual(fromText.errors, []);
      assert.deepStrictEqual(embedded.cluster.objects, fromText.cluster.objects);
    }
  });

  it('reads the same snapshot from kubectl get -o json as from -o yaml, and locates an error in either', () => {
    const yaml =
      'apiVersion: v1\nkind: List\nitems:\n- kind: Node\n  metadata:\n    name: n1\n  status:\n    allocatable:\n      cpu: "2"\n';
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [{ kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '2' } } }],
      },
      null,
      4,
    );
    assert.deepStrictEqual(loadSnapshot(json, 's.json').cluster.objects, loadSnapshot(yaml, 's.yaml').cluster.objects);
    const bad = loadSnapshot(json.replace('"2"', '"two"'), 's.json').errors;
    assert.equal(bad.length, 1);
    assert.equal(bad[0]?.line, 12);
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

  it('refuses a snapshot whose nodes run a release it cannot simulate, naming the supported ones', () => {
    const node = 'kind: Node\nmetadata: {name: old}\nstatus: {nodeInfo: {kubeletVersion: v1.31.4}}\n';
    const { errors } = loadSnapshot(node, 's.yaml');
    assert.deepEqual(
      errors.map((e) => e.message),
      [
        "Kubernetes 1.31 (the newest kubelet among the snapshot's nodes: old runs v1.31.4) cannot be simulated: the supported releases are 1.33 to 1.36",
      ],
    );
  });

  it('reads the release from a kubectl version document beside the objects, JSON or YAML', () => {
    // The shape `kubectl version -o yaml` prints (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go).
    const yaml =
      'clientVersion:\n  gitVersion: v1.36.1\n  major: "1"\n  minor: "36"\nkustomizeVersion: v5.7.1\nserverVersion:\n  gitVersion: v1.35.3\n  major: "1"\n  minor: "35"\n---\nkind: Node\nmetadata: {name: cp, labels: {node-role.kubernetes.io/control-plane: ""}}\nstatus: {nodeInfo: {kubeletVersion: v1.34.2}}\n';
    const json = '{"serverVersion": {"gitVersion": "v1.33.5-eks-3025e55", "major": "1", "minor": "33+"}}\n';
    const cases = [
      { text: yaml, want: { minor: 35, source: 'kubectl-version', notes: [] as string[] } },
      { text: json, want: { minor: 33, source: 'kubectl-version', notes: [] as string[] } },
    ];
    for (const c of cases) {
      const { cluster, errors } = loadSnapshot(c.text, 's.yaml');
      assert.deepEqual(errors, []);
      const { minor, source } = cluster.kubernetesVersion;
      assert.deepEqual({ minor, source, notes: cluster.notes.filter((n) => n.startsWith('ignored')) }, c.want);
    }
  });

  it("takes feature gates from a podpreview/v1 Cluster document, as the cluster's --feature-gates set them", () => {
    const text =
      'apiVersion: podpreview/v1\nkind: Cluster\nfeatureGates: {ImageVolume: false, NoSuchGate: true}\n---\nkind: Node\nmetadata: {name: cp, labels: {node-role.kubernetes.io/control-plane: ""}}\nstatus: {nodeInfo: {kubeletVersion: v1.35.1}}\n';
    const { cluster, errors } = loadSnapshot(text, 's.yaml');
    assert.deepEqual(errors, []);
    const node = cluster.objects.Node[0];
    assert.ok(node);
    assert.deepEqual(
      {
        // ImageVolume is on by default from 1.35 (feature-gates.ts); the snapshot turns it off everywhere.
        apiServer: gateEnabled('ImageVolume', cluster.kubernetesVersion),
        kubelet: gateEnabled('ImageVolume', kubeletVersionOf(node, cluster.kubernetesVersion)),
        defaultAt35: gateEnabled('ImageVolume', { minor: 35 }),
        notes: cluster.notes.filter((n) => n.startsWith('feature gates')),
      },
      {
        apiServer: false,
        kubelet: false,
        defaultAt35: true,
        notes: [
          'feature gates set by the snapshot: ImageVolume=false',
          'feature gates the simulation does not read, so they change nothing here: NoSuchGate',
        ],
      },
    );
  });

  it('refuses a Cluster document whose gate is not true or false', () => {
    const { errors } = loadSnapshot(
      'apiVersion: podpreview/v1\nkind: Cluster\nfeatureGates: {ImageVolume: "no"}\n',
      's.yaml',
    );
    assert.deepEqual(
      errors.map((e) => e.message),
      ['Cluster document: featureGates.ImageVolume must be true or false'],
    );
  });

  it('moves the embedded cluster to the release asked for', () => {
    const { cluster } = loadDefaultCluster('1.33');
    assert.deepEqual(
      [cluster.kubernetesVersion.minor, ...cluster.objects.Node.map((n) => n.status?.nodeInfo?.kubeletVersion)],
      [33, 'v1.33.13', 'v1.33.13', 'v1.33.13', 'v1.33.13'],
    );
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

  // What kubectl's decoder says of a value its Go struct cannot hold (encoding/json decode.go UnmarshalTypeError,
  // k8s.io/apimachinery resource.ParseQuantity): the snapshot is refused on load, at that field.
  const malformed: { name: string; text: string; path: string; line: number; message: string }[] = [
    {
      name: 'a list where a quantity belongs',
      text: 'kind: List\nitems:\n- kind: Node\n  metadata: {name: w1}\n  status:\n    capacity: {cpu: [4]}\n',
      path: 'items[0].status.capacity[cpu]',
      line: 6,
      message:
        "node/w1 items[0].status.capacity[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
    {
      name: 'a string where an integer belongs',
      text: 'kind: Pod\nmetadata: {name: p, namespace: default}\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: "80"}]\n',
      path: 'spec.containers[0].ports[0].containerPort',
      line: 6,
      message:
        'pod/p spec.containers[0].ports[0].containerPort: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    },
    {
      name: 'a mapping where a list belongs',
      text: 'kind: Node\nmetadata: {name: w1}\nspec: {taints: {key: a}}\n',
      path: 'spec.taints',
      line: 3,
      message:
        'node/w1 spec.taints: json: cannot unmarshal object into Go struct field NodeSpec.spec.taints of type []v1.Taint',
    },
  ];
  for (const c of malformed)
    it(`refuses a snapshot with ${c.name}, naming the field`, () => {
      const { errors } = loadSnapshot(c.text, 'bad.yaml');
      assert.deepEqual(
        errors.map((e) => [e.path, e.line, e.message]),
        [[c.path, c.line, c.message]],
      );
    });

  it('reads a node without status as Go does: every field at its zero value', () => {
    const { cluster, errors } = loadSnapshot('kind: Node\nmetadata: {name: w1}\nstatus: null\n', 's.yaml');
    assert.deepEqual(errors, []);
    assert.deepEqual(cluster.objects.Node[0], { kind: 'Node', metadata: { name: 'w1' } });
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
    const snapshot = loadSnapshot(defaultClusterText(), 'cluster.yaml', { complete: true }).cluster;
    assert.equal(lookup(snapshot, 'ConfigMap', 'app-config', 'default').status, 'missing');
  });
});
