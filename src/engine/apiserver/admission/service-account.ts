// ServiceAccount admission (plugin/pkg/admission/serviceaccount), mutating phase: default the service account,
// require it to exist, mount the projected API token into every init and regular container, and copy the
// account's imagePullSecrets.
import { lookup } from '../../cluster/lookup';
import type { Volume } from '../../k8s/objects';
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

export function serviceAccount(req: AdmissionRequest): PluginOutcome {
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
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
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
