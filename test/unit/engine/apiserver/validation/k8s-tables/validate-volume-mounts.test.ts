// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateVolumeMounts,
// TestValidateSubpathMutuallyExclusive, TestValidateMountPropagation and TestAlphaValidateVolumeDevices, each case
// as the mounts (and devices) of the one container of a v1 Pod that carries the tests' volumes. Upstream asserts
// only that each error case fails; the errors here are the whole list ValidateVolumeMounts and ValidateVolumeDevices
// return, in their order. validation.go puts the subPath, mountPropagation and recursiveReadOnly errors on the list
// path (`volumeMounts.subPath`), not the item's: that is reproduced.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const TM = 'TestValidateVolumeMounts';
const TS = 'TestValidateSubpathMutuallyExclusive';
const TP = 'TestValidateMountPropagation';
const TD = 'TestAlphaValidateVolumeDevices';
const C = 'spec.containers[0]';
const M = `${C}.volumeMounts`;
const D = `${C}.volumeDevices`;

// The tests' volumes; `xyz` stands for the badVolumeDevice the mounts are checked against (a device needs a claim).
const volumes = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: '123', hostPath: { path: '/foo/baz', type: '' } },
  { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
  { name: 'xyz', persistentVolumeClaim: { claimName: 'testclaim3' } },
];
type Obj = Record<string, unknown>;
const withMounts = (volumeMounts: Obj[], extra: Obj = {}) =>
  pod({ volumes, containers: [container({ volumeMounts, ...extra })] });
const badDevice = { volumeDevices: [{ name: 'xyz', devicePath: '/mnt/exists' }] };
const withDevices = (volumeDevices: Obj[], volumeMounts: Obj[] = []) =>
  pod({ volumes, containers: [container({ volumeDevices, volumeMounts })] });
// TestAlphaValidateVolumeDevices checks its error cases against these mounts.
const badMounts = [
  { name: 'abc', mountPath: '/foo' },
  { name: 'abc-123', mountPath: '/this/path/exists' },
];
const propagation = (mountPropagation: string | undefined, privileged?: boolean) =>
  withMounts(
    [{ name: '123', mountPath: '/foo', ...(mountPropagation ? { mountPropagation } : {}) }],
    privileged === undefined ? {} : { securityContext: { privileged } },
  );
const BIDI = 'Forbidden: Bidirectional mount propagation is available only to privileged containers';
const NOT_IN_DEVICES = 'must not already exist in volumeDevices';
const PATH_NOT_IN_DEVICES = 'must not already exist as a path in volumeDevices';

const cases: TableCase[] = [
  {
    upstream: `${TM} successCase`,
    obj: withMounts([
      { name: 'abc', mountPath: '/foo' },
      { name: '123', mountPath: '/bar' },
      { name: 'abc-123', mountPath: '/baz' },
      { name: 'abc-123', mountPath: '/baa', subPath: '' },
      { name: 'abc-123', mountPath: '/bab', subPath: 'baz' },
      { name: 'abc-123', mountPath: 'd:', subPath: '' },
      { name: 'abc-123', mountPath: 'F:', subPath: '' },
      { name: 'abc-123', mountPath: 'G:\\mount', subPath: '' },
      { name: 'abc-123', mountPath: '/bac', subPath: '.baz' },
      { name: 'abc-123', mountPath: '/bad', subPath: '..baz' },
      { name: '123', mountPath: '/rro-nil', readOnly: true },
      { name: '123', mountPath: '/rro-disabled', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-disabled-2', readOnly: false, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-ifpossible', readOnly: true, recursiveReadOnly: 'IfPossible' },
      { name: '123', mountPath: '/rro-enabled', readOnly: true, recursiveReadOnly: 'Enabled' },
      {
        name: '123',
        mountPath: '/rro-enabled-2',
        readOnly: true,
        recursiveReadOnly: 'Enabled',
        mountPropagation: 'None',
      },
      { name: 'image-volume', mountPath: '/image-volume' },
    ]),
    want: [],
  },
  {
    upstream: `${TM} "empty name"`,
    obj: withMounts([{ name: '', mountPath: '/foo' }]),
    want: [
      e(`${M}[0].name`, 'FieldValueRequired', 'Required value'),
      e(`${M}[0].name`, 'FieldValueNotFound', 'Not found: ""'),
    ],
  },
  {
    upstream: `${TM} "name not found" (a name no volume has)`,
    obj: withMounts([{ name: 'not-a-volume', mountPath: '/foo' }]),
    want: [e(`${M}[0].name`, 'FieldValueNotFound', 'Not found: "not-a-volume"')],
  },
  {
    upstream: `${TM} "empty mountpath"`,
    obj: withMounts([{ name: 'abc', mountPath: '' }]),
    want: [e(`${M}[0].mountPath`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${TM} "mountpath collision"`,
    obj: withMounts([
      { name: 'abc', mountPath: '/path/a' },
      { name: 'abc-123', mountPath: '/path/a' },
    ]),
    want: [e(`${M}[1].mountPath`, 'FieldValueInvalid', 'Invalid value: "/path/a": must be unique')],
  },
  {
    upstream: `${TM} "absolute subpath"`,
    obj: withMounts([{ name: 'abc', mountPath: '/bar', subPath: '/baz' }]),
    want: [e(`${M}.subPath`, 'FieldValueInvalid', 'Invalid value: "/baz": must be a relative path')],
  },
  ...(['../baz', 'baz/../bat', './..'] as const).map((subPath, i): TableCase => ({
    upstream: `${TM} "${['subpath in ..', 'subpath contains ..', 'subpath ends in ..'][i]}"`,
    obj: withMounts([{ name: 'abc', mountPath: '/bar', subPath }]),
    want: [e(`${M}.subPath`, 'FieldValueInvalid', `Invalid value: "${subPath}": must not contain '..'`)],
  })),
  {
    upstream: `${TM} "disabled MountPropagation feature gate"`,
    obj: withMounts([{ name: 'abc', mountPath: '/bar', mountPropagation: 'Bidirectional' }]),
    want: [e(`${M}.mountPropagation`, 'FieldValueForbidden', BIDI)],
  },
  {
    upstream: `${TM} "name exists in volumeDevice"`,
    obj: withMounts([{ name: 'xyz', mountPath: '/bar' }], badDevice),
    want: [
      e(`${M}[0].name`, 'FieldValueInvalid', `Invalid value: "xyz": ${NOT_IN_DEVICES}`),
      e(`${D}[0].name`, 'FieldValueInvalid', 'Invalid value: "xyz": must not already exist in volumeMounts'),
    ],
  },
  {
    upstream: `${TM} "mountpath exists in volumeDevice"`,
    obj: withMounts([{ name: 'abc', mountPath: '/mnt/exists' }], badDevice),
    want: [
      e(`${M}[0].mountPath`, 'FieldValueInvalid', `Invalid value: "/mnt/exists": ${PATH_NOT_IN_DEVICES}`),
      e(
        `${D}[0].devicePath`,
        'FieldValueInvalid',
        'Invalid value: "/mnt/exists": must not already exist as a path in volumeMounts',
      ),
    ],
  },
  {
    upstream: `${TM} "both exist in volumeDevice"`,
    obj: withMounts([{ name: 'xyz', mountPath: '/mnt/exists' }], badDevice),
    want: [
      e(`${M}[0].name`, 'FieldValueInvalid', `Invalid value: "xyz": ${NOT_IN_DEVICES}`),
      e(`${M}[0].mountPath`, 'FieldValueInvalid', `Invalid value: "/mnt/exists": ${PATH_NOT_IN_DEVICES}`),
      e(`${D}[0].name`, 'FieldValueInvalid', 'Invalid value: "xyz": must not already exist in volumeMounts'),
      e(
        `${D}[0].devicePath`,
        'FieldValueInvalid',
        'Invalid value: "/mnt/exists": must not already exist as a path in volumeMounts',
      ),
    ],
  },
  {
    upstream: `${TM} "rro but not ro"`,
    obj: withMounts([{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'Enabled' }]),
    want: [
      e(`${M}.recursiveReadOnly`, 'FieldValueForbidden', 'Forbidden: may only be specified when readOnly is true'),
    ],
  },
  {
    upstream: `${TM} "rro with incompatible propagation"`,
    obj: withMounts([
      {
        name: '123',
        mountPath: '/rro-bad2',
        readOnly: true,
        recursiveReadOnly: 'Enabled',
        mountPropagation: 'HostToContainer',
      },
    ]),
    want: [
      e(
        `${M}.recursiveReadOnly`,
        'FieldValueForbidden',
        'Forbidden: may only be specified when mountPropagation is None or not specified',
      ),
    ],
  },
  {
    upstream: `${TM} "rro-if-possible but not ro"`,
    obj: withMounts([{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'IfPossible' }]),
    want: [
      e(`${M}.recursiveReadOnly`, 'FieldValueForbidden', 'Forbidden: may only be specified when readOnly is true'),
    ],
  },
  {
    upstream: `${TM} "subPath not allowed for image volume sources"`,
    obj: withMounts([{ name: 'image-volume', mountPath: '/image-volume-err-1', subPath: '/foo' }]),
    want: [
      e(`${M}[0].subPath`, 'FieldValueInvalid', 'Invalid value: "/foo": not allowed in image volume sources'),
      e(`${M}.subPath`, 'FieldValueInvalid', 'Invalid value: "/foo": must be a relative path'),
    ],
  },
  {
    upstream: `${TM} "subPathExpr not allowed for image volume sources"`,
    obj: withMounts([{ name: 'image-volume', mountPath: '/image-volume-err-2', subPathExpr: '$(POD_NAME)' }]),
    want: [
      e(
        `${M}[0].subPathExpr`,
        'FieldValueInvalid',
        'Invalid value: "$(POD_NAME)": not allowed in image volume sources',
      ),
    ],
  },
  ...[{}, { subPathExpr: '$(POD_NAME)' }, { subPath: 'baz' }].map((extra, i): TableCase => ({
    upstream: `${TS} "${['subpath and subpathexpr not specified', 'subpath expr specified', 'subpath specified'][i]}"`,
    obj: withMounts([{ name: 'abc-123', mountPath: '/bab', ...extra }]),
    want: [],
  })),
  {
    upstream: `${TS} "subpath and subpathexpr specified"`,
    obj: withMounts([{ name: 'abc-123', mountPath: '/bab', subPath: 'baz', subPathExpr: '$(POD_NAME)' }]),
    want: [
      e(
        `${M}[0].subPathExpr`,
        'FieldValueInvalid',
        'Invalid value: "$(POD_NAME)": subPathExpr and subPath are mutually exclusive',
      ),
    ],
  },
  // TestValidateMountPropagation, in its order: default, non-privileged and privileged containers.
  { upstream: `${TP} [0] implicitly non-privileged container + no propagation`, obj: propagation(undefined), want: [] },
  {
    upstream: `${TP} [1] implicitly non-privileged container + HostToContainer`,
    obj: propagation('HostToContainer'),
    want: [],
  },
  { upstream: `${TP} [2] non-privileged container + None`, obj: propagation('None'), want: [] },
  {
    upstream: `${TP} [3] error: implicitly non-privileged container + Bidirectional`,
    obj: propagation('Bidirectional'),
    want: [e(`${M}.mountPropagation`, 'FieldValueForbidden', BIDI)],
  },
  {
    upstream: `${TP} [4] explicitly non-privileged container + no propagation`,
    obj: propagation(undefined, false),
    want: [],
  },
  {
    upstream: `${TP} [5] explicitly non-privileged container + HostToContainer`,
    obj: propagation('HostToContainer', false),
    want: [],
  },
  {
    upstream: `${TP} [6] explicitly non-privileged container + Bidirectional`,
    obj: propagation('Bidirectional', false),
    want: [e(`${M}.mountPropagation`, 'FieldValueForbidden', BIDI)],
  },
  { upstream: `${TP} [7] privileged container + no propagation`, obj: propagation(undefined, true), want: [] },
  { upstream: `${TP} [8] privileged container + HostToContainer`, obj: propagation('HostToContainer', true), want: [] },
  { upstream: `${TP} [9] privileged container + Bidirectional`, obj: propagation('Bidirectional', true), want: [] },
  {
    upstream: `${TP} [10] error: privileged container + invalid mount propagation`,
    obj: propagation('invalid', true),
    want: [
      e(
        `${M}.mountPropagation`,
        'FieldValueNotSupported',
        'Unsupported value: "invalid": supported values: "Bidirectional", "HostToContainer", "None"',
      ),
    ],
  },
  {
    upstream: `${TD} successCase`,
    obj: withDevices(
      [
        { name: 'abc', devicePath: '/foo' },
        { name: 'abc-123', devicePath: '/usr/share/test' },
      ],
      [{ name: '123', mountPath: '/foofoo' }],
    ),
    want: [],
  },
  {
    upstream: `${TD} "empty name"`,
    obj: withDevices([{ name: '', devicePath: '/foo' }]),
    want: [
      e(`${D}[0].name`, 'FieldValueRequired', 'Required value'),
      e(`${D}[0].name`, 'FieldValueNotFound', 'Not found: ""'),
    ],
  },
  {
    upstream: `${TD} "duplicate name"`,
    obj: withDevices([
      { name: 'abc', devicePath: '/foo' },
      { name: 'abc', devicePath: '/foo/bar' },
    ]),
    want: [e(`${D}[1].name`, 'FieldValueInvalid', 'Invalid value: "abc": must be unique')],
  },
  {
    upstream: `${TD} "name not found"`,
    obj: withDevices([{ name: 'not-found', devicePath: '/usr/share/test' }]),
    want: [e(`${D}[0].name`, 'FieldValueNotFound', 'Not found: "not-found"')],
  },
  {
    upstream: `${TD} "name found but invalid source"`,
    obj: withDevices([{ name: '123', devicePath: '/usr/share/test' }]),
    want: [
      e(
        `${D}[0].name`,
        'FieldValueInvalid',
        'Invalid value: "123": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
      ),
    ],
  },
  {
    upstream: `${TD} "empty devicepath"`,
    obj: withDevices([{ name: 'abc', devicePath: '' }]),
    want: [e(`${D}[0].devicePath`, 'FieldValueRequired', 'Required value')],
  },
  {
    // A relative devicePath is not an error of its own: the case fails on the badVolumeMounts' `abc-123`.
    upstream: `${TD} "relative devicepath"`,
    obj: withDevices([{ name: 'abc-123', devicePath: 'baz' }], badMounts),
    want: [
      e(`${M}[1].name`, 'FieldValueInvalid', `Invalid value: "abc-123": ${NOT_IN_DEVICES}`),
      e(`${D}[0].name`, 'FieldValueInvalid', 'Invalid value: "abc-123": must not already exist in volumeMounts'),
    ],
  },
  {
    upstream: `${TD} "duplicate devicepath"`,
    obj: withDevices([
      { name: 'abc', devicePath: '/foo' },
      { name: 'abc-123', devicePath: '/foo' },
    ]),
    want: [e(`${D}[1].devicePath`, 'FieldValueInvalid', 'Invalid value: "/foo": must be unique')],
  },
  {
    upstream: `${TD} "no backsteps" (on a claim volume)`,
    obj: withDevices([{ name: 'abc-123', devicePath: '/baz/../' }]),
    want: [e(`${D}[0].devicePath`, 'FieldValueInvalid', `Invalid value: "/baz/../": can not contain backsteps ('..')`)],
  },
  {
    upstream: `${TD} "name exists in volumemounts"`,
    obj: withDevices([{ name: 'abc', devicePath: '/baz/../' }], badMounts),
    want: [
      e(`${M}[0].name`, 'FieldValueInvalid', `Invalid value: "abc": ${NOT_IN_DEVICES}`),
      e(`${D}[0].devicePath`, 'FieldValueInvalid', `Invalid value: "/baz/../": can not contain backsteps ('..')`),
      e(`${D}[0].name`, 'FieldValueInvalid', 'Invalid value: "abc": must not already exist in volumeMounts'),
    ],
  },
  {
    upstream: `${TD} "path exists in volumemounts"`,
    obj: withDevices([{ name: 'xyz', devicePath: '/this/path/exists' }], badMounts),
    want: [
      e(`${M}[1].mountPath`, 'FieldValueInvalid', `Invalid value: "/this/path/exists": ${PATH_NOT_IN_DEVICES}`),
      e(
        `${D}[0].devicePath`,
        'FieldValueInvalid',
        'Invalid value: "/this/path/exists": must not already exist as a path in volumeMounts',
      ),
    ],
  },
  {
    upstream: `${TD} "both exist in volumemounts"`,
    obj: withDevices([{ name: 'abc', devicePath: '/this/path/exists' }], badMounts),
    want: [
      e(`${M}[0].name`, 'FieldValueInvalid', `Invalid value: "abc": ${NOT_IN_DEVICES}`),
      e(`${M}[1].mountPath`, 'FieldValueInvalid', `Invalid value: "/this/path/exists": ${PATH_NOT_IN_DEVICES}`),
      e(`${D}[0].name`, 'FieldValueInvalid', 'Invalid value: "abc": must not already exist in volumeMounts'),
      e(
        `${D}[0].devicePath`,
        'FieldValueInvalid',
        'Invalid value: "/this/path/exists": must not already exist as a path in volumeMounts',
      ),
    ],
  },
];

runTable('validation_test.go TestValidateVolumeMounts and friends', cases);
