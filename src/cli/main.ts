import { readFileSync } from 'node:fs';
import { analyzeText } from '../engine/analyze';
import { defaultCluster, defaultClusterText, loadImageFacts, loadSnapshot, withImages } from '../engine/cluster/load';
import { workspaceObjects } from '../engine/manifest/workspace-objects';
import { parseArgs, type SimulateArgs, USAGE, UsageError } from './args';
import { readInputs, readText } from './read-inputs';
import { buildReport, hasErrors } from './report';
import { renderSarif } from './render-sarif';
import { renderText } from './render-text';

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

function simulateCommand(args: SimulateArgs): number {
  const files = readInputs(args.inputs, () => readFileSync(0, 'utf8'));
  let cluster = defaultCluster();
  if (args.cluster) {
    const loaded = loadSnapshot(readText(args.cluster), args.cluster);
    if (loaded.errors.length > 0) {
      const first = loaded.errors[0];
      throw new UsageError(
        `cannot read cluster snapshot ${args.cluster}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? ''}`,
      );
    }
    if (loaded.cluster.objects.Node.length === 0)
      process.stderr.write(`warning: cluster snapshot ${args.cluster} has no Node objects: no pod can be scheduled\n`);
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
  const text =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : args.format === 'sarif'
        ? renderSarif(report, version) + '\n'
        : renderText(report, { details: args.details, document: args.document });
  process.stdout.write(text);
  return hasErrors(report) ? 1 : 0;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        process.stdout.write(`pod-preview ${version}\n`);
        return 0;
      case 'default-cluster':
        process.stdout.write(defaultClusterText());
        return 0;
      case 'simulate':
        return simulateCommand(args);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pod-preview: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`pod-preview: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
