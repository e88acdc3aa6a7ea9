// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePorts: its error cases, each as the
// ports of the one container of an otherwise valid v1 Pod. Upstream checks the ErrorType, that the field contains the
// given part and that the detail contains the given fragment; the bodies here are validateContainerPorts' own text.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidatePorts';
const P = 'spec.containers[0].ports';
const withPorts = (ports: Record<string, unknown>[]) => pod({ containers: [container({ ports })] });
const RANGE = 'must be between 1 and 65535, inclusive';
const PROTOCOLS = 'supported values: "SCTP", "TCP", "UDP"';

const cases: TableCase[] = [
  {
    upstream: `${T} successCase`,
    obj: withPorts([
      { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { name: 'easy', containerPort: 82, protocol: 'TCP' },
      { name: 'as', containerPort: 83, protocol: 'UDP' },
      { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' },
      { containerPort: 85, protocol: 'TCP' },
    ]),
    want: [],
  },
  {
    upstream: `${T} "name > 15 characters"`,
    obj: withPorts([{ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }]),
    want: [
      e(`${P}[0].name`, 'FieldValueInvalid', `Invalid value: "${'a'.repeat(16)}": must be no more than 15 characters`),
    ],
  },
  {
    upstream: `${T} "name contains invalid characters"`,
    obj: withPorts([{ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }]),
    want: [
      e(
        `${P}[0].name`,
        'FieldValueInvalid',
        'Invalid value: "a.b.c": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ),
    ],
  },
  {
    upstream: `${T} "name is a number"`,
    obj: withPorts([{ name: '80', containerPort: 80, protocol: 'TCP' }]),
    want: [e(`${P}[0].name`, 'FieldValueInvalid', 'Invalid value: "80": must contain at least one letter (a-z)')],
  },
  {
    upstream: `${T} "name not unique"`,
    obj: withPorts([
      { name: 'abc', containerPort: 80, protocol: 'TCP' },
      { name: 'abc', containerPort: 81, protocol: 'TCP' },
    ]),
    want: [e(`${P}[1].name`, 'FieldValueDuplicate', 'Duplicate value: "abc"')],
  },
  {
    upstream: `${T} "zero container port"`,
    obj: withPorts([{ containerPort: 0, protocol: 'TCP' }]),
    want: [e(`${P}[0].containerPort`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "invalid container port"`,
    obj: withPorts([{ containerPort: 65536, protocol: 'TCP' }]),
    want: [e(`${P}[0].containerPort`, 'FieldValueInvalid', `Invalid value: 65536: ${RANGE}`)],
  },
  {
    upstream: `${T} "invalid host port"`,
    obj: withPorts([{ containerPort: 80, hostPort: 65536, protocol: 'TCP' }]),
    want: [e(`${P}[0].hostPort`, 'FieldValueInvalid', `Invalid value: 65536: ${RANGE}`)],
  },
  {
    upstream: `${T} "invalid protocol case"`,
    obj: withPorts([{ containerPort: 80, protocol: 'tcp' }]),
    want: [e(`${P}[0].protocol`, 'FieldValueNotSupported', `Unsupported value: "tcp": ${PROTOCOLS}`)],
  },
  {
    upstream: `${T} "invalid protocol"`,
    obj: withPorts([{ containerPort: 80, protocol: 'ICMP' }]),
    want: [e(`${P}[0].protocol`, 'FieldValueNotSupported', `Unsupported value: "ICMP": ${PROTOCOLS}`)],
  },
  {
    // Defaulting sets an empty protocol to TCP before validation, so only an explicit "" reaches this check.
    upstream: `${T} "protocol required"`,
    obj: withPorts([{ name: 'abc', containerPort: 80, protocol: '' }]),
    want: [e(`${P}[0].protocol`, 'FieldValueRequired', 'Required value')],
  },
];

runTable('validation_test.go TestValidatePorts', cases);
