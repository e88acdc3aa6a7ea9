import { chooseVersion, type RequestedVersion } from '../engine/version/choose';
import { formatVersion, NEWEST, SUPPORTED_MINORS } from '../engine/version/kube-version';

const SUPPORTED = SUPPORTED_MINORS.map((minor) => formatVersion({ minor })).join('|');

export type Format = 'text' | 'json' | 'sarif';

export interface SimulateArgs {
  command: 'simulate';
  inputs: string[];
  cluster: string | null;
  /** Files of image facts (`--images`, repeatable): tags, configs and file listings of container images. */
  images: string[];
  format: Format;
  namespace: string;
  /** Text output: the full lifecycle of every object, not only the summary. */
  details: boolean;
  /** Text output: the full lifecycle of this document (1-based) only. */
  document: number | null;
  /** `auto`, or the release asked for (`1.35`). */
  kubernetesVersion: RequestedVersion;
}

export type Args =
  | SimulateArgs
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'default-cluster'; kubernetesVersion: RequestedVersion };

export class UsageError extends Error {}

export const USAGE = `Usage: pod-preview simulate <file|dir|-> [...] [--cluster <snapshot.yaml>] [--images <file>] [--format text|json|sarif] [--namespace <ns>] [--kubernetes-version auto|${SUPPORTED}]
                            [--details | --document <N>]
       pod-preview default-cluster [--kubernetes-version ${SUPPORTED}]   print the embedded cluster snapshot (a template for your own)
       pod-preview --help | --version

Simulates what \`kubectl apply\` would do to every pod-creating object (Pod, Deployment, ReplicaSet, StatefulSet,
DaemonSet, Job, CronJob, ReplicationController) in the given files: API server, scheduler, kubelet, Services.
Without --cluster, the embedded default cluster is used (1 control-plane node, 3 workers).
Objects of other kinds in the given files (ConfigMaps, Services, PVCs, Namespaces, ...) are applied with them.
--images (repeatable) adds what the registry would know: \`docker image inspect\` or \`skopeo list-tags\` output, or
Image documents (apiVersion podpreview/v1) with an image's config, its repository's tags and its file list.
--kubernetes-version picks the release to simulate; auto (the default) reads it from the snapshot (a \`kubectl version
-o yaml\` document in it, else the control plane nodes' kubelet version, else the newest node's), and without a
snapshot simulates ${formatVersion(NEWEST)}.

Text output is a summary: what kubectl apply would print, then one line per object (its verdict) with the problems
behind it and their fixes. --details adds every object's full lifecycle (stages, nodes, status, events, the
assumptions made); --document N adds it for the Nth document of each file only. JSON always holds everything.

Exit codes: 0 no error predicted, 1 an error is predicted, 2 usage error or unreadable input.`;

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

/** A release the user asked for is checked here, so a typo is a usage error before any file is read. */
function kubernetesVersion(v: string): RequestedVersion {
  if (v === 'auto') return v;
  const choice = chooseVersion(v, { nodes: [], fromSnapshot: false });
  if (!choice.ok) throw new UsageError(`--kubernetes-version: ${choice.error}`);
  return v;
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'default-cluster') {
    const [flag, value, ...more] = rest;
    if (flag === undefined) return { command: 'default-cluster', kubernetesVersion: 'auto' };
    if (flag.startsWith('--kubernetes-version=') && value === undefined)
      return { command: 'default-cluster', kubernetesVersion: kubernetesVersion(flag.slice(flag.indexOf('=') + 1)) };
    if (flag === '--kubernetes-version' && value !== undefined && more.length === 0)
      return { command: 'default-cluster', kubernetesVersion: kubernetesVersion(value) };
    throw new UsageError(`default-cluster takes only --kubernetes-version, got "${flag}"`);
  }
  if (command !== 'simulate') throw new UsageError(`unknown command "${command}"`);
  const args: SimulateArgs = {
    command: 'simulate',
    inputs: [],
    cluster: null,
    images: [],
    format: 'text',
    namespace: 'default',
    details: false,
    document: null,
    kubernetesVersion: 'auto',
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--cluster':
        args.cluster = value();
        break;
      case '--images':
        args.images.push(value());
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${f}"`);
        args.format = f as Format;
        break;
      }
      case '--details':
        args.details = true;
        break;
      case '--document': {
        const n = value();
        if (!/^[1-9][0-9]*$/.test(n)) throw new UsageError(`--document needs a document number from 1, got "${n}"`);
        args.document = Number(n);
        break;
      }
      case '--kubernetes-version':
        args.kubernetesVersion = kubernetesVersion(value());
        break;
      case '--namespace':
      case '-n':
        args.namespace = value();
        break;
      case '--help':
      case '-h':
        return { command: 'help' };
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
        args.inputs.push(a);
    }
  }
  if (args.inputs.length === 0)
    throw new UsageError('simulate needs at least one file, directory or - for standard input');
  return args;
}
