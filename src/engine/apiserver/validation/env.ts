// Container env and envFrom (kubernetes/kubernetes pkg/apis/core/validation/validation.go: ValidateEnv,
// validateEnvVarValueFrom, validateObjectFieldSelector, validateContainerResourceFieldSelector, ValidateEnvFrom).
// Names use the relaxed rule: RelaxedEnvironmentVariableValidation is GA from v1.34.
import type { Container } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, invalid, notSupported, required } from '../../k8s/field-error';
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName, nameIsDNSSubdomain } from '../../k8s/names';

type EnvVar = NonNullable<Container['env']>[number];
type EnvFrom = NonNullable<Container['envFrom']>[number];
type ValueFrom = NonNullable<EnvVar['valueFrom']>;

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

// pkg/apis/core/pods/helpers.go ConvertDownwardAPIFieldLabel: the labels a v1 fieldRef may name at all.
const CONVERTIBLE_FIELD_LABELS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['k']` → [`metadata.labels`, `k`]. */
function splitSubscript(fieldPath: string): [string, string] | null {
  if (!fieldPath.endsWith("']")) return null;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return null;
  return [s.slice(0, at), s.slice(at + 2)];
}

function convertFieldLabel(apiVersion: string, label: string): string | { error: string } {
  if (apiVersion !== 'v1') return { error: `unsupported pod version: ${apiVersion}` };
  const sub = splitSubscript(label);
  if (sub) {
    return sub[0] === 'metadata.annotations' || sub[0] === 'metadata.labels'
      ? label
      : { error: `field label does not support subscript: ${label}` };
  }
  if (label === 'spec.host') return 'spec.nodeName';
  return CONVERTIBLE_FIELD_LABELS.includes(label) ? label : { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector: shared by env valueFrom.fieldRef and downwardAPI volume items. */
export function validateObjectFieldSelector(
  ref: { apiVersion?: string; fieldPath: string },
  expressions: readonly string[],
  path: FieldPath,
): FieldError[] {
  // apiVersion is defaulted to v1.
  const apiVersion = ref.apiVersion ?? 'v1';
  if (apiVersion === '') return [required(path.child('apiVersion'))];
  if (!ref.fieldPath) return [required(path.child('fieldPath'))];
  const converted = convertFieldLabel(apiVersion, ref.fieldPath);
  if (typeof converted !== 'string') {
    return [invalid(path.child('fieldPath'), ref.fieldPath, `error converting fieldPath: ${converted.error}`)];
  }
  const sub = splitSubscript(converted);
  if (sub) {
    const [base, key] = sub;
    if (base === 'metadata.annotations')
      return isQualifiedName(key.toLowerCase()).map((m) => invalid(path, key.toLowerCase(), m));
    if (base === 'metadata.labels') return isQualifiedName(key).map((m) => invalid(path, key, m));
    return [invalid(path, base, 'does not support subscript')];
  }
  if (!expressions.includes(converted))
    return [notSupported(path.child('fieldPath'), converted, [...expressions].sort())];
  return [];
}

function validateResourceFieldRef(ref: NonNullable<ValueFrom['resourceFieldRef']>, path: FieldPath): FieldError[] {
  if (!ref.resource) return [required(path.child('resource'))];
  if (!RESOURCE_FIELD_PATHS.includes(ref.resource) && !HUGEPAGES_PREFIXES.some((p) => ref.resource.startsWith(p))) {
    return [notSupported(path.child('resource'), ref.resource, RESOURCE_FIELD_PATHS)];
  }
  return [];
}

function validateKeySelector(sel: { name?: string; key: string }, path: FieldPath): FieldError[] {
  // An empty name is Invalid here, not Required: the name check runs unconditionally.
  const name = sel.name ?? '';
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalid(path.child('name'), name, m));
  if (!sel.key) errs.push(required(path.child('key')));
  else for (const m of isConfigMapKey(sel.key)) errs.push(invalid(path.child('key'), sel.key, m));
  return errs;
}

function validateValueFrom(ev: EnvVar, path: FieldPath): FieldError[] {
  const vf = ev.valueFrom;
  if (!vf) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (vf.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, path.child('fieldRef')));
  }
  if (vf.resourceFieldRef) {
    sources++;
    errs.push(...validateResourceFieldRef(vf.resourceFieldRef, path.child('resourceFieldRef')));
  }
  if (vf.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, path.child('configMapKeyRef')));
  }
  if (vf.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(vf.secretKeyRef, path.child('secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(
      invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'),
    );
  } else if ((ev.value ?? '') !== '') {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(env: EnvVar[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (!ev.name) errs.push(required(p.child('name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(p.child('name'), ev.name, m));
    errs.push(...validateValueFrom(ev, p.child('valueFrom')));
  });
  return errs;
}

function validateRefName(name: string | undefined, path: FieldPath): FieldError[] {
  if (!name) return [required(path.child('name'))];
  return nameIsDNSSubdomain(name, true).map((m) => invalid(path.child('name'), name, m));
}

export function validateEnvFrom(envFrom: EnvFrom[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (ev.prefix) for (const m of isRelaxedEnvVarName(ev.prefix)) errs.push(invalid(p.child('prefix'), ev.prefix, m));
    let sources = 0;
    if (ev.configMapRef) {
      sources++;
      errs.push(...validateRefName(ev.configMapRef.name, p.child('configMapRef')));
    }
    if (ev.secretRef) {
      sources++;
      errs.push(...validateRefName(ev.secretRef.name, p.child('secretRef')));
    }
    // These two errors are on the envFrom list itself, without the index (as in validation.go).
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
