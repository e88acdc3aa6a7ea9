// The API server stage (apiserver reference §1): decode → defaulting → mutating admission → system fields and
// PrepareForCreate → validation → validating admission, then the write. For a workload the same path runs for the
// workload object, and then once more for the first pod its controller creates from the template.
import type { Cluster } from '../cluster/cluster';
import { formatPath } from '../k8s/field-path';
import type { KubeObject, Pod } from '../k8s/objects';
import { type PodSource, toDocumentPath } from '../pod-source';
import type { ApiServerOutput } from '../stages';
import type { Finding, FindingCode, Segment, SimEvent, Step, StepStatus } from '../types';
import { mutatingAdmission, validatingAdmission } from './admission/chain';
import { podSecurity } from './admission/podsecurity';
import { namespaceLifecycle } from './admission/namespace-lifecycle';
import { podSecurityForTemplate } from './admission/podsecurity';
import type { AdmissionWarning, Denial, PluginOutcome } from './admission/types';
import { decodeErrorLine, decodeStrict } from './decode';
import { fieldErrorFinding } from './field-error-finding';
import { createdLine, RESOURCES } from './resources';
import { zeroNulls } from './decode/zero-nulls';
import { kindSchema } from '../k8s/schema';
import { addedFields } from './defaults/added-fields';
import { type Obj, child, clone, ensure } from './defaults/object';
import { placeholderRevision, stableJson } from './defaults/placeholders';
import { defaultPod } from './defaults/pod-spec';
import { fillSystemFields, preparePod, prepareWorkload } from './defaults/prepare-for-create';
import { defaultWorkload } from './defaults/workload';
import { type EtcdWrite, etcdKey } from './etcd';
import { type ControllerPod, podFromTemplate } from './pod-from-template';
import { createWarnings, validateCreate } from './validation';
import { invalidLine, invalidStatusMessage } from './validation/invalid-message';
import { formatVersion } from '../version/kube-version';

/** The stage output plus the etcd writes the request and the controllers make, for the etcd stage. */
export interface ApiServerResult extends ApiServerOutput {
  writes: EtcdWrite[];
}

/** REST resource and API group of each kind that creates pods (kubectl prints `<kind>.<group>/<name> created`). */

const PLACEHOLDER_NOTE =
  'metadata.uid, generated name suffixes and resourceVersion are placeholders derived from the manifest (the real ones are random or come from etcd); creationTimestamp is left out because the simulation has no clock.';

/** Simulated latency of one API request, and of a controller noticing the new object and creating its pod. */
const REQUEST_SECONDS = 0.01;
const CONTROLLER_SECONDS = 0.02;

interface Context {
  source: PodSource;
  cluster: Cluster;
  namespace: string;
  seed: string;
  at: number;
}

/** A rejection as kubectl prints it after `Error from server`. */
function serverError(reason: string, file: string, message: string): string {
  return `Error from server (${reason}): error when creating ${JSON.stringify(file)}: ${message}`;
}

function denialFinding(d: Denial & { plugin: FindingCode }): Finding {
  const finding: Finding = {
    severity: 'error',
    code: d.plugin,
    stage: 'apiserver',
    path: formatPath(d.segments),
    segments: d.segments,
    message: d.message,
  };
  if (d.related && d.related.length > 0)
    finding.related = d.related.map((r) => ({
      path: formatPath(r.segments),
      segments: r.segments,
      message: r.message,
    }));
  return finding;
}

function warningFinding(code: FindingCode, w: AdmissionWarning, move: (s: Segment[]) => Segment[]): Finding {
  const segments = move(w.segments);
  return { severity: 'warning', code, stage: 'apiserver', path: formatPath(segments), segments, message: w.message };
}

/** The API server's create-time warnings: findings, and the `Warning:` lines kubectl prints. */
function pushCreateWarnings(obj: KubeObject, findings: Finding[], warnings: string[]): void {
  for (const w of createWarnings(obj)) {
    findings.push({
      severity: 'warning',
      code: 'Warning',
      stage: 'apiserver',
      path: w.path,
      segments: w.segments,
      message: w.message,
    });
    warnings.push(`Warning: ${w.message}`);
  }
}

function pluginNotes(outcomes: readonly PluginOutcome[]): string {
  return outcomes.map((o) => `${o.plugin}: ${o.notes.length > 0 ? o.notes.join(' ') : 'nothing to do.'}`).join('\n');
}

function step(title: string, status: StepStatus, at: number, detail?: string): Step {
  return detail === undefined ? { title, status, at } : { title, status, at, detail };
}

interface PodCreate {
  /** The stored pod, or null when the request fails. */
  stored: Pod | null;
  steps: Step[];
  /** Findings with paths in the pod's structure. */
  findings: Finding[];
  /** The error kubectl (or the controller) receives: `pods "x" is forbidden: ...`, `Pod "x" is invalid: ...`. */
  error: { reason: string; message: string } | null;
  /** `Warning: ...` lines. */
  warnings: string[];
}

/**
 * A Pod create from defaulting on: `posted` is the pod as sent; `requestName` is the name mutating admission
 * reports (the generateName prefix when the name is generated).
 */
function createPod(posted: Obj, requestName: string, ctx: Context): PodCreate {
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const warnings: string[] = [];
  const at = ctx.at;
  const pod = clone(posted);
  ensure(pod, 'metadata').namespace = ctx.namespace;
  defaultPod(pod);
  steps.push(step('Defaulting', 'ok', at, `Set ${addedFields(posted, pod).join(', ') || 'nothing'}.`));

  const typed = pod as unknown as Pod;
  const req = { pod: typed, namespace: ctx.namespace, name: requestName, cluster: ctx.cluster, seed: ctx.seed };
  const mutating = mutatingAdmission(req);
  if (mutating.denial) {
    const d = mutating.denial;
    findings.push(denialFinding(d));
    steps.push(step('Mutating admission', 'failed', at, pluginNotes(mutating.outcomes)));
    return { stored: null, steps, findings, error: { reason: d.reason, message: d.message }, warnings };
  }
  steps.push(step('Mutating admission', 'ok', at, pluginNotes(mutating.outcomes)));

  fillSystemFields(pod, ctx.seed);
  const prepared = preparePod(typed, ctx.cluster.kubernetesVersion);
  for (const w of prepared.warnings) {
    findings.push(warningFinding('Warning', w, (s) => s));
    warnings.push(`Warning: ${w.message}`);
  }
  const name = typed.metadata?.name ?? requestName;
  const droppedNote =
    prepared.dropped.length > 0
      ? ` Dropped (feature gate off in v${formatVersion(ctx.cluster.kubernetesVersion)}): ${prepared.dropped.join(', ')}.`
      : '';
  steps.push(
    step(
      'System fields and PrepareForCreate',
      'ok',
      at,
      `name ${name}, uid ${typed.metadata?.uid}, generation 1, status.phase Pending, status.qosClass ${typed.status?.qosClass}.${droppedNote} ${PLACEHOLDER_NOTE}`,
    ),
  );

  const errors = validateCreate(pod as KubeObject, ctx.cluster.kubernetesVersion);
  // rest.BeforeCreate sends WarningsOnCreate only once validation has passed: a rejected request prints none.
  if (errors.length === 0) pushCreateWarnings(pod as KubeObject, findings, warnings);
  if (errors.length > 0) {
    findings.push(...errors.map(fieldErrorFinding));
    const message = invalidStatusMessage('Pod', '', name, errors);
    steps.push(step('Validation', 'failed', at, invalidLine('Pod', name, errors)));
    // The API server stops at validation. PodSecurity is still evaluated so the rejection that would come next is
    // visible now, not after the user fixes the first errors; the step says it was not reached.
    const next = podSecurity({ ...req, name });
    if (next.denial) {
      findings.push(denialFinding({ ...next.denial, plugin: next.plugin }));
      steps.push(
        step(
          'Validating admission',
          'skipped',
          at,
          `Not reached: validation failed first. Evaluated ahead: once the validation errors are fixed, ${next.denial.message}`,
        ),
      );
    }
    return { stored: null, steps, findings, error: { reason: 'Invalid', message }, warnings };
  }
  steps.push(step('Validation', warnings.length > 0 ? 'warning' : 'ok', at, warnings.join('\n') || undefined));

  const validating = validatingAdmission({ ...req, name });
  for (const outcome of validating.outcomes)
    for (const w of outcome.warnings) {
      findings.push(warningFinding(outcome.plugin, w, (s) => s));
      warnings.push(`Warning: ${w.message}`);
    }
  if (validating.denial) {
    const d = validating.denial;
    findings.push(denialFinding(d));
    steps.push(step('Validating admission', 'failed', at, pluginNotes(validating.outcomes)));
    return { stored: null, steps, findings, error: { reason: d.reason, message: d.message }, warnings };
  }
  const warned = validating.outcomes.some((o) => o.warnings.length > 0);
  steps.push(step('Validating admission', warned ? 'warning' : 'ok', at, pluginNotes(validating.outcomes)));
  typed.metadata = { ...typed.metadata, resourceVersion: placeholderRevision(`${ctx.seed}#${name}`) };
  return { stored: typed, steps, findings, error: null, warnings };
}

function rejected(steps: Step[], findings: Finding[], at: number): ApiServerResult {
  return {
    report: { name: 'apiserver', status: 'failed', steps },
    findings,
    events: [],
    end: at + REQUEST_SECONDS,
    accepted: false,
    pod: null,
    defaulted: null,
    replicas: null,
    writes: [],
  };
}

export function runApiServer(source: PodSource, cluster: Cluster, at: number): ApiServerResult {
  const ctx: Context = { source, cluster, namespace: source.namespace, seed: stableJson(source.object), at };
  const decoded = decodeStrict(source, cluster.kubernetesVersion);
  const findings: Finding[] = [...decoded.warnings];
  if (decoded.errors.length > 0) {
    findings.push(...decoded.errors);
    const where = { file: source.file, name: source.name, namespace: source.object.metadata?.namespace ?? '' };
    return rejected([step('Decode', 'failed', at, decodeErrorLine(source.kind, decoded.errors, where))], findings, at);
  }
  const steps = [step('Decode', 'ok', at, `${source.kind} decoded with fieldValidation=Strict.`)];
  // From here on the object is what the Go structs hold: JSON nulls are zero values.
  const kind = kindSchema(source.kind);
  const object = kind ? (zeroNulls(source.object, kind.definition) as PodSource['object']) : source.object;
  const decodedCtx: Context = { ...ctx, source: { ...source, object } };
  return source.kind === 'Pod' ? runPod(decodedCtx, steps, findings) : runWorkload(decodedCtx, steps, findings);
}

function runPod(ctx: Context, steps: Step[], findings: Finding[]): ApiServerResult {
  const { source, at } = ctx;
  const posted = source.object as Obj;
  const meta = child(posted, 'metadata') ?? {};
  const requestName = String(meta.name || meta.generateName || '');
  const result = createPod(posted, requestName, ctx);
  steps.push(...result.steps);
  findings.push(...result.findings);
  if (!result.stored || result.error) {
    const last = steps[steps.length - 1];
    if (last && result.error && result.error.reason !== 'Invalid')
      last.detail =
        `${last.detail ?? ''}\n${serverError(result.error.reason, source.file, result.error.message)}`.trim();
    return rejected(steps, findings, at);
  }
  const name = result.stored.metadata?.name ?? requestName;
  steps.push(
    step(
      'Created',
      result.warnings.length > 0 ? 'warning' : 'ok',
      at,
      [...result.warnings, createdLine('Pod', name)].join('\n'),
    ),
  );
  return {
    report: { name: 'apiserver', status: result.warnings.length > 0 ? 'warning' : 'ok', steps },
    findings,
    events: [],
    end: at + REQUEST_SECONDS,
    accepted: true,
    pod: result.stored,
    defaulted: result.stored as unknown as Record<string, unknown>,
    replicas: null,
    writes: [{ key: etcdKey('Pod', ctx.namespace, name), kind: 'Pod', name }],
  };
}

/** How many pods the workload asks for; 0 means its controller creates none. */
function replicasOf(kind: string, spec: Obj): number | null {
  switch (kind) {
    case 'Deployment':
      // A Deployment created paused gets no ReplicaSet until it is resumed.
      if (spec.paused === true) return 0;
      return typeof spec.replicas === 'number' ? spec.replicas : 1;
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
      return typeof spec.replicas === 'number' ? spec.replicas : 1;
    case 'Job': {
      // The job controller keeps min(parallelism, completions) pods running at first.
      if (spec.suspend === true) return 0;
      const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
      return typeof spec.completions === 'number' ? Math.min(parallelism, spec.completions) : parallelism;
    }
    case 'CronJob':
      return spec.suspend === true ? 0 : 1;
  }
  return null;
}

/** The Job a CronJob's controller creates from its jobTemplate, stored as the API server stores any Job. */
function jobFromCronJob(ctx: Context) {
  return (cronJob: Obj): Obj => {
    const cjMeta = child(cronJob, 'metadata') ?? {};
    const template = child(child(cronJob, 'spec') ?? {}, 'jobTemplate') ?? {};
    const templateMeta = child(template, 'metadata') ?? {};
    // The real suffix is the scheduled time in minutes since the epoch (getTimeHashInMinutes).
    const minutes = 29000000 + (Number.parseInt(placeholderRevision(`${ctx.seed}#cron`), 10) % 1000000);
    const job: Obj = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        ...clone(templateMeta),
        name: `${String(cjMeta.name)}-${minutes}`,
        namespace: ctx.namespace,
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: cjMeta.name,
            uid: cjMeta.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: clone(child(template, 'spec') ?? {}),
    };
    defaultWorkload('Job', job);
    fillSystemFields(job, `${ctx.seed}#job`);
    prepareWorkload('Job', job, ctx.cluster.kubernetesVersion);
    return job;
  };
}

function runWorkload(ctx: Context, steps: Step[], findings: Finding[]): ApiServerResult {
  const { source, at, namespace } = ctx;
  const kind = source.kind;
  const r = RESOURCES[kind] ?? { resource: `${kind.toLowerCase()}s`, group: '' };
  // admission.NewForbidden names the GroupResource: `deployments.apps`, `jobs.batch`, plain `pods`.
  const groupResource = r.group ? `${r.resource}.${r.group}` : r.resource;
  const move = (s: Segment[]) => toDocumentPath(source, s);
  const obj = clone(source.object as Obj);
  ensure(obj, 'metadata').namespace = namespace;
  defaultWorkload(kind, obj);
  steps.push(step('Defaulting', 'ok', at, `Set ${addedFields(source.object, obj).join(', ') || 'nothing'}.`));

  const name = source.name;
  const lifecycle = namespaceLifecycle(ctx.cluster, namespace, groupResource, name);
  if (lifecycle.denial) {
    const d = lifecycle.denial;
    findings.push(denialFinding({ ...d, plugin: lifecycle.plugin }));
    steps.push(step('Mutating admission', 'failed', at, serverError(d.reason, source.file, d.message)));
    return rejected(steps, findings, at);
  }
  steps.push(step('Mutating admission', 'ok', at, pluginNotes([lifecycle])));

  fillSystemFields(obj, ctx.seed);
  const dropped = prepareWorkload(kind, obj, ctx.cluster.kubernetesVersion);
  const droppedNote =
    dropped.length > 0
      ? ` Dropped (feature gate off in v${formatVersion(ctx.cluster.kubernetesVersion)}): ${dropped.join(', ')}.`
      : '';
  steps.push(
    step(
      'System fields and PrepareForCreate',
      'ok',
      at,
      `uid ${String(child(obj, 'metadata')?.uid)}, generation 1, empty status.${droppedNote} ${PLACEHOLDER_NOTE}`,
    ),
  );

  const errors = validateCreate(obj as KubeObject, ctx.cluster.kubernetesVersion);
  const warnings: string[] = [];
  if (errors.length === 0) pushCreateWarnings(obj as KubeObject, findings, warnings);
  if (errors.length > 0) {
    findings.push(...errors.map(fieldErrorFinding));
    steps.push(step('Validation', 'failed', at, invalidLine(kind, name, errors)));
    return rejected(steps, findings, at);
  }
  steps.push(step('Validation', warnings.length > 0 ? 'warning' : 'ok', at, warnings.join('\n') || undefined));

  const template = templateOf(kind, obj);
  const security = podSecurityForTemplate(
    ctx.cluster,
    namespace,
    (child(template ?? {}, 'metadata') ?? {}) as Pod['metadata'] & object,
    (child(template ?? {}, 'spec') ?? { containers: [] }) as unknown as NonNullable<Pod['spec']>,
  );
  for (const w of security.warnings) {
    // The template's metadata and spec sit where the pod's do, one level under the template.
    findings.push(warningFinding('PodSecurity', w, move));
    warnings.push(`Warning: ${w.message}`);
  }
  steps.push(
    step('Validating admission', security.warnings.length > 0 ? 'warning' : 'ok', at, pluginNotes([security])),
  );

  const stored = obj as Record<string, unknown>;
  const metaName = String(child(obj, 'metadata')?.name ?? name);
  const revision = placeholderRevision(`${ctx.seed}#${metaName}`);
  ensure(obj, 'metadata').resourceVersion = revision;
  steps.push(
    step('Created', warnings.length > 0 ? 'warning' : 'ok', at, [...warnings, createdLine(kind, metaName)].join('\n')),
  );
  const writes: EtcdWrite[] = [{ key: etcdKey(kind, namespace, metaName), kind, name: metaName }];
  const replicas = replicasOf(kind, child(obj, 'spec') ?? {});
  const base = {
    findings,
    events: [] as SimEvent[],
    accepted: true,
    defaulted: stored,
    replicas,
    writes,
  };

  if (replicas === 0) {
    steps.push(
      step(
        'Controller',
        'ok',
        at + CONTROLLER_SECONDS,
        `${kind} ${metaName} asks for no pods (replicas 0, paused or suspended): the controller creates none.`,
      ),
    );
    return {
      ...base,
      report: { name: 'apiserver', status: reportStatus(steps), steps },
      end: at + CONTROLLER_SECONDS,
      pod: null,
    };
  }
  const made = podFromTemplate(kind, obj, namespace, `${ctx.seed}#pod`, jobFromCronJob(ctx));
  if (!made)
    return {
      ...base,
      report: { name: 'apiserver', status: reportStatus(steps), steps },
      end: at + REQUEST_SECONDS,
      pod: null,
    };
  return controllerCreate(ctx, made, steps, base);
}

function templateOf(kind: string, obj: Obj): Obj | undefined {
  const spec = child(obj, 'spec') ?? {};
  return kind === 'CronJob'
    ? child(child(child(spec, 'jobTemplate') ?? {}, 'spec') ?? {}, 'template')
    : child(spec, 'template');
}

function reportStatus(steps: readonly Step[]): 'ok' | 'warning' | 'failed' {
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  return steps.some((s) => s.status === 'warning') ? 'warning' : 'ok';
}

/** The controller posts its first pod; admission may refuse it, which the controller reports as FailedCreate. */
function controllerCreate(
  ctx: Context,
  made: ControllerPod,
  steps: Step[],
  base: Omit<ApiServerResult, 'report' | 'end' | 'pod'>,
): ApiServerResult {
  const at = ctx.at + CONTROLLER_SECONDS;
  const move = (s: Segment[]) => toDocumentPath(ctx.source, s);
  const result = createPod(made.pod as unknown as Obj, made.requestName, { ...ctx, seed: `${ctx.seed}#pod`, at });
  const detail = [
    ...made.notes,
    ...result.steps.map((s) => `${s.title}: ${s.status}${s.detail ? ` — ${s.detail}` : ''}`),
  ].join('\n');
  // Warnings on the controller's request go back to the controller, not to the user; refusals surface as events.
  base.findings.push(...result.findings.filter((f) => f.severity === 'error').map((f) => relocate(f, move)));
  const writes = [...base.writes, ...made.intermediates.map((i) => ({ key: i.key, kind: i.kind, name: i.name }))];
  for (const e of made.before) base.events.push({ type: 'Normal', ...e, at });
  if (!result.stored || result.error) {
    const message = made.failedCreate(result.error?.message ?? '');
    base.events.push({ type: 'Warning', reason: 'FailedCreate', from: made.controller, message, at });
    steps.push(
      step(`${made.controller} creates pod ${made.name}`, 'failed', at, `${detail}\nEvent FailedCreate: ${message}`),
    );
    return {
      ...base,
      writes,
      report: { name: 'apiserver', status: 'failed', steps },
      end: at + REQUEST_SECONDS,
      pod: null,
    };
  }
  base.events.push({ type: 'Normal', ...made.created, at });
  steps.push(
    step(`${made.controller} creates pod ${made.name}`, result.warnings.length > 0 ? 'warning' : 'ok', at, detail),
  );
  const pod = result.stored;
  writes.push({
    key: etcdKey('Pod', ctx.namespace, pod.metadata?.name ?? made.name),
    kind: 'Pod',
    name: pod.metadata?.name ?? made.name,
  });
  return {
    ...base,
    writes,
    report: { name: 'apiserver', status: reportStatus(steps), steps },
    end: at + REQUEST_SECONDS,
    pod,
  };
}

function relocate(f: Finding, move: (s: Segment[]) => Segment[]): Finding {
  const segments = move(f.segments);
  const out: Finding = { ...f, segments, path: formatPath(segments) };
  if (f.related)
    out.related = f.related.map((r) => {
      const at = move(r.segments);
      return { ...r, segments: at, path: formatPath(at) };
    });
  return out;
}
