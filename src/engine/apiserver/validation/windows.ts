// Windows settings (kubernetes/kubernetes pkg/apis/core/validation/validation.go, read at v1.34:
// validateWindowsSecurityContextOptions, validateWindowsHostProcessPod). The cluster is assumed to allow privileged
// containers, so the "disallowed by cluster policy" error never applies.
import type { Container, PodSpec } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, invalid, invalidOmitValue } from '../../k8s/field-error';
import { isDNS1123Subdomain } from '../../k8s/names';
import { visitContainers } from './pod-annotations';
import { utf8Length } from '../../k8s/utf8';

type WindowsOptions = NonNullable<NonNullable<Container['securityContext']>['windowsOptions']>;

const MAX_GMSA_SPEC_KIB = 64;
const MAX_DOMAIN_LENGTH = 256;
const MAX_USER_LENGTH = 104;
// The regular expressions of validation.go, with Go's [[:cntrl:]] spelled out.
// eslint-disable-next-line no-control-regex
const CTRL_RE = /[\x00-\x1f\x7f]/;
const NETBIOS_RE = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const DOMAIN_DNS_RE = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const USER_CHARS_RE = /["/\\:;|=,+*?<>@[\]]/;
const USER_DOTS_SPACES_RE = /^[. ]+$/;

/**
 * These fields are *string in the Go struct, and field.Error renders a pointer with json.Marshal, which escapes
 * `<`, `>` and `&` as \u003c, \u003e and \u0026.
 */
function invalidStringPointer(path: FieldPath, value: string, detail: string): FieldError {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return invalidOmitValue(path, `${json}: ${detail}`);
}

function runAsUserNameErrors(name: string): string[] {
  if (name.length === 0) return ['runAsUserName cannot be an empty string'];
  if (CTRL_RE.test(name)) return ['runAsUserName cannot contain control characters'];
  const parts = name.split('\\');
  if (parts.length > 2) return ['runAsUserName cannot contain more than one backslash'];
  const hasDomain = parts.length === 2;
  const domain = hasDomain ? (parts[0] ?? '') : '';
  const user = (hasDomain ? parts[1] : parts[0]) ?? '';
  const msgs: string[] = [];
  if (utf8Length(domain) >= MAX_DOMAIN_LENGTH) {
    msgs.push(`runAsUserName's Domain length must be under ${MAX_DOMAIN_LENGTH} characters`);
  }
  if (hasDomain && !NETBIOS_RE.test(domain) && !DOMAIN_DNS_RE.test(domain)) {
    msgs.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  }
  const userLength = utf8Length(user);
  if (userLength === 0) msgs.push("runAsUserName's User cannot be empty");
  else if (userLength > MAX_USER_LENGTH) {
    msgs.push(`runAsUserName's User length must not be longer than ${MAX_USER_LENGTH} characters`);
  }
  if (USER_DOTS_SPACES_RE.test(user)) msgs.push("runAsUserName's User cannot contain only periods or spaces");
  if (USER_CHARS_RE.test(user)) {
    msgs.push(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`);
  }
  return msgs;
}

export function validateWindowsSecurityContextOptions(
  w: WindowsOptions | null | undefined,
  path: FieldPath,
): FieldError[] {
  if (!w) return [];
  const errs: FieldError[] = [];
  if (w.gmsaCredentialSpecName != null) {
    const p = path.child('gmsaCredentialSpecName');
    for (const m of isDNS1123Subdomain(w.gmsaCredentialSpecName)) {
      errs.push(invalidStringPointer(p, w.gmsaCredentialSpecName, m));
    }
  }
  if (w.gmsaCredentialSpec != null) {
    const p = path.child('gmsaCredentialSpec');
    const len = utf8Length(w.gmsaCredentialSpec);
    if (len === 0) errs.push(invalidStringPointer(p, '', 'gmsaCredentialSpec cannot be an empty string'));
    else if (len > MAX_GMSA_SPEC_KIB * 1024) {
      errs.push(
        invalidStringPointer(p, w.gmsaCredentialSpec, `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC_KIB} KiB`),
      );
    }
  }
  if (w.runAsUserName != null) {
    const p = path.child('runAsUserName');
    for (const m of runAsUserNameErrors(w.runAsUserName)) errs.push(invalidStringPointer(p, w.runAsUserName, m));
  }
  return errs;
}

/** A HostProcess pod: every container a HostProcess container (set or inherited), and hostNetwork on. */
export function validateWindowsHostProcessPod(spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const podHostProcess = spec.securityContext?.windowsOptions?.hostProcess ?? null;
  let containers = 0;
  let hostProcessContainers = 0;
  visitContainers(spec, path, (c, p) => {
    containers++;
    const own = c.securityContext?.windowsOptions?.hostProcess ?? null;
    if (podHostProcess !== null && own !== null && podHostProcess !== own) {
      errs.push(
        invalid(
          p.child('securityContext', 'windowsOptions', 'hostProcess'),
          own,
          `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`,
        ),
      );
    }
    if (own === true || (own === null && podHostProcess === true)) hostProcessContainers++;
  });
  if (hostProcessContainers > 0) {
    if (hostProcessContainers !== containers) {
      errs.push(
        invalid(
          path,
          '',
          'If pod contains any hostProcess containers then all containers must be HostProcess containers',
        ),
      );
    }
    if (spec.hostNetwork !== true) {
      errs.push(
        invalid(
          path.child('hostNetwork'),
          false,
          'hostNetwork must be true if pod contains any hostProcess containers',
        ),
      );
    }
  }
  return errs;
}
