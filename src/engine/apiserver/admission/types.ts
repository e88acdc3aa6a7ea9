// What an admission plugin hands back to the API server stage: the pod it may have changed in place, a denial
// (the request fails with that error), warnings kubectl prints, and notes for the stage report.
import type { Cluster } from '../../cluster/cluster';
import type { Pod } from '../../k8s/objects';
import type { PluginName } from '../../finding-code';
import type { Segment } from '../../types';

export interface AdmissionRequest {
  pod: Pod;
  namespace: string;
  /** The name admission errors use: metadata.name, else generateName (name generation comes later). */
  name: string;
  cluster: Cluster;
  /** Seed for the placeholder parts the plugins would draw at random (the token volume's name suffix). */
  seed: string;
}

export interface Denial {
  /** HTTP reason: 403 Forbidden, or 404 NotFound for a missing namespace. */
  reason: 'Forbidden' | 'NotFound';
  /** Status message: `pods "x" is forbidden: <cause>` or `namespaces "x" not found`. */
  message: string;
  /** The field most responsible, in the pod's structure; `related` lists the others. */
  segments: Segment[];
  related?: { segments: Segment[]; message: string }[];
}

export interface AdmissionWarning {
  message: string;
  segments: Segment[];
}

export interface PluginOutcome {
  plugin: PluginName;
  denial?: Denial;
  warnings: AdmissionWarning[];
  /** What the plugin did or assumed, in sentences, for the step detail. */
  notes: string[];
}

/** `pods "x" is forbidden: <cause>`, as admission.NewForbidden renders it. */
export function forbiddenMessage(name: string, cause: string): string {
  return `pods "${name}" is forbidden: ${cause}`;
}

export function allow(plugin: PluginName, notes: string[] = [], warnings: AdmissionWarning[] = []): PluginOutcome {
  return { plugin, warnings, notes };
}

/** A denial; the step detail names the plugin, so without notes of its own it says that the plugin refused. */
export function deny(plugin: PluginName, denial: Denial, notes: string[] = ['Rejects the pod.']): PluginOutcome {
  return { plugin, denial, warnings: [], notes };
}
