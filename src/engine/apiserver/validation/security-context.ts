// Pod and container security contexts (kubernetes/kubernetes pkg/apis/core/validation/validation.go:
// ValidateSecurityContext, validatePodSpecSecurityContext, validateSysctls, validateSeccompProfileField,
// ValidateAppArmorProfileField). The cluster is assumed to allow privileged containers (kube-apiserver
// --allow-privileged defaults to true in kubeadm and kind clusters).
import type { Container, PodSpec } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { duplicate, type FieldError, invalid, notSupported, required, tooLong } from '../../k8s/field-error';
import { isValidGroupID, isValidUserID } from '../../k8s/names';
import { validateLocalDescendingPath } from './volumes';
import { validateWindowsSecurityContextOptions } from './windows';
import { internalSeccompProfile, internalSecurityContext, invalidGoValue } from './internal-json';
import { sysctlNamespace } from '../../k8s/sysctl';

type ContainerSecurityContext = NonNullable<Container['securityContext']>;
type SeccompProfile = NonNullable<ContainerSecurityContext['seccompProfile']>;
type AppArmorProfile = NonNullable<ContainerSecurityContext['appArmorProfile']>;

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_REGEX = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_RE = new RegExp(SYSCTL_REGEX);

function validateSeccompProfile(sp: SeccompProfile | null | undefined, path: FieldPath): FieldError[] {
  if (!sp) return [];
  const errs: FieldError[] = [];
  const type: string = sp.type ?? '';
  if (type === '') errs.push(required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type)) {
    errs.push(notSupported(path.child('type'), type, ['Localhost', 'RuntimeDefault', 'Unconfined']));
  }
  if (type === 'Localhost') {
    if (sp.localhostProfile == null) {
      errs.push(required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    } else errs.push(...validateLocalDescendingPath(sp.localhostProfile, path.child('localhostProfile')));
  } else if (sp.localhostProfile != null) {
    errs.push(
      invalidGoValue(
        path.child('localhostProfile'),
        internalSeccompProfile(sp),
        'can only be set when seccomp type is Localhost',
      ),
    );
  }
  return errs;
}

function validateAppArmorProfile(p: AppArmorProfile | null | undefined, path: FieldPath): FieldError[] {
  if (!p) return [];
  const type: string = p.type ?? '';
  switch (type) {
    case 'Localhost': {
      const profile = p.localhostProfile;
      if (profile == null)
        return [required(path.child('localhostProfile'), 'must be set when AppArmor type is Localhost')];
      const errs: FieldError[] = [];
      if (profile.trim() !== profile) {
        errs.push(invalid(path.child('localhostProfile'), profile, 'must not be padded with whitespace'));
      } else if (profile === '') {
        errs.push(required(path.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
      }
      if (profile.length > 4095) errs.push(tooLong(path.child('localhostProfile'), 4095));
      return errs;
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return p.localhostProfile != null
        ? [
            invalid(
              path.child('localhostProfile'),
              p.localhostProfile,
              'can only be set when AppArmor type is Localhost',
            ),
          ]
        : [];
    case '':
      return [required(path.child('type'), 'type is required when appArmorProfile is set')];
    default:
      return [notSupported(path.child('type'), p.type, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  }
}

function idErrors(value: number | null | undefined, path: FieldPath, check: (n: number) => string[]): FieldError[] {
  return value == null ? [] : check(value).map((m) => invalid(path, value, m));
}

export function validateContainerSecurityContext(
  sc: ContainerSecurityContext | null | undefined,
  path: FieldPath,
  hostUsers: boolean,
): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  errs.push(...idErrors(sc.runAsUser, path.child('runAsUser'), isValidUserID));
  errs.push(...idErrors(sc.runAsGroup, path.child('runAsGroup'), isValidGroupID));
  if (sc.procMount != null) {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
      errs.push(notSupported(path.child('procMount'), sc.procMount, ['Default', 'Unmasked']));
    }
    if (hostUsers && sc.procMount === 'Unmasked') {
      errs.push(invalid(path.child('procMount'), sc.procMount, '`hostUsers` must be false to use `Unmasked`'));
    }
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) {
      errs.push(
        invalidGoValue(
          path,
          internalSecurityContext(sc),
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        ),
      );
    }
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === 'CAP_SYS_ADMIN') {
        errs.push(
          invalidGoValue(
            path,
            internalSecurityContext(sc),
            'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
        );
      }
    }
  }
  errs.push(...validateWindowsSecurityContextOptions(sc.windowsOptions, path.child('windowsOptions')));
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, path.child('appArmorProfile')));
  return errs;
}

/** ValidateHostSysctl: a namespaced sysctl is refused when the pod shares that namespace with the host. */
function hostSysctlError(sysctl: string, hostNetwork: boolean, hostIPC: boolean): string | null {
  const ns = sysctlNamespace(sysctl);
  if (hostNetwork && ns === 'Net') return "may not be specified when 'hostNetwork' is true";
  if (hostIPC && ns === 'IPC') return "may not be specified when 'hostIPC' is true";
  return null;
}

export function validatePodSecurityContext(spec: PodSpec, path: FieldPath): FieldError[] {
  const sc = spec.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  errs.push(...idErrors(sc.fsGroup, path.child('fsGroup'), isValidGroupID));
  errs.push(...idErrors(sc.runAsUser, path.child('runAsUser'), isValidUserID));
  errs.push(...idErrors(sc.runAsGroup, path.child('runAsGroup'), isValidGroupID));
  (sc.supplementalGroups ?? []).forEach((g, i) =>
    errs.push(...idErrors(g, path.child('supplementalGroups').index(i), isValidGroupID)),
  );
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'),
    );
  }
  const names = new Set<string>();
  (sc.sysctls ?? []).forEach((s, i) => {
    const np = path.child('sysctls').index(i).child('name');
    if (!s.name) errs.push(required(np));
    else if (s.name.length > 253 || !SYSCTL_RE.test(s.name)) {
      errs.push(invalid(np, s.name, `must have at most 253 characters and match regex ${SYSCTL_REGEX}`));
    } else if (names.has(s.name)) errs.push(duplicate(np, s.name));
    const hostErr = hostSysctlError(s.name ?? '', spec.hostNetwork === true, spec.hostIPC === true);
    if (hostErr) errs.push(invalid(np, s.name, hostErr));
    names.add(s.name);
  });
  if (sc.fsGroupChangePolicy != null && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(path.child('fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
  errs.push(...validateWindowsSecurityContextOptions(sc.windowsOptions, path.child('windowsOptions')));
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, path.child('appArmorProfile')));
  if (sc.supplementalGroupsPolicy != null && !['Merge', 'Strict'].includes(sc.supplementalGroupsPolicy)) {
    errs.push(notSupported(path.child('supplementalGroupsPolicy'), sc.supplementalGroupsPolicy, ['Merge', 'Strict']));
  }
  if (sc.seLinuxChangePolicy != null && !['MountOption', 'Recursive'].includes(sc.seLinuxChangePolicy)) {
    errs.push(notSupported(path.child('seLinuxChangePolicy'), sc.seLinuxChangePolicy, ['MountOption', 'Recursive']));
  }
  return errs;
}
