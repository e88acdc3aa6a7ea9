import type { RequestedVersion } from '../version/choose';
import type { Finding } from '../types';
import type { Cluster } from './cluster';
import { defaultCluster, loadDefaultCluster, loadImageFacts, loadSnapshot, withImages } from './load';

/** A file's text and the name its messages use. */
export interface NamedText {
  text: string;
  source: string;
}

export interface ClusterFromFiles {
  cluster: Cluster;
  /** The snapshot's syntax and structure errors; with an error among them, the embedded cluster is used instead. */
  snapshotErrors: Finding[];
  /** The image-facts file's errors; with any, the images are simulated without it. */
  factsErrors: Finding[];
  /**
   * Why the release asked for (or the snapshot's) cannot be simulated, and whether the snapshot is set aside for it;
   * the embedded cluster at the newest supported release is used instead.
   */
  versionError: { message: string; snapshotRejected: boolean } | null;
}

/**
 * The cluster a snapshot (or, without one, the embedded cluster at the release asked for) and an image-facts file
 * describe. A snapshot at a release the engine cannot simulate is not used; neither is one with errors.
 */
export function clusterFromFiles(
  snapshot: NamedText | null,
  facts: NamedText | null,
  kubernetesVersion: RequestedVersion = 'auto',
): ClusterFromFiles {
  let versionError: ClusterFromFiles['versionError'] = null;
  const embedded = (): Cluster => {
    const loaded = loadDefaultCluster(kubernetesVersion);
    const release = loaded.errors.find((f) => f.code === 'KubernetesVersion');
    if (!release) return loaded.cluster;
    versionError = { message: release.message, snapshotRejected: false };
    return defaultCluster();
  };
  let cluster: Cluster;
  let snapshotErrors: Finding[] = [];
  if (!snapshot) cluster = embedded();
  else {
    const loaded = loadSnapshot(snapshot.text, snapshot.source, { kubernetesVersion });
    const release = loaded.errors.find((f) => f.code === 'KubernetesVersion');
    if (release) {
      versionError = { message: `${snapshot.source}: ${release.message}`, snapshotRejected: true };
      cluster = defaultCluster();
    } else {
      snapshotErrors = loaded.errors;
      cluster = loaded.errors.some((f) => f.severity === 'error') ? embedded() : loaded.cluster;
    }
  }
  let factsErrors: Finding[] = [];
  if (facts) {
    const loaded = loadImageFacts(facts.text, facts.source);
    factsErrors = loaded.errors;
    if (loaded.errors.length === 0) cluster = withImages(cluster, loaded.catalog);
  }
  return { cluster, snapshotErrors, factsErrors, versionError };
}
