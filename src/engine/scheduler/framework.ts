// One scheduling cycle for one pod (pkg/scheduler/schedule_one.go, framework/runtime/framework.go): PreEnqueue,
// PreFilter, Filter (first failing plugin per node decides), PostFilter when nothing fits, PreScore, Score,
// NormalizeScore, weights, selectHost, Reserve, Permit, PreBind, Bind.
import type { FilterReport, NodeReport, ScoreReport } from '../types';
import { fitErrorMessage, reasonCounts } from './fit-error';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { FilterDiagnosis, PluginCycle } from './plugin';
import type { Profile } from './profile';
import type { Snapshot } from './snapshot';
import { isRejected, message, type Status, unresolvable } from './status';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export interface CycleOptions {
  /** Filter and score every node and fill `reports` (the first replica's table). */
  report: boolean;
  /** nextStartNodeIndex: where the search for feasible nodes starts when not reporting. */
  startIndex: number;
}

export type Outcome = 'gated' | 'scheduled' | 'unschedulable' | 'error';

export interface CycleResult {
  outcome: Outcome;
  node: NodeInfo | null;
  /** The FailedScheduling text (FitError or error), null when scheduled or gated. */
  message: string | null;
  /** PreEnqueue's rejection (`waiting for scheduling gates: [...]`). */
  gated: Status | null;
  reports: NodeReport[];
  /** Nodes looked at in Filter, to move nextStartNodeIndex on. */
  processed: number;
  feasible: number;
  /** Every node that shares the highest total score (the real scheduler picks one of them at random). */
  tied: string[];
  /** Nodes rejected per reason (the FailedScheduling histogram before formatting), empty unless unschedulable. */
  reasonCounts: Map<string, number>;
  /** What the PostFilter plugins said (the text after the histogram), null when PostFilter did not run. */
  postFilterMessage: string | null;
  /** The PreFilter status that rejected the pod for every node, if any. */
  preFilterRejection: Status | null;
  nomination: { node: string; victims: PodInfo[] } | null;
  /** The extension point after Filter that rejected the chosen node, if any. */
  lateRejection: { point: string; status: Status } | null;
}

interface Named {
  name: string;
  c: PluginCycle;
}

/** numFeasibleNodesToFind with percentageOfNodesToScore unset: 50 - nodes/125 percent, at least 5% and 100 nodes. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), 5);
  return Math.max(Math.trunc((numAllNodes * percentage) / 100), 100);
}

function begin(profile: Profile, pod: PodInfo, snapshot: Snapshot): Named[] {
  return profile.plugins.map((p) => ({ name: p.name, c: p.begin(pod, snapshot) }));
}

interface PreFilterOutcome {
  status: Status | null;
  skipped: Set<string>;
  nodeNames: Set<string> | null;
  pluginsWithNodes: string[];
}

/** RunPreFilterPlugins: Skip drops a plugin's Filter; UU stops at once; U is remembered and the loop goes on. */
function runPreFilter(cycles: Named[]): PreFilterOutcome {
  const skipped = new Set<string>();
  let status: Status | null = null;
  let nodeNames: Set<string> | null = null;
  const pluginsWithNodes: string[] = [];
  for (const { name, c } of cycles) {
    if (!c.preFilter) continue;
    const r = c.preFilter();
    if (r.status?.code === 'Skip') {
      skipped.add(name);
      continue;
    }
    if (r.status) {
      const s = { ...r.status, plugin: name };
      if (s.code === 'UnschedulableAndUnresolvable') return { status: s, skipped, nodeNames, pluginsWithNodes };
      if (s.code === 'Unschedulable') {
        status = s;
        continue;
      }
      return {
        status: { code: 'Error', reasons: [`running PreFilter plugin "${name}": ${message(s)}`], plugin: name },
        skipped,
        nodeNames,
        pluginsWithNodes,
      };
    }
    if (r.nodeNames) {
      pluginsWithNodes.push(name);
      const prev: Set<string> | null = nodeNames;
      const next: Set<string> = r.nodeNames;
      nodeNames = prev === null ? next : new Set([...(prev as Set<string>)].filter((n: string) => next.has(n)));
      if (nodeNames.size === 0) {
        const msg =
          pluginsWithNodes.length === 1
            ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
            : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`;
        return { status: unresolvable(msg), skipped, nodeNames, pluginsWithNodes };
      }
    }
  }
  return { status, skipped, nodeNames, pluginsWithNodes };
}

type Filter = { name: string; fn: (n: NodeInfo) => Status | null };

function filtersOf(cycles: Named[], skipped: Set<string>): Filter[] {
  const out: Filter[] = [];
  for (const { name, c } of cycles) if (c.filter && !skipped.has(name)) out.push({ name, fn: c.filter });
  return out;
}

function runFilters(filters: Filter[], node: NodeInfo): Status | null {
  for (const f of filters) {
    const s = f.fn(node);
    if (s) return s.plugin === f.name ? s : { ...s, plugin: f.name };
  }
  return null;
}

/**
 * RunFilterPluginsWithNominatedPods: pods nominated to the node with equal or higher priority hold their room, so
 * the node must fit with them added, and also without them (they may go elsewhere).
 */
function runFiltersWithNominated(filters: Filter[], node: NodeInfo, pod: PodInfo, snapshot: Snapshot): Status | null {
  const nominated = snapshot.nominatedOn(node.name, pod);
  if (nominated.length === 0) return runFilters(filters, node);
  const withNominated = node.clone();
  for (const p of nominated) withNominated.addPod(p);
  return runFilters(filters, withNominated) ?? runFilters(filters, node);
}

/** Every filter plugin's answer for the table; those after the first rejection are marked as not counted. */
function filterReport(cycles: Named[], skipped: Set<string>, node: NodeInfo): FilterReport[] {
  const out: FilterReport[] = [];
  let rejected = false;
  for (const { name, c } of cycles) {
    if (!c.filter) continue;
    if (skipped.has(name)) {
      out.push({ plugin: name, status: 'Skip', reasons: [] });
      continue;
    }
    const s = c.filter(node);
    out.push({
      plugin: name,
      status: s ? s.code : 'Success',
      reasons: s ? s.reasons : [],
      ...(rejected ? { afterRejection: true } : {}),
    });
    if (s) rejected = true;
  }
  return out;
}

/** Runs PreFilter and Filter for the pod on one node of a snapshot (preemption's dry run). */
function refilterWith(profile: Profile, pod: PodInfo): FilterDiagnosis['refilter'] {
  return (snapshot, node) => {
    const cycles = begin(profile, pod, snapshot);
    const pf = runPreFilter(cycles);
    if (pf.status) return pf.status;
    if (pf.nodeNames && !pf.nodeNames.has(node.name))
      return unresolvable(`node(s) didn't satisfy plugin(s) [${[...pf.pluginsWithNodes].sort().join(' ')}]`);
    return runFiltersWithNominated(filtersOf(cycles, pf.skipped), node, pod, snapshot);
  };
}

/**
 * PreScore, Score, NormalizeScore and weights over the feasible nodes: each node's total, in `feasible`'s order.
 * Per-plugin reports are filled only for the table, because this runs for every replica.
 */
function prioritize(
  cycles: Named[],
  profile: Profile,
  feasible: NodeInfo[],
  reports: ScoreReport[][] | null,
): Float64Array {
  const n = feasible.length;
  const totals = new Float64Array(n);
  const raw: number[] = new Array<number>(n);
  for (const { name, c } of cycles) {
    if (!c.score) continue;
    const weight = profile.weights[name] ?? 1;
    const pre = c.preScore ? c.preScore(feasible) : null;
    if (pre?.code === 'Skip') {
      if (reports)
        for (const r of reports) r.push({ plugin: name, raw: 0, score: 0, weight, weighted: 0, skipped: true });
      continue;
    }
    for (let i = 0; i < n; i++) raw[i] = c.score(feasible[i] as NodeInfo);
    const normalized = c.normalizeScore && reports ? raw.slice() : raw;
    c.normalizeScore?.(normalized, feasible);
    for (let i = 0; i < n; i++) totals[i] = (totals[i] as number) + (normalized[i] as number) * weight;
    if (reports)
      for (let i = 0; i < n; i++) {
        const score = normalized[i] ?? 0;
        reports[i]?.push({ plugin: name, raw: raw[i] ?? 0, score, weight, weighted: score * weight });
      }
  }
  return totals;
}

/** selectHost, made deterministic: the first node by name among those with the highest total. */
function selectHost(feasible: NodeInfo[], totals: Float64Array): NodeInfo {
  let max = -Infinity;
  for (const t of totals) if (t > max) max = t;
  let best: NodeInfo | null = null;
  for (let i = 0; i < feasible.length; i++) {
    const node = feasible[i] as NodeInfo;
    if (totals[i] === max && (best === null || node.name < best.name)) best = node;
  }
  return best as NodeInfo;
}

/** Every node that shares the highest total, by name. */
function tiedNodes(feasible: NodeInfo[], totals: Float64Array): string[] {
  let max = -Infinity;
  for (const t of totals) if (t > max) max = t;
  return feasible
    .filter((_, i) => totals[i] === max)
    .map((n) => n.name)
    .sort();
}

function empty(outcome: Outcome): CycleResult {
  return {
    outcome,
    node: null,
    message: null,
    gated: null,
    reports: [],
    processed: 0,
    feasible: 0,
    tied: [],
    reasonCounts: new Map(),
    postFilterMessage: null,
    preFilterRejection: null,
    nomination: null,
    lateRejection: null,
  };
}

export function scheduleOne(pod: PodInfo, snapshot: Snapshot, profile: Profile, opts: CycleOptions): CycleResult {
  const cycles = begin(profile, pod, snapshot);
  for (const { name, c } of cycles) {
    const s = c.preEnqueue?.();
    if (s) return { ...empty('gated'), gated: { ...s, plugin: name } };
  }
  const all = snapshot.nodes;
  if (all.length === 0) return { ...empty('error'), message: NO_NODES_AVAILABLE };

  const pf = runPreFilter(cycles);
  const result = empty('unschedulable');
  const statuses = new Map<string, Status>();
  let absent: Status | null = null;
  const feasible: NodeInfo[] = [];

  if (pf.status && !isRejected(pf.status)) return { ...result, outcome: 'error', message: message(pf.status) };
  if (pf.status) {
    // Every node carries the PreFilter status; the message is the PreFilter's, without a histogram.
    absent = pf.status;
    result.preFilterRejection = pf.status;
    if (opts.report)
      result.reports = all.map((n) => ({
        name: n.name,
        filters: [
          { plugin: pf.status?.plugin ?? '', status: pf.status?.code ?? '', reasons: pf.status?.reasons ?? [] },
        ],
        scores: [],
        total: 0,
      }));
  } else {
    let nodes = all;
    if (pf.nodeNames) {
      const names = pf.nodeNames;
      nodes = all.filter((n) => names.has(n.name));
      absent = unresolvable(`node(s) didn't satisfy plugin(s) [${[...pf.pluginsWithNodes].sort().join(' ')}]`);
    }
    const filters = filtersOf(cycles, pf.skipped);
    const toFind = opts.report ? nodes.length : numFeasibleNodesToFind(nodes.length);
    const start = opts.report ? 0 : opts.startIndex % Math.max(nodes.length, 1);
    let processed = 0;
    for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
      const node = nodes[(start + i) % nodes.length] as NodeInfo;
      processed++;
      const s = runFiltersWithNominated(filters, node, pod, snapshot);
      if (s) {
        if (s.code === 'Error')
          return { ...result, outcome: 'error', message: `running "${s.plugin}" filter plugin: ${message(s)}` };
        statuses.set(node.name, s);
      } else feasible.push(node);
    }
    result.processed = processed;
    if (opts.report) {
      result.reports = all.map((n) =>
        pf.nodeNames && !pf.nodeNames.has(n.name)
          ? {
              name: n.name,
              filters: [
                { plugin: pf.pluginsWithNodes.join(', '), status: absent?.code ?? '', reasons: absent?.reasons ?? [] },
              ],
              scores: [],
              total: 0,
            }
          : { name: n.name, filters: filterReport(cycles, pf.skipped, n), scores: [], total: 0 },
      );
    }
  }
  result.feasible = feasible.length;

  if (feasible.length === 0) {
    const refilter = refilterWith(profile, pod);
    const post = runPostFilter(cycles, { statuses, absent, refilter });
    const fit = { numAllNodes: all.length, statuses: [...statuses.values()], statusCount: statuses.size, absent };
    result.message = fitErrorMessage({
      ...fit,
      preFilterMsg: pf.status ? message(pf.status) : undefined,
      postFilterMsg: post.message,
    });
    result.reasonCounts = reasonCounts(fit);
    result.postFilterMessage = post.message;
    if (post.nomination) result.nomination = post.nomination;
    return result;
  }

  let chosen: NodeInfo;
  if (feasible.length === 1) {
    // A single feasible node is taken without scoring.
    chosen = feasible[0] as NodeInfo;
    result.tied = [chosen.name];
  } else {
    const reports = opts.report ? feasible.map((): ScoreReport[] => []) : null;
    const totals = prioritize(cycles, profile, feasible, reports);
    chosen = selectHost(feasible, totals);
    // Only the first pod's table names the tied nodes; the other replicas need just the choice.
    if (reports) {
      result.tied = tiedNodes(feasible, totals);
      const index = new Map(feasible.map((n, i) => [n.name, i]));
      for (const r of result.reports) {
        const i = index.get(r.name);
        if (i !== undefined) {
          r.scores = reports[i] ?? [];
          r.total = totals[i] ?? 0;
        }
      }
    }
  }
  for (const point of ['reserve', 'permit', 'preBind', 'bind'] as const) {
    for (const { name, c } of cycles) {
      const s = c[point]?.(chosen);
      if (s) {
        // A rejection after Filter is reported as a FitError over one node.
        const msg = `0/1 nodes are available: ${message(s)}.`;
        return {
          ...result,
          message: msg,
          reasonCounts: new Map(s.reasons.map((r) => [r, 1])),
          lateRejection: { point: `${point}:${name}`, status: s },
        };
      }
    }
  }
  return { ...result, outcome: 'scheduled', node: chosen };
}

/** RunPostFilterPlugins: stop at Success, UU or Error; otherwise join every plugin's reasons with ", ". */
function runPostFilter(
  cycles: Named[],
  d: FilterDiagnosis,
): { message: string; nomination: { node: string; victims: PodInfo[] } | null } {
  const reasons: string[] = [];
  for (const { c } of cycles) {
    if (!c.postFilter) continue;
    const r = c.postFilter(d);
    if (!r.status)
      return { message: '', nomination: r.nominatedNode ? { node: r.nominatedNode, victims: r.victims ?? [] } : null };
    if (r.status.code === 'UnschedulableAndUnresolvable' || !isRejected(r.status))
      return { message: message(r.status), nomination: null };
    reasons.push(...r.status.reasons);
  }
  return { message: reasons.join(', '), nomination: null };
}
