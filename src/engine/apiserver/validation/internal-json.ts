// field.Error renders a struct BadValue with json.Marshal (k8s.io/apimachinery v0.34 field/errors.go ErrorBody).
// Validation runs on the internal types of pkg/apis/core, which carry no json tags: the keys are the Go field
// names, in declaration order, and every field is written (a nil pointer or slice as null). Strings are escaped as
// encoding/json does, with <, > and & as \u003c, \u003e and \u0026.
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, invalidOmitValue } from '../../k8s/field-error';

// A Go map is a Map: encoding/json writes its keys sorted (as strings); a struct is a plain object, in field order.
type Json = string | number | boolean | null | Json[] | Map<string, Json> | { [k: string]: Json };

function goString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function goJSON(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${goString(k)}:${goJSON(v.get(k) ?? null)}`).join(',')}}`;
  }
  return `{${Object.entries(v)
    .map(([k, x]) => `${goString(k)}:${goJSON(x)}`)
    .join(',')}}`;
}

/**
 * encoding/json's Marshal of a decoded document (sigs.k8s.io/yaml hands it over as map[string]interface{}): every
 * mapping is a Go map, so its keys are written sorted.
 */
export function goMarshalDocument(value: unknown): string {
  const asGo = (v: unknown): Json => {
    if (Array.isArray(v)) return v.map(asGo);
    if (v !== null && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, asGo(x)]));
    return v === undefined ? null : (v as Json);
  };
  return goJSON(asGo(value));
}

type Source = object | null | undefined;
type Fields = Record<string, unknown>;
/** The v1 object's fields by their JSON names. */
const fields = (o: object): Fields => o as Fields;

/** A value as it converts to the internal struct: absent becomes the Go zero value the field's kind gives. */
const ptr = (v: unknown): Json => (v === undefined || v === null ? null : (v as Json));
const str = (v: unknown): Json => (typeof v === 'string' ? v : '');
const list = (v: unknown): Json => (Array.isArray(v) ? (v as Json[]) : null);

/** core.SeccompProfile and core.AppArmorProfile: {Type, LocalhostProfile}. */
function profile(src: Source): Json {
  if (!src) return null;
  const p = fields(src);
  return { Type: str(p.type), LocalhostProfile: ptr(p.localhostProfile) };
}

/** *core.SeccompProfile. */
export const internalSeccompProfile = (p: Source): Json => profile(p);

/** *core.SecurityContext (field order read at v1.34). */
export function internalSecurityContext(src: Source): Json {
  if (!src) return null;
  const sc = fields(src);
  const caps = sc.capabilities ? fields(sc.capabilities) : null;
  const se = sc.seLinuxOptions ? fields(sc.seLinuxOptions) : null;
  const win = sc.windowsOptions ? fields(sc.windowsOptions) : null;
  return {
    Capabilities: caps ? { Add: list(caps.add), Drop: list(caps.drop) } : null,
    Privileged: ptr(sc.privileged),
    SELinuxOptions: se ? { User: str(se.user), Role: str(se.role), Type: str(se.type), Level: str(se.level) } : null,
    WindowsOptions: win
      ? {
          GMSACredentialSpecName: ptr(win.gmsaCredentialSpecName),
          GMSACredentialSpec: ptr(win.gmsaCredentialSpec),
          RunAsUserName: ptr(win.runAsUserName),
          HostProcess: ptr(win.hostProcess),
        }
      : null,
    RunAsUser: ptr(sc.runAsUser),
    RunAsGroup: ptr(sc.runAsGroup),
    RunAsNonRoot: ptr(sc.runAsNonRoot),
    ReadOnlyRootFilesystem: ptr(sc.readOnlyRootFilesystem),
    AllowPrivilegeEscalation: ptr(sc.allowPrivilegeEscalation),
    ProcMount: ptr(sc.procMount),
    SeccompProfile: profile(sc.seccompProfile as Source),
    AppArmorProfile: profile(sc.appArmorProfile as Source),
  };
}

/** core.PodResourceClaim. */
export function internalPodResourceClaim(src: Source): Json {
  const c = src ? fields(src) : null;
  return {
    Name: str(c?.name),
    ResourceClaimName: ptr(c?.resourceClaimName),
    ResourceClaimTemplateName: ptr(c?.resourceClaimTemplateName),
  };
}

/**
 * *metav1.LabelSelector, which keeps its json tags even in internal objects: matchLabels (a map) then
 * matchExpressions, each left out when empty (omitempty), a requirement's values likewise.
 */
export function labelSelectorValue(src: Source): Json {
  if (!src) return null;
  const sel = fields(src);
  const out: { [k: string]: Json } = {};
  const labels = sel.matchLabels ? Object.entries(fields(sel.matchLabels)) : [];
  if (labels.length) out.matchLabels = new Map(labels.map(([k, v]) => [k, str(v)]));
  const exprs = Array.isArray(sel.matchExpressions) ? (sel.matchExpressions as object[]) : [];
  if (exprs.length) {
    out.matchExpressions = exprs.map((e) => {
      const r = fields(e);
      const req: { [k: string]: Json } = { key: str(r.key), operator: str(r.operator) };
      if (Array.isArray(r.values) && r.values.length) req.values = r.values as Json[];
      return req;
    });
  }
  return out;
}

/** A map[string]string, as encoding/json writes it (keys sorted). */
export function stringMap(m: Record<string, string> | null | undefined): Json {
  return m ? new Map(Object.entries(m)) : null;
}

/** field.Invalid(path, <struct, map or pointer to one>, detail), the value as encoding/json writes it. */
export function invalidGoValue(path: FieldPath, value: Json, detail: string): FieldError {
  return invalidOmitValue(path, detail ? `${goJSON(value)}: ${detail}` : goJSON(value));
}
