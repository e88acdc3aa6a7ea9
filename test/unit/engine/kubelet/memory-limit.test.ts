import assert from 'node:assert/strict';
import { predictedOOMKill } from '../../../../src/engine/kubelet/memory-limit';
import { container } from './builders';

// stress.c: `--vm N` / `-m N` workers each hold `--vm-bytes` (default 256M, suffixes powers of 1024, atoll_b). Over
// the container's memory limit, the OOM killer ends the run (docs: Assign Memory Resources to Containers and Pods).
describe('predictedOOMKill', () => {
  const stress = (vmBytes: string[], limit?: string): ReturnType<typeof predictedOOMKill> =>
    predictedOOMKill(
      container({ resources: limit ? { limits: { memory: limit } } : {} }),
      ['stress', '--vm', '1', ...vmBytes, '--vm-hang', '1'],
      ['spec', 'containers', 0],
    );
  it('memory-demo-2: 250M over 100Mi is killed', () =>
    assert.deepEqual(stress(['--vm-bytes', '250M'], '100Mi'), {
      allocates: 262144000,
      limit: '100Mi',
      limitBytes: 104857600,
      segments: ['spec', 'containers', 0, 'resources', 'limits', 'memory'],
    }));
  it('memory-demo: 150M under 200Mi runs', () => assert.equal(stress(['--vm-bytes', '150M'], '200Mi'), null));
  it('the default 256M per worker', () => assert.equal(stress([], '200Mi')?.allocates, 268435456));
  it('no memory limit: nothing to exceed', () => assert.equal(stress(['--vm-bytes', '250M']), null));
  it('two workers with -m', () =>
    assert.equal(
      predictedOOMKill(
        container({ resources: { limits: { memory: '300Mi' } } }),
        ['/usr/bin/stress', '-m', '2', '--vm-bytes', '200m'],
        ['spec', 'containers', 0],
      )?.allocates,
      419430400,
    ));
  it('stress without memory workers', () =>
    assert.equal(
      predictedOOMKill(container({ resources: { limits: { memory: '1Mi' } } }), ['stress', '--cpu', '2'], []),
      null,
    ));
  it('another program', () =>
    assert.equal(predictedOOMKill(container({ resources: { limits: { memory: '1Mi' } } }), ['nginx'], []), null));
});
