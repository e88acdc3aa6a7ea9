import assert from 'node:assert/strict';
import { namespaceLifecycle } from '../../../../../src/engine/apiserver/admission/namespace-lifecycle';
import { clusterWith, namespace } from './builders';

// Messages: k8s.io/apiserver pkg/admission/plugin/namespace/lifecycle/admission.go; apiserver reference §6.1, §7.
const cases = [
  {
    name: 'a namespace that does not exist is NotFound',
    cluster: clusterWith([namespace('default')]),
    ns: 'foo',
    want: { reason: 'NotFound', message: 'namespaces "foo" not found', segments: ['metadata', 'namespace'] },
  },
  {
    name: 'a terminating namespace refuses new content',
    cluster: clusterWith([namespace('old', {}, 'Terminating')]),
    ns: 'old',
    want: {
      reason: 'Forbidden',
      message: 'pods "x" is forbidden: unable to create new content in namespace old because it is being terminated',
      segments: ['metadata', 'namespace'],
    },
  },
  { name: 'an active namespace admits', cluster: clusterWith([namespace('default')]), ns: 'default', want: undefined },
  {
    name: 'a snapshot that lists no namespaces assumes the namespace exists',
    cluster: clusterWith([], ['Node']),
    ns: 'anything',
    want: undefined,
  },
];

describe('NamespaceLifecycle admission', () => {
  for (const c of cases)
    it(c.name, () => assert.deepEqual(namespaceLifecycle(c.cluster, c.ns, 'pods', 'x').denial, c.want));
});
