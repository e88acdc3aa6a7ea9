// kubernetes/kubernetes pkg/kubelet/prober/prober_test.go TestGetURLParts and TestGetTCPAddrParts: which probe ports
// pkg/probe/util.go ResolveContainerPort accepts for a container with the port "found" = 93. Upstream asserts only
// error or not; the texts are util.go's (strconv.Atoi's for a name that is not a number).
import assert from 'node:assert/strict';
import { resolvePortError } from '../../../../../src/engine/kubelet/probes';
import { container } from '../builders';

const c = container({ ports: [{ name: 'found', containerPort: 93 }] });
const cases: [port: number | string, error: string | null][] = [
  [-1, 'invalid port number: -1'],
  ['', 'strconv.Atoi: parsing "": invalid syntax'],
  ['-1', 'invalid port number: -1'],
  ['not-found', 'strconv.Atoi: parsing "not-found": invalid syntax'],
  ['found', null],
  [76, null],
  ['118', null],
];

describe('prober_test.go ResolveContainerPort', () => {
  for (const test of ['TestGetURLParts', 'TestGetTCPAddrParts'])
    for (const [port, error] of cases)
      it(`${test} port ${JSON.stringify(port)}`, () => assert.equal(resolvePortError(c, port), error));
});
