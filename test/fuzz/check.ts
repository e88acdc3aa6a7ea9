// What every input must get, whatever it holds: an answer without an exception, findings placed inside the text,
// a JSON report with the contract's keys, valid SARIF, text without control characters, and the exit code the
// README documents. A violated property throws; the caller tells a crash from a wrong answer by the error.
import { buildReport, hasErrors, type Report } from '../../src/cli/report';
import { sarifLog } from '../../src/cli/render-sarif';
import { renderText } from '../../src/cli/render-text';
import { analyzeText } from '../../src/engine/analyze';
import type { Cluster } from '../../src/engine/cluster/cluster';
import { defaultCluster, loadImageFacts, loadSnapshot, withImages } from '../../src/engine/cluster/load';
import type { Finding } from '../../src/engine/types';
import { type FuzzInput, manifestText } from './inputs';

/** A property the answer broke (as opposed to an exception thrown by the engine itself). */
export class WrongAnswer extends Error {}

function expect(ok: unknown, message: string): void {
  if (!ok) throw new WrongAnswer(message);
}

/** Every finding with a position points inside `text` (1-based lines and columns, ends included). */
export function assertPlaced(text: string, findings: readonly Finding[]): void {
  const lines = text.split('\n');
  const inside = (line: number, column: number) =>
    Number.isInteger(line) &&
    Number.isInteger(column) &&
    line >= 1 &&
    line <= lines.length &&
    column >= 1 &&
    column <= (lines[line - 1]?.length ?? 0) + 1;
  for (const f of findings) {
    if (f.line === undefined) continue;
    expect(inside(f.line, f.column ?? 1), `${f.code} at ${f.line}:${f.column} is outside the text: ${f.message}`);
    if (f.endLine !== undefined)
      expect(
        inside(f.endLine, f.endColumn ?? 1) &&
          (f.endLine > f.line || (f.endLine === f.line && (f.endColumn ?? 1) >= (f.column ?? 1))),
        `${f.code} ends at ${f.endLine}:${f.endColumn}, before its start or outside the text`,
      );
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const LEVELS = new Set(['error', 'warning', 'note']);

function assertReport(report: Report): void {
  const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
  expect(json.apiVersion === 'podpreview/v1', 'report apiVersion');
  expect(json.kubernetesVersion !== null && json.kubernetesVersion !== undefined, 'report kubernetesVersion');
  const cluster = json.cluster as Record<string, unknown>;
  expect(typeof cluster.source === 'string' && typeof cluster.nodes === 'number', 'report cluster');
  expect(Array.isArray(cluster.notes), 'report cluster.notes');
  expect(Array.isArray(json.results) && Array.isArray(json.findings), 'report results and findings');
  for (const r of report.results) {
    for (const key of ['file', 'documentIndex', 'kind', 'name', 'accepted', 'findings', 'stages', 'events'] as const)
      expect(key in r, `result without ${key}`);
    expect(typeof r.accepted === 'boolean', 'result.accepted is not a boolean');
    for (const f of r.findings) expect(SEVERITIES.has(f.severity) && typeof f.message === 'string', 'finding shape');
    // A rejected object is an error predicted: exit code 1, as the README says.
    if (!r.accepted)
      expect(
        r.findings.some((f) => f.severity === 'error'),
        `${r.kind} rejected without an error`,
      );
  }
  const sarif = JSON.parse(JSON.stringify(sarifLog(report, '0.0.0'))) as {
    version: string;
    runs: { results: { ruleId: string; level: string; message: { text: string }; locations: unknown[] }[] }[];
  };
  expect(sarif.version === '2.1.0' && sarif.runs.length === 1, 'SARIF version and runs');
  for (const r of sarif.runs[0]?.results ?? []) {
    expect(typeof r.ruleId === 'string' && LEVELS.has(r.level) && typeof r.message.text === 'string', 'SARIF result');
    const region = (r.locations[0] as { physicalLocation: { region: Record<string, number> } }).physicalLocation.region;
    expect(Number.isInteger(region.startLine) && (region.startLine ?? 0) >= 1, 'SARIF startLine');
    expect(Number.isInteger(region.startColumn) && (region.startColumn ?? 0) >= 1, 'SARIF startColumn');
  }
  const code = hasErrors(report) ? 1 : 0;
  const anyError = [...report.findings, ...report.results.flatMap((r) => r.findings)].some(
    (f) => f.severity === 'error',
  );
  expect(code === (anyError ? 1 : 0), 'exit code does not follow the findings');
}

function assertText(report: Report): void {
  const text = renderText(report, { details: true, document: null });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    expect(c === 10 || c === 9 || (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c <= 0x9f)), 'control character in text');
  }
}

function simulateAll(text: string, file: string, cluster: Cluster): void {
  const analysis = analyzeText(text, file, cluster, { namespace: 'default' });
  assertPlaced(text, [...analysis.findings, ...analysis.results.flatMap((r) => r.findings)]);
  const report = buildReport([analysis], cluster);
  assertReport(report);
  assertText(report);
}

/** Runs one input through what the CLI and the editor do with it; throws on a crash or a broken property. */
export function check(input: FuzzInput): void {
  switch (input.target) {
    case 'manifest':
      return simulateAll(input.text, input.base, defaultCluster());
    case 'snapshot': {
      const loaded = loadSnapshot(input.text, 'fuzz-snapshot.yaml');
      assertPlaced(input.text, loaded.errors);
      if (loaded.errors.length > 0) return;
      return simulateAll(manifestText(input.manifest), input.manifest, loaded.cluster);
    }
    case 'images': {
      const loaded = loadImageFacts(input.text, 'fuzz-images.yaml');
      assertPlaced(input.text, loaded.errors);
      if (loaded.errors.length > 0) return;
      return simulateAll(manifestText(input.manifest), input.manifest, withImages(defaultCluster(), loaded.catalog));
    }
  }
}
