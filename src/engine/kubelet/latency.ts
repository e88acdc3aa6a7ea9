// Typical latencies the simulated clock uses where the spec says nothing. Each is a stated estimate (steps that use
// one carry `estimate: true`); the figures are what a small, healthy cluster with containerd shows.

/** The kubelet's pod watch sees the binding and its pod worker starts syncing. */
export const POD_WORKER_START = 0.05;
/** Setting up a configMap, secret, projected, downwardAPI or emptyDir volume (a local tmpfs/dir write). */
export const LOCAL_VOLUME_SETUP = 0.1;
/** CSI NodeStageVolume (format and mount the device once per node). */
export const CSI_NODE_STAGE = 1.0;
/** CSI NodePublishVolume (bind mount into the pod directory). */
export const CSI_NODE_PUBLISH = 0.3;
/** ControllerPublishVolume through a VolumeAttachment, for drivers that attach. */
export const CSI_ATTACH = 3.0;
/** Generic ephemeral volume: the ephemeral controller creates the claim and the provisioner makes a volume. */
export const DYNAMIC_PROVISION = 4.0;
/** CRI RunPodSandbox: pause container, network namespace and the CNI ADD call. */
export const SANDBOX_CREATE = 0.6;
/** Registry throughput assumed for pulls whose size is known (bytes per second, about 20 MB/s). */
export const PULL_BYTES_PER_SECOND = 20_000_000;
/** Fixed cost of a pull (resolve, manifest, unpack start) on top of the transfer. */
export const PULL_OVERHEAD = 0.8;
/** An image whose size no node reports is assumed to be this big. */
export const TYPICAL_IMAGE_BYTES = 60_000_000;
/** CRI CreateContainer. */
export const CONTAINER_CREATE = 0.05;
/** CRI StartContainer. */
export const CONTAINER_START = 0.1;
/** A postStart hook is assumed to finish this fast (the kubelet waits for it before the next container). */
export const POST_START_HOOK = 0.5;
/** A regular init container is assumed to do its work and exit 0 in this long. */
export const INIT_CONTAINER_RUN = 2.0;
/** A container predicted to exit is assumed to run this long first. */
export const CRASHING_CONTAINER_RUN = 1.0;
/** A Job's container whose command gives no clue is assumed to finish this fast. */
export const JOB_CONTAINER_RUN = 5.0;
/** The status manager patches pods/status after a change. */
export const STATUS_UPDATE = 0.05;
/** WaitForAttachAndMount polls every 300 ms; the populator's errors surface at the first poll after they appear. */
export const POPULATOR_POLL = 0.3;
/** PLEG relists every second; the sync it triggers runs a readiness probe at once (manual trigger). */
export const PLEG_RELIST = 1.0;
