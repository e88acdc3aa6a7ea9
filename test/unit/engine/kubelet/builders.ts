// Small objects for kubelet tests: a worker node with a /24 podCIDR and a cached nginx, a pod with one container,
// and a cluster that lists every kind (so an object it lacks is missing, not assumed).
import { CLUSTER_KINDS, emptyObjects, type Cluster } from '../../../../src/engine/cluster/cluster';
import type { Container, KubeObject, Node, Pod } from '../../../../src/engine/k8s/objects';
import { addImageFacts, emptyCatalog } from '../../../../src/engine/cluster/image-catalog';

export const UID = '0f6c2a5e-1b7d-4c1e-9a53-6d1e0c1f2a3b';
export const POD_REF = `web_default(${UID})`;

export function node(
  over: {
    name?: string;
    images?: string[];
    cpu?: string;
    pods?: string;
    labels?: Record<string, string>;
    taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
    podCIDR?: string;
  } = {},
): Node {
  const name = over.name ?? 'worker-1';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/hostname': name, ...over.labels } },
    spec: {
      podCIDR: over.podCIDR ?? '10.244.1.0/24',
      podCIDRs: [over.podCIDR ?? '10.244.1.0/24'],
      ...(over.taints ? { taints: over.taints } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      allocatable: {
        cpu: over.cpu ?? '4',
        memory: '16216108Ki',
        pods: over.pods ?? '110',
        'ephemeral-storage': '93270003262',
      },
      images: [
        { names: ['registry.k8s.io/pause:3.10.1'], sizeBytes: 320368 },
        ...(over.images ?? ['docker.io/library/nginx:1.27']).map((n) => ({ names: [n], sizeBytes: 72195292 })),
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.1.0-40-cloud-amd64',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.34.1',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}

export function container(over: Partial<Container> = {}): Container {
  return { name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', ...over };
}

export function pod(
  spec: Partial<NonNullable<Pod['spec']>> = {},
  meta: Partial<NonNullable<Pod['metadata']>> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: UID, ...meta },
    spec: {
      containers: [container()],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      ...spec,
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

export function cluster(objects: readonly object[] = [], nodes: Node[] = [node()]): Cluster {
  const c: Cluster = {
    source: 'test',
    kubernetesVersion: { minor: 34, source: 'requested', reason: 'the tests below expect 1.34' },
    objects: emptyObjects(),
    listedKinds: [...CLUSTER_KINDS],
    workspace: [],
    notes: [],
  };
  c.objects.Node.push(...nodes);
  const images = emptyCatalog();
  for (const o of objects as KubeObject[]) {
    // Image facts (an Image document, image inspect or list-tags output) go to the catalog, as a snapshot's do.
    if (addImageFacts(images, o, 'test')) {
      c.images = images;
      continue;
    }
    const kind = o.kind as keyof Cluster['objects'];
    (c.objects[kind] as KubeObject[]).push(o);
  }
  return c;
}

export const configMap = (name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

export const secret = (name: string, keys: string[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'default' },
  data: Object.fromEntries(keys.map((k) => [k, 'eA=='])),
});
