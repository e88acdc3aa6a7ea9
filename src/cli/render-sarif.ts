import type { Finding } from '../engine/types';
import type { Report } from './report';

const LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, one result per finding, with the finding's real line and column region. */
export function sarifLog(report: Report, version: string): object {
  const rules = new Map<string, { id: string; shortDescription: { text: string } }>();
  const located = [
    ...report.results.flatMap((r) =>
      r.findings.map((f) => ({
        f,
        file: r.file,
        kind: r.kind,
        name: r.name,
        documentIndex: r.documentIndex,
        verdict: r.verdict.title,
      })),
    ),
    ...report.findings.map((f) => ({ f, file: f.file, kind: '', name: '', documentIndex: -1, verdict: '' })),
  ];
  const results = located.map(({ f, ...r }) => {
    if (!rules.has(f.code)) rules.set(f.code, { id: f.code, shortDescription: { text: `${f.stage}: ${f.code}` } });
    return {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: r.file.replace(/\\/g, '/') },
            region: {
              startLine: f.line ?? 1,
              startColumn: f.column ?? 1,
              ...(f.endLine ? { endLine: f.endLine, endColumn: f.endColumn ?? f.column ?? 1 } : {}),
            },
          },
          ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
        },
      ],
      // The engine's verdict on the object the finding belongs to, so a reader of SARIF alone knows how it ends.
      properties: {
        stage: f.stage,
        kind: r.kind,
        name: r.name,
        documentIndex: r.documentIndex,
        ...(r.verdict ? { verdict: r.verdict } : {}),
        ...(f.assumption ? { assumption: true } : {}),
      },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'pod-preview', fullName: 'Pod Lifecycle Preview', version, rules: [...rules.values()] },
        },
        results,
      },
    ],
  };
  return sarif;
}
