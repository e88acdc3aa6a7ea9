// Side by side with yaml-language-server 2.0.0 (the engine of the YAML extension most Kubernetes users run), in one
// process: the same texts, validated by the peer with a schema built from our field table, and analysed by us end
// to end on the embedded cluster. Each figure is the min and median of several interleaved runs, with its ratio to
// the peer; the CLI on one pod is compared with `node -e 0`. Prints a Markdown table (the README's).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { analyzeText } from '../src/engine/analyze';
import { defaultCluster } from '../src/engine/cluster/load';
import { peerSchema } from './peer-schema';

const root = join(__dirname, '..');
const SCHEMA = 'pod-preview://schema.json';

const ls = getLanguageService({
  schemaRequestService: () => Promise.resolve(JSON.stringify(peerSchema())),
  workspaceContext: { resolveRelativePath: (p: string) => p },
});
ls.configure({ validate: true, completion: false, hover: false, schemas: [{ uri: SCHEMA, fileMatch: ['*.yaml'] }] });

/** A file of about 1 MB: the examples' pods and Deployments again and again, each with its own name. */
function megabyte(): string {
  const parts = ['pod-demo.yaml', 'deployment.yaml', 'web-with-service.yaml'].map((f) =>
    readFileSync(join(root, 'examples', f), 'utf8'),
  );
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const text = (parts[i % parts.length] as string).replace(/^( *name: *)(\S+)/m, `$1$2-${i}`);
    out.push(text.trimEnd());
    size += text.length;
  }
  return out.join('\n---\n') + '\n';
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const min = (xs: number[]) => sorted(xs)[0] ?? 0;
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

async function timeIt(f: () => unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

interface Row {
  what: string;
  ours: number[];
  peer: number[];
  peerName: string;
}

async function compare(what: string, text: string, runs: number): Promise<Row> {
  const cluster = defaultCluster();
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = -1; i < runs; i++) {
    // Each run is an edit: a new version of the text, so neither side can answer from a cache of the last one.
    const edited = `${text}# edit ${i}\n`;
    const doc = TextDocument.create(`file:///bench/${what.replace(/\W+/g, '-')}-${i}.yaml`, 'yaml', i + 2, edited);
    const p = await timeIt(() => ls.doValidation(doc, false));
    const o = await timeIt(() => analyzeText(edited, 'bench.yaml', cluster, { namespace: 'default' }));
    if (i < 0) continue; // warm-up
    peer.push(p);
    ours.push(o);
  }
  return { what, ours, peer, peerName: 'yaml-language-server' };
}

function cli(runs: number): Row {
  const time = (args: string[]) => {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    return performance.now() - t0;
  };
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(time(['dist/cli.js', 'simulate', 'examples/pod-demo.yaml']));
    peer.push(time(['-e', '0']));
  }
  return { what: 'CLI, one pod (`pod-preview simulate examples/pod-demo.yaml`)', ours, peer, peerName: '`node -e 0`' };
}

async function main(): Promise<void> {
  const pod = readFileSync(join(root, 'examples/pod-demo.yaml'), 'utf8');
  const web = readFileSync(join(root, 'examples/web-with-service.yaml'), 'utf8');
  const big = megabyte();
  const rows = [
    await compare('edit → diagnostics, one pod', pod, 15),
    await compare('edit → diagnostics, Deployment + Service', web, 15),
    await compare(`edit → diagnostics, 1 MB file (${big.split('\n---\n').length} documents)`, big, 3),
    cli(7),
  ];
  console.log('| what | ours (min / median) | peer (min / median) | ratio of medians |');
  console.log('|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.what} | ${ms(min(r.ours))} / ${ms(median(r.ours))} ms | ${r.peerName}: ${ms(min(r.peer))} / ${ms(median(r.peer))} ms | ${(median(r.ours) / median(r.peer)).toFixed(2)}× |`,
    );
  console.log(`\npeak memory of this process (both sides): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

void main();
