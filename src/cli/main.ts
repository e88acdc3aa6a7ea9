import { analyzeText } from '../engine/analyze';
import {
  defaultClusterText,
  loadDefaultCluster,
  loadImageFacts,
  loadSnapshot,
  withImages,
} from '../engine/cluster/load';
import { chooseVersion, type RequestedVersion } from '../engine/version/choose';
import { type KubeVersion, NEWEST } from '../engine/version/kube-version';
import { workspaceObjects } from '../engine/manifest/workspace-objects';
import { parseArgs, type SimulateArgs, USAGE, UsageError } from './args';
import { escapeControl } from './escape';
import { Output, writeJson } from './output';
import { readInputs, readText } from './read-inputs';
import { buildReport, hasErrors } from './report';
import { sarifLog } from './render-sarif';
import { renderText } from './render-text';

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

function simulateCommand(args: SimulateArgs, out: Output): number {
  const files = readInputs(args.inputs);
  let cluster = loadDefaultCluster(args.kubernetesVersion).cluster;
  if (args.cluster) {
    const loaded = loadSnapshot(readText(args.cluster), args.cluster, { kubernetesVersion: args.kubernetesVersion });
    const version = loaded.errors.find((e) => e.code === 'KubernetesVersion');
    if (version) throw new UsageError(`cluster snapshot ${args.cluster}: ${version.message}`);
    if (loaded.errors.length > 0) {
      const first = loaded.errors[0];
      throw new UsageError(
        `cannot read cluster snapshot ${args.cluster}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? ''}`,
      );
    }
    if (loaded.cluster.objects.Node.length === 0)
      warn(`warning: cluster snapshot ${args.cluster} has no Node objects: no pod can be scheduled`);
    cluster = loaded.cluster;
  }
  for (const file of args.images) {
    const loaded = loadImageFacts(readText(file), file);
    const first = loaded.errors[0];
    if (first)
      throw new UsageError(`cannot read image facts ${file}:${first.line ?? 1}:${first.column ?? 1}: ${first.message}`);
    cluster = withImages(cluster, loaded.catalog);
  }
  // Every file named on the command line is applied together, so each sees the others' ConfigMaps, Services, ...
  const workspace = files.flatMap((f) => workspaceObjects(f.text, f.name));
  const analyses = files.map((f) => analyzeText(f.text, f.name, cluster, { namespace: args.namespace, workspace }));
  const report = buildReport(analyses, cluster);
  if (args.format === 'text') out.write(renderText(report, { details: args.details, document: args.document }));
  else {
    writeJson(out, args.format === 'json' ? report : sarifLog(report, version));
    out.write('\n');
  }
  return hasErrors(report) ? 1 : 0;
}

/** The release `default-cluster` prints its snapshot for: the one asked for, else the newest supported. */
function requestedMinor(requested: RequestedVersion): KubeVersion {
  const choice = chooseVersion(requested, { nodes: [], fromSnapshot: false });
  return choice.ok ? choice.version : NEWEST;
}

/** One line to standard error, its control characters escaped like the text output's. */
function warn(line: string): void {
  process.stderr.write(`${escapeControl(line)}\n`);
}

function main(argv: readonly string[], out: Output): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        out.write(USAGE + '\n');
        return 0;
      case 'version':
        out.write(`pod-preview ${version}\n`);
        return 0;
      case 'default-cluster':
        out.write(defaultClusterText(requestedMinor(args.kubernetesVersion)));
        return 0;
      case 'simulate':
        return simulateCommand(args, out);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      warn(`pod-preview: ${e.message}`);
      process.stderr.write(`\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`pod-preview: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

const out = new Output();
process.exitCode = main(process.argv.slice(2), out);
out.flush();
