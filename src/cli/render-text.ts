import type { NodeReport, PlacementRun, SimulationResult, Step } from '../engine/types';
import type { ApplyLine } from '../engine/analyze';
import { escapeControl } from './escape';
import type { Report } from './report';

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

/** What `kubectl apply -f <file>` would print, one entry per document it can tell. */
export interface ApplyOutput {
  file: string;
  lines: ApplyLine[];
}

/**
 * Human output that reads like `kubectl describe pod`: what `kubectl apply` would print, then for each pod the
 * stages, Conditions and an Events table.
 */
export function renderText(report: Report, applied: readonly ApplyOutput[] = []): string {
  const out: string[] = [
    `Cluster: ${report.cluster.source} (${report.cluster.nodes} nodes, Kubernetes ${report.kubernetesVersion})`,
    `  Kubernetes ${report.kubernetesVersion}: ${report.cluster.kubernetesVersion.reason}`,
    ...report.cluster.notes.map((n) => `  note: ${n}`),
  ];
  for (const a of applied) {
    if (a.lines.length === 0) continue;
    // kubectl apply goes on past a failed object and prints the errors it collected at the end.
    const ordered = [...a.lines.filter((l) => l.accepted), ...a.lines.filter((l) => !l.accepted)];
    out.push('', `kubectl apply -f ${a.file} would print:`);
    for (const line of ordered) out.push(...line.text.split('\n').map((l) => `  ${l}`));
  }
  if (report.results.length === 0)
    out.push(
      '',
      'No pod-creating objects found (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController).',
    );
  for (const r of report.results) out.push('', ...renderResult(r));
  if (report.findings.length > 0) {
    out.push('', 'Other findings:');
    for (const f of report.findings)
      out.push(`  ${f.file}:${f.line ?? 1}:${f.column ?? 1}  ${f.severity}  ${f.code}  ${f.message}`);
  }
  return out.map(escapeControl).join('\n') + '\n';
}

function renderResult(r: SimulationResult): string[] {
  const out: string[] = [];
  const title = `${r.kind || 'Document'} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`.trim();
  out.push(`${title}  (${r.file}, document ${r.documentIndex + 1})`);
  out.push(`Verdict:      ${verdict(r)}`);
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
        ...r.events.map((e) => [e.type, e.reason, `+${seconds(e.at)}`, e.from, e.message]),
      ]),
    );
  if (r.findings.length > 0) {
    out.push('Findings:');
    for (const f of r.findings)
      out.push(`  ${r.file}:${f.line ?? 1}:${f.column ?? 1}  ${f.severity}  ${f.code}  ${f.message}`);
  }
  return out;
}

function stepLines(step: Step): string[] {
  const [first = '', ...more] = (step.detail ?? '').split('\n');
  return [
    `  ${seconds(step.at).padStart(9)}  ${step.status.padEnd(7)}  ${step.title}${step.estimate ? ' (estimate)' : ''}${first ? ` — ${first}` : ''}`,
    // Multi-line details (resolv.conf, admission plugin by plugin) stay under their step.
    ...more.map((line) => `${' '.repeat(22)}${line}`),
  ];
}

function verdict(r: SimulationResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  const head = !r.accepted ? 'rejected' : r.finalState ? r.finalState.phase : 'accepted';
  return `${head}, ${errors} error(s), ${warnings} warning(s)`;
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
  return runs
    .map((r) => {
      const who = r.count === 1 ? `#${index}` : `#${index}–${index + r.count - 1}`;
      index += r.count;
      return `${who} ${r.node ?? 'Pending'}`;
    })
    .join(', ');
}
