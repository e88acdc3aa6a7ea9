// The framework's plugin shape (pkg/scheduler/framework/interface.go), one scheduling cycle at a time: `begin`
// plays the role of Go's CycleState, holding what PreFilter/PreScore computed for this pod in a closure.
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { Snapshot } from './snapshot';
import type { Status } from './status';

export interface PreFilterResult {
  /** null is Success. */
  status: Status | null;
  /** Nodes the plugin narrows the search to (framework.PreFilterResult.NodeNames); undefined means all nodes. */
  nodeNames?: Set<string>;
}

export interface PostFilterResult {
  /** null is Success (a node was nominated). */
  status: Status | null;
  nominatedNode?: string;
  victims?: PodInfo[];
}

/** What PostFilter plugins see of the failed Filter phase. */
export interface FilterDiagnosis {
  /** Per-node statuses of the nodes that were filtered. */
  statuses: Map<string, Status>;
  /** The status of nodes that are not in `statuses` (cut out by PreFilter), if any. */
  absent: Status | null;
  /** Runs PreFilter and Filter again for the pod on one node of another snapshot (preemption's dry run). */
  refilter(snapshot: Snapshot, node: NodeInfo): Status | null;
}

export interface PluginCycle {
  preEnqueue?(): Status | null;
  preFilter?(): PreFilterResult;
  /** null is Success. */
  filter?(node: NodeInfo): Status | null;
  postFilter?(diagnosis: FilterDiagnosis): PostFilterResult;
  /** null is Success; Skip leaves this plugin's Score out. */
  preScore?(feasible: NodeInfo[]): Status | null;
  score?(node: NodeInfo): number;
  normalizeScore?(scores: number[], nodes: NodeInfo[]): void;
  reserve?(node: NodeInfo): Status | null;
  permit?(node: NodeInfo): Status | null;
  preBind?(node: NodeInfo): Status | null;
  bind?(node: NodeInfo): Status | null;
}

export interface Plugin {
  readonly name: string;
  /** Starts one scheduling cycle for `pod` against `snapshot`. */
  begin(pod: PodInfo, snapshot: Snapshot): PluginCycle;
}

/** A cycle that names only the framework's extension points: any other key is `never`. */
type OnlyExtensionPoints<C> = C & { [K in Exclude<keyof C, keyof PluginCycle>]: never };

/**
 * Declares a plugin. Go's compiler checks a plugin's methods against the framework's interfaces
 * (`var _ framework.FilterPlugin = &TaintToleration{}`); here a misspelt extension point (`filtr:`) would be an
 * ignored extra key of a structural type, so the cycle `begin` returns may name extension points only.
 */
export function definePlugin<C extends PluginCycle>(plugin: {
  readonly name: string;
  begin(pod: PodInfo, snapshot: Snapshot): OnlyExtensionPoints<C>;
}): Plugin {
  return plugin;
}
