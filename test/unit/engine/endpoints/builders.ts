// Small builders for the endpoints tests: the pods, Services, kubelet outputs and clusters each case needs.
import { type Cluster, emptyObjects } from '../../../../src/engine/cluster/cluster';
import type { Container, KubeObject, Node, Pod, Service } from '../../../../src/engine/k8s/objects';
import type { KubeletOutput } from '../../../../src/engine/stages';
import type { IServicePort } from 'kubernetes-models/v1/ServicePort';
import type { IServiceSpec } from 'kubernetes-models/v1/ServiceSpec';
import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';

export function container(name: string, ports: IContainerPort[] = []): Container {
  return { name, image: 'nginx:1.27', ...(ports.length > 0 ? { ports } : {}) };
}

export interface PodOptions {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  containers?: Container[];
  initContainers?: Container[];
  hostname?: string;
  subdomain?: string;
  readinessGates?: string[];
  nodeName?: string;
}

export function pod(o: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name ?? 'web-0', namespace: o.namespace ?? 'default', labels: o.labels ?? { app: 'web' } },
    spec: {
      containers: o.containers ?? [container('web', [{ name: 'http', containerPort: 8080 }])],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      ...(o.readinessGates ? { readinessGates: o.readinessGates.map((conditionType) => ({ conditionType })) } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    },
  };
}

export interface StatusOptions {
  ip?: string | null;
  ready?: boolean;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  terminating?: boolean;
  nodeName?: string;
}

/** A pod already in the snapshot, with the status the kubelet reported. */
export function snapshotPod(o: PodOptions & StatusOptions): Pod {
  const p = pod({ ...o, nodeName: o.nodeName ?? 'worker-2' });
  const ip = o.ip === undefined ? '10.244.2.7' : o.ip;
  return {
    ...p,
    metadata: { ...p.metadata, ...(o.terminating ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
}

export function service(o: {
  name?: string;
  namespace?: string;
  selector?: Record<string, string> | null;
  ports?: IServicePort[];
  spec?: Partial<IServiceSpec>;
}): Service {
  const selector = o.selector === undefined ? { app: 'web' } : o.selector;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: o.name ?? 'web', namespace: o.namespace ?? 'default' },
    spec: {
      clusterIP: '10.96.12.34',
      ...(selector ? { selector } : {}),
      ports: o.ports ?? [{ name: 'http', port: 80, targetPort: 'http' }],
      ...o.spec,
    },
  };
}

export function node(name: string, ip: string, zone: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
    status: { addresses: [{ type: 'InternalIP', address: ip }] },
  };
}

export function kubelet(o: {
  ip?: string | null;
  readyAt: number | null;
  phase?: string;
  ipAt?: number;
}): KubeletOutput {
  const ip = o.ip === undefined ? '10.244.1.5' : o.ip;
  return {
    report: { name: 'kubelet', status: 'ok', steps: [] },
    findings: [],
    events: [],
    end: o.readyAt ?? 10,
    readyAt: o.readyAt,
    finalState: {
      phase: o.phase ?? 'Running',
      podIP: ip,
      hostIP: '172.18.0.3',
      qosClass: 'BestEffort',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', at: o.ipAt ?? 2 },
        { type: 'Ready', status: o.readyAt === null ? 'False' : 'True' },
      ],
      containers: [],
    },
  };
}

export function cluster(
  o: { services?: Service[]; pods?: Pod[]; nodes?: Node[]; workspace?: Service[] } = {},
): Cluster {
  const objects = emptyObjects();
  objects.Service = [...(o.services ?? []), ...(o.workspace ?? [])];
  objects.Pod = o.pods ?? [];
  objects.Node = o.nodes ?? [node('worker-1', '172.18.0.3', 'zone-a'), node('worker-2', '172.18.0.4', 'zone-b')];
  return {
    source: 'test',
    kubernetesVersion: { minor: 34, source: 'requested', reason: 'the tests below expect 1.34' },
    objects,
    listedKinds: ['Node', 'Pod', 'Service', 'ConfigMap'],
    workspace: (o.workspace ?? []) as KubeObject[],
    notes: [],
  };
}
