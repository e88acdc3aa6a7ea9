import assert from 'node:assert/strict';
import { runtimeClass } from '../../../../../src/engine/apiserver/admission/runtime-class';
import { clusterWith, pod, request } from './builders';

// plugin/pkg/admission/runtimeclass: snapshots (DESIGN.md §5) list no RuntimeClasses, so a named class is assumed.
describe('RuntimeClass admission', () => {
  it('admits a pod without runtimeClassName and changes nothing', () => {
    const p = pod();
    assert.equal(runtimeClass(request(p, clusterWith())).denial, undefined);
    assert.equal(p.spec?.overhead, undefined);
  });

  it('assumes a named class exists and says so', () => {
    const out = runtimeClass(request(pod({ runtimeClassName: 'gvisor' }), clusterWith()));
    assert.equal(out.denial, undefined);
    assert.match(out.notes.join(' '), /RuntimeClass "gvisor" is assumed to exist/);
  });
});
