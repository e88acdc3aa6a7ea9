import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { analyzeText } from '../../../src/engine/analyze';
import { defaultCluster } from '../../../src/engine/cluster/load';
import type { FileAnalysis } from '../../../src/engine/analyze';
import { schemaValue } from './schema-arbitrary';

// Whatever the user types, the engine answers: it never throws, and every finding it places is inside the text.
// These properties drive it with arbitrary text, arbitrary YAML, and a valid pod with arbitrary values put where
// its fields are.

const cluster = defaultCluster();
const analyze = (text: string): FileAnalysis => analyzeText(text, 'prop.yaml', cluster, { namespace: 'default' });

function assertPlaced(text: string, analysis: FileAnalysis): void {
  const lines = text.split('\n').length;
  const all = [...analysis.findings, ...analysis.results.flatMap((r) => r.findings)];
  for (const f of all) {
    if (f.line === undefined) continue;
    assert.ok(f.line >= 1 && f.line <= lines + 1, `line ${f.line} of ${lines}: ${f.message}`);
    assert.ok((f.column ?? 1) >= 1, `column ${f.column}: ${f.message}`);
  }
}

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, name: 'http' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
        readinessProbe: { httpGet: { path: '/', port: 'http' } },
        env: [{ name: 'MODE', value: 'prod' }],
      },
    ],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
};

/** Paths into POD where an arbitrary value is put (its parent objects stay). */
const PLACES: (string | number)[][] = [
  ['apiVersion'],
  ['kind'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'labels'],
  ['spec'],
  ['spec', 'containers'],
  ['spec', 'containers', 0],
  ['spec', 'containers', 0, 'name'],
  ['spec', 'containers', 0, 'image'],
  ['spec', 'containers', 0, 'ports'],
  ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
  ['spec', 'containers', 0, 'resources'],
  ['spec', 'containers', 0, 'resources', 'requests', 'cpu'],
  ['spec', 'containers', 0, 'readinessProbe'],
  ['spec', 'containers', 0, 'readinessProbe', 'httpGet', 'port'],
  ['spec', 'containers', 0, 'env'],
  ['spec', 'containers', 0, 'env', 0, 'valueFrom'],
  ['spec', 'nodeSelector'],
  ['spec', 'tolerations', 0],
  ['spec', 'affinity'],
  ['spec', 'volumes'],
  ['spec', 'initContainers'],
  ['spec', 'securityContext'],
  ['spec', 'restartPolicy'],
];

function withValue(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(POD) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
}

describe('properties: the engine answers any input', () => {
  it('arbitrary text never throws, and its findings are inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertPlaced(text, analyze(text))),
      { numRuns: 300 },
    );
  });

  it('arbitrary YAML documents never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.map((d) => stringify(d)).join('---\n');
        assertPlaced(text, analyze(text));
      }),
      { numRuns: 200 },
    );
  });

  it('a pod with any value at any of its fields never throws, and an accepted pod has no API server error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.jsonValue({ maxDepth: 3 }), (path, v) => {
        const text = stringify(withValue(path, v));
        const analysis = analyze(text);
        assertPlaced(text, analysis);
        for (const r of analysis.results) {
          const apiErrors = r.findings.filter((f) => f.stage === 'apiserver' && f.severity === 'error');
          assert.equal(r.accepted, apiErrors.length === 0, JSON.stringify(apiErrors.map((f) => f.message)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a Deployment, StatefulSet, DaemonSet, Job or CronJob with any value in its pod template never throws', () => {
    const KINDS: [string, string][] = [
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'StatefulSet'],
      ['apps/v1', 'DaemonSet'],
      ['batch/v1', 'Job'],
      ['batch/v1', 'CronJob'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...PLACES.filter((p) => p[0] === 'spec' && p.length > 1)),
        fc.jsonValue({ maxDepth: 3 }),
        fc.option(fc.jsonValue({ maxDepth: 2 })),
        ([apiVersion, kind], path, v, replicas) => {
          const pod = withValue(path, v) as { metadata: object; spec: object };
          const template = { metadata: { labels: { app: 'web' } }, spec: pod.spec };
          const podSpec = {
            selector: { matchLabels: { app: 'web' } },
            template,
            ...(replicas !== null ? { replicas } : {}),
            ...(kind === 'StatefulSet'
              ? {
                  serviceName: 'web',
                  volumeClaimTemplates: [
                    {
                      metadata: { name: 'data' },
                      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
                    },
                  ],
                }
              : {}),
          };
          const spec =
            kind === 'CronJob'
              ? { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } }
              : kind === 'Job'
                ? { template }
                : podSpec;
          const text = stringify({ apiVersion, kind, metadata: { name: 'web' }, spec });
          assertPlaced(text, analyze(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a pod with schema-shaped values in any part of its spec or container never throws', () => {
    const SPEC_FIELDS: [string, string][] = [
      ['affinity', 'core.v1.Affinity'],
      ['tolerations', '[]core.v1.Toleration'],
      ['topologySpreadConstraints', '[]core.v1.TopologySpreadConstraint'],
      ['volumes', '[]core.v1.Volume'],
      ['securityContext', 'core.v1.PodSecurityContext'],
      ['initContainers', '[]core.v1.Container'],
      ['dnsConfig', 'core.v1.PodDNSConfig'],
      ['hostAliases', '[]core.v1.HostAlias'],
      ['readinessGates', '[]core.v1.PodReadinessGate'],
      ['overhead', '{}quantity'],
      ['resources', 'core.v1.ResourceRequirements'],
    ];
    const CONTAINER_FIELDS: [string, string][] = [
      ['ports', '[]core.v1.ContainerPort'],
      ['env', '[]core.v1.EnvVar'],
      ['envFrom', '[]core.v1.EnvFromSource'],
      ['resources', 'core.v1.ResourceRequirements'],
      ['livenessProbe', 'core.v1.Probe'],
      ['readinessProbe', 'core.v1.Probe'],
      ['startupProbe', 'core.v1.Probe'],
      ['securityContext', 'core.v1.SecurityContext'],
      ['volumeMounts', '[]core.v1.VolumeMount'],
      ['lifecycle', 'core.v1.Lifecycle'],
      ['command', '[]string'],
    ];
    const specPart = fc
      .constantFrom(...SPEC_FIELDS)
      .chain(([field, type]) => schemaValue(type, 4).map((v) => ['spec', field, v] as const));
    const containerPart = fc
      .constantFrom(...CONTAINER_FIELDS)
      .chain(([field, type]) => schemaValue(type, 4).map((v) => ['container', field, v] as const));
    fc.assert(
      fc.property(fc.array(fc.oneof(specPart, containerPart), { minLength: 1, maxLength: 3 }), (parts) => {
        const pod = structuredClone(POD) as {
          spec: Record<string, unknown> & { containers: Record<string, unknown>[] };
        };
        for (const [where, field, v] of parts) {
          if (where === 'spec') pod.spec[field] = v;
          else (pod.spec.containers[0] as Record<string, unknown>)[field] = v;
        }
        const text = stringify(pod);
        assertPlaced(text, analyze(text));
      }),
      { numRuns: 400 },
    );
  });

  it('the same text gives the same result (no clock, no randomness)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.jsonValue({ maxDepth: 2 }), (path, v) => {
        const text = stringify(withValue(path, v));
        assert.deepEqual(analyze(text), analyze(text));
      }),
      { numRuns: 50 },
    );
  });
});
