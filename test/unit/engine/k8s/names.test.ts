import assert from 'node:assert/strict';
import {
  ipErrors,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isHTTPHeaderName,
  nameIsDNSSubdomain,
} from '../../../../src/engine/k8s/names';

// Messages from k8s.io/apimachinery v0.34.1 pkg/util/validation/validation.go and ip.go (cases after
// validation_test.go TestIsDNS1123Label, TestIsQualifiedName, TestIsValidLabelValue, TestIsValidPortName,
// TestIsEnvVarName, TestIsConfigMapKey, TestIsValidIP); apiserver reference §4.
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QNAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

const cases: { name: string; got: () => string[]; want: string[] }[] = [
  { name: 'a plain label is valid', got: () => isDNS1123Label('my-name'), want: [] },
  { name: 'uppercase is not a label', got: () => isDNS1123Label('Web'), want: [LABEL_MSG] },
  {
    name: 'a dotted name is a subdomain but not a label',
    got: () => isDNS1123Label('a.b'),
    want: ['must not contain dots'],
  },
  {
    name: 'a 64-character label is too long',
    got: () => isDNS1123Label('a'.repeat(64)),
    want: ['must be no more than 63 characters'],
  },
  { name: 'a subdomain may contain dots', got: () => isDNS1123Subdomain('example.com'), want: [] },
  { name: 'an underscore is not a subdomain', got: () => isDNS1123Subdomain('my_pod'), want: [SUBDOMAIN_MSG] },
  {
    name: 'a generateName may end in a dash',
    got: () => nameIsDNSSubdomain('web-', true),
    want: [],
  },
  {
    name: 'a DNS-1035 label must start with a letter',
    got: () => isDNS1035Label('1abc'),
    want: [
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ],
  },
  { name: 'a prefixed qualified name is valid', got: () => isQualifiedName('example.com/MyName'), want: [] },
  { name: 'an empty prefix is reported', got: () => isQualifiedName('/a'), want: ['prefix part must be non-empty'] },
  { name: 'a bad name part is reported', got: () => isQualifiedName('a/-b'), want: [QNAME_PART_MSG] },
  {
    name: 'two slashes is not a qualified name',
    got: () => isQualifiedName('a/b/c'),
    want: [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  },
  { name: 'an empty label value is valid', got: () => isValidLabelValue(''), want: [] },
  { name: 'a label value may not start with a dash', got: () => isValidLabelValue('-a'), want: [LABEL_VALUE_MSG] },
  {
    name: 'a port name breaks every IANA rule it can',
    got: () => isValidPortName('-HTTP--0123456789-'),
    want: [
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ],
  },
  { name: 'a port name with letters is valid', got: () => isValidPortName('http-alt'), want: [] },
  {
    name: 'the strict env var rule refuses a leading digit',
    got: () => isEnvVarName('1A'),
    want: [
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ],
  },
  { name: 'the relaxed env var rule (v1.34) accepts a leading digit', got: () => isRelaxedEnvVarName('1A'), want: [] },
  {
    name: 'the relaxed env var rule refuses "="',
    got: () => isRelaxedEnvVarName('A=B'),
    want: ["a valid environment variable name must consist only of printable ASCII characters other than '='"],
  },
  { name: 'a config key may not be ".."', got: () => isConfigMapKey('..'), want: ["must not be '..'"] },
  { name: 'an IPv4 address is valid', got: () => ipErrors('10.9.8.7'), want: [] },
  // k8s.io/apimachinery v0.34 pkg/util/validation/ip.go IsValidIP: ParseIPSloppy only (StrictIPCIDRValidation is off).
  { name: 'leading zeros are accepted (sloppy parse)', got: () => ipErrors('010.1.1.1'), want: [] },
  {
    name: 'a hostname is not an IP',
    got: () => ipErrors('dns.example'),
    want: [IP_MSG],
  },
  { name: 'a canonical IPv6 address is valid', got: () => ipErrors('2001:db8::1'), want: [] },
  { name: 'a non-canonical IPv6 address is accepted', got: () => ipErrors('2001:db8:0:0:0:0:0:1'), want: [] },
  { name: 'an out-of-range IPv4 part is not an IP', got: () => ipErrors('999.999.999.999'), want: [IP_MSG] },
];

describe('name and value syntax', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(c.got(), c.want));
});

// k8s.io/apimachinery pkg/util/validation/validation_test.go: the good and bad value lists, checked for "no
// messages" and "some message" as upstream does.
const a = (n: number) => 'a'.repeat(n);
const tables: { test: string; fn: (v: string) => string[]; good: string[]; bad: string[] }[] = [
  {
    test: 'TestIsDNS1123Label',
    fn: isDNS1123Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)],
    bad: [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_b',
      '.',
      'a.b',
      ' ',
      'a b',
      a(64),
    ],
  },
  {
    test: 'TestIsDNS1123Subdomain',
    fn: isDNS1123Subdomain,
    good: ['a', 'a--1--2--b', 'a.a', 'a-1.1', '0.1', 'a.b.c.d.e', '1.2.3.4.5', a(253)],
    bad: ['', 'A', '-', 'a-', '_a', '.', 'a.', '.a', 'a..b', 'A.a', 'ab.A', 'a@b', 'a,b', 'a_b', 'a:b', a(254)],
  },
  {
    test: 'TestIsDNS1035Label',
    fn: isDNS1035Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)],
    bad: ['0', '01', '1a', '1-a', '', 'A', '-', 'a-', '-a', '_', 'a.b', 'a b', a(64)],
  },
  {
    test: 'TestIsValidPortName',
    fn: isValidPortName,
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: ['longerthan15characters', '', a(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
  },
  {
    test: 'TestIsQualifiedName',
    fn: isQualifiedName,
    good: [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now.with.dots/simple',
      '1-num.2-num/3-num',
      '1.2.3.4/5678',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      'requests.storage-foo',
      a(63),
      `${a(253)}/${'b'.repeat(63)}`,
    ],
    bad: [
      'nospecialchars%^=@',
      'cantendwithadash-',
      '-cantstartwithadash-',
      'only/one/slash',
      'Example.com/abc',
      'example_com/abc',
      'example.com/',
      '/simple',
      a(64),
      `${a(254)}/abc`,
    ],
  },
  {
    test: 'TestIsValidLabelValue',
    fn: isValidLabelValue,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), ''],
    bad: [
      'nospecialchars%^=@',
      'Tama-nui-te-rā.is.Māori.sun',
      '\\backslashes\\are\\bad',
      '-starts-with-dash',
      'ends-with-dash-',
      '.starts.with.dot',
      'ends.with.dot.',
      a(64),
    ],
  },
  {
    test: 'TestIsHTTPHeaderName',
    fn: isHTTPHeaderName,
    good: [
      'Accept-Encoding',
      'Host',
      'If-Modified-Since',
      'X-Forwarded-For',
      'a',
      '-a',
      'a-',
      '--abc-123',
      'A--1--2--B',
    ],
    bad: [
      'Host:',
      'X-Forwarded-For:',
      'X-@Home',
      '',
      '_',
      'a.b',
      ' ',
      'a b',
      '#a#',
      '^',
      ',',
      ';',
      '=',
      '<',
      '?',
      '@',
      '{',
    ],
  },
  {
    test: 'TestIsValidPercent',
    fn: isValidPercent,
    good: ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'],
    bad: ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'],
  },
  {
    test: 'TestIsConfigMapKey',
    fn: isConfigMapKey,
    good: ['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'],
    bad: ['.', '..', '..bad', 'b*d', 'bad!&bad'],
  },
  {
    test: 'TestIsRelaxedEnvVarName',
    fn: isRelaxedEnvVarName,
    good: [
      '-',
      ':',
      '_',
      '+a',
      '>a',
      '<a',
      'a.',
      'a..',
      '*a',
      '%a',
      '?a',
      'a:a',
      '~a',
      '|a',
      '/a',
      'a ',
      '#a',
      '0a',
      '0 a',
    ],
    bad: ['', '=', 'a=', '1=a', 'a=b'],
  },
];

describe('apimachinery validation_test.go tables (ported)', () => {
  for (const t of tables) {
    for (const v of t.good)
      it(`${t.test} accepts ${JSON.stringify(v.slice(0, 40))}`, () => assert.deepEqual(t.fn(v), []));
    for (const v of t.bad) {
      it(`${t.test} refuses ${JSON.stringify(v.slice(0, 40))}`, () => assert.ok(t.fn(v).length > 0));
    }
  }
  for (const port of [1, 2, 1000, 16384, 32768, 65535]) {
    it(`TestIsValidPortNum accepts ${port}`, () => assert.deepEqual(isValidPortNum(port), []));
  }
  for (const port of [0, -1, 65536, 100000]) {
    it(`TestIsValidPortNum refuses ${port}`, () => assert.ok(isValidPortNum(port).length > 0));
  }
});
