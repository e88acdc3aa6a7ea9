import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/cli/report';

// The built CLI, run as a user runs it: a real process, its stdout, stderr and exit code.
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], input?: string) {
  const p = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: join(__dirname, '..', '..') });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

function json(args: string[]): { code: number | null; report: Report } {
  const r = run([...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}

describe('pod-preview CLI', () => {
  it('runs the demo pod to Running on the embedded cluster, with the real event sequence', () => {
    const { code, report } = json(['simulate', 'examples/pod-demo.yaml']);
    assert.equal(code, 0);
    assert.equal(report.apiVersion, 'podpreview/v1');
    assert.deepEqual(report.cluster.source, 'embedded');
    const [r] = report.results;
    assert.ok(r);
    assert.equal(r.accepted, true);
    assert.equal(r.kind, 'Pod');
    assert.equal(r.name, 'pod-demo');
    const node = r.scheduling?.node;
    assert.match(node ?? '', /^worker-[123]$/);
    const cidrs: Record<string, string> = {
      'worker-1': '10.244.1.0/24',
      'worker-2': '10.244.2.0/24',
      'worker-3': '10.244.3.0/24',
    };
    assert.ok(
      r.finalState?.podIP && inCidr(r.finalState.podIP, cidrs[node as string] as string),
      `pod IP ${r.finalState?.podIP}`,
    );
    assert.equal(r.finalState?.phase, 'Running');
    const reasons = r.events.map((e) => e.reason);
    const order = ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'].map((x) => reasons.indexOf(x));
    assert.ok(
      order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number))),
      `events in order: ${reasons.join(', ')}`,
    );
    assert.equal(r.events[0]?.message, `Successfully assigned default/pod-demo to ${node}`);
  });

  it('predicts a missing tag and a missing shell from --images facts, and without them states the assumption', () => {
    const withFacts = json(['simulate', 'examples/image-mistakes.yaml', '--images', 'examples/image-facts.yaml']);
    assert.equal(withFacts.code, 1);
    const [typo, shell] = withFacts.report.results;
    assert.equal(typo?.finalState?.containers[0]?.reason, 'ImagePullBackOff');
    assert.ok(typo?.events.some((e) => e.reason === 'Failed' && e.message === 'Error: ErrImagePull'));
    assert.equal(shell?.finalState?.phase, 'Running');
    assert.deepEqual(shell?.finalState?.containers[0]?.lastState, { reason: 'StartError', exitCode: 128 });
    assert.equal(shell?.findings.find((f) => f.severity === 'error')?.path, 'spec.containers[0].command[0]');
    const without = json(['simulate', 'examples/image-mistakes.yaml']);
    assert.equal(without.code, 0);
    assert.ok(
      without.report.results.every((r) => r.findings.some((f) => f.code === 'ErrImagePull' && f.severity === 'info')),
    );
    const bad = run(['simulate', 'examples/image-mistakes.yaml', '--images', 'examples/pod-demo.yaml']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /cannot read image facts examples\/pod-demo.yaml:\d+:\d+: document 1 holds no image facts/,
    );
  });

  it('prints what kubectl apply would print for each object, the rejected ones last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pod-preview-apply-'));
    const file = join(dir, 'app.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 70000}]',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: prod}',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx:1.27}]',
      ].join('\n---\n'),
    );
    const r = run(['simulate', file]);
    const block = r.stdout.split('\n\n').find((b) => b.startsWith(`kubectl apply -f ${file} would print:`));
    assert.equal(
      block,
      [
        `kubectl apply -f ${file} would print:`,
        '  configmap/settings created',
        '  pod/web created',
        '  The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ].join('\n'),
    );
  });

  it('prints a summary of examples/ that fits a screen, one verdict per object, the lifecycle on request', () => {
    const summary = run(['simulate', 'examples/']);
    // A terminal's default 80x24 scrolls; a screenful here is what a maximised terminal shows without scrolling.
    assert.ok(summary.stdout.trimEnd().split('\n').length <= 50, summary.stdout);
    assert.doesNotMatch(summary.stdout, /Events:|KUBERNETES_SERVICE_HOST/);
    const withFacts = run(['simulate', 'examples/image-mistakes.yaml', '--images', 'examples/image-facts.yaml']);
    assert.match(withFacts.stdout, /^ {2}Pod default\/web-typo \(document 1\): ImagePullBackOff on worker-1$/m);
    assert.match(withFacts.stdout, /^ {2}Pod default\/debug-shell \(document 2\): CrashLoopBackOff on worker-1$/m);
    const one = run(['simulate', 'examples/image-mistakes.yaml', '--document', '2']);
    assert.equal(one.stdout.match(/^Events:$/gm)?.length, 1);
    assert.match(one.stdout, /^Pod default\/debug-shell {2}\(examples\/image-mistakes.yaml, document 2\)$/m);
    const all = run(['simulate', 'examples/image-mistakes.yaml', '--details']);
    assert.equal(all.stdout.match(/^Events:$/gm)?.length, 2);
    assert.match(all.stdout, /^Assumptions:$/m);
  });

  it('reports the seed article pod.yaml (not valid YAML) at its real line, exit 1, no crash', () => {
    const r = run(['simulate', 'test/fixtures/seed-pod-as-printed.yaml']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /seed-pod-as-printed\.yaml:4:1 {2}error {2}YAMLSyntax/);
    const { report } = json(['simulate', 'test/fixtures/seed-pod-as-printed.yaml']);
    assert.equal(report.results[0]?.findings[0]?.line, 4);
    assert.equal(report.results[0]?.accepted, false);
  });

  it('explains an unschedulable pod with the real FailedScheduling message', () => {
    const { code, report } = json(['simulate', 'examples/unschedulable.yaml']);
    assert.equal(code, 1);
    const r = report.results[0];
    assert.match(
      r?.scheduling?.message ?? '',
      /^0\/4 nodes are available: 1 node\(s\) had untolerated taint\(s\), 3 Insufficient cpu\. /,
    );
    assert.equal(r?.finalState?.phase, 'Pending');
    assert.equal(r?.events.find((e) => e.reason === 'FailedScheduling')?.type, 'Warning');
  });

  it('rejects the broken example with API server messages on the right lines', () => {
    const { code, report } = json(['simulate', 'examples/broken.yaml']);
    assert.equal(code, 1);
    const r = report.results[0];
    assert.equal(r?.accepted, false);
    const unknown = r?.findings.find((f) => f.message.includes('unknown field'));
    assert.deepEqual([unknown?.line, unknown?.column], [10, 7]); // on the misspelt key
  });

  it('reads standard input and prints SARIF with a region for every finding', () => {
    const r = run(
      ['simulate', '-', '--format', 'sarif'],
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n',
    );
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok((sarif.runs[0]?.results.length ?? 0) > 0);
    assert.ok(sarif.runs[0]?.results.every((x) => (x.locations[0]?.physicalLocation.region.startLine ?? 0) >= 1));
  });

  it('applies the files of a directory together (a ConfigMap beside the pod exists for it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pod-preview-'));
    writeFileSync(
      join(dir, 'a-pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    envFrom:\n    - configMapRef: {name: cfg}\n',
    );
    writeFileSync(join(dir, 'b-cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {A: "1"}\n');
    const { code, report } = json(['simulate', dir]);
    assert.equal(code, 0, JSON.stringify(report.results[0]?.findings));
    assert.equal(report.results.length, 1);
  });

  it('shows the endpoint of the pod + Service + ConfigMap example turning ready after the readiness probe', () => {
    const { code, report } = json(['simulate', 'examples/web-with-service.yaml']);
    assert.equal(code, 0);
    assert.equal(report.results.length, 1);
    const r = report.results[0];
    const ep = r?.endpoints.find((e) => e.service === 'default/web');
    assert.deepEqual(ep?.addresses, [r?.finalState?.podIP]);
    assert.deepEqual(ep?.ports, [{ name: 'http', port: 80, protocol: 'TCP' }]);
    assert.equal(ep?.conditions.ready, true);
    const started = r?.events.find((e) => e.reason === 'Started')?.at ?? Infinity;
    // initialDelaySeconds: 3, so the pod cannot be Ready, nor the endpoint ready, before 3s after the start.
    assert.ok((ep?.readyAt ?? 0) >= started + 3, `readyAt ${ep?.readyAt}, started ${started}`);
  });

  it('warns about a Service that no pod will back, on its selector', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pod-preview-'));
    writeFileSync(
      join(dir, 'svc.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector:\n    app: api\n  ports:\n  - port: 80\n',
    );
    const { code, report } = json(['simulate', dir]);
    assert.equal(code, 0);
    const f = report.findings[0];
    assert.equal(f?.code, 'ServiceWithoutEndpoints');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.line, 5); // the `selector:` key
  });

  const usage: { name: string; args: string[]; stderr: RegExp }[] = [
    { name: 'no command', args: ['frobnicate'], stderr: /unknown command "frobnicate"/ },
    { name: 'no input', args: ['simulate'], stderr: /needs at least one file/ },
    {
      name: 'document 0',
      args: ['simulate', 'examples/pod-demo.yaml', '--document', '0'],
      stderr: /--document needs a document number from 1, got "0"/,
    },
    {
      name: 'bad format',
      args: ['simulate', 'x.yaml', '--format', 'xml'],
      stderr: /--format must be one of text, json, sarif/,
    },
    {
      name: 'missing file',
      args: ['simulate', 'no-such.yaml'],
      stderr: /cannot read "no-such.yaml": no such file or directory/,
    },
    {
      name: 'unreadable snapshot',
      args: ['simulate', 'examples/pod-demo.yaml', '--cluster', 'test/fixtures/seed-pod-as-printed.yaml'],
      stderr: /cannot read cluster snapshot .*:4:1/,
    },
    {
      name: 'a release older than the supported ones',
      args: ['simulate', 'examples/pod-demo.yaml', '--kubernetes-version', '1.32'],
      stderr: /--kubernetes-version: Kubernetes 1\.32 .*cannot be simulated: the supported releases are 1\.33 to 1\.36/,
    },
    {
      name: 'a release whose code is not released',
      args: ['simulate', 'examples/pod-demo.yaml', '--kubernetes-version=1.37'],
      stderr: /Kubernetes 1\.37 .*cannot be simulated: the supported releases are 1\.33 to 1\.36/,
    },
  ];
  for (const c of usage)
    it(`exits 2 with a clear message: ${c.name}`, () => {
      const r = run(c.args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, c.stderr);
    });

  it('says which release it simulates and why: the option, the snapshot, or the newest without one', () => {
    const cases: { args: string[]; want: Report['cluster']['kubernetesVersion'] & { version: string } }[] = [
      {
        args: ['examples/pod-demo.yaml'],
        want: {
          version: '1.36',
          minor: 36,
          source: 'newest-supported',
          reason: 'no cluster snapshot: the newest supported release',
        },
      },
      {
        args: ['examples/pod-demo.yaml', '--kubernetes-version', '1.33'],
        want: {
          version: '1.33',
          minor: 33,
          source: 'requested',
          reason: 'requested with --kubernetes-version or the setting',
        },
      },
      {
        args: ['examples/pod-demo.yaml', '--cluster', 'test/fixtures/docs/scheduling-toleration/cluster.yaml'],
        want: {
          version: '1.34',
          minor: 34,
          source: 'newest-node',
          reason: "the newest kubelet among the snapshot's nodes: node1 runs v1.34.1",
        },
      },
    ];
    for (const c of cases) {
      const { report } = json(['simulate', ...c.args]);
      const { version, ...why } = c.want;
      assert.deepEqual([report.kubernetesVersion, report.cluster.kubernetesVersion], [version, why]);
    }
  });

  it('prints the embedded cluster at the release asked for', () => {
    const r = run(['default-cluster', '--kubernetes-version', '1.35']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# The embedded default cluster of Pod Lifecycle Preview \(Kubernetes 1\.35\)/);
    assert.match(r.stdout, /kubeletVersion: v1\.35\.7/);
    assert.doesNotMatch(r.stdout, /v1\.36/);
  });

  it('prints the embedded cluster as a template', () => {
    const r = run(['default-cluster']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# The embedded default cluster/);
  });
});
