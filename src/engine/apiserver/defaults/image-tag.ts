// imagePullPolicy defaulting (SetDefaults_Container): `Always` when pkg/util/parsers ParseImageName finds the tag
// `latest` (written, or implied by having neither tag nor digest), else `IfNotPresent` (any other tag, a digest
// alone, or an image that does not parse).
import { parseNormalizedNamed } from '../../k8s/image-reference';

export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  if (typeof image !== 'string') return 'IfNotPresent';
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return 'IfNotPresent';
  const tag = parsed.ref.tag ?? (parsed.ref.digest ? '' : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}
