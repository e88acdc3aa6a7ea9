// kubectl reads YAML with go-yaml v2 (sigs.k8s.io/yaml): YAML 1.1 scalars as the `yaml` library's 1.1 schema
// reads them, with two differences. go-yaml has no sexagesimal numbers (resolve.go: `1:20` is the string "1:20",
// not 80), and it decodes `!!binary` into the string of its bytes (decode.go: base64.StdEncoding.DecodeString),
// which YAMLToJSON then writes as a JSON string, so `apiVersion: !!binary djE=` is `v1`.
import type { ScalarTag, Tags } from 'yaml';
import { base64Bytes, decodeBase64 } from '../objects/base64';

const BINARY = 'tag:yaml.org,2002:binary';

const binaryAsString: ScalarTag = {
  tag: BINARY,
  identify: () => false,
  resolve(src, onError) {
    // The value's line breaks and spaces are not part of the encoding.
    const text = src.replace(/[\s]/g, '');
    if (!decodeBase64(text).ok) onError('!!binary value contains invalid base64 data');
    return base64Bytes(text);
  },
};

/** The 1.1 schema's tags as the library hands them over (objects; names only for tags it has not resolved). */
export function goYamlTags(tags: Tags): Tags {
  return (
    tags
      // Decoding into interface{}, go-yaml keeps a timestamp a string (decode.go, "for backward compatibility").
      .filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp'))
      .map((t) => (typeof t !== 'string' && t.tag === BINARY ? binaryAsString : t))
  );
}
