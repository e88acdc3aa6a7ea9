import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/engine/analyze';
import type { FileAnalysis } from '../../../../src/engine/analyze';
import { goJSONObjectError } from '../../../../src/engine/objects/go-json';
import { makeCluster, makeNode } from '../scheduler/builders';

// Issue #9, "explicit limits that match Kubernetes' own": where the input could make the work grow without end, the
// simulation stops where the real system stops, and says so.

const cluster = () =>
  makeCluster([makeNode('n1')], [], [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }]);
const analyze = (text: string): FileAnalysis => analyzeText(text, 'limits.yaml', cluster(), { namespace: 'default' });

/** `n` variables each expanding the previous twice, from 8 bytes (the issue had 60: 8 bytes doubled 59 times). */
function doublingEnv(n: number): string {
  const env = ['    - name: V0', '      value: abcdefgh'];
  for (let i = 1; i < n; i++) env.push(`    - name: V${i}`, `      value: $(V${i - 1})$(V${i - 1})`);
  return `apiVersion: v1
kind: Pod
metadata:
  name: envd
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo $(V${n - 1})"]
    env:
${env.join('\n')}
`;
}

describe('hostile inputs: limits (issue #9)', () => {
  it('issue #9: env vars each expanding the previous twice stop at MAX_ARG_STRLEN (131072), with a finding', () => {
    const r = analyze(doublingEnv(16)).results[0];
    const limited = r?.findings.filter((f) => f.code === 'ExpansionLimit') ?? [];
    // V14 is 8 * 2^14 = 131072 characters: with "V14=" it passes what execve takes. Its value is then unknown, so
    // the later ones are expanded at run time, as a Secret's would be.
    assert.deepEqual(
      limited.map((f) => f.path),
      ['spec.containers[0].env[14].value'],
    );
    assert.match(limited[0]?.message ?? '', /more than 131072 characters.*MAX_ARG_STRLEN/);
  });

  // encoding/json scanner.go: pushParseState fails once len(parseState) > maxNestingDepth (10000) with
  // s.error(c, "exceeded max depth"); ValidateSecret reports json.Unmarshal's error for a dockerconfigjson key.
  const depth = (n: number) => `{"auths":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;
  const cases: { name: string; data: string; want: string | null }[] = [
    { name: 'issue #9: nested 10,000 deep (maxNestingDepth) decodes', data: depth(10000), want: null },
    {
      name: 'issue #9: nested 10,001 deep is a syntax error at the bracket past the limit',
      data: depth(10001),
      want: "invalid character '[' exceeded max depth",
    },
    {
      name: 'issue #9: a dockerconfigjson nested 20,000 deep answers as Go does, without a stack overflow',
      data: depth(20000),
      want: "invalid character '[' exceeded max depth",
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(goJSONObjectError(c.data), c.want));
});
