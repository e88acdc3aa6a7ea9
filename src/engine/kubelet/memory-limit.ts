// Whether a container's command is bound to use more memory than its limit. Only a program that says in its
// arguments how much it allocates is read: stress(1) (the polinux/stress image of the docs' memory exercises), whose
// `--vm N` / `-m N` forks N workers that each malloc and touch `--vm-bytes B` (default 256M; the suffixes b, k, m and
// g are powers of 1024, stress.c atoll_b) before they hang or free it. Anything else is assumed to stay within its
// limit. Over the limit, the kernel's OOM killer ends the container: on a cgroup v2 node the kubelet leaves
// singleProcessOOMKill false and sets memory.oom.group, so the whole container is killed (kubernetes/kubernetes
// pkg/kubelet/kubelet.go, kuberuntime/kuberuntime_container_linux.go) and the runtime reports reason OOMKilled with
// the SIGKILL exit code 137.
import type { Container } from '../k8s/objects';
import { value } from '../k8s/quantity';
import type { Segment } from '../types';

export const OOM_KILLED_REASON = 'OOMKilled';
export const OOM_KILLED_EXIT_CODE = 137;

const DEFAULT_VM_BYTES = 256 * 1024 * 1024;
const SHIFT: Record<string, number> = { b: 0, k: 10, m: 20, g: 30 };

/** stress.c atoll_b: a count with an optional b/k/m/g suffix (powers of 1024); null when stress would reject it. */
function stressBytes(operand: string | undefined): number | null {
  const m = operand === undefined ? null : /^(\d+)([bkmgBKMG]?)$/.exec(operand);
  return m ? Number(m[1]) * 2 ** (SHIFT[(m[2] ?? '').toLowerCase()] ?? 0) : null;
}

/** Bytes stress's memory workers hold at once, or null when the command is not stress with `--vm`. */
function stressMemory(argv: readonly string[]): number | null {
  const program = argv[0]?.slice(argv[0].lastIndexOf('/') + 1);
  if (program !== 'stress') return null;
  let workers = 0;
  let bytes = DEFAULT_VM_BYTES;
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--vm' || flag === '-m') workers = Number(stressBytes(argv[i + 1]) ?? 0);
    else if (flag === '--vm-bytes') bytes = stressBytes(argv[i + 1]) ?? bytes;
  }
  return workers > 0 ? workers * bytes : null;
}

export interface OOMKill {
  /** Bytes the command allocates. */
  allocates: number;
  limit: string;
  limitBytes: number;
  segments: Segment[];
}

/** The command allocates more than the container's memory limit: the OOM killer ends every run of it. */
export function predictedOOMKill(container: Container, argv: readonly string[], segments: Segment[]): OOMKill | null {
  const limit = container.resources?.limits?.memory;
  if (limit === undefined) return null;
  const allocates = stressMemory(argv);
  const limitBytes = value(String(limit));
  if (allocates === null || allocates <= limitBytes) return null;
  return {
    allocates,
    limit: String(limit),
    limitBytes,
    segments: [...segments, 'resources', 'limits', 'memory'],
  };
}
