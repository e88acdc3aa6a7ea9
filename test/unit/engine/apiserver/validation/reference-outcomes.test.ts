import assert from 'node:assert/strict';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { invalidLine } from '../../../../../src/engine/apiserver/validation/invalid-message';
import { container, pod, podWithContainer } from './builders';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// Validation of a v1.34 API server, whose rules these tables follow.
const V34: KubeVersion = { minor: 34 };

// Every validation row of apiserver reference §7 ("Common outcomes"), as kubectl prints it. The rows about
// namespaces, service accounts, ConfigMaps and PVCs belong to admission, the kubelet and the scheduler.
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const rows: { name: string; obj: KubeObject; line: string }[] = [
  {
    name: 'container without image',
    obj: podWithContainer({ image: undefined }),
    line: 'The Pod "web" is invalid: spec.containers[0].image: Required value',
  },
  {
    name: 'uppercase container name Web',
    obj: podWithContainer({ name: 'Web' }),
    line: `The Pod "web" is invalid: spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`,
  },
  {
    name: 'volumeMount to undefined volume data',
    obj: podWithContainer({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
    line: 'The Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
  },
  {
    name: 'containerPort missing',
    obj: podWithContainer({ ports: [{ protocol: 'TCP' }] }),
    line: 'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Required value',
  },
  {
    name: 'cpu request 2, limit 1',
    obj: podWithContainer({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }),
    line: 'The Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  },
  {
    name: 'liveness successThreshold 2',
    obj: podWithContainer({ livenessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, successThreshold: 2 } }),
    line: 'The Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
  },
  {
    name: 'restartPolicy Sometimes',
    obj: pod({ restartPolicy: 'Sometimes' }),
    line: 'The Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  },
  {
    name: 'toleration operator Exists with value x',
    obj: pod({ tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'x' }] }),
    line: 'The Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
  },
  {
    name: 'several problems print as a list',
    obj: pod({ restartPolicy: 'Sometimes', containers: [container({ image: '' })] }),
    line: 'The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  },
];

describe('apiserver reference §7 outcomes', () => {
  for (const r of rows) {
    it(r.name, () => assert.equal(invalidLine('Pod', 'web', validateCreate(r.obj, V34)), r.line));
  }
});
