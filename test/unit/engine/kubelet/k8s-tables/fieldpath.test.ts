// kubernetes/kubernetes pkg/fieldpath/fieldpath_test.go: TestExtractFieldPathAsString (its "ok" rows, read as a
// downwardAPI volume file — the invalid paths and subscripts are refused by API validation before a kubelet sees
// them) and TestFormatMap (how metadata.labels and metadata.annotations are written: one `key="value"` line per
// entry, keys sorted, values quoted as Go's %q does, no trailing new line).
import assert from 'node:assert/strict';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { downwardFiles, formatMap } from '../../../../../src/engine/kubelet/volumes/downward-files';
import { node } from '../builders';

const withMeta = (meta: NonNullable<Pod['metadata']>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta,
  spec: { containers: [] },
});

describe('fieldpath_test.go TestExtractFieldPathAsString', () => {
  const cases: [name: string, fieldPath: string, pod: Pod, want: string][] = [
    ['ok - namespace', 'metadata.namespace', withMeta({ namespace: 'object-namespace' }), 'object-namespace'],
    ['ok - name', 'metadata.name', withMeta({ name: 'object-name' }), 'object-name'],
    ['ok - labels', 'metadata.labels', withMeta({ labels: { key: 'value' } }), 'key="value"'],
    ['ok - labels bslash n', 'metadata.labels', withMeta({ labels: { key: 'value\n' } }), 'key="value\\n"'],
    [
      'ok - annotations',
      'metadata.annotations',
      withMeta({ annotations: { builder: 'john-doe' } }),
      'builder="john-doe"',
    ],
    [
      'ok - annotation',
      "metadata.annotations['spec.pod.beta.kubernetes.io/statefulset-index']",
      withMeta({ annotations: { 'spec.pod.beta.kubernetes.io/statefulset-index': '1' } }),
      '1',
    ],
    [
      'ok - annotation (Www.k8s.io/test)',
      "metadata.annotations['Www.k8s.io/test']",
      withMeta({ annotations: { 'Www.k8s.io/test': '1' } }),
      '1',
    ],
    [
      'ok - uid',
      'metadata.uid',
      withMeta({ uid: 'b70b3269-858e-12a8-9cf2-1232a194038a' }),
      'b70b3269-858e-12a8-9cf2-1232a194038a',
    ],
    ['ok - label', "metadata.labels['something']", withMeta({ labels: { something: 'label value' } }), 'label value'],
  ];
  for (const [name, fieldPath, pod, want] of cases)
    it(`TestExtractFieldPathAsString "${name}"`, () =>
      assert.deepEqual(downwardFiles(pod, node(), [{ path: 'f', fieldRef: { fieldPath } }]), [
        { path: 'f', content: want },
      ]));
});

describe('fieldpath_test.go TestFormatMap', () => {
  const cases: [name: string, m: Record<string, string>, want: string][] = [
    ['nil', {}, ''],
    [
      'label',
      {
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'master01',
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/control-plane': 'true',
        'node-role.kubernetes.io/master': 'true',
      },
      [
        'beta.kubernetes.io/os="linux"',
        'kubernetes.io/arch="amd64"',
        'kubernetes.io/hostname="master01"',
        'kubernetes.io/os="linux"',
        'node-role.kubernetes.io/control-plane="true"',
        'node-role.kubernetes.io/master="true"',
      ].join('\n'),
    ],
    [
      'annotation',
      {
        'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"ce:f9:c7:a4:de:64"}',
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': '192.168.19.160',
        'management.cattle.io/pod-limits': '{"cpu":"11400m","memory":"7965Mi"}',
        'management.cattle.io/pod-requests': '{"cpu":"2482m","memory":"7984Mi","pods":"26"}',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      [
        'flannel.alpha.coreos.com/backend-data="{\\"VNI\\":1,\\"VtepMAC\\":\\"ce:f9:c7:a4:de:64\\"}"',
        'flannel.alpha.coreos.com/backend-type="vxlan"',
        'flannel.alpha.coreos.com/kube-subnet-manager="true"',
        'flannel.alpha.coreos.com/public-ip="192.168.19.160"',
        'management.cattle.io/pod-limits="{\\"cpu\\":\\"11400m\\",\\"memory\\":\\"7965Mi\\"}"',
        'management.cattle.io/pod-requests="{\\"cpu\\":\\"2482m\\",\\"memory\\":\\"7984Mi\\",\\"pods\\":\\"26\\"}"',
        'node.alpha.kubernetes.io/ttl="0"',
        'volumes.kubernetes.io/controller-managed-attach-detach="true"',
      ].join('\n'),
    ],
  ];
  for (const [name, m, want] of cases) it(`TestFormatMap "${name}"`, () => assert.equal(formatMap(m), want));
});
