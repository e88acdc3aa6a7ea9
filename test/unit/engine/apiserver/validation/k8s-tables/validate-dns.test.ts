// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateRestartPolicy, TestValidateDNSPolicy
// and TestValidatePodDNSConfig, as fields of a v1 Pod (`spec.restartPolicy`, `spec.dnsPolicy`, `spec.dnsConfig`).
// Upstream asserts only that an error occurs; the texts are validation.go's. An empty restartPolicy or dnsPolicy is
// defaulted in v1 before validation, so those cases do not apply.
import { pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const D = 'spec.dnsConfig';
const dns = (dnsConfig: Record<string, unknown>, dnsPolicy = 'ClusterFirst') => pod({ dnsConfig, dnsPolicy });
const a = (n: number) => 'a'.repeat(n);
const paths32 = [
  'custom',
  'mydomain.com',
  'local',
  'cluster.local',
  'svc.cluster.local',
  'default.svc.cluster.local.',
  ...Array.from({ length: 26 }, (_, i) => String(i + 7)),
];
const SUBDOMAIN_US =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";

const cases: TableCase[] = [
  {
    upstream: 'TestValidateRestartPolicy errorCases ("newpolicy")',
    obj: pod({ restartPolicy: 'newpolicy' }),
    want: [
      e(
        'spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "newpolicy": supported values: "Always", "OnFailure", "Never"',
      ),
    ],
  },
  {
    upstream: 'TestValidateDNSPolicy errorCases ("invalid")',
    obj: pod({ dnsPolicy: 'invalid' }),
    want: [
      e(
        'spec.dnsPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "invalid": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ),
    ],
  },
  { upstream: 'TestValidatePodDNSConfig "valid: empty DNSConfig"', obj: dns({}), want: [] },
  {
    upstream: 'TestValidatePodDNSConfig "valid: 1 search path with trailing period"',
    obj: dns({ searches: ['custom.'] }),
    want: [],
  },
  {
    upstream: 'TestValidatePodDNSConfig "valid: 3 nameservers and 32 search paths"',
    obj: dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], searches: paths32 }),
    want: [],
  },
  {
    upstream: 'TestValidatePodDNSConfig "valid: 2048 characters in search path list"',
    obj: dns({ searches: [a(64), ...Array.from({ length: 31 }, () => a(63))] }),
    want: [],
  },
  {
    upstream: 'TestValidatePodDNSConfig "valid: ipv6 nameserver"',
    obj: dns({ nameservers: ['FE80::0202:B3FF:FE1E:8329'] }),
    want: [],
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid: 4 nameservers"',
    obj: dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'] }),
    want: [
      e(
        `${D}.nameservers`,
        'FieldValueInvalid',
        'Invalid value: ["127.0.0.1","10.0.0.10","8.8.8.8","1.2.3.4"]: must not have more than 3 nameservers',
      ),
    ],
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid: 33 search paths"',
    obj: dns({ searches: [...paths32, '33'] }),
    want: [e(`${D}.searches`, 'FieldValueInvalid')],
    contains: 'must not have more than 32 search paths',
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid: 2049 characters in search path list"',
    obj: dns({ searches: [a(65), ...Array.from({ length: 31 }, () => a(63))] }),
    want: [e(`${D}.searches`, 'FieldValueInvalid')],
    contains: 'must not have more than 2048 characters (including spaces) in the search list',
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid search path"',
    obj: dns({ searches: ['custom?'] }),
    want: [e(`${D}.searches[0]`, 'FieldValueInvalid', `Invalid value: "custom?": ${SUBDOMAIN_US}`)],
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid nameserver"',
    obj: dns({ nameservers: ['invalid'] }),
    want: [
      e(
        `${D}.nameservers[0]`,
        'FieldValueInvalid',
        'Invalid value: "invalid": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ),
    ],
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid empty option name"',
    obj: dns({ options: [{ value: '2' }] }),
    want: [e(`${D}.options[0]`, 'FieldValueRequired', 'Required value: must not be empty')],
  },
  {
    upstream: 'TestValidatePodDNSConfig "invalid: DNSNone with 0 nameserver"',
    obj: dns({ searches: ['custom'] }, 'None'),
    want: [
      e(
        `${D}.nameservers`,
        'FieldValueRequired',
        'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
      ),
    ],
  },
  {
    upstream: 'TestValidatePodDNSConfig "valid: DNSNone with 1 nameserver"',
    obj: dns({ nameservers: ['127.0.0.1'] }, 'None'),
    want: [],
  },
];

runTable('TestValidateRestartPolicy / TestValidateDNSPolicy / TestValidatePodDNSConfig', cases);
