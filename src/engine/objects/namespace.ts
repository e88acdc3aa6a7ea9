// A Namespace on create (kubernetes/kubernetes): SetDefaults_Namespace labels it with its own name
// (pkg/apis/core/v1/defaults.go), the create strategy sets phase Active and adds the kubernetes finalizer
// (pkg/registry/core/namespace/strategy.go PrepareForCreate), then ValidateNamespace
// (pkg/apis/core/validation/validation.go): the name is a DNS-1123 label, and every spec finalizer a qualified name
// that is standard or fully qualified (validateFinalizerName).
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid } from '../k8s/field-error';
import { isQualifiedName, nameIsDNSLabel } from '../k8s/names';
import type { Namespace } from '../k8s/objects';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';

/** v1.LabelMetadataName. */
const NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(input: Namespace): Namespace {
  const ns = clone(input);
  const name = ns.metadata?.name ?? '';
  // A nameless (generateName) namespace cannot be labelled yet.
  if (name) ns.metadata = { ...ns.metadata, labels: { ...ns.metadata?.labels, [NAME_LABEL]: name } };
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec = { ...ns.spec, finalizers: [...finalizers, 'kubernetes'] };
  ns.status = { phase: 'Active' };
  return ns;
}

/** helper.IsStandardFinalizerName. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateMeta(ns.metadata, false, nameIsDNSLabel, FieldPath.root('metadata'));
  const path = FieldPath.root('spec', 'finalizers');
  for (const f of ns.spec?.finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}
