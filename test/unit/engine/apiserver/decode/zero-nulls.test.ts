import assert from 'node:assert/strict';
import { zeroNulls } from '../../../../../src/engine/apiserver/decode/zero-nulls';

// encoding/json: a JSON null sets a pointer, slice, map or interface to nil and leaves any other Go value as it was;
// resource.Quantity.UnmarshalJSON turns null into the zero quantity; an absent plain field keeps its zero value
// (k8s.io/api core/v1 and apps/v1 types.go say which fields are pointers).
const cases: { name: string; type: string; in: unknown; want: unknown }[] = [
  {
    name: 'a null field is the same as an absent one',
    type: 'core.v1.Container',
    in: { name: 'app', image: null, command: null },
    want: { name: 'app' },
  },
  {
    name: 'a null list element is a zero struct, whose required string is ""',
    type: 'core.v1.PodSpec',
    in: { containers: [null] },
    want: { containers: [{ name: '' }] },
  },
  {
    name: 'a null quantity in a resource list is the zero quantity',
    type: 'core.v1.ResourceRequirements',
    in: { requests: { cpu: null, memory: '64Mi' } },
    want: { requests: { cpu: '0', memory: '64Mi' } },
  },
  {
    name: 'a missing httpGet port is the int 0 (a plain IntOrString)',
    type: 'core.v1.HTTPGetAction',
    in: { path: '/' },
    want: { path: '/', port: 0 },
  },
  {
    name: 'a preferred term without its preference holds a zero NodeSelectorTerm',
    type: 'core.v1.PreferredSchedulingTerm',
    in: { weight: 1 },
    want: { weight: 1, preference: {} },
  },
  {
    name: "a Deployment's selector is a pointer: absent stays absent",
    type: 'apps.v1.DeploymentSpec',
    in: { template: { spec: { containers: [] } } },
    want: { template: { spec: { containers: [] } } },
  },
  {
    name: 'values of the wrong type are left for strict decoding to report',
    type: 'core.v1.Container',
    in: { name: 7, ports: 'x' },
    want: { name: 7, ports: 'x' },
  },
];

describe('decoded object: JSON nulls and absent plain fields as Go holds them', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(zeroNulls(c.in, c.type), c.want));
});
