import assert from 'node:assert/strict';
import { formatLabels, servicesSelectingNothing } from '../../../../src/engine/endpoints/unmatched-services';
import type { KubeObject, Pod, Service } from '../../../../src/engine/k8s/objects';
import { pod, service } from './builders';

// The reverse of the endpoints stage: services reference §13 rows "Selector does not match pod labels" and
// "Service has no selector", whose observables are the EndpointSlice contents and the describe Endpoints line.
describe('servicesSelectingNothing', () => {
  /** A hand-made EndpointSlice for Service default/web, as the Services page writes one. */
  const slice = (ready?: boolean): KubeObject => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.4.5.6'], ...(ready === undefined ? {} : { conditions: { ready } }) }],
  });
  const cases: { name: string; services: Service[]; pods: Pod[]; slices?: KubeObject[]; want: string[][] }[] = [
    {
      name: 'a Service whose selector matches a pod is not reported',
      services: [service({})],
      pods: [pod()],
      want: [],
    },
    {
      name: 'a selector typo: the placeholder slice, an empty Endpoints line, REJECT, DNS still answers',
      services: [service({})],
      pods: [pod({ labels: { app: 'webb' } })],
      want: [
        [
          'Service default/web selects no pod (selector app=web).',
          'its only EndpointSlice has no endpoints',
          '`kubectl describe service web` shows "Endpoints:" with nothing after it',
          'kube-proxy installs "default/web:http has no endpoints" (REJECT)',
          'DNS still answers web.default.svc.cluster.local with the cluster IP',
          'no event is recorded',
          "Simulator's explanation: pod web-0 matches every selector label but app: the selector wants app=web, the pod has app=webb",
        ],
      ],
    },
    {
      name: 'pods with the labels only in another namespace: selection is namespace-local',
      services: [service({})],
      pods: [pod({ namespace: 'prod' })],
      want: [
        [
          'pods with these labels exist in namespace prod, but a Service selects pods of its own namespace (default) only',
        ],
      ],
    },
    {
      name: 'a pod missing one selector label',
      services: [service({ selector: { app: 'web', tier: 'frontend' } })],
      pods: [pod()],
      want: [['(selector app=web,tier=frontend)', 'the selector wants tier=frontend, the pod has no label tier']],
    },
    {
      name: 'a headless Service selecting nothing has no DNS address records',
      services: [service({ spec: { clusterIP: 'None' } })],
      pods: [],
      want: [
        [
          'the Service is headless, so DNS has no address record for it',
          'no pod in namespace default carries all of these labels',
        ],
      ],
    },
    {
      name: 'a Service without a selector: no EndpointSlice at all, Endpoints: <none>',
      services: [service({ selector: null })],
      pods: [pod()],
      want: [
        [
          'Service default/web has no selector.',
          'the EndpointSlice controller creates no EndpointSlice for it',
          '"Endpoints: <none>"',
          'unless EndpointSlices labelled kubernetes.io/service-name=web with ready endpoints are created by hand',
        ],
      ],
    },
    {
      // "Accessing a Service without a selector works the same as if it had a selector" (Services page).
      name: 'a Service without a selector backed by a hand-made EndpointSlice (ready unset counts as ready)',
      services: [service({ selector: null })],
      pods: [],
      slices: [slice()],
      want: [],
    },
    {
      name: 'a Service without a selector whose hand-made EndpointSlice has no ready endpoint',
      services: [service({ selector: null })],
      pods: [],
      slices: [slice(false)],
      want: [['its hand-made EndpointSlices list no ready endpoint', '"Endpoints:" with nothing after it']],
    },
    {
      name: 'an ExternalName Service needs no endpoints',
      services: [service({ selector: null, spec: { type: 'ExternalName', externalName: 'db.example.com' } })],
      pods: [],
      want: [],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = servicesSelectingNothing(c.services, c.pods, {
        zone: 'cluster.local',
        endpointSlices: c.slices ?? [],
      });
      assert.equal(got.length, c.want.length);
      got.forEach((g, i) => {
        assert.equal(g.service, c.services[i]);
        for (const part of c.want[i] ?? []) assert.ok(g.message.includes(part), `message has: ${part}\n${g.message}`);
      });
    });

  // labels.FormatLabels (k8s.io/apimachinery/pkg/labels/labels.go): sorted keys, "<none>" when empty.
  it('formats selectors as kubectl does', () => {
    assert.equal(formatLabels({ tier: 'frontend', app: 'web' }), 'app=web,tier=frontend');
    assert.equal(formatLabels({}), '<none>');
  });
});
