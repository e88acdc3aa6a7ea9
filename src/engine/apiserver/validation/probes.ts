// Probes and lifecycle hooks (kubernetes/kubernetes pkg/apis/core/validation/validation.go: validateProbe,
// validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateHandler, validateLifecycle).
import type { Container } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, forbidden, invalid, notSupported, required } from '../../k8s/field-error';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../k8s/names';

type Probe = NonNullable<Container['livenessProbe']>;
type Lifecycle = NonNullable<Container['lifecycle']>;
type LifecycleHandler = NonNullable<Lifecycle['postStart']>;
type HTTPGet = NonNullable<Probe['httpGet']>;

/** The handler kinds in the order validateHandler checks them; probes have grpc, hooks have sleep. */
interface Handler {
  exec?: Probe['exec'];
  httpGet?: HTTPGet;
  tcpSocket?: Probe['tcpSocket'];
  grpc?: Probe['grpc'];
  sleep?: LifecycleHandler['sleep'];
}

export function validatePortNumOrName(port: number | string | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = port ?? 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

function validateHTTPGet(http: HTTPGet, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  // path and scheme are defaulted to "/" and HTTP, so only an explicit empty value reaches here.
  if ((http.path ?? '/') === '') errs.push(required(path.child('path')));
  errs.push(...validatePortNumOrName(http.port, path.child('port')));
  const scheme = http.scheme ?? 'HTTP';
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(path.child('scheme'), scheme, ['HTTP', 'HTTPS']));
  for (const header of http.httpHeaders ?? []) {
    for (const msg of isHTTPHeaderName(header.name)) errs.push(invalid(path.child('httpHeaders'), header.name, msg));
  }
  return errs;
}

function validateSleep(seconds: number, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  // PodLifecycleSleepActionAllowZero is on by default from v1.34, so zero is allowed.
  if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
    return [
      invalid(path, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`),
    ];
  }
  return [];
}

export function validateHandler(h: Handler, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const one = (name: string, present: boolean, check: () => FieldError[]) => {
    if (!present) return;
    if (count > 0) errs.push(forbidden(path.child(name), 'may not specify more than 1 handler type'));
    else {
      count++;
      errs.push(...check());
    }
  };
  one('exec', h.exec != null, () =>
    (h.exec?.command ?? []).length === 0 ? [required(path.child('exec', 'command'))] : [],
  );
  one('httpGet', h.httpGet != null, () => validateHTTPGet(h.httpGet as HTTPGet, path.child('httpGet')));
  one('tcpSocket', h.tcpSocket != null, () =>
    validatePortNumOrName(h.tcpSocket?.port, path.child('tcpSocket', 'port')),
  );
  one('grpc', h.grpc != null, () => validatePortNumOrName(h.grpc?.port ?? 0, path.child('grpc', 'port')));
  one('sleep', h.sleep != null, () => validateSleep(h.sleep?.seconds ?? 0, gracePeriod, path.child('sleep')));
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function nonNegative(value: number | undefined, path: FieldPath): FieldError[] {
  return (value ?? 0) < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

function validateProbe(probe: Probe, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const { exec, httpGet, tcpSocket, grpc } = probe;
  const errs = validateHandler({ exec, httpGet, tcpSocket, grpc }, gracePeriod, path);
  errs.push(...nonNegative(probe.initialDelaySeconds, path.child('initialDelaySeconds')));
  errs.push(...nonNegative(probe.timeoutSeconds, path.child('timeoutSeconds')));
  errs.push(...nonNegative(probe.periodSeconds, path.child('periodSeconds')));
  errs.push(...nonNegative(probe.successThreshold, path.child('successThreshold')));
  errs.push(...nonNegative(probe.failureThreshold, path.child('failureThreshold')));
  const tgp = probe.terminationGracePeriodSeconds;
  if (tgp != null && tgp <= 0)
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgp, 'must be greater than 0'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateProbeOf(
  kind: ProbeKind,
  probe: Probe | null | undefined,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (kind === 'readinessProbe') {
    if (probe.terminationGracePeriodSeconds != null) {
      errs.push(
        invalid(
          path.child('terminationGracePeriodSeconds'),
          probe.terminationGracePeriodSeconds,
          'must not be set for readinessProbes',
        ),
      );
    }
  } else if ((probe.successThreshold || 1) !== 1) {
    // Defaulting turns an unset or zero threshold into 1.
    errs.push(invalid(path.child('successThreshold'), probe.successThreshold, 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(
  lifecycle: Lifecycle,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  if (lifecycle.postStart) errs.push(...validateHandler(lifecycle.postStart, gracePeriod, path.child('postStart')));
  if (lifecycle.preStop) errs.push(...validateHandler(lifecycle.preStop, gracePeriod, path.child('preStop')));
  return errs;
}
