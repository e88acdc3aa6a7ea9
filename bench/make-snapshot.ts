// Writes a cluster snapshot of any size in the shape `kubectl get nodes,pods,namespaces,services -A -o yaml` (or
// `-o json`) prints: a List of nodes in three zones and pods spread over them, each with the fields a real cluster
// reports (owner references, the service-account token volume, default tolerations, status conditions).
//   tsx bench/make-snapshot.ts <nodes> <pods> <yaml|json> <file>
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ZONES = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
const APPS = 200;
const CREATED = '2026-11-01T09:00:00Z';

function uid(kind: number, i: number): string {
  return `3b0c2d1e-${String(kind).padStart(4, '0')}-4000-8000-${String(i).padStart(12, '0')}`;
}

function nodeName(i: number): string {
  return `node-${String(i).padStart(5, '0')}`;
}

function node(i: number): Json {
  const zone = ZONES[i % ZONES.length] as string;
  const capacity = { cpu: '8', 'ephemeral-storage': '101430960Ki', memory: '32853148Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: CREATED,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': nodeName(i),
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'e2-standard-8',
        'topology.kubernetes.io/region': 'europe-west1',
        'topology.kubernetes.io/zone': zone,
      },
      name: nodeName(i),
      resourceVersion: String(100000 + i),
      uid: uid(1, i),
    },
    spec: {
      podCIDR: `10.${64 + Math.floor(i / 256)}.${i % 256}.0/24`,
      providerID: `gce://bench/${zone}/${nodeName(i)}`,
    },
    status: {
      addresses: [
        { address: `10.132.${Math.floor(i / 256)}.${i % 256}`, type: 'InternalIP' },
        { address: nodeName(i), type: 'Hostname' },
      ],
      allocatable: { cpu: '7910m', 'ephemeral-storage': '47093746742', memory: '29658012Ki', pods: '110' },
      capacity,
      conditions: [
        ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
        ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
        ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
        ['Ready', 'True', 'KubeletReady'],
      ].map(([type, status, reason]) => ({
        lastHeartbeatTime: CREATED,
        lastTransitionTime: CREATED,
        message: `kubelet reports ${reason}`,
        reason: reason as string,
        status: status as string,
        type: type as string,
      })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [
        {
          names: ['registry.k8s.io/kube-proxy@sha256:' + 'a'.repeat(64), 'registry.k8s.io/kube-proxy:v1.34.1'],
          sizeBytes: 30_000_000,
        },
        {
          names: [
            `registry.example.com/app-${i % APPS}@sha256:` + 'b'.repeat(64),
            `registry.example.com/app-${i % APPS}:1.0.0`,
          ],
          sizeBytes: 120_000_000,
        },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.6.97+',
        kubeProxyVersion: 'v1.34.1',
        kubeletVersion: 'v1.34.1',
        operatingSystem: 'linux',
        osImage: 'Container-Optimized OS from Google',
      },
    },
  };
}

function pod(i: number, nodes: number): Json {
  const app = `app-${i % APPS}`;
  const name = `${app}-7d4b9c8f6d-${i.toString(36).padStart(5, '0')}`;
  const n = i % nodes;
  const ip = `10.${64 + Math.floor(n / 256)}.${n % 256}.${2 + (Math.floor(i / nodes) % 250)}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: CREATED,
      generateName: `${app}-7d4b9c8f6d-`,
      labels: { app, 'pod-template-hash': '7d4b9c8f6d' },
      name,
      namespace: `team-${i % 20}`,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'ReplicaSet',
          name: `${app}-7d4b9c8f6d`,
          uid: uid(2, i % APPS),
        },
      ],
      resourceVersion: String(200000 + i),
      uid: uid(3, i),
    },
    spec: {
      containers: [
        {
          env: [
            { name: 'PORT', value: '8080' },
            { name: 'LOG_LEVEL', value: 'info' },
          ],
          image: `registry.example.com/${app}:1.0.0`,
          imagePullPolicy: 'IfNotPresent',
          name: 'app',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          resources: { limits: { memory: '256Mi' }, requests: { cpu: '50m', memory: '128Mi' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access', readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: nodeName(n),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              {
                downwardAPI: {
                  items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
        (type) => ({
          lastProbeTime: null,
          lastTransitionTime: CREATED,
          status: 'True',
          type,
        }),
      ),
      containerStatuses: [
        {
          containerID: `containerd://${(i * 7919).toString(16).padStart(64, '0')}`,
          image: `registry.example.com/${app}:1.0.0`,
          imageID: `registry.example.com/${app}@sha256:${'b'.repeat(64)}`,
          lastState: {},
          name: 'app',
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: CREATED } },
        },
      ],
      hostIP: `10.132.${Math.floor(n / 256)}.${n % 256}`,
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: 'Burstable',
      startTime: CREATED,
    },
  };
}

function namespaces(): Json[] {
  return ['default', 'kube-system', ...Array.from({ length: 20 }, (_, i) => `team-${i}`)].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: CREATED, labels: { 'kubernetes.io/metadata.name': name }, name },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

function services(): Json[] {
  return Array.from({ length: APPS }, (_, a) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: CREATED, name: `app-${a}`, namespace: `team-${a % 20}` },
    spec: {
      clusterIP: `10.96.${Math.floor(a / 256)}.${a % 256}`,
      clusterIPs: [`10.96.${Math.floor(a / 256)}.${a % 256}`],
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: `app-${a}` },
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  }));
}

// go-yaml (what kubectl prints YAML with): block style, sequences not indented under their key, strings quoted only
// when their plain form would read as another type.
const plainCache = new Map<string, boolean>();
function plainIsString(s: string): boolean {
  let ok = plainCache.get(s);
  if (ok === undefined) {
    ok = s !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(s) && parse(s, { version: '1.1' }) === s;
    plainCache.set(s, ok);
  }
  return ok;
}

function scalar(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return plainIsString(v) ? v : JSON.stringify(v);
  return String(v);
}

function emit(v: Json, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
        const inner: string[] = [];
        emit(item, indent + '  ', inner);
        out.push(indent + '- ' + (inner[0] as string).slice(indent.length + 2), ...inner.slice(1));
      } else out.push(`${indent}- ${inline(item)}`);
    }
    return;
  }
  for (const [k, x] of Object.entries(v as Record<string, Json>)) {
    if (x !== null && typeof x === 'object' && (Array.isArray(x) ? x.length > 0 : Object.keys(x).length > 0)) {
      out.push(`${indent}${k}:`);
      emit(x, Array.isArray(x) ? indent : indent + '  ', out);
    } else out.push(`${indent}${k}: ${inline(x)}`);
  }
}

function inline(v: Json): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  return scalar(v);
}

const [nodesArg, podsArg, format, file] = process.argv.slice(2);
const nodes = Number(nodesArg);
const pods = Number(podsArg);
if (!file || !(format === 'yaml' || format === 'json') || !(nodes > 0) || !(pods >= 0)) {
  console.error('usage: tsx bench/make-snapshot.ts <nodes> <pods> <yaml|json> <file>');
  process.exit(2);
}
const items: Json[] = [
  ...namespaces(),
  ...Array.from({ length: nodes }, (_, i) => node(i)),
  ...Array.from({ length: pods }, (_, i) => pod(i, nodes)),
  ...services(),
];
const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
if (format === 'json') writeFileSync(file, JSON.stringify(list, null, 4) + '\n');
else {
  const out: string[] = [];
  emit(list, '', out);
  writeFileSync(file, out.join('\n') + '\n');
}
