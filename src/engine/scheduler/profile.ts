// The default-scheduler profile (pkg/scheduler/apis/config/v1/default_plugins.go, the same list in v1.33 to v1.36):
// plugins in multiPoint order, each taking part at every extension point it implements, with the default score
// weights. applyFeatureGates inserts DynamicResources just before DefaultPreemption when the
// DynamicResourceAllocation gate is on: GA and on from v1.34 (locked in v1.35), beta and off in v1.33.
import type { Plugin } from './plugin';
import { gateEnabled } from '../version/feature-gates';
import type { KubeVersion } from '../version/kube-version';
import { defaultBinder } from './plugins/default-binder';
import { defaultPreemption } from './plugins/default-preemption';
import { dynamicResources } from './plugins/dynamic-resources';
import { imageLocality } from './plugins/image-locality';
import { interPodAffinity } from './plugins/inter-pod-affinity';
import { nodeAffinity } from './plugins/node-affinity';
import { nodeName } from './plugins/node-name';
import { nodePorts } from './plugins/node-ports';
import { nodeResourcesBalancedAllocation } from './plugins/node-resources-balanced-allocation';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { nodeVolumeLimits } from './plugins/node-volume-limits';
import { podTopologySpread } from './plugins/pod-topology-spread';
import { schedulingGates } from './plugins/scheduling-gates';
import { taintToleration } from './plugins/taint-toleration';
import { volumeBinding } from './plugins/volume-binding';
import { volumeRestrictions } from './plugins/volume-restrictions';
import { volumeZone } from './plugins/volume-zone';

export interface Profile {
  schedulerName: string;
  plugins: Plugin[];
  /** Score weights; a score plugin without one weighs 1. */
  weights: Record<string, number>;
}

export const DEFAULT_WEIGHTS: Record<string, number> = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
};

/**
 * `ownerKind` is the kind of controller that creates the pod, for PodTopologySpread's default selector; `version`
 * is the scheduler's release.
 */
export function defaultProfile(ownerKind: string | null, version: KubeVersion): Profile {
  return {
    schedulerName: 'default-scheduler',
    plugins: [
      schedulingGates,
      nodeUnschedulable,
      nodeName,
      taintToleration(version),
      nodeAffinity,
      nodePorts,
      nodeResourcesFit(version),
      volumeRestrictions,
      nodeVolumeLimits,
      volumeBinding,
      volumeZone,
      podTopologySpread(ownerKind),
      interPodAffinity,
      ...(gateEnabled('DynamicResourceAllocation', version) ? [dynamicResources] : []),
      defaultPreemption,
      nodeResourcesBalancedAllocation,
      imageLocality,
      defaultBinder,
    ],
    weights: DEFAULT_WEIGHTS,
  };
}
