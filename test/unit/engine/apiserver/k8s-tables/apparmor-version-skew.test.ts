// Cases ported from kubernetes/kubernetes pkg/registry/core/pod/strategy_test.go (TestApplyAppArmorVersionSkew),
// run through the pod strategy's PrepareForCreate. Since v1.34 (kubernetes/kubernetes#131989, KEP-24 phase 2) the
// API server no longer copies AppArmor fields into the deprecated annotations, so the rows whose fields used to
// gain annotations keep their annotations as sent; the annotation-to-field half and its warning are unchanged.
import assert from 'node:assert/strict';
import { preparePod } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

const KEY = 'container.apparmor.security.beta.kubernetes.io/';
type Profile = { type: 'Unconfined' | 'RuntimeDefault' | 'Localhost'; localhostProfile?: string };
const unconfined: Profile = { type: 'Unconfined' };
const runtimeDefault: Profile = { type: 'RuntimeDefault' };
const localhost: Profile = { type: 'Localhost', localhostProfile: 'test' };

const ctr = (name: string, profile?: Profile | 'empty'): Container => ({
  name,
  ...(profile === 'empty' ? { securityContext: {} } : profile ? { securityContext: { appArmorProfile: profile } } : {}),
});
const pod = (
  containers: Container[],
  opts: {
    annotations?: Record<string, string>;
    podProfile?: Profile;
    initContainers?: Container[];
    os?: 'windows';
  } = {},
): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
  spec: {
    containers,
    ...(opts.initContainers ? { initContainers: opts.initContainers } : {}),
    ...(opts.podProfile ? { securityContext: { appArmorProfile: opts.podProfile } } : {}),
    ...(opts.os ? { os: { name: opts.os } } : {}),
  },
});
const warning = (name: string) =>
  `metadata.annotations[${KEY}${name}]: deprecated since v1.30; use the "appArmorProfile" field instead`;

interface Row {
  description: string;
  pod: Pod;
  /** Each container's (init containers first) appArmorProfile after PrepareForCreate, or null. */
  profiles: (Profile | null)[];
  warnings: string[];
}

const rows: Row[] = [
  {
    description: 'Security context nil',
    pod: pod([ctr('ctr')], { initContainers: [ctr('init')] }),
    profiles: [null, null],
    warnings: [],
  },
  {
    description: 'Pod field unconfined and no annotation present (v1.34: no annotations are added)',
    pod: pod([ctr('ctr')], { initContainers: [ctr('init')], podProfile: unconfined }),
    profiles: [null, null],
    warnings: [],
  },
  {
    description: 'Container field RuntimeDefault and no annotation present',
    pod: pod([ctr('ctr', runtimeDefault)]),
    profiles: [runtimeDefault],
    warnings: [],
  },
  {
    description: "Annotation 'unconfined' and no fields present",
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: 'unconfined' } }),
    profiles: [unconfined],
    warnings: [warning('ctr')],
  },
  {
    description: 'Annotation for non-existent container',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}foo-bar`]: 'unconfined' } }),
    profiles: [null],
    warnings: [],
  },
  {
    description: "Annotation 'runtime/default' and no fields present",
    pod: pod([ctr('ctr', 'empty')], { annotations: { [`${KEY}ctr`]: 'runtime/default' }, podProfile: unconfined }),
    profiles: [runtimeDefault],
    warnings: [warning('ctr')],
  },
  {
    description: 'Multiple containers by annotations',
    pod: pod([ctr('a'), ctr('b'), ctr('c')], {
      annotations: { [`${KEY}init`]: 'unconfined', [`${KEY}a`]: 'localhost/test', [`${KEY}c`]: 'runtime/default' },
      podProfile: runtimeDefault,
      initContainers: [ctr('init')],
    }),
    profiles: [unconfined, localhost, null, null],
    warnings: [warning('init'), warning('a')],
  },
  {
    description: 'Conflicting field and annotations',
    pod: pod([ctr('ctr', runtimeDefault)], { annotations: { [`${KEY}ctr`]: 'localhost/test' } }),
    profiles: [runtimeDefault],
    warnings: [],
  },
  {
    description: 'Pod field and matching annotations',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: 'runtime/default' }, podProfile: runtimeDefault }),
    profiles: [null],
    warnings: [],
  },
  {
    description: 'Annotation overrides pod field',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: 'unconfined' }, podProfile: runtimeDefault }),
    profiles: [unconfined],
    warnings: [warning('ctr')],
  },
  {
    description: 'Mixed annotations and fields',
    pod: pod([ctr('unconf-annot'), ctr('unconf-field', unconfined), ctr('default-pod')], {
      annotations: { [`${KEY}unconf-annot`]: 'unconfined' },
      podProfile: runtimeDefault,
    }),
    profiles: [unconfined, unconfined, null],
    warnings: [warning('unconf-annot')],
  },
  {
    description: 'Invalid annotation value',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: 'localhost/' } }),
    profiles: [null],
    warnings: [warning('ctr')],
  },
  {
    description: 'Invalid localhost annotation (a 4096-byte profile)',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: `localhost/${'a'.repeat(4096)}` } }),
    profiles: [null],
    warnings: [warning('ctr')],
  },
  {
    description: 'Ignore annotations on windows',
    pod: pod([ctr('ctr')], { annotations: { [`${KEY}ctr`]: 'runtime/default' }, os: 'windows' }),
    profiles: [null],
    warnings: [],
  },
];

describe('pod strategy_test.go TestApplyAppArmorVersionSkew (ported)', () => {
  for (const row of rows)
    it(row.description, () => {
      const before = JSON.stringify(row.pod.metadata?.annotations ?? {});
      const { warnings } = preparePod(row.pod, V34);
      const containers = [...(row.pod.spec?.initContainers ?? []), ...(row.pod.spec?.containers ?? [])];
      assert.deepStrictEqual(
        containers.map((c) => (c.securityContext?.appArmorProfile as Profile | undefined) ?? null),
        row.profiles,
      );
      assert.deepStrictEqual(
        warnings.map((w) => w.message),
        row.warnings,
      );
      assert.equal(JSON.stringify(row.pod.metadata?.annotations ?? {}), before, 'annotations are left as sent');
    });
});
