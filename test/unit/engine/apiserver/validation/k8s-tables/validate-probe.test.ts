// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go Test_validateProbe, TestValidateProbe and
// TestValidateHandler. Upstream calls validateProbe/validateHandler on a bare `test`/`field` path; here each probe
// is a readinessProbe of the first container (readiness adds no successThreshold rule), and each handler a
// postStart hook. Test_validateProbe cases have no names, so they are cited by the field they set.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const R = 'spec.containers[0].readinessProbe';
const L = 'spec.containers[0].livenessProbe';
const H = 'spec.containers[0].lifecycle.postStart';
const probe = (extra: Record<string, unknown>) => pod({ containers: [container({ readinessProbe: extra })] });
const handler = (h: Record<string, unknown>) => pod({ containers: [container({ lifecycle: { postStart: h } })] });
const echo = { exec: { command: ['echo'] } };
const GE0 = 'must be greater than or equal to 0';
const HEADER_MSG =
  "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

const cases: TableCase[] = [
  {
    upstream: 'Test_validateProbe (empty probe: "must specify a handler type")',
    obj: probe({}),
    want: [e(R, 'FieldValueRequired', 'Required value: must specify a handler type')],
  },
  { upstream: 'Test_validateProbe (exec echo is valid)', obj: probe(echo), want: [] },
  ...(['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const).map(
    (f) => ({
      upstream: `Test_validateProbe (${f} -1: "${GE0}")`,
      obj: probe({ ...echo, [f]: -1 }),
      want: [e(`${R}.${f}`, 'FieldValueInvalid', `Invalid value: -1: ${GE0}`)],
    }),
  ),
  {
    upstream: 'Test_validateProbe (terminationGracePeriodSeconds -1: "must be greater than 0")',
    obj: pod({ containers: [container({ livenessProbe: { ...echo, terminationGracePeriodSeconds: -1 } })] }),
    want: [e(`${L}.terminationGracePeriodSeconds`, 'FieldValueInvalid', 'Invalid value: -1: must be greater than 0')],
  },
  {
    upstream: 'Test_validateProbe (terminationGracePeriodSeconds 0: "must be greater than 0")',
    obj: pod({ containers: [container({ livenessProbe: { ...echo, terminationGracePeriodSeconds: 0 } })] }),
    want: [e(`${L}.terminationGracePeriodSeconds`, 'FieldValueInvalid', 'Invalid value: 0: must be greater than 0')],
  },
  {
    upstream: 'Test_validateProbe (terminationGracePeriodSeconds 1 is valid)',
    obj: pod({ containers: [container({ livenessProbe: { ...echo, terminationGracePeriodSeconds: 1 } })] }),
    want: [],
  },
  {
    upstream: 'TestValidateProbe errorCases (-10 in every positive field)',
    obj: probe({
      ...echo,
      initialDelaySeconds: -10,
      timeoutSeconds: -10,
      periodSeconds: -10,
      successThreshold: -10,
      failureThreshold: -10,
    }),
    want: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'].map((f) =>
      e(`${R}.${f}`, 'FieldValueInvalid', `Invalid value: -10: ${GE0}`),
    ),
  },
  {
    upstream: 'TestValidateHandler errorCases ({}: no handler)',
    obj: handler({}),
    want: [e(H, 'FieldValueRequired', 'Required value: must specify a handler type')],
  },
  {
    upstream: 'TestValidateHandler errorCases (exec with an empty command)',
    obj: handler({ exec: { command: [] } }),
    want: [e(`${H}.exec.command`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: 'TestValidateHandler errorCases (httpGet port 65536)',
    obj: handler({ httpGet: { path: '/foo', port: 65536, host: 'host' } }),
    want: [e(`${H}.httpGet.port`, 'FieldValueInvalid', 'Invalid value: 65536: must be between 1 and 65535, inclusive')],
  },
  {
    upstream: 'TestValidateHandler errorCases (httpHeaders name "Host:")',
    obj: handler({
      httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'Host:', value: 'x' }] },
    }),
    want: [e(`${H}.httpGet.httpHeaders`, 'FieldValueInvalid', `Invalid value: "Host:": ${HEADER_MSG}`)],
  },
  {
    upstream: 'TestValidateHandler errorCases (httpHeaders name "X_Forwarded_For")',
    obj: handler({
      httpGet: { path: '/', port: 'port', scheme: 'HTTP', httpHeaders: [{ name: 'X_Forwarded_For', value: 'x' }] },
    }),
    want: [e(`${H}.httpGet.httpHeaders`, 'FieldValueInvalid', `Invalid value: "X_Forwarded_For": ${HEADER_MSG}`)],
  },
  {
    upstream: 'TestValidateHandler successCases (repeated X-Forwarded-For headers and a named port)',
    obj: handler({
      httpGet: {
        path: '/',
        port: 'port',
        scheme: 'HTTP',
        httpHeaders: [
          { name: 'X-Forwarded-For', value: '1.2.3.4' },
          { name: 'X-Forwarded-For', value: '5.6.7.8' },
        ],
      },
    }),
    want: [],
  },
];

runTable('Test_validateProbe / TestValidateHandler', cases);
