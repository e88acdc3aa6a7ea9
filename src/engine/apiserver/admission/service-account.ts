// ServiceAccount admission (plugin/pkg/admission/serviceaccount), mutating phase: default the service account,
// require it to exist, mount the projected API token into every init and regular container, and copy the
// account's imagePullSecrets.
import { lookup } from '../../cluster/lookup';
import type { Container, ServiceAccount, Volume } from '../../k8s/objects';
import type { Segment } from '../../types';
import { placeholderSuffix } from '../defaults/placeholders';
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from './types';

const VOLUME_PREFIX = 'kube-api-access-';
const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** TokenVolumeSource(): the token (1 h plus 7 s, so the kubelet's refresh is observable), the CA and namespace. */
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const isMirrorPod = (req: AdmissionRequest) => MIRROR_ANNOTATION in (req.pod.metadata?.annotations ?? {});

/** Volume sources whose secret reference podutil.VisitPodSecretNames visits (besides `secret` itself). */
const SECRET_REF_SOURCES = ['cephfs', 'cinder', 'flexVolume', 'rbd', 'scaleIO', 'iscsi', 'storageos'] as const;

/** podutil.VisitPodSecretNames: does the pod reference any secret at all? Returns where, or null. */
function firstSecretReference(spec: NonNullable<AdmissionRequest['pod']['spec']>): Segment[] | null {
  if ((spec.imagePullSecrets ?? []).length > 0) return ['spec', 'imagePullSecrets', 0];
  const lists = ['initContainers', 'containers', 'ephemeralContainers'] as const;
  for (const key of lists)
    for (const [i, c] of ((spec[key] ?? []) as Container[]).entries()) {
      const env = (c.env ?? []).findIndex((e) => e.valueFrom?.secretKeyRef);
      if (env >= 0) return ['spec', key, i, 'env', env, 'valueFrom', 'secretKeyRef'];
      const envFrom = (c.envFrom ?? []).findIndex((e) => e.secretRef);
      if (envFrom >= 0) return ['spec', key, i, 'envFrom', envFrom, 'secretRef'];
    }
  for (const [i, v] of (spec.volumes ?? []).entries()) {
    const source = v as unknown as Record<string, { secretRef?: unknown } | undefined>;
    if (v.secret) return ['spec', 'volumes', i, 'secret'];
    if (v.azureFile) return ['spec', 'volumes', i, 'azureFile', 'secretName'];
    if (v.csi?.nodePublishSecretRef) return ['spec', 'volumes', i, 'csi', 'nodePublishSecretRef'];
    const ref = SECRET_REF_SOURCES.find((k) => source[k]?.secretRef);
    if (ref) return ['spec', 'volumes', i, ref, 'secretRef'];
    const projected = (v.projected?.sources ?? []).findIndex((p) => p.secret);
    if (projected >= 0) return ['spec', 'volumes', i, 'projected', 'sources', projected, 'secret'];
  }
  return null;
}

/** Validate for a mirror pod (a static pod's API copy): no service account, no secrets, no token projections. */
function mirrorPodOutcome(req: AdmissionRequest): PluginOutcome {
  const spec = req.pod.spec ?? { containers: [] };
  const forbid = (cause: string, segments: Segment[]) =>
    deny('ServiceAccount', { reason: 'Forbidden', message: forbiddenMessage(req.name, cause), segments });
  if (spec.serviceAccountName)
    return forbid('a mirror pod may not reference service accounts', ['spec', 'serviceAccountName']);
  const secret = firstSecretReference(spec);
  if (secret) return forbid('a mirror pod may not reference secrets', secret);
  for (const [i, v] of (spec.volumes ?? []).entries()) {
    const j = (v.projected?.sources ?? []).findIndex((p) => p.serviceAccountToken);
    if (j >= 0)
      return forbid('a mirror pod may not use ServiceAccountToken volume projections', [
        'spec',
        'volumes',
        i,
        'projected',
        'sources',
        j,
        'serviceAccountToken',
      ]);
  }
  return allow('ServiceAccount', ['A mirror pod: no service account is assigned and no token is mounted.']);
}

export function serviceAccount(req: AdmissionRequest): PluginOutcome {
  // Mirror pods are left as the kubelet sent them (a changed spec would make it delete and recreate the pod).
  if (isMirrorPod(req)) return mirrorPodOutcome(req);
  const spec = (req.pod.spec ??= { containers: [] });
  const notes: string[] = [];
  // v1 conversion reads the deprecated alias when the real field is empty.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (!spec.serviceAccountName) {
    spec.serviceAccountName = 'default';
    notes.push('spec.serviceAccountName set to "default".');
  }
  const name = spec.serviceAccountName;
  // The v1 API mirrors the name into the deprecated serviceAccount field.
  spec.serviceAccount = name;
  const found = lookup(req.cluster, 'ServiceAccount', name, req.namespace);
  if (found.status === 'missing')
    return deny('ServiceAccount', {
      reason: 'Forbidden',
      message: forbiddenMessage(
        req.name,
        `error looking up service account ${req.namespace}/${name}: serviceaccount "${name}" not found`,
      ),
      segments: ['spec', 'serviceAccountName'],
    });
  if (found.status === 'assumed') notes.push(`ServiceAccount ${req.namespace}/${name}: ${found.why}.`);
  const account = found.status === 'found' ? found.object : undefined;

  const automount = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
  if (automount) mountToken(req, notes);
  else notes.push('automountServiceAccountToken is false: no API token is mounted.');

  if ((spec.imagePullSecrets ?? []).length === 0 && (account?.imagePullSecrets ?? []).length > 0) {
    spec.imagePullSecrets = account?.imagePullSecrets?.map((s) => ({ name: s.name }));
    notes.push(`imagePullSecrets copied from ServiceAccount "${name}".`);
  }
  return allow('ServiceAccount', notes);
}

function mountToken(req: AdmissionRequest, notes: string[]): void {
  const spec = req.pod.spec ?? { containers: [] };
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(VOLUME_PREFIX));
  const volumeName = existing?.name ?? VOLUME_PREFIX + placeholderSuffix(`${req.seed}#kube-api-access`);
  let needsVolume = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // A container that already mounts something at the token path keeps its own mount.
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
    needsVolume = true;
  }
  if (!existing && needsVolume) {
    spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
    notes.push(
      `Projected volume "${volumeName}" (token, kube-root-ca.crt, namespace) mounted at ${TOKEN_MOUNT_PATH} in every container; the 5-character suffix is a placeholder for the random one.`,
    );
  }
}

const ENFORCE_MOUNTABLE_SECRETS = 'kubernetes.io/enforce-mountable-secrets';
/** strconv.ParseBool's spellings of true. */
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

const notReferenced = (what: string, account: string) =>
  `${what} is not allowed because service account ${account} does not reference that secret`;

/** limitSecretReferences: the first secret the pod uses that the account does not list, as the plugin words it. */
function unreferencedSecret(
  spec: NonNullable<AdmissionRequest['pod']['spec']>,
  account: ServiceAccount,
): { message: string; segments: Segment[] } | null {
  const name = account.metadata?.name ?? '';
  const mountable = new Set((account.secrets ?? []).map((s) => s.name));
  for (const [i, v] of (spec.volumes ?? []).entries()) {
    const secretName = v.secret?.secretName;
    if (v.secret && !mountable.has(secretName))
      return {
        message: notReferenced(`volume with secret.secretName="${secretName ?? ''}"`, name),
        segments: ['spec', 'volumes', i, 'secret', 'secretName'],
      };
  }
  const groups: [string, 'initContainers' | 'containers'][] = [
    ['init container', 'initContainers'],
    ['container', 'containers'],
  ];
  for (const [label, key] of groups)
    for (const [i, c] of (spec[key] ?? []).entries()) {
      for (const [j, env] of (c.env ?? []).entries()) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !mountable.has(ref.name))
          return {
            message: notReferenced(
              `${label} ${c.name} with envVar ${env.name} referencing secret.secretName="${ref.name ?? ''}"`,
              name,
            ),
            segments: ['spec', key, i, 'env', j, 'valueFrom', 'secretKeyRef', 'name'],
          };
      }
      for (const [j, envFrom] of (c.envFrom ?? []).entries()) {
        const ref = envFrom.secretRef;
        if (ref && !mountable.has(ref.name))
          return {
            message: notReferenced(
              `${label} ${c.name} with envFrom referencing secret.secretName="${ref.name ?? ''}"`,
              name,
            ),
            segments: ['spec', key, i, 'envFrom', j, 'secretRef', 'name'],
          };
      }
    }
  const pullSecrets = new Set((account.imagePullSecrets ?? []).map((s) => s.name));
  for (const [i, ref] of (spec.imagePullSecrets ?? []).entries())
    if (!pullSecrets.has(ref.name))
      return {
        message: `imagePullSecrets[${i}].name="${ref.name ?? ''}" is not allowed because service account ${name} does not reference that imagePullSecret`,
        segments: ['spec', 'imagePullSecrets', i, 'name'],
      };
  return null;
}

/**
 * Validating phase: mirror pods are checked as in the mutating phase; otherwise an account annotated kubernetes.io/enforce-mountable-secrets=true (strconv.ParseBool) limits
 * the pod to the secrets and image pull secrets it lists.
 */
export function serviceAccountValidate(req: AdmissionRequest): PluginOutcome {
  if (isMirrorPod(req)) return mirrorPodOutcome(req);
  const spec = req.pod.spec;
  const name = spec?.serviceAccountName;
  if (!spec || !name) return allow('ServiceAccount');
  const found = lookup(req.cluster, 'ServiceAccount', name, req.namespace);
  if (found.status !== 'found') return allow('ServiceAccount');
  const account = found.object;
  if (!PARSE_BOOL_TRUE.has(account.metadata?.annotations?.[ENFORCE_MOUNTABLE_SECRETS] ?? ''))
    return allow('ServiceAccount');
  const bad = unreferencedSecret(spec, account);
  if (!bad) return allow('ServiceAccount', [`ServiceAccount "${name}" references every secret the pod uses.`]);
  return deny('ServiceAccount', {
    reason: 'Forbidden',
    message: forbiddenMessage(req.name, bad.message),
    segments: bad.segments,
  });
}
