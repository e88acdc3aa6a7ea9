// Small builders for validation tables: a defaulted, valid pod or workload that each case changes in one place.
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { FieldError } from '../../../../../src/engine/k8s/field-error';

type Obj = Record<string, unknown>;

export const container = (extra: Obj = {}): Obj => ({
  name: 'web',
  image: 'nginx:1.27',
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePolicy: 'File',
  terminationMessagePath: '/dev/termination-log',
  resources: {},
  ...extra,
});

export const podSpec = (extra: Obj = {}): Obj => ({
  containers: [container()],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  terminationGracePeriodSeconds: 30,
  securityContext: {},
  schedulerName: 'default-scheduler',
  ...extra,
});

export const pod = (spec: Obj = {}, metadata: Obj = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec: podSpec(spec),
});

/** A pod with one container changed. */
export const podWithContainer = (extra: Obj): KubeObject => pod({ containers: [container(extra)] });

export const template = (spec: Obj = {}, labels: Obj = { app: 'web' }): Obj => ({
  metadata: { labels },
  spec: podSpec(spec),
});

export const workload = (kind: string, apiVersion: string, spec: Obj, metadata: Obj = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec,
});

/** The parts of a field error a case asserts: the field, the ErrorType and the printed body. */
export const brief = (errs: FieldError[]) => errs.map(({ field, type, body }) => ({ field, type, body }));

export interface Want {
  field: string;
  type: FieldError['type'];
  body: string;
}
