import assert from 'node:assert/strict';
import type { Pod } from '../../../../src/engine/k8s/objects';
import { allocatePodIP } from '../../../../src/engine/kubelet/cni';
import { cluster, node, pod } from './builders';

// host-local IPAM (containernetworking/plugins plugins/ipam/host-local/backend/allocator): the gateway .1 and the
// network address are never handed out, addresses held by pods on the node are skipped (kubelet reference §4.2).

const holding = (ip: string, nodeName = 'worker-1', phase: 'Running' | 'Succeeded' = 'Running'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `holder-${ip}`, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'c', image: 'x' }] },
  status: { phase, podIP: ip },
});

const cases: { name: string; holders: Pod[]; cidr?: string; want: string | null }[] = [
  { name: 'a fresh node gives .2', holders: [], want: '10.244.1.2' },
  { name: 'held addresses are skipped', holders: [holding('10.244.1.2'), holding('10.244.1.3')], want: '10.244.1.4' },
  { name: 'a gap is reused first', holders: [holding('10.244.1.3')], want: '10.244.1.2' },
  { name: 'pods on other nodes do not count', holders: [holding('10.244.1.2', 'worker-2')], want: '10.244.1.2' },
  { name: 'finished pods hold nothing', holders: [holding('10.244.1.2', 'worker-1', 'Succeeded')], want: '10.244.1.2' },
  { name: 'a /30 has one address after the gateway', holders: [], cidr: '10.0.0.0/30', want: '10.0.0.2' },
  { name: 'a full /30 has none left', holders: [holding('10.0.0.2')], cidr: '10.0.0.0/30', want: null },
];

describe('allocatePodIP', () => {
  for (const c of cases)
    it(c.name, () => {
      const n = node(c.cidr ? { podCIDR: c.cidr } : {});
      const got = allocatePodIP(pod(), n, cluster(c.holders, [n]));
      assert.equal(got.ip, c.want);
    });

  it('says the range is exhausted in host-local words', () => {
    const n = node({ podCIDR: '10.0.0.0/30' });
    const got = allocatePodIP(pod(), n, cluster([holding('10.0.0.2')], [n]));
    assert.equal(got.detail, 'no IP addresses available in range set: 10.0.0.1-10.0.0.2');
  });
});
