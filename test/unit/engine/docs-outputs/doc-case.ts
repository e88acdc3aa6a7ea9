import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../../src/engine/analyze';
import type { Cluster } from '../../../../src/engine/cluster/cluster';
import { loadDefaultCluster, loadSnapshot } from '../../../../src/engine/cluster/load';
import { workspaceObjects } from '../../../../src/engine/manifest/workspace-objects';
import type { Condition, ContainerState, SimulationResult } from '../../../../src/engine/types';

// A documented case: a manifest from the Kubernetes documentation (kubernetes/website), run through the full flow,
// and what the page's real `kubectl describe` / `kubectl get` output shows that the result can express. Values that
// are run-specific on the page (ages, IPs, pod-name suffixes, pull durations, image sizes) are compared by shape.

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'docs');

/** A message compared exactly, or by shape where the page's value is run-specific. */
export type Text = string | RegExp;

export interface DocCase {
  name: string;
  /** The docs page (and section) the expectation is read from. */
  url: string;
  /** `<case>/<file>` under test/fixtures/docs. */
  fixture: string;
  /** `<case>/cluster.yaml` when the page's cluster matters; the embedded cluster otherwise. */
  cluster?: string;
  /** `<case>/<file>`s applied before the fixture (the page's namespace, LimitRange, ...): workspace objects. */
  workspace?: string[];
  namespace?: string;
  phase?: string;
  qosClass?: string;
  podIP?: RegExp;
  /** [type, reason, message] of the pod's events, in order, compared as a subsequence. */
  events?: [string, string, Text][];
  /** Event reasons that must not appear at all. */
  noEvents?: string[];
  containers?: {
    name: string;
    state: string;
    reason: string | null;
    message?: Text;
    ready?: boolean;
    restarted?: boolean;
  }[];
  /** The pod's conditions, all of them and in the order `kubectl describe pod` lists them. */
  conditions?: [string, string, string?, Text?][];
  check?: (r: SimulationResult) => void;
}

/**
 * The pages' outputs were captured on clusters of v1.34 or older (their kubelet events name the container,
 * `Created container: nginx`, which v1.35 stopped doing), so the embedded cluster runs v1.34 here, as the pages'
 * own snapshots (kubeletVersion v1.34.1) do.
 */
const PAGES_RELEASE = '1.34';

function clusterFor(c: DocCase): Cluster {
  if (!c.cluster) return loadDefaultCluster(PAGES_RELEASE).cluster;
  const path = join(FIXTURES, c.cluster);
  const loaded = loadSnapshot(readFileSync(path, 'utf8'), path);
  assert.deepEqual(loaded.errors, [], `snapshot ${c.cluster} does not load`);
  return loaded.cluster;
}

/** The first pod-creating document's result. */
export function simulateDocCase(c: DocCase): SimulationResult {
  const path = join(FIXTURES, c.fixture);
  const workspace = (c.workspace ?? []).flatMap((f) => workspaceObjects(readFileSync(join(FIXTURES, f), 'utf8'), f));
  const analysis = analyzeText(readFileSync(path, 'utf8'), c.fixture, clusterFor(c), {
    namespace: c.namespace ?? 'default',
    workspace,
  });
  const result = analysis.results[0];
  assert.ok(result, `${c.fixture} creates no pod`);
  return result;
}

function matches(got: string | undefined, want: Text | undefined): boolean {
  if (want === undefined) return true;
  if (got === undefined) return false;
  return typeof want === 'string' ? got === want : want.test(got);
}

function assertEventsInOrder(r: SimulationResult, want: [string, string, Text][]): void {
  let i = 0;
  for (const e of r.events) {
    const w = want[i];
    if (w && e.type === w[0] && e.reason === w[1] && matches(e.message, w[2])) i++;
  }
  const got = r.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
  assert.equal(i, want.length, `events\n  ${got.join('\n  ')}\ndo not contain, in order,\n  ${String(want[i])}`);
}

export function assertDocCase(c: DocCase, r: SimulationResult): void {
  assert.equal(r.accepted, true, `rejected: ${r.findings.map((f) => f.message).join('; ')}`);
  const state = r.finalState;
  assert.ok(state, 'no final state');
  if (c.phase !== undefined) assert.equal(state.phase, c.phase);
  if (c.qosClass !== undefined) assert.equal(state.qosClass, c.qosClass);
  if (c.podIP) assert.match(state.podIP ?? '', c.podIP);
  if (c.events) assertEventsInOrder(r, c.events);
  for (const reason of c.noEvents ?? [])
    assert.ok(!r.events.some((e) => e.reason === reason), `unexpected ${reason} event`);
  for (const want of c.containers ?? []) {
    const got: ContainerState | undefined = state.containers.find((k) => k.name === want.name);
    assert.ok(got, `no status for container ${want.name}`);
    assert.equal(got.state, want.state, `${want.name} state`);
    assert.equal(got.reason, want.reason, `${want.name} reason`);
    assert.ok(matches(got.message, want.message), `${want.name} message ${got.message}`);
    if (want.ready !== undefined) assert.equal(got.ready, want.ready, `${want.name} ready`);
    if (want.restarted !== undefined)
      assert.equal((got.restartCount ?? 0) > 0, want.restarted, `${want.name} restarts`);
  }
  if (c.conditions) {
    assert.deepEqual(
      state.conditions.map((k) => [k.type, k.status]),
      c.conditions.map(([type, status]) => [type, status]),
    );
    for (const [i, [, , reason, message]] of c.conditions.entries()) {
      const got: Condition | undefined = state.conditions[i];
      if (reason !== undefined) assert.equal(got?.reason, reason, `${got?.type} reason`);
      assert.ok(matches(got?.message, message), `${got?.type} message ${got?.message}`);
    }
  }
  c.check?.(r);
}

/** `Successfully pulled image "<image>" in <d> (<d> including waiting). Image size: <n> bytes.` with any d and n. */
export function freshPull(image: string): RegExp {
  const escaped = image.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const duration = String.raw`\d+(\.\d+)?(ms|s|m\d+(\.\d+)?s)`;
  return new RegExp(
    `^Successfully pulled image "${escaped}" in ${duration} \\(${duration} including waiting\\)\\. Image size: \\d+ bytes\\.$`,
  );
}

export const ALL_TRUE: [string, string][] = [
  ['PodReadyToStartContainers', 'True'],
  ['Initialized', 'True'],
  ['Ready', 'True'],
  ['ContainersReady', 'True'],
  ['PodScheduled', 'True'],
];
