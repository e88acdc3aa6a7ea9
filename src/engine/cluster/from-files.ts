import type { Finding } from '../types';
import type { Cluster } from './cluster';
import { defaultCluster, loadImageFacts, loadSnapshot, withImages } from './load';

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
}

/** The cluster a snapshot (or, without one, the embedded cluster) and an image-facts file describe. */
export function clusterFromFiles(snapshot: NamedText | null, facts: NamedText | null): ClusterFromFiles {
  let cluster = defaultCluster();
  let snapshotErrors: Finding[] = [];
  if (snapshot) {
    const loaded = loadSnapshot(snapshot.text, snapshot.source);
    snapshotErrors = loaded.errors;
    if (!loaded.errors.some((f) => f.severity === 'error')) cluster = loaded.cluster;
  }
  let factsErrors: Finding[] = [];
  if (facts) {
    const loaded = loadImageFacts(facts.text, facts.source);
    factsErrors = loaded.errors;
    if (loaded.errors.length === 0) cluster = withImages(cluster, loaded.catalog);
  }
  return { cluster, snapshotErrors, factsErrors };
}
