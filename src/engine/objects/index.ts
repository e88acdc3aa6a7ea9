// The API server's create path for the objects a manifest applies beside its pods (Service, ConfigMap, Secret,
// PersistentVolumeClaim, PersistentVolume, Namespace, ServiceAccount, LimitRange, ResourceQuota, PriorityClass,
// StorageClass): strict decoding as for pods, then the kind's defaulting and its validation (read at v1.34; per-release differences go through version/). A rejected
// object is never stored, so the pods applied with it do not see it. Other kinds are stored as written.
import type { FieldError } from '../k8s/field-error';
import type {
  ConfigMap,
  KubeObject,
  LimitRange,
  ResourceQuota,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  PriorityClass,
  Secret,
  Service,
  ServiceAccount,
  StorageClass,
} from '../k8s/objects';
import { kindSchema } from '../k8s/schema';
import type { KubeVersion } from '../version/kube-version';
import type { PodSource } from '../pod-source';
import type { Finding, Segment } from '../types';
import { decodeErrorLine, decodeStrict } from '../apiserver/decode';
import { kindProblem } from '../apiserver/decode/kind-errors';
import { zeroNulls } from '../apiserver/decode/zero-nulls';
import { createdLine } from '../apiserver/resources';
import { invalidLine } from '../apiserver/validation/invalid-message';
import { base64Problems } from './byte-fields';
import { validateConfigMap } from './config-map';
import { fieldErrorFinding } from '../apiserver/field-error-finding';
import { defaultLimitRange, validateLimitRange } from './limit-range';
import { defaultNamespace, validateNamespace } from './namespace';
import { defaultPersistentVolume, validatePersistentVolume } from './persistent-volume';
import { defaultPersistentVolumeClaim, validatePersistentVolumeClaim } from './persistent-volume-claim';
import { defaultPriorityClass, validatePriorityClass } from './priority-class';
import { validateResourceQuota } from './resource-quota';
import { defaultSecret, validateSecret } from './secret';
import { defaultService, validateClusterIPsRelatedFields, validateService } from './service';
import { validateServiceAccount } from './service-account';
import { defaultStorageClass, validateStorageClass } from './storage-class';

export interface ObjectCheck {
  findings: Finding[];
  accepted: boolean;
  /** What `kubectl apply` prints for the object (`service/web created`, or the error); null for kinds not checked. */
  kubectl: string | null;
  /** The object as the API server stores it (defaulted), or null when it is rejected. */
  stored: KubeObject | null;
}

interface KindHandler {
  /** Defaulting (and the create strategy's normalisation) before validation. */
  prepare: (o: KubeObject) => KubeObject;
  /** Checks that reject the request before validation proper (the Service allocator's pre-check). */
  precheck?: (o: KubeObject, version: KubeVersion) => FieldError[];
  validate: (o: KubeObject, version: KubeVersion) => FieldError[];
}

/**
 * A handler for one kind. The decoder has checked the object against the kind's schema, so from here on its
 * shape is that kind's (the one cast the engine makes for it).
 */
function handler<T>(
  validate: (o: T, version: KubeVersion) => FieldError[],
  prepare: (o: T) => T = (o) => o,
  precheck?: (o: T, version: KubeVersion) => FieldError[],
): KindHandler {
  const as = (o: KubeObject) => o as unknown as T;
  return {
    prepare: (o) => prepare(as(o)) as unknown as KubeObject,
    validate: (o, version) => validate(as(o), version),
    ...(precheck ? { precheck: (o: KubeObject, version: KubeVersion) => precheck(as(o), version) } : {}),
  };
}

const HANDLERS: Record<string, KindHandler> = {
  Service: handler<Service>(validateService, defaultService, validateClusterIPsRelatedFields),
  ConfigMap: handler<ConfigMap>(validateConfigMap),
  Secret: handler<Secret>(validateSecret, defaultSecret),
  PersistentVolumeClaim: handler<PersistentVolumeClaim>(validatePersistentVolumeClaim, defaultPersistentVolumeClaim),
  PersistentVolume: handler<PersistentVolume>(validatePersistentVolume, defaultPersistentVolume),
  Namespace: handler<Namespace>(validateNamespace, defaultNamespace),
  ServiceAccount: handler<ServiceAccount>(validateServiceAccount),
  LimitRange: handler<LimitRange>(validateLimitRange, defaultLimitRange),
  ResourceQuota: handler<ResourceQuota>(validateResourceQuota),
  PriorityClass: handler<PriorityClass>(validatePriorityClass, defaultPriorityClass),
  StorageClass: handler<StorageClass>(validateStorageClass, defaultStorageClass),
};

/** Strict decoding through the pods' decoder: the document is its own root, so no template path. */
function decode(
  obj: KubeObject,
  kind: string,
  duplicateFields: Segment[][],
  version: KubeVersion,
): { errors: Finding[]; warnings: Finding[] } {
  const source: PodSource = {
    file: '',
    documentIndex: 0,
    object: obj,
    kind,
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace ?? '',
    templatePath: [],
    duplicateFields,
  };
  const { errors, warnings } = decodeStrict(source, version);
  return { errors: base64Problems(obj, kind, errors), warnings };
}

/**
 * What `kubectl apply` gets back for one non-pod object: the decoder's and validator's findings, whether the object
 * is created, and its stored form. `duplicateFields` are the keys the document writes twice (kubectl keeps the last).
 */
export function checkObject(
  obj: KubeObject,
  version: KubeVersion,
  duplicateFields: Segment[][] = [],
  file = '',
): ObjectCheck {
  const wrongKind = kindProblem(obj, file);
  if (wrongKind) return { findings: [wrongKind.finding], accepted: false, stored: null, kubectl: wrongKind.kubectl };
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const handler = Object.hasOwn(HANDLERS, kind) ? HANDLERS[kind] : undefined;
  const schema = kindSchema(kind);
  if (!handler || !schema) return { findings: [], accepted: true, stored: obj, kubectl: null };
  const name = obj.metadata?.name ?? '';
  const { errors, warnings } = decode(obj, kind, duplicateFields, version);
  if (errors.length > 0) {
    const where = { file, name, namespace: obj.metadata?.namespace ?? '' };
    const kubectl = decodeErrorLine(kind, errors, where);
    return { findings: [...warnings, ...errors], accepted: false, stored: null, kubectl };
  }
  // The Go struct the decoder fills holds no JSON null: `app:` with no value is "", an empty `-` item a zero port.
  const decoded = zeroNulls(obj, schema.definition) as KubeObject;
  const prepared = handler.prepare(decoded);
  const pre = handler.precheck?.(prepared, version) ?? [];
  const errs = pre.length > 0 ? pre : handler.validate(prepared, version);
  if (errs.length > 0) {
    const findings = [...warnings, ...errs.map(fieldErrorFinding)];
    return { findings, accepted: false, stored: null, kubectl: invalidLine(kind, name, errs) };
  }
  return { findings: warnings, accepted: true, stored: prepared, kubectl: createdLine(kind, name) };
}
