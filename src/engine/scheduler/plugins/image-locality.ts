// ImageLocality (Score; weight 1): favours nodes that already have the pod's images, scaled by how many nodes have
// them so one popular image does not pull every pod to the same node
// (pkg/scheduler/framework/plugins/imagelocality/image_locality.go).
import { normalizedImageName } from '../image-name';
import { definePlugin } from '../plugin';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityScore(sum: number, containers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * containers;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
  return Math.trunc((100 * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

export const imageLocality = definePlugin({
  name: 'ImageLocality',
  begin: (pod, snapshot) => {
    const containers = [...(pod.pod.spec?.initContainers ?? []), ...(pod.pod.spec?.containers ?? [])];
    const images = containers.map((c) => normalizedImageName(c.image ?? ''));
    const total = snapshot.nodes.length;
    return {
      score(node) {
        if (node.images.size === 0) return imageLocalityScore(0, containers.length);
        let sum = 0;
        for (const img of images) {
          const size = node.images.get(img);
          if (size !== undefined) sum += Math.trunc(size * ((snapshot.imageNodes.get(img) ?? 0) / total));
        }
        return imageLocalityScore(sum, containers.length);
      },
    };
  },
});
