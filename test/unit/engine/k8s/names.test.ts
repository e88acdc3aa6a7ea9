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
  isValidPortName,
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
  { name: 'leading zeros are refused', got: () => ipErrors('010.1.1.1'), want: ['must not have leading 0s'] },
  {
    name: 'a hostname is not an IP',
    got: () => ipErrors('dns.example'),
    want: ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
  },
  { name: 'a canonical IPv6 address is valid', got: () => ipErrors('2001:db8::1'), want: [] },
  {
    name: 'a non-canonical IPv6 address is refused',
    got: () => ipErrors('2001:db8:0:0:0:0:0:1'),
    want: ['must be in canonical form ("2001:db8::1")'],
  },
];

describe('name and value syntax', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(c.got(), c.want));
});
