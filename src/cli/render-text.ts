import type { Finding, NodeReport, PlacementRun, SimulationResult, Step } from '../engine/types';
import { escapeControl } from './escape';
import type { Report } from './report';
import { consecutiveRuns } from '../engine/placement-runs';

/** Columns padded like kubectl's tabwriter: two spaces between columns. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

const seconds = (t: number) => `${Number(t.toFixed(3))}s`;

export interface TextOptions {
  /** The full lifecycle of every object (stages, nodes, status, events), not just the summary. */
  details: boolean;
  /** The full lifecycle of one document only (1-based, as the summary numbers them). */
  document: number | null;
}

/**
 * Human output, summary first: what `kubectl apply` would print, then one line per object (its verdict) with the
 * problems behind it and their fixes. The lifecycle that reads like `kubectl describe pod` (stages, Conditions, an
 * Events table) follows only for the documents asked for.
 */
export function renderText(report: Report, options: TextOptions = { details: false, document: null }): string {
  const out: string[] = [
    `Cluster: ${report.cluster.source} (${report.cluster.nodes} nodes, Kubernetes ${report.kubernetesVersion})`,
    `  Kubernetes ${report.kubernetesVersion}: ${report.cluster.kubernetesVersion.reason}`,
    ...report.cluster.notes.map((n) => `  note: ${n}`),
  ];
  // Each file as kubectl answers it, then what becomes of each of its pods.
  const files = [...new Set([...report.apply.map((a) => a.file), ...report.results.map((r) => r.file)])];
  for (const file of files) {
    const lines = report.apply.find((a) => a.file === file)?.lines ?? [];
    if (lines.length > 0) {
      out.push('', `kubectl apply -f ${file} would print:`);
      out.push(...lines.map((l) => `  ${l}`));
    }
    const results = report.results.filter((r) => r.file === file);
    if (results.length > 0) out.push('', ...(lines.length > 0 ? [] : [`${file}:`]));
    for (const r of results) out.push(...summaryLines(r));
    // The file's other objects (a rejected Service, a Service no pod backs), where kubectl's answer about them is.
    for (const f of report.findings.filter((x) => x.file === file && !x.assumption))
      out.push(`  ${findingLine(f.file, f)}`);
  }
  if (report.results.length === 0)
    out.push(
      '',
      'No pod-creating objects found (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController).',
    );
  const detailed = report.results.filter(
    (r) => options.details || (options.document !== null && r.documentIndex + 1 === options.document),
  );
  for (const r of detailed) out.push('', ...renderResult(r));
  if (detailed.some((r) => hasEstimates(r))) out.push('', '~ marks a time estimated from typical latencies.');
  const assumed = report.results.reduce((n, r) => n + r.findings.filter((f) => f.assumption).length, 0);
  if (detailed.length === 0 && report.results.length > 0)
    out.push(
      `Full lifecycle: --details (or --document N for one)${assumed > 0 ? `; it also lists the ${assumed} assumption(s) made` : ''}.`,
    );
  return out.map(escapeControl).join('\n') + '\n';
}

const findingLine = (file: string, f: Finding): string =>
  `${file}:${f.line ?? 1}:${f.column ?? 1}  ${f.then ? 'then ' : ''}${f.severity}  ${f.code}  ${f.message}`;

/** The object's verdict on one line, then each problem (not the assumptions) with its fix. */
function summaryLines(r: SimulationResult): string[] {
  const v = r.verdict;
  const title = `${r.kind || 'Document'} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`.trim();
  const where = v.node && v.outcome === 'will fail' ? ` on ${v.node}` : '';
  const out = [`  ${title} (document ${r.documentIndex + 1}): ${v.title}${where}`];
  const problems = r.findings.filter((f) => !f.assumption && f.severity !== 'info');
  for (const f of problems) {
    out.push(`    ${findingLine(r.file, f)}`);
    // The numbers behind a scheduling failure; the counts kube-scheduler's message already gives are not repeated.
    if (f.code === 'FailedScheduling')
      for (const x of f.related ?? []) if (x.message.includes(': ')) out.push(`      ${x.message}`);
    for (const fix of f.fixes ?? []) out.push(`      fix: ${fix.title}`);
  }
  if (problems.length === 0 && v.reason && v.outcome !== 'assumed') out.push(`    ${v.reason}`);
  return out;
}

const hasEstimates = (r: SimulationResult): boolean =>
  r.stages.some((s) => s.steps.some((x) => x.estimate)) || r.events.some((e) => e.estimate);

function renderResult(r: SimulationResult): string[] {
  const out: string[] = [];
  const title = `${r.kind || 'Document'} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`.trim();
  out.push(`${title}  (${r.file}, document ${r.documentIndex + 1})`);
  out.push(`Verdict:      ${r.verdict.title}${r.verdict.state && r.verdict.node ? ` on ${r.verdict.node}` : ''}`);
  for (const s of r.stages) {
    out.push(`${stageTitle(s.name)} ${s.status}`);
    out.push(...s.steps.flatMap(stepLines));
  }
  if (r.controller) {
    out.push(`${`${r.controller.component}:`.padEnd(13)} ${r.controller.status}`);
    out.push(...r.controller.steps.flatMap(stepLines));
  }
  if (r.scheduling) out.push(...renderScheduling(r.scheduling.nodes, r));
  if (r.finalState) {
    const f = r.finalState;
    out.push(`Status:       ${f.phase}`);
    if (r.scheduling?.node) out.push(`Node:         ${r.scheduling.node}${f.hostIP ? `/${f.hostIP}` : ''}`);
    out.push(`IP:           ${f.podIP ?? '<none>'}`);
    if (f.qosClass) out.push(`QoS Class:    ${f.qosClass}`);
    if (f.containers.length > 0) {
      out.push('Containers:');
      for (const c of f.containers)
        out.push(
          `  ${c.name}${c.init ? ' (init)' : ''}: ${c.state}${c.reason ? ` (${c.reason})` : ''}` +
            (c.exitCode === undefined ? '' : `, exit code ${c.exitCode}`) +
            (c.ready === undefined ? '' : `, ready: ${c.ready}`) +
            (c.restartCount ? `, restarts: ${c.restartCount}` : '') +
            (c.lastState ? `, last state: terminated (${c.lastState.reason}, exit code ${c.lastState.exitCode})` : ''),
        );
    }
    if (f.conditions.length > 0) {
      out.push('Conditions:');
      out.push(...table([['Type', 'Status'], ...f.conditions.map((c) => [c.type, c.status])]));
    }
  }
  if (r.workload && r.workload.conditions.length > 0) {
    out.push(`${r.workload.kind} conditions:`);
    out.push(
      ...table([
        ['Type', 'Status', 'Reason', 'Message'],
        ...r.workload.conditions.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? '']),
      ]),
    );
  }
  for (const e of r.endpoints)
    out.push(
      `Endpoints:    ${e.service} → ${e.addresses.join(', ') || '<none>'} ports ${e.ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port}/${p.protocol}`).join(', ') || '<none>'} ready: ${e.conditions.ready}${e.readyAt === null ? '' : ` at ${seconds(e.readyAt)}`}`,
    );
  out.push('Events:');
  if (r.events.length === 0) out.push('  <none>');
  else
    out.push(
      ...table([
        ['Type', 'Reason', 'Age', 'From', 'Message'],
        ['----', '------', '----', '----', '-------'],
        ...r.events.map((e) => [e.type, e.reason, `${e.estimate ? '~' : '+'}${seconds(e.at)}`, e.from, e.message]),
      ]),
    );
  const assumed = r.findings.filter((f) => f.assumption);
  if (assumed.length > 0) {
    out.push('Assumptions:');
    for (const f of assumed) out.push(`  ${findingLine(r.file, f)}`);
  }
  return out;
}

function stepLines(step: Step): string[] {
  const [first = '', ...more] = (step.detail ?? '').split('\n');
  return [
    `  ${`${step.estimate ? '~' : ''}${seconds(step.at)}`.padStart(9)}  ${step.status.padEnd(7)}  ${step.title}${first ? ` — ${first}` : ''}`,
    // Multi-line details (resolv.conf, admission plugin by plugin) stay under their step.
    ...more.map((line) => `${' '.repeat(22)}${line}`),
  ];
}

function renderScheduling(nodes: readonly NodeReport[], r: SimulationResult): string[] {
  const s = r.scheduling;
  if (!s) return [];
  const out: string[] = [];
  if (s.message) out.push(`FailedScheduling: ${s.message}`);
  if (nodes.length > 0) {
    out.push('Nodes:');
    out.push(
      ...table([
        ['Node', 'Filters', 'Score'],
        ...nodes.map((n) => {
          const failed = n.filters.filter((f) => f.status !== 'Success' && f.status !== 'Skip');
          // Plugins run after the first rejection fill the table but do not count in kube-scheduler's message.
          const filters =
            failed.length === 0
              ? 'all passed'
              : failed
                  .map((f) => `${f.plugin}: ${f.reasons.join('; ')}${f.afterRejection ? ' (not counted)' : ''}`)
                  .join(' | ');
          return [`${n.name}${n.name === s.node ? ' *' : ''}`, filters, failed.length === 0 ? String(n.total) : '-'];
        }),
      ]),
    );
  }
  if (s.placements) out.push(`Replicas:     ${replicaRuns(s.placements)}`);
  for (const n of s.notes ?? []) out.push(`  note: ${n}`);
  return out;
}

function stageTitle(name: string): string {
  const titles: Record<string, string> = {
    apiserver: 'API server',
    etcd: 'etcd',
    scheduler: 'Scheduler',
    kubelet: 'Kubelet',
    endpoints: 'Endpoints',
  };
  return `${titles[name] ?? name}:`.padEnd(13);
}

/** `#1 worker-1, #2 worker-2, #3–1000 Pending`: one entry per run of replicas on the same node. */
function replicaRuns(runs: readonly PlacementRun[]): string {
  let index = 1;
  return consecutiveRuns(runs)
    .map((r) => {
      const who = r.count === 1 ? `#${index}` : `#${index}–${index + r.count - 1}`;
      index += r.count;
      return `${who} ${r.node ?? 'Pending'}`;
    })
    .join(', ');
}
