// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePod errorCases (ValidatePodCreate)
// and TestValidatePodCreateWithSchedulingGates. Upstream asserts that the aggregated message contains
// expectedError; each case here asserts that fragment plus the ErrorType and field of every error.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidatePod';
const NA = 'spec.affinity.nodeAffinity';
const REQ_TERMS = `${NA}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
const PA = 'spec.affinity.podAffinity';
const PAA = 'spec.affinity.podAntiAffinity';
const requiredTerm = (t: Record<string, unknown>) =>
  pod({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [t] } } },
  });
const notIn = { matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }] };
const keyNotIn = { matchExpressions: [{ key: 'key', operator: 'NotIn', values: ['value1', 'value2'] }] };
const keyInAndNotIn = {
  matchExpressions: [
    { key: 'key', operator: 'In', values: ['value1'] },
    { key: 'key', operator: 'NotIn', values: ['value2'] },
  ],
};
type Kind = 'podAffinity' | 'podAntiAffinity';
const soft = (kind: Kind, term: Record<string, unknown>, weight = 10) =>
  pod({
    affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: term }] } },
  });
const hard = (kind: Kind, term: Record<string, unknown>) =>
  pod({ affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
const SOFT = (kind: Kind) => `spec.affinity.${kind}.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm`;
const HARD = (kind: Kind) => `spec.affinity.${kind}.requiredDuringSchedulingIgnoredDuringExecution[0]`;
const annotated = (annotations: Record<string, string>, spec: Record<string, unknown> = {}) =>
  pod(spec, { annotations });
const ctrSecurity = (securityContext: Record<string, unknown>) => pod({ containers: [container({ securityContext })] });
const resources = (requests: Record<string, string>, limits: Record<string, string>, init = false) =>
  pod(
    init
      ? { initContainers: [container({ name: 'invalid', resources: { requests, limits } })] }
      : { containers: [container({ resources: { requests, limits } })] },
  );
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CTR = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';
const pvcTemplate = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } };
const nodeAffinityValue =
  "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const cases: TableCase[] = [
  {
    upstream: `${T} "image leading and trailing whitespace"`,
    obj: pod({ containers: [container({ image: ' something ' })] }),
    want: [
      e(
        'spec.containers[0].image',
        'FieldValueInvalid',
        'Invalid value: " something ": must not have leading or trailing whitespace',
      ),
    ],
  },
  {
    upstream: `${T} "bad namespace"`,
    obj: pod({}, { namespace: '' }),
    want: [e('metadata.namespace', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "bad spec"`,
    obj: pod({ containers: [{ imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }] }),
    want: [e('spec.containers[0].name', 'FieldValueRequired'), e('spec.containers[0].image', 'FieldValueRequired')],
  },
  {
    upstream: `${T} "bad label"`,
    obj: pod({}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }),
    want: [e('metadata.labels', 'FieldValueInvalid')],
    contains: 'NoUppercaseOrSpecialCharsLike=Equals',
  },
  {
    upstream: `${T} "invalid node selector requirement in node affinity, operator can't be null"`,
    obj: requiredTerm({ matchExpressions: [{ key: 'key1' }] }),
    want: [e(`${REQ_TERMS}[0].matchExpressions[0].operator`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "invalid node selector requirement in node affinity, key is invalid"`,
    obj: requiredTerm({ matchExpressions: [{ key: 'invalid key ___@#', operator: 'Exists' }] }),
    want: [e(`${REQ_TERMS}[0].matchExpressions[0].key`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "invalid node field selector requirement in node affinity, more values for field selector"`,
    obj: requiredTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1', 'host2'] }] }),
    want: [
      e(
        `${REQ_TERMS}[0].matchFields[0].values`,
        'FieldValueRequired',
        "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      ),
    ],
  },
  {
    upstream: `${T} "invalid node field selector requirement in node affinity, invalid operator"`,
    obj: requiredTerm({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] }),
    want: [
      e(
        `${REQ_TERMS}[0].matchFields[0].operator`,
        'FieldValueInvalid',
        'Invalid value: "Exists": not a valid selector operator',
      ),
    ],
  },
  {
    upstream: `${T} "invalid node field selector requirement in node affinity, invalid key"`,
    obj: requiredTerm({ matchFields: [{ key: 'metadata.namespace', operator: 'In', values: ['ns1'] }] }),
    want: [
      e(
        `${REQ_TERMS}[0].matchFields[0].key`,
        'FieldValueInvalid',
        'Invalid value: "metadata.namespace": not a valid field selector key',
      ),
    ],
  },
  {
    upstream: `${T} "invalid preferredSchedulingTerm in node affinity, weight should be in range 1-100"`,
    obj: pod({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 199, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
          ],
        },
      },
    }),
    want: [
      e(
        `${NA}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`,
        'FieldValueInvalid',
        'Invalid value: 199: must be in the range 1-100',
      ),
    ],
  },
  {
    upstream: `${T} "invalid requiredDuringSchedulingIgnoredDuringExecution node selector, nodeSelectorTerms must have at least one term"`,
    obj: pod({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
    }),
    want: [e(REQ_TERMS, 'FieldValueRequired', 'Required value: must have at least one node selector term')],
  },
  {
    upstream: `${T} "invalid weight in preferredDuringSchedulingIgnoredDuringExecution in pod affinity annotations, weight should be in range 1-100"`,
    obj: soft('podAffinity', { labelSelector: notIn, namespaces: ['ns'], topologyKey: 'region' }, 109),
    want: [
      e(
        `${PA}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`,
        'FieldValueInvalid',
        'Invalid value: 109: must be in the range 1-100',
      ),
    ],
  },
  {
    upstream: `${T} "invalid hard pod affinity, empty topologyKey is not allowed for hard pod affinity"`,
    obj: hard('podAffinity', {
      labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] },
      namespaces: ['ns'],
    }),
    want: [
      e(
        `${PA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        'FieldValueRequired',
        'Required value: can not be empty',
      ),
      e(
        `${PA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        'FieldValueInvalid',
        'Invalid value: "": name part must be non-empty',
      ),
      e(`${PA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, 'FieldValueInvalid'),
    ],
  },
  {
    upstream: `${T} "invalid hard pod anti-affinity, empty topologyKey is not allowed for hard pod anti-affinity"`,
    obj: hard('podAntiAffinity', {
      labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] },
      namespaces: ['ns'],
    }),
    want: [
      e(
        `${PAA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        'FieldValueRequired',
        'Required value: can not be empty',
      ),
      e(
        `${PAA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        'FieldValueInvalid',
        'Invalid value: "": name part must be non-empty',
      ),
      e(`${PAA}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, 'FieldValueInvalid'),
    ],
  },
  {
    upstream: `${T} "invalid labelSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, values should be empty if the operator is Exists"`,
    obj: soft('podAntiAffinity', {
      labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1', 'value2'] }] },
      namespaces: ['ns'],
      topologyKey: 'region',
    }),
    want: [
      e(
        `${SOFT('podAntiAffinity')}.labelSelector.matchExpressions[0].values`,
        'FieldValueForbidden',
        "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ),
    ],
  },
  {
    upstream: `${T} "invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, In operator must include Values"`,
    obj: soft('podAntiAffinity', {
      namespaceSelector: { matchExpressions: [{ key: 'key2', operator: 'In' }] },
      namespaces: ['ns'],
      topologyKey: 'region',
    }),
    want: [
      e(
        `${SOFT('podAntiAffinity')}.namespaceSelector.matchExpressions[0].values`,
        'FieldValueRequired',
        "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ),
    ],
  },
  {
    upstream: `${T} "invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, Exists operator can not have values"`,
    obj: soft('podAntiAffinity', {
      namespaceSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1', 'value2'] }] },
      namespaces: ['ns'],
      topologyKey: 'region',
    }),
    want: [e(`${SOFT('podAntiAffinity')}.namespaceSelector.matchExpressions[0].values`, 'FieldValueForbidden')],
  },
  {
    upstream: `${T} "invalid name space in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, namespace should be valid"`,
    obj: soft('podAffinity', {
      labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] },
      namespaces: ['INVALID_NAMESPACE'],
      topologyKey: 'region',
    }),
    want: [e(`${SOFT('podAffinity')}.namespace`, 'FieldValueInvalid')],
    contains: `${SOFT('podAffinity')}.namespace: Invalid value: "INVALID_NAMESPACE": a lowercase RFC 1123 label`,
  },
  ...(['podAffinity', 'podAntiAffinity'] as const).flatMap((kind) => {
    const word = kind === 'podAffinity' ? 'pod affinity' : 'pod anti-affinity';
    const emptyKey = (p: string) => [
      e(`${p}.topologyKey`, 'FieldValueRequired', 'Required value: can not be empty'),
      e(`${p}.topologyKey`, 'FieldValueInvalid'),
      e(`${p}.topologyKey`, 'FieldValueInvalid'),
    ];
    return [
      {
        upstream: `${T} "invalid hard ${word}, empty topologyKey is not allowed for hard ${word}"`,
        obj: hard(kind, {
          labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] },
          namespaces: ['ns'],
        }),
        want: emptyKey(HARD(kind)),
        contains: 'can not be empty',
      },
      {
        upstream: `${T} "invalid soft ${word}, empty topologyKey is not allowed for soft ${word}"`,
        obj: soft(kind, { labelSelector: notIn, namespaces: ['ns'] }),
        want: emptyKey(SOFT(kind)),
        contains: 'can not be empty',
      },
      ...(['MatchLabelKeys', 'MismatchLabelKeys'] as const).flatMap((field) => {
        const f = field === 'MatchLabelKeys' ? 'matchLabelKeys' : 'mismatchLabelKeys';
        const term = { labelSelector: keyNotIn, topologyKey: 'k8s.io/zone', [f]: ['/simple'] };
        return [
          {
            upstream: `${T} "invalid soft ${word}, key in ${field} isn't correctly defined"`,
            obj: soft(kind, term),
            want: [
              e(
                `${SOFT(kind)}.${f}[0]`,
                'FieldValueInvalid',
                'Invalid value: "/simple": prefix part must be non-empty',
              ),
            ],
          },
          {
            upstream: `${T} "invalid hard ${word}, key in ${field} isn't correctly defined"`,
            obj: hard(kind, term),
            want: [
              e(
                `${HARD(kind)}.${f}[0]`,
                'FieldValueInvalid',
                'Invalid value: "/simple": prefix part must be non-empty',
              ),
            ],
          },
        ];
      }),
      {
        upstream: `${T} "invalid soft ${word}, key exists in both matchLabelKeys and labelSelector"`,
        obj: soft(kind, { labelSelector: keyInAndNotIn, topologyKey: 'k8s.io/zone', matchLabelKeys: ['key'] }),
        want: [
          e(
            `${SOFT(kind)}[0]`,
            'FieldValueInvalid',
            'Invalid value: "key": exists in both matchLabelKeys and labelSelector',
          ),
        ],
      },
      {
        upstream: `${T} "invalid hard ${word}, key exists in both matchLabelKeys and labelSelector"`,
        obj: hard(kind, { labelSelector: keyInAndNotIn, topologyKey: 'k8s.io/zone', matchLabelKeys: ['key'] }),
        want: [
          e(
            `${HARD(kind)}[0]`,
            'FieldValueInvalid',
            'Invalid value: "key": exists in both matchLabelKeys and labelSelector',
          ),
        ],
      },
      {
        upstream: `${T} "invalid soft ${word}, key exists in both MatchLabelKeys and MismatchLabelKeys"`,
        obj: soft(kind, {
          labelSelector: keyNotIn,
          topologyKey: 'k8s.io/zone',
          matchLabelKeys: ['samekey'],
          mismatchLabelKeys: ['samekey'],
        }),
        want: [
          e(
            `${SOFT(kind)}.matchLabelKeys[0]`,
            'FieldValueInvalid',
            'Invalid value: "samekey": exists in both matchLabelKeys and mismatchLabelKeys',
          ),
        ],
      },
    ];
  }),
  {
    upstream: `${T} "invalid toleration key"`,
    obj: pod({ tolerations: [{ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }),
    want: [e('spec.tolerations[0].key', 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "invalid toleration operator"`,
    obj: pod({ tolerations: [{ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }] }),
    want: [
      e(
        'spec.tolerations[0].operator',
        'FieldValueNotSupported',
        'Unsupported value: "In": supported values: "Equal", "Exists"',
      ),
    ],
  },
  {
    upstream: `${T} "value must be empty when \`operator\` is 'Exists'"`,
    obj: pod({ tolerations: [{ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }] }),
    want: [
      e(
        'spec.tolerations[0].operator',
        'FieldValueInvalid',
        'Invalid value: "bar": value must be empty when `operator` is \'Exists\'',
      ),
    ],
  },
  {
    upstream: `${T} "operator must be 'Exists' when \`key\` is empty"`,
    obj: pod({ tolerations: [{ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }] }),
    want: [
      e(
        'spec.tolerations[0].operator',
        'FieldValueInvalid',
        'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ),
    ],
  },
  {
    upstream: `${T} "effect must be 'NoExecute' when \`TolerationSeconds\` is set"`,
    obj: pod({
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 },
      ],
    }),
    want: [
      e(
        'spec.tolerations[0].effect',
        'FieldValueInvalid',
        'Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      ),
    ],
  },
  {
    upstream: `${T} "must be a valid pod seccomp profile"`,
    obj: annotated({ [SECCOMP_POD]: 'foo' }),
    want: [
      e(
        `metadata.annotations.${SECCOMP_POD}`,
        'FieldValueInvalid',
        'Invalid value: "foo": must be a valid seccomp profile',
      ),
    ],
  },
  {
    upstream: `${T} "must be a valid container seccomp profile"`,
    obj: annotated({ [`${SECCOMP_CTR}foo`]: 'foo' }),
    want: [
      e(
        `metadata.annotations.${SECCOMP_CTR}foo`,
        'FieldValueInvalid',
        'Invalid value: "foo": must be a valid seccomp profile',
      ),
    ],
  },
  {
    upstream: `${T} "must be a non-empty container name in seccomp annotation"`,
    obj: annotated({ [SECCOMP_CTR]: 'foo' }),
    want: [
      e('metadata.annotations', 'FieldValueInvalid'),
      e('metadata.annotations', 'FieldValueInvalid'),
      e(`metadata.annotations.${SECCOMP_CTR}`, 'FieldValueInvalid'),
    ],
    contains: 'name part must be non-empty',
  },
  {
    upstream: `${T} "must be a non-empty container profile in seccomp annotation"`,
    obj: annotated({ [`${SECCOMP_CTR}foo`]: '' }),
    want: [
      e(
        `metadata.annotations.${SECCOMP_CTR}foo`,
        'FieldValueInvalid',
        'Invalid value: "": must be a valid seccomp profile',
      ),
    ],
  },
  {
    upstream: `${T} "must match seccomp profile type and pod annotation"`,
    obj: annotated(
      { [SECCOMP_POD]: 'unconfined' },
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
    ),
    want: [
      e(
        'spec.securityContext.seccompProfile.type',
        'FieldValueForbidden',
        'Forbidden: seccomp type in annotation and field must match',
      ),
    ],
  },
  {
    upstream: `${T} "must match seccomp profile type and container annotation"`,
    obj: pod(
      { containers: [container({ name: 'ctr', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })] },
      { annotations: { [`${SECCOMP_CTR}ctr`]: 'unconfined' } },
    ),
    want: [
      e(
        'spec.containers[0].securityContext.seccompProfile.type',
        'FieldValueForbidden',
        'Forbidden: seccomp type in annotation and field must match',
      ),
    ],
  },
  {
    upstream: `${T} "must be a relative path in a node-local seccomp profile annotation"`,
    obj: annotated({ [SECCOMP_POD]: 'localhost//foo' }),
    want: [
      e(`metadata.annotations.${SECCOMP_POD}`, 'FieldValueInvalid', 'Invalid value: "/foo": must be a relative path'),
    ],
  },
  {
    upstream: `${T} "must not start with '../'"`,
    obj: annotated({ [SECCOMP_POD]: 'localhost/../foo' }),
    want: [
      e(`metadata.annotations.${SECCOMP_POD}`, 'FieldValueInvalid', `Invalid value: "../foo": must not contain '..'`),
    ],
  },
  {
    upstream: `${T} "AppArmor profile must apply to a container"`,
    obj: pod(
      { containers: [container({ name: 'ctr' })], initContainers: [container({ name: 'init-ctr' })] },
      {
        annotations: {
          [`${APPARMOR}ctr`]: 'runtime/default',
          [`${APPARMOR}init-ctr`]: 'runtime/default',
          [`${APPARMOR}fake-ctr`]: 'runtime/default',
        },
      },
    ),
    want: [
      e(
        `metadata.annotations[${APPARMOR}fake-ctr]`,
        'FieldValueInvalid',
        'Invalid value: "fake-ctr": container not found',
      ),
    ],
  },
  {
    upstream: `${T} "AppArmor profile format must be valid"`,
    obj: annotated({ [`${APPARMOR}web`]: 'bad-name' }),
    want: [
      e(
        `metadata.annotations[${APPARMOR}web]`,
        'FieldValueInvalid',
        'Invalid value: "bad-name": invalid AppArmor profile name: "bad-name"',
      ),
    ],
  },
  {
    upstream: `${T} "only default AppArmor profile may start with runtime/"`,
    obj: annotated({ [`${APPARMOR}web`]: 'runtime/foo' }),
    want: [e(`metadata.annotations[${APPARMOR}web]`, 'FieldValueInvalid')],
    contains: 'invalid AppArmor profile name',
  },
  {
    upstream: `${T} "unsupported pod AppArmor profile type"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'test' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.type',
        'FieldValueNotSupported',
        'Unsupported value: "test": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
      ),
    ],
  },
  {
    upstream: `${T} "unsupported container AppArmor profile type"`,
    obj: ctrSecurity({ appArmorProfile: { type: 'test' } }),
    want: [e('spec.containers[0].securityContext.appArmorProfile.type', 'FieldValueNotSupported')],
  },
  {
    upstream: `${T} "missing pod AppArmor profile type"`,
    obj: pod({ securityContext: { appArmorProfile: { type: '' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.type',
        'FieldValueRequired',
        'Required value: type is required when appArmorProfile is set',
      ),
    ],
  },
  {
    upstream: `${T} "missing AppArmor localhost profile"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'Localhost' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.localhostProfile',
        'FieldValueRequired',
        'Required value: must be set when AppArmor type is Localhost',
      ),
    ],
  },
  {
    upstream: `${T} "empty AppArmor localhost profile"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: '' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.localhostProfile',
        'FieldValueRequired',
        'Required value: must be set when AppArmor type is Localhost',
      ),
    ],
  },
  {
    upstream: `${T} "invalid AppArmor localhost profile type"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'foo-bar' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.localhostProfile',
        'FieldValueInvalid',
        'Invalid value: "foo-bar": can only be set when AppArmor type is Localhost',
      ),
    ],
  },
  {
    upstream: `${T} "invalid AppArmor localhost profile"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'foo-bar ' } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.localhostProfile',
        'FieldValueInvalid',
        'Invalid value: "foo-bar ": must not be padded with whitespace',
      ),
    ],
  },
  {
    upstream: `${T} "too long AppArmor localhost profile"`,
    obj: pod({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'a'.repeat(4096) } } }),
    want: [
      e(
        'spec.securityContext.appArmorProfile.localhostProfile',
        'FieldValueTooLong',
        'Too long: may not be more than 4095 bytes',
      ),
    ],
  },
  {
    upstream: `${T} "mismatched AppArmor field and annotation types"`,
    obj: pod(
      { containers: [container({ name: 'ctr', securityContext: { appArmorProfile: { type: 'Unconfined' } } })] },
      { annotations: { [`${APPARMOR}ctr`]: 'runtime/default' } },
    ),
    want: [
      e(
        'spec.containers[0].securityContext.appArmorProfile.type',
        'FieldValueForbidden',
        'Forbidden: apparmor type in annotation and field must match',
      ),
    ],
  },
  {
    upstream: `${T} "mismatched AppArmor pod field and annotation types"`,
    obj: pod(
      { containers: [container({ name: 'ctr' })], securityContext: { appArmorProfile: { type: 'Unconfined' } } },
      { annotations: { [`${APPARMOR}ctr`]: 'runtime/default' } },
    ),
    want: [
      e(
        'spec.containers[0].securityContext.appArmorProfile.type',
        'FieldValueForbidden',
        'Forbidden: apparmor type in annotation and field must match',
      ),
    ],
  },
  {
    upstream: `${T} "mismatched AppArmor localhost profiles"`,
    obj: pod(
      {
        containers: [
          container({
            name: 'ctr',
            securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'bar' } },
          }),
        ],
      },
      { annotations: { [`${APPARMOR}ctr`]: 'localhost/foo' } },
    ),
    want: [
      e(
        'spec.containers[0].securityContext.appArmorProfile.localhostProfile',
        'FieldValueForbidden',
        'Forbidden: apparmor profile in annotation and field must match',
      ),
    ],
  },
  {
    upstream: `${T} "invalid extended resource name in container request"`,
    obj: resources({ 'invalid-name': '2' }, { 'invalid-name': '2' }),
    want: [
      e('spec.containers[0].resources.limits[invalid-name]', 'FieldValueInvalid'),
      e('spec.containers[0].resources.limits[invalid-name]', 'FieldValueInvalid'),
      e('spec.containers[0].resources.requests[invalid-name]', 'FieldValueInvalid'),
      e('spec.containers[0].resources.requests[invalid-name]', 'FieldValueInvalid'),
    ],
    contains: 'must be a standard resource for containers',
  },
  {
    upstream: `${T} "invalid extended resource requirement: request must be == limit"`,
    obj: resources({ 'example.com/a': '2' }, { 'example.com/a': '1' }),
    want: [
      e(
        'spec.containers[0].resources.requests',
        'FieldValueInvalid',
        'Invalid value: "2": must be equal to example.com/a limit of 1',
      ),
    ],
  },
  {
    upstream: `${T} "invalid extended resource requirement without limit"`,
    obj: resources({ 'example.com/a': '2' }, {}),
    want: [
      e(
        'spec.containers[0].resources.limits',
        'FieldValueRequired',
        'Required value: Limit must be set for non overcommitable resources',
      ),
    ],
  },
  {
    upstream: `${T} "invalid fractional extended resource in container request"`,
    obj: resources({ 'example.com/a': '500m' }, {}),
    want: [
      e(
        'spec.containers[0].resources.requests[example.com/a]',
        'FieldValueInvalid',
        'Invalid value: "500m": must be an integer',
      ),
      e('spec.containers[0].resources.limits', 'FieldValueRequired'),
    ],
  },
  {
    upstream: `${T} "invalid fractional extended resource in init container request"`,
    obj: resources({ 'example.com/a': '500m' }, {}, true),
    want: [
      e(
        'spec.initContainers[0].resources.requests[example.com/a]',
        'FieldValueInvalid',
        'Invalid value: "500m": must be an integer',
      ),
      e('spec.initContainers[0].resources.limits', 'FieldValueRequired'),
    ],
  },
  {
    upstream: `${T} "invalid fractional extended resource in container limit"`,
    obj: resources({ 'example.com/a': '5' }, { 'example.com/a': '2.5' }),
    want: [
      e(
        'spec.containers[0].resources.limits[example.com/a]',
        'FieldValueInvalid',
        'Invalid value: "2500m": must be an integer',
      ),
      e('spec.containers[0].resources.requests', 'FieldValueInvalid'),
    ],
    contains: 'must be an integer',
  },
  {
    upstream: `${T} "invalid fractional extended resource in init container limit"`,
    obj: resources({ 'example.com/a': '2.5' }, { 'example.com/a': '2.5' }, true),
    want: [
      e('spec.initContainers[0].resources.limits[example.com/a]', 'FieldValueInvalid'),
      e('spec.initContainers[0].resources.requests[example.com/a]', 'FieldValueInvalid'),
    ],
    contains: 'must be an integer',
  },
  {
    upstream: `${T} "mirror-pod present without nodeName"`,
    obj: annotated({ 'kubernetes.io/config.mirror': '' }),
    want: [
      e(
        'metadata.annotations[kubernetes.io/config.mirror]',
        'FieldValueInvalid',
        'Invalid value: "": must set spec.nodeName if mirror pod annotation is set',
      ),
    ],
  },
  {
    upstream: `${T} "mirror-pod populated without nodeName"`,
    obj: annotated({ 'kubernetes.io/config.mirror': 'foo' }),
    want: [e('metadata.annotations[kubernetes.io/config.mirror]', 'FieldValueInvalid')],
    contains: 'mirror',
  },
  {
    upstream: `${T} "serviceaccount token projected volume with no serviceaccount name specified"`,
    obj: pod({
      volumes: [
        {
          name: 'projected-volume',
          projected: {
            sources: [{ serviceAccountToken: { audience: 'foo-audience', expirationSeconds: 6000, path: 'foo-path' } }],
          },
        },
      ],
    }),
    want: [
      e(
        'spec.volumes[0].projected.sources[0].serviceAccountToken',
        'FieldValueForbidden',
        'Forbidden: must not be specified when serviceAccountName is not set',
      ),
    ],
  },
  {
    upstream: `${T} "final PVC name for ephemeral volume must be valid"`,
    obj: pod(
      {
        volumes: [
          { name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } },
          { name: 'b'.repeat(60), ephemeral: { volumeClaimTemplate: pvcTemplate } },
        ],
      },
      { name: 'a'.repeat(200) },
    ),
    want: [e('spec.volumes[1].name', 'FieldValueInvalid')],
    contains: `spec.volumes[1].name: Invalid value: "${'b'.repeat(60)}": PVC name "${'a'.repeat(200)}-${'b'.repeat(60)}": must be no more than 253 characters`,
  },
  {
    upstream: `${T} "PersistentVolumeClaimVolumeSource must not reference a generated PVC"`,
    obj: pod(
      {
        volumes: [
          { name: 'pvc-volume', persistentVolumeClaim: { claimName: '123-ephemeral-volume' } },
          { name: 'ephemeral-volume', ephemeral: { volumeClaimTemplate: pvcTemplate } },
        ],
      },
      { name: '123' },
    ),
    want: [
      e(
        'spec.volumes[0].persistentVolumeClaim.claimName',
        'FieldValueInvalid',
        'Invalid value: "123-ephemeral-volume": must not reference a PVC that gets created for an ephemeral volume',
      ),
    ],
  },
  ...[
    ['invalid pod-deletion-cost', 'text'],
    ['invalid leading zeros pod-deletion-cost', '008'],
    ['invalid leading plus sign pod-deletion-cost', '+10'],
  ].map(([name, value]) => ({
    upstream: `${T} "${name}"`,
    obj: annotated({ 'controller.kubernetes.io/pod-deletion-cost': value as string }),
    want: [
      e(
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]',
        'FieldValueInvalid',
        `Invalid value: ${JSON.stringify(value)}: must be a 32bit integer`,
      ),
    ],
  })),
  {
    upstream: `${T} "invalid required node affinity, value of NodeSelectorRequirement should be a valid label value"`,
    obj: requiredTerm({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['-1'] }] }),
    want: [e(`${REQ_TERMS}[0].matchExpressions[0].values[0]`, 'FieldValueInvalid')],
    contains: nodeAffinityValue,
  },
  {
    upstream:
      'TestValidatePodCreateWithSchedulingGates "create a Pod with nodeName and schedulingGates, feature enabled"',
    obj: pod({ nodeName: 'node', schedulingGates: [{ name: 'foo' }] }),
    want: [
      e('spec.nodeName', 'FieldValueForbidden', 'Forbidden: cannot be set until all schedulingGates have been cleared'),
    ],
  },
  {
    upstream: 'TestValidatePodCreateWithSchedulingGates "create a Pod with schedulingGates, feature enabled"',
    obj: pod({ schedulingGates: [{ name: 'foo' }] }),
    want: [],
  },
];

runTable('TestValidatePod', cases);
