// What setting up one pod volume gives the volume manager.
import type { Cluster } from '../../cluster/cluster';
import type { Node, Pod, Volume } from '../../k8s/objects';
import type { FindingCode, Segment, Severity } from '../../types';

export interface VolumeContext {
  pod: Pod;
  node: Node;
  cluster: Cluster;
  namespace: string;
  volume: Volume;
  /** `['spec', 'volumes', i]`. */
  segments: Segment[];
  /** True when the user set spec.nodeName, so the scheduler (and its volume binding) never ran. */
  bypassedScheduler: boolean;
}

export interface VolumeNote {
  severity: Severity;
  code: FindingCode;
  segments: Segment[];
  message: string;
}

/** The plugin's SetUp error: `MountVolume.SetUp failed for volume "<name>" : <error>`. */
export interface SetUpFailure {
  kind: 'setup';
  error: string;
  segments: Segment[];
}

/** The desired-state populator could not even process the volume (PVC missing or unbound). */
export interface ProcessFailure {
  kind: 'process';
  error: string;
  segments: Segment[];
}

/** The attach/detach controller refuses to attach (the volume is attached elsewhere). */
export interface AttachFailure {
  kind: 'attach';
  message: string;
  segments: Segment[];
}

export type VolumeFailure = SetUpFailure | ProcessFailure | AttachFailure;

export interface VolumePhase {
  title: string;
  duration: number;
  estimate: boolean;
  detail?: string;
}

export interface VolumeSetup {
  /** The steps that mount it, in order (attach, stage, publish, or a single SetUp). */
  phases: VolumePhase[];
  failure: VolumeFailure | null;
  notes: VolumeNote[];
}

export const ok = (phases: VolumePhase[], notes: VolumeNote[] = []): VolumeSetup => ({
  phases,
  failure: null,
  notes,
});
