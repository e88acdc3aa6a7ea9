// Dynamic resource allocation claims (kubernetes/kubernetes pkg/apis/core/validation/validation.go:
// validatePodResourceClaims, validatePodResourceClaim, gatherPodResourceClaimNames, validateResourceClaimNames).
// The fields are validated whenever they reach validation; while DynamicResourceAllocation is off (v1.33) the
// API server drops them first (dropDisabledDynamicResourceAllocationFields).
import type { PodSpec } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { duplicate, type FieldError, invalid, notFound, required } from '../../k8s/field-error';
import { isDNS1123Label, nameIsDNSSubdomain } from '../../k8s/names';
import { internalPodResourceClaim, invalidGoValue } from './internal-json';

type PodClaim = NonNullable<PodSpec['resourceClaims']>[number];
type ContainerClaim = { name?: string; request?: string };

/** The non-empty pod claim names, which container claims may reference. */
export function podClaimNames(spec: PodSpec): Set<string> {
  return new Set((spec.resourceClaims ?? []).map((c) => c.name).filter((n) => n));
}

function validatePodClaim(claim: PodClaim, seen: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = claim.name ?? '';
  if (!name) errs.push(required(path.child('name')));
  else if (seen.has(name)) errs.push(duplicate(path.child('name'), name));
  else {
    errs.push(...isDNS1123Label(name).map((m) => invalid(path.child('name'), name, m)));
    seen.add(name);
  }
  const claimName = claim.resourceClaimName;
  const templateName = claim.resourceClaimTemplateName;
  if (claimName != null && templateName != null) {
    errs.push(
      invalidGoValue(
        path,
        internalPodResourceClaim(claim),
        'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
      ),
    );
  }
  if (claimName == null && templateName == null) {
    errs.push(
      invalidGoValue(
        path,
        internalPodResourceClaim(claim),
        'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
      ),
    );
  }
  if (claimName != null) {
    for (const m of nameIsDNSSubdomain(claimName, false))
      errs.push(invalid(path.child('resourceClaimName'), claimName, m));
  }
  if (templateName != null) {
    for (const m of nameIsDNSSubdomain(templateName, false))
      errs.push(invalid(path.child('resourceClaimTemplateName'), templateName, m));
  }
  return errs;
}

export function validatePodResourceClaims(claims: PodClaim[] | null | undefined, path: FieldPath): FieldError[] {
  const seen = new Set<string>();
  return (claims ?? []).flatMap((claim, i) => validatePodClaim(claim, seen, path.index(i)));
}

/**
 * A container's resources.claims must name pod claims, each once: a whole claim after any of its requests (or the
 * reverse), or the same request twice, is a duplicate (validateResourceClaimNames, read at v1.34).
 */
export function validateResourceClaimNames(
  claims: ContainerClaim[] | null | undefined,
  podClaims: Set<string>,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (claims ?? []).forEach((claim, i) => {
    const p = path.index(i);
    const name = claim.name ?? '';
    if (!name) {
      errs.push(required(p));
      return;
    }
    if (seen.has(name)) {
      // All requests of that claim are already referenced.
      errs.push(duplicate(p, name));
    } else {
      let key = name;
      if (claim.request) {
        errs.push(...isDNS1123Label(claim.request).map((m) => invalid(p.child('request'), claim.request, m)));
        key = `${name}/${claim.request}`;
      }
      if (seen.has(key)) errs.push(duplicate(p, key));
      else if (!claim.request) {
        // The whole claim after some of its requests: one error per request already referenced.
        for (const k of seen) if (k.split('/')[0] === name && k.includes('/')) errs.push(duplicate(p, name));
      }
      seen.add(key);
    }
    if (!podClaims.has(name)) {
      const known = [...podClaims].sort();
      const detail =
        'must be one of the names in pod.spec.resourceClaims' +
        (known.length === 0 ? ' which is empty' : `: ${known.join(', ')}`);
      errs.push(notFound(p, name, detail));
    }
  });
  return errs;
}
