import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { decodeStrict } from '../../../../../src/engine/apiserver/decode';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { fillSystemFields, prepareWorkload } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import { TEMPLATE_PATHS, type PodSource } from '../../../../../src/engine/pod-source';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

// The example manifests of the Kubernetes documentation (k8s.io/website content/en/examples; each file names its
// source) are accepted by a v1.34 API server, so decoding and validation must find nothing in them.
const root = join(__dirname, '../../../../fixtures/real-world');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

function podSources(file: string): PodSource[] {
  // kubectl reads YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2).
  const docs = parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  return list.flatMap((doc, documentIndex) => {
    const object = doc.toJS() as KubeObject | null;
    const kind = object?.kind ?? '';
    if (!object || !(kind in TEMPLATE_PATHS)) return [];
    return [
      {
        file: relative(root, file),
        documentIndex,
        object,
        kind,
        name: object.metadata?.name ?? '',
        namespace: object.metadata?.namespace ?? 'default',
        templatePath: [...(TEMPLATE_PATHS[kind] ?? [])],
        duplicateFields: [],
      },
    ];
  });
}

/**
 * What the server has filled in before validation runs: the request's namespace, the uid, and for a Pod the service
 * account, for a workload its PrepareForCreate (a Job's generated selector and template labels).
 */
function asSubmitted(source: PodSource): KubeObject {
  const obj = structuredClone(source.object);
  obj.metadata = { ...obj.metadata, namespace: source.namespace };
  fillSystemFields(obj as Record<string, unknown>, source.name);
  if (obj.kind === 'Pod') {
    const spec = obj.spec as Record<string, unknown>;
    spec.serviceAccountName ??= 'default';
  } else prepareWorkload(source.kind, obj as Record<string, unknown>, V34);
  return obj;
}

const current = yamlFiles(root).filter((f) => !f.includes('/outdated/'));
const sources = current.flatMap(podSources);

describe('real-world manifests from the Kubernetes docs', () => {
  it('cover at least 40 pods and workloads of every kind', () => {
    assert.ok(sources.length >= 40, `only ${sources.length} documents`);
    const kinds = new Set(sources.map((s) => s.kind));
    for (const kind of Object.keys(TEMPLATE_PATHS)) assert.ok(kinds.has(kind), `no ${kind} example`);
  });

  for (const source of sources) {
    it(`${source.file} #${source.documentIndex} (${source.kind} ${source.name}) decodes and validates cleanly`, () => {
      assert.deepEqual(decodeStrict(source).errors, []);
      assert.deepEqual(validateCreate(asSubmitted(source), V34), []);
    });
  }

  it('an outdated batch/v1beta1 CronJob is refused by kubectl for v1.34', () => {
    const [source] = podSources(join(root, 'outdated/cronjob-v1beta1.yaml'));
    assert.ok(source);
    assert.deepEqual(
      decodeStrict(source).errors.map((e) => e.message),
      ['no matches for kind "CronJob" in version "batch/v1beta1"'],
    );
  });
});
