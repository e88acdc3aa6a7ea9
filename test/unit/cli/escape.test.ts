import assert from 'node:assert/strict';
import { escapeControl } from '../../../src/cli/escape';

// Go's strconv.Quote spells the same characters \n, \x1b, \u202e (strconv/quote.go appendEscapedRune).
const cases: { name: string; line: string; want: string }[] = [
  {
    name: 'plain text stays as it is',
    line: 'Pod default/web  (pod.yaml, document 1)',
    want: 'Pod default/web  (pod.yaml, document 1)',
  },
  { name: 'a tab stays (kubectl tables use none, messages may)', line: 'a\tb', want: 'a\tb' },
  { name: 'a newline cannot start a new line', line: 'Pod a\n::error::x', want: 'Pod a\\n::error::x' },
  { name: 'a terminal escape is written out', line: 'red \u001b[31m', want: 'red \\x1b[31m' },
  { name: 'carriage return, bell and DEL', line: '\r\u0007\u007f', want: '\\r\\a\\x7f' },
  { name: 'a C1 control', line: 'a\u009bb', want: 'a\\x9bb' },
  { name: 'a bidirectional override', line: 'a\u202eb', want: 'a\\u202eb' },
  { name: 'a line separator', line: 'a\u2028b', want: 'a\\u2028b' },
  { name: 'a GitHub Actions command after indentation', line: '      ::error::x', want: '      \\x3a:error::x' },
  { name: 'an Azure Pipelines command', line: '##vso[task.logissue]x', want: '\\x23#vso[task.logissue]x' },
  { name: 'a single colon at the start is plain text', line: ':x', want: ':x' },
  { name: 'non-ASCII text stays', line: 'Endpoints:    web → 10.244.1.2', want: 'Endpoints:    web → 10.244.1.2' },
];

describe('escapeControl', () => {
  for (const c of cases) it(c.name, () => assert.equal(escapeControl(c.line), c.want));
});
