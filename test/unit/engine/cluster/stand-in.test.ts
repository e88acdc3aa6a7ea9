import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/engine/analyze';
import { defaultCluster, defaultClusterText, loadSnapshot } from '../../../../src/engine/cluster/load';

// The embedded cluster stands in for the user's: their own namespace, ConfigMaps, Secrets and claims are very likely
// there, so what the stand-in lacks is assumed (said once, with what happens if it is not there). A user's snapshot
// is their cluster: what it lacks is missing, and the API server answers `namespaces "prod" not found`
// (NamespaceLifecycle, k8s.io/apiserver plugin/namespace/lifecycle admission.go) or the kubelet
// `configmap "web-config" not found` (pkg/volume/configmap configmap.go SetUpAt).

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - {name: cfg, mountPath: /etc/cfg}
  volumes:
    - name: cfg
      configMap:
        name: web-config
`;

const snapshot = loadSnapshot(defaultClusterText(), 'cluster.yaml', { complete: true }).cluster;

const cases = [
  {
    name: 'on the embedded cluster, the namespace and the ConfigMap are assumptions, not problems',
    cluster: defaultCluster(),
    want: {
      accepted: true,
      outcome: 'assumed',
      problems: [] as string[],
      assumptions: ['NamespaceLifecycle metadata.namespace', 'FailedMount spec.volumes[0].configMap.name'],
    },
  },
  {
    name: "with the user's snapshot, the missing namespace is the API server's NotFound",
    cluster: snapshot,
    want: {
      accepted: false,
      outcome: 'rejected',
      problems: ['NamespaceLifecycle metadata.namespace'],
      assumptions: [] as string[],
    },
  },
];

describe('the embedded cluster as a stand-in', () => {
  for (const c of cases)
    it(c.name, () => {
      const [r] = analyzeText(POD, 'pod.yaml', c.cluster, { namespace: 'default' }).results;
      assert.ok(r);
      const codes = (assumed: boolean) =>
        r.findings.filter((f) => !!f.assumption === assumed).map((f) => `${f.code} ${f.path}`);
      assert.deepEqual(
        { accepted: r.accepted, outcome: r.verdict.outcome, problems: codes(false), assumptions: codes(true) },
        c.want,
      );
    });

  it('kubectl apply prints only the error for a missing namespace, not what each admission plugin did', () => {
    const a = analyzeText(POD, 'pod.yaml', snapshot, { namespace: 'default' });
    assert.equal(
      a.documents[0]?.kubectl?.text,
      'Error from server (NotFound): error when creating "pod.yaml": namespaces "prod" not found',
    );
  });
});
