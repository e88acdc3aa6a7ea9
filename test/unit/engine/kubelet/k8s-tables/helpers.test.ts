// kubernetes/kubernetes pkg/kubelet/container/helpers_test.go TestExpandCommandAndArgs and
// TestExpandVolumeMountsWithSubpath, kubelet_pods_linux_test.go TestMakeMounts (its sub-path error rows; the
// "volume doesn't exist" rows are refused by API validation first), and what they mean for a simulated run: the runtime gets the expanded command,
// so its exit is predicted from that, and a subPathExpr that does not expand fails the container's config
// (kubelet_pods.go makeMounts). TestExpandVolumeMountsWithSubpath's mountPath expectations are left out: makeMounts
// does not expand mountPath.
import assert from 'node:assert/strict';
import { expandContainerCommandAndArgs } from '../../../../../src/engine/kubelet/expansion';
import { expandSubPathExpr, subPathExprError } from '../../../../../src/engine/kubelet/subpath-expr';
import { runKubelet } from '../../../../../src/engine/kubelet';
import { cluster, container, node, pod } from '../builders';

const cases: {
  name: string;
  container: { command?: string[]; args?: string[] };
  envs: [string, string][];
  command: string[];
  args: string[];
}[] = [
  { name: 'none', container: {}, envs: [], command: [], args: [] },
  {
    name: 'command expanded',
    container: { command: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'] },
    envs: [
      ['VAR_TEST', 'zoo'],
      ['VAR_TEST2', 'boo'],
    ],
    command: ['foo', 'zoo', 'boo'],
    args: [],
  },
  {
    name: 'args expanded',
    container: { args: ['zap', '$(VAR_TEST)', '$(VAR_TEST2)'] },
    envs: [
      ['VAR_TEST', 'hap'],
      ['VAR_TEST2', 'trap'],
    ],
    command: [],
    args: ['zap', 'hap', 'trap'],
  },
  {
    name: 'both expanded',
    container: {
      command: ['$(VAR_TEST2)--$(VAR_TEST)', 'foo', '$(VAR_TEST3)'],
      args: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'],
    },
    envs: [
      ['VAR_TEST', 'zoo'],
      ['VAR_TEST2', 'boo'],
      ['VAR_TEST3', 'roo'],
    ],
    command: ['boo--zoo', 'foo', 'roo'],
    args: ['foo', 'zoo', 'boo'],
  },
];

describe('container helpers_test.go TestExpandCommandAndArgs', () => {
  for (const c of cases)
    it(`TestExpandCommandAndArgs "${c.name}"`, () =>
      assert.deepEqual(expandContainerCommandAndArgs(c.container, new Map(c.envs)), {
        command: c.command,
        args: c.args,
        tooLong: 0,
      }));

  it('the exit of an expanded command is the one predicted (kubelet reference §6.2)', () => {
    const p = pod({
      restartPolicy: 'Never',
      containers: [container({ command: ['sh', '-c', 'exit $(CODE)'], env: [{ name: 'CODE', value: '3' }] })],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.containers.map((s) => [s.state, s.reason]),
      [['terminated', 'Error']],
    );
    assert.equal(out.finalState.phase, 'Failed');
  });
});

// TestExpandVolumeMountsWithSubpath: [name, subPathExpr, envs, expected subPath or null when the expansion fails].
const subPathCases: [string, string, [string, string][], string | null][] = [
  ['subpath with no expansion', 'foo', [], 'foo'],
  ['volumes with expanded subpath', 'foo/$(POD_NAME)', [['POD_NAME', 'bar']], 'foo/bar'],
  ['volumes expanded with empty subpath', '', [['POD_NAME', 'bar']], ''],
  ['volumes expanded with no envs subpath', '/foo/$(POD_NAME)', [], null],
  ['volumes expanded with leading environment variable', '$(POD_NAME)/bar', [['POD_NAME', 'foo']], 'foo/bar'],
  ['volumes with volume and subpath', '$(POD_NAME)/bar', [['POD_NAME', 'foo']], 'foo/bar'],
  ['subpaths with empty environment variable', 'foo/$(POD_NAME)/$(ANNOTATION)', [['ANNOTATION', '']], null],
  ['subpaths with missing env variables', 'foo/$(ODD_NAME)/$(POD_NAME)', [['ODD_NAME', 'bar']], null],
  ['subpaths with empty expansion', '$()', [], null],
  [
    'subpaths with nested expandable envs',
    '$(POD_NAME$(ANNOTATION))',
    [
      ['POD_NAME', 'foo'],
      ['ANNOTATION', 'bar'],
    ],
    null,
  ],
  ['mountpath and subpath with no expansion', 'bar', [['POD_NAME', 'foo']], 'bar'],
  ['volumes with volume and mountpath', '$(POD_NAME)/bar', [['POD_NAME', 'foo']], 'foo/bar'],
  ['mouthpath with missing env variables', '$(POD_NAME)', [['ODD_NAME', 'bar']], null],
];

describe('container helpers_test.go TestExpandVolumeMountsWithSubpath', () => {
  for (const [name, expr, envs, want] of subPathCases)
    it(`TestExpandVolumeMountsWithSubpath "${name}"`, () => {
      const got = expandSubPathExpr(expr, new Map(envs));
      if (want === null) assert.notEqual(got.error, null);
      else assert.deepEqual(got, { subPath: want, error: null });
    });

  it('the error names every missing variable, sorted (helpers.go: "missing value for %s")', () =>
    assert.deepEqual(expandSubPathExpr('foo/$(POD_NAME)/$(ANNOTATION)', new Map([['ANNOTATION', '']])), {
      subPath: null,
      error: 'missing value for ANNOTATION, POD_NAME',
    }));

  const mountPod = (subPathExpr: string, env: { name: string; value: string }[]) =>
    pod({
      volumes: [{ name: 'work', emptyDir: {} }],
      containers: [container({ env, volumeMounts: [{ name: 'work', mountPath: '/work', subPathExpr }] })],
    });
  const cases: [string, string, { name: string; value: string }[], string | null][] = [
    ['an unset variable', '$(POD_NAME)', [], 'missing value for POD_NAME'],
    [
      'an absolute expansion (makeMounts)',
      '$(DIR)',
      [{ name: 'DIR', value: '/etc' }],
      'error SubPath `/etc` must not be an absolute path',
    ],
    [
      'an expansion with .. (makeMounts, ValidatePathNoBacksteps)',
      'a/$(UP)',
      [{ name: 'UP', value: '..' }],
      "unable to provision SubPath `a/..`: must not contain '..'",
    ],
    ['a set variable', 'logs/$(POD)', [{ name: 'POD', value: 'web' }], null],
  ];
  for (const [name, expr, env, want] of cases)
    it(`a subPathExpr with ${name}: ${want === null ? 'the container starts' : 'CreateContainerConfigError'}`, () => {
      const out = runKubelet(mountPod(expr, env), node(), cluster(), 0);
      const failed = out.events.filter((e) => e.reason === 'Failed').map((e) => e.message);
      assert.deepEqual(failed, want === null ? [] : [`Error: ${want}`]);
      assert.deepEqual(
        out.finalState.containers.map((s) => s.reason ?? s.state),
        [want === null ? 'running' : 'CreateContainerConfigError'],
      );
    });
});

describe('kubelet_pods_linux_test.go TestMakeMounts', () => {
  const cases: [name: string, subPath: string, error: string][] = [
    [
      'invalid absolute SubPath',
      '/must/not/be/absolute',
      'error SubPath `/must/not/be/absolute` must not be an absolute path',
    ],
    [
      'invalid SubPath with backsteps',
      'no/backsteps/../allowed',
      "unable to provision SubPath `no/backsteps/../allowed`: must not contain '..'",
    ],
  ];
  for (const [name, subPath, error] of cases)
    it(`TestMakeMounts "${name}"`, () =>
      assert.deepEqual(
        subPathExprError(
          { name: 'c', volumeMounts: [{ mountPath: '/mnt/path3', subPath, name: 'disk', readOnly: true }] },
          ['spec', 'containers', 0],
          new Map(),
        ),
        { message: error, segments: ['spec', 'containers', 0, 'volumeMounts', 0, 'subPath'] },
      ));
  it('TestMakeMounts "valid mounts in unprivileged container": no error', () =>
    assert.equal(
      subPathExprError(
        {
          name: 'container1',
          volumeMounts: [
            { mountPath: '/etc/hosts', name: 'disk' },
            { mountPath: '/mnt/path4', name: 'disk4' },
          ],
        },
        ['spec', 'containers', 0],
        new Map(),
      ),
      null,
    ));
});
