import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAs } from '../../../../src/engine/apiserver/decode/json-decode';
import { definition, fieldAt, fieldNamesAt, schemaRelease } from '../../../../src/engine/k8s/schema';
import type { Minor } from '../../../../src/engine/version/kube-version';
import { SUPPORTED_MINORS } from '../../../../src/engine/version/kube-version';
import { NEWEST_PATCH } from '../../../../src/engine/version/releases';

const root = join(__dirname, '../../../..');
const v = (minor: Minor) => ({ minor });

interface Delta {
  release: string;
  definitions: Record<string, { add?: Record<string, unknown>; remove?: string[] }>;
  newDefinitions: Record<string, unknown>;
}
const versions = (
  JSON.parse(readFileSync(join(root, 'src/engine/k8s/schema/versions.generated.json'), 'utf8')) as {
    versions: Record<string, Delta>;
  }
).versions;

describe('schema per Kubernetes release', () => {
  it('each supported minor was extracted from the Go types of the release it is simulated as', () => {
    assert.deepEqual(
      SUPPORTED_MINORS.map((m) => schemaRelease(v(m))),
      SUPPORTED_MINORS.map((m) => NEWEST_PATCH[m]),
    );
  });

  it("each minor's lookups are the base table changed by exactly that minor's extracted delta", () => {
    for (const minor of SUPPORTED_MINORS) {
      for (const [id, change] of Object.entries(versions[minor]?.definitions ?? {})) {
        const names = Object.keys(definition(id, v(minor))?.properties ?? {});
        for (const f of Object.keys(change.add ?? {})) assert.ok(names.includes(f), `${minor} ${id}.${f} added`);
        for (const f of change.remove ?? []) assert.ok(!names.includes(f), `${minor} ${id}.${f} removed`);
      }
      for (const id of Object.keys(versions[minor]?.newDefinitions ?? {}))
        assert.ok(definition(id, v(minor)), `${minor} ${id} reachable`);
    }
  });

  // Fields each release's core/v1/types.go declares (k8s.io/api tags v0.33.13, v0.34.10, v0.35.7, v0.36.3).
  const cases: { name: string; segments: (string | number)[]; minors: Minor[] }[] = [
    {
      name: 'PodSpec.hostnameOverride exists from 1.34',
      segments: ['spec', 'hostnameOverride'],
      minors: [34, 35, 36],
    },
    {
      name: 'Container.restartPolicyRules exists from 1.34',
      segments: ['spec', 'containers', 0, 'restartPolicyRules'],
      minors: [34, 35, 36],
    },
    {
      name: 'PodSpec.workloadRef exists only in 1.35 (1.36 has none)',
      segments: ['spec', 'workloadRef'],
      minors: [35],
    },
    {
      name: 'PodSpec.schedulingGroup exists from 1.36',
      segments: ['spec', 'schedulingGroup'],
      minors: [36],
    },
    { name: 'PodSpec.containers exists in every release', segments: ['spec', 'containers'], minors: [33, 34, 35, 36] },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(
        SUPPORTED_MINORS.filter((m) => fieldAt('Pod', c.segments, v(m)) !== null),
        c.minors,
      );
    });

  it('completion offers only the fields of the release simulated', () => {
    const rules = (m: Minor) => fieldNamesAt('Pod', ['spec', 'containers', 0], v(m))?.includes('restartPolicyRules');
    assert.deepEqual([rules(33), rules(34)], [false, true]);
  });

  it('an API server of a release without the field rejects it as an unknown field (strict decoding)', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', spec: { hostnameOverride: 'web', containers: [] } };
    assert.deepEqual(
      decodeAs(pod, 'core.v1.Pod', v(33)).map((p) => (p.kind === 'unknown' ? p.segments.join('.') : p.message)),
      ['spec.hostnameOverride'],
    );
    assert.deepEqual(decodeAs(pod, 'core.v1.Pod', v(34)), []);
  });

  it('a field a newer release adds reaches its own definition, so its contents are checked too', () => {
    const pod = {
      spec: { containers: [{ name: 'a', restartPolicyRules: [{ action: 'Restart', exitCodez: {} }] }] },
    };
    const unknown = decodeAs(pod, 'core.v1.Pod', v(36)).map((p) => (p.kind === 'unknown' ? p.key : p.message));
    assert.deepEqual(unknown, ['exitCodez']);
  });
});
