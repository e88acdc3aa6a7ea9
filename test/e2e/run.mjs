// End-to-end test in a real VS Code: code-server (VS Code 1.100 served to a browser) driven in headless Debian
// Chromium by playwright-core. It installs the packaged .vsix, opens a workspace with a broken manifest and a good
// pod, and checks what a user sees: the Problems panel, hovers, the "Simulate Pod Creation" panel and its refresh.
// Run with `npm run test:e2e` (packages the extension first). Screenshots land in test-results/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { freePort, installCodeServer, installExtension, startCodeServer, stopProcessGroup } from './code-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREFIX = join(ROOT, '.vscode-test', 'code-server');
const VSIX = join(ROOT, 'dist', 'pod-lifecycle-preview.vsix');
const RESULTS = join(ROOT, 'test-results');
const EXTENSION_ID = 'pod-lifecycle-preview.pod-lifecycle-preview';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'workbench.editor.enablePreview': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
};

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
const results = [];
let codeServer = null;
let browser = null;
let home = null;
let page = null;
/** Set by Ctrl+C or SIGTERM: the remaining checks are not run, and the run ends as soon as everything is stopped. */
let interrupted = false;

async function cleanup() {
  const b = browser;
  browser = null;
  if (b) await b.close().catch(() => {});
  const cs = codeServer;
  codeServer = null;
  if (cs) await stopProcessGroup(cs);
  if (home && !process.env.KEEP_E2E_HOME) rmSync(home, { recursive: true, force: true, maxRetries: 3 });
}

function report(extraFailures) {
  const failed = results.filter((r) => !r.ok).length + extraFailures;
  console.log(`${results.filter((r) => r.ok).length} passed, ${failed} failed`);
  return failed;
}

// Last resort if the process ends some other way: code-server runs in its own process group and would outlive it.
process.on('exit', () => {
  if (codeServer?.exitCode === null) {
    try {
      process.kill(-codeServer.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping code-server and Chromium`);
    void cleanup()
      .catch((e) => log(`cleanup: ${e.message}`))
      .finally(() => {
        report(1);
        process.exit(130);
      });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** One user-visible check. A failure is recorded with a screenshot, and the run goes on to the next check. */
async function check(name, ms, fn) {
  if (interrupted) return;
  const t = Date.now();
  try {
    await withTimeout(fn(), ms, name);
    results.push({ name, ok: true });
    log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    if (interrupted) return;
    results.push({ name, ok: false });
    log(
      `✗ ${name}\n      ${String(e?.message ?? e)
        .split('\n')
        .join('\n      ')}`,
    );
    if (page) {
      const file = join(RESULTS, `failure-${results.length}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      log(`      screenshot: ${file}`);
    }
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The message the `yaml` library gives for the first syntax error, without the location it appends. */
function yamlErrorOf(text) {
  const error = parseAllDocuments(text).flatMap((d) => d.errors)[0];
  assert(error, 'the broken fixture parses without error');
  return {
    message: error.message.slice(0, error.message.search(/ at line \d+, column \d+/) >>> 0),
    line: error.linePos[0].line,
    col: error.linePos[0].col,
  };
}

async function openFile(name) {
  await page.getByRole('treeitem', { name }).click();
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor();
  // The editor shows the file once its first line is rendered.
  await page.locator('.editor-instance .view-line').first().waitFor();
}

/** The line of the active editor that matches `pattern` (the editor renders spaces as no-break spaces: use \s). */
function editorLine(pattern) {
  return page.locator('.editor-group-container.active .view-line').filter({ hasText: pattern }).first();
}

/** F1, the command's title, and a click on the entry with that title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  await pick(`>${title}`, title);
}

/** Types into the open quick pick and clicks the entry labelled `label` (after its category, if it has one). */
async function pick(query, label) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(query);
  const exact = new RegExp(`(^|: )${escape(label)}$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: exact }),
  });
  await row.first().click();
}

/** The simulation panel's document: a webview is an iframe inside an iframe; its frame holds `#app`. */
async function webviewFrame(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$('#app .header').catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('no webview with the simulation panel appeared');
}

async function waitForText(locator, pattern, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: expected ${pattern}, saw:\n${last.slice(0, 1500)}`);
}

/** A screenshot in the current theme and one in the other (light and dark), back in the current theme after. */
async function shootBothThemes(name, frame) {
  const dark = await page.locator('.monaco-workbench.vs-dark').count();
  const [now, other] = dark ? ['dark', 'light'] : ['light', 'dark'];
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(RESULTS, `${name}-${now}.png`) });
  const setTheme = async (theme) => {
    await runCommand('Preferences: Color Theme');
    await page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]').waitFor();
    const label = theme === 'dark' ? 'Dark Modern' : 'Light Modern';
    await pick(label, label);
    await frame.locator(theme === 'dark' ? 'body.vscode-dark' : 'body.vscode-light').waitFor();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
  };
  await setTheme(other);
  await page.screenshot({ path: join(RESULTS, `${name}-${other}.png`) });
  await setTheme(now);
}

function writeUserSettings(userData) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
}

function extensionHostLog(userData) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'exthost.log' || e.name.endsWith('Pod Lifecycle Preview.log')) found.push(p);
    }
  };
  if (existsSync(join(userData, 'logs'))) walk(join(userData, 'logs'));
  return found
    .map(
      (f) =>
        `--- ${f}\n${readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => /error|pod-lifecycle|podLifecycle/i.test(l))
          .slice(-30)
          .join('\n')}`,
    )
    .join('\n');
}

/** Checks the prerequisites and installs code-server on first use (not counted in the run's time limit). */
function prepare() {
  mkdirSync(RESULTS, { recursive: true });
  for (const f of readdirSync(RESULTS)) if (/^failure-\d+\.png$/.test(f)) rmSync(join(RESULTS, f));
  assert(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  assert(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  return installCodeServer(PREFIX, log);
}

async function main(bin) {
  const { chromium } = createRequire(join(PREFIX, 'package.json'))('playwright-core');

  home = mkdtempSync(join(tmpdir(), 'pod-preview-e2e-'));
  const dirs = { home, userData: join(home, 'user-data'), extensions: join(home, 'extensions') };
  const workspace = join(home, 'workspace');
  cpSync(join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  writeUserSettings(dirs.userData);

  await check('the packaged .vsix installs into code-server', 60_000, async () => {
    const installed = installExtension(bin, dirs, VSIX);
    assert(installed.includes(EXTENSION_ID), `--list-extensions printed ${JSON.stringify(installed)}`);
  });

  const port = await freePort();
  const serverLog = join(home, 'code-server.log');
  codeServer = await startCodeServer(bin, dirs, port, workspace, serverLog);
  log(`code-server ${port} (pid ${codeServer.pid}), workspace ${workspace}`);
  // Our signal handlers stop Chromium and code-server in order; Playwright's own would exit before code-server stops.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.setDefaultTimeout(15_000);
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: 'web-pod.yaml' }).waitFor({ timeout: 30_000 });
  } catch (e) {
    throw new Error(
      `VS Code's workbench did not load with the workspace (code-server log: ${serverLog}): ${e.message}`,
      { cause: e },
    );
  }
  log('workbench loaded');

  const broken = yamlErrorOf(readFileSync(join(workspace, 'broken-pod.yaml'), 'utf8'));

  await check('a YAML syntax error shows in the Problems panel with the yaml library message', 40_000, async () => {
    await openFile('broken-pod.yaml');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    const text = await waitForText(panel, new RegExp(escape(broken.message)), 'Problems panel');
    assert(
      text.includes(`[Ln ${broken.line}, Col ${broken.col}]`),
      `the problem is not at line ${broken.line}, column ${broken.col}:\n${text}`,
    );
    assert(/Pod Lifecycle Preview/.test(text), `the problem does not name its source:\n${text}`);
  });

  await check('hovering the offending field shows the message', 30_000, async () => {
    const squiggle = page.locator('.editor-group-container.active .squiggly-error').first();
    await squiggle.waitFor();
    // The squiggle is drawn under the text layer, so the pointer goes where it is, as a person's would.
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await waitForText(
      page.locator('.monaco-hover:visible').first(),
      new RegExp(escape(broken.message)),
      'hover on the error',
    );
    await page.keyboard.press('Escape');
  });

  await check("hovering the pod's name shows its verdict, node and pod IP", 30_000, async () => {
    await openFile('web-pod.yaml');
    // The CodeLens moves the lines down when it appears: hover once it is there.
    await page.locator('.editor-group-container.active .codelens-decoration').first().waitFor();
    const name = editorLine(/name:\s+web$/)
      .locator('span', { hasText: /^web$/ })
      .last();
    await name.hover();
    await waitForText(
      page.locator('.monaco-hover:visible').first(),
      /Pod\s+default\/web:\s+Running\s+on\s+worker-[123][\s\S]*Pod\s+IP\s+[\d.]+/,
      'hover on metadata.name',
    );
    await page.mouse.move(5, 5);
  });

  await check('a healthy pod on the embedded cluster shows no problem in the Problems panel', 30_000, async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    // The broken file's problem proves the panel is filled; the healthy pod (an assumed tag) adds none.
    const text = await waitForText(panel, new RegExp(escape(broken.message)), 'Problems panel');
    assert(!text.includes('web-pod.yaml'), `web-pod.yaml has problems:\n${text}`);
    await page.screenshot({ path: join(RESULTS, 'healthy-no-problems.png') });
  });

  await check('hovering a field shows its type and documentation from the Kubernetes schema', 30_000, async () => {
    const key = editorLine(/image:\s+nginx/)
      .locator('span', { hasText: /^image$/ })
      .first();
    await key.hover();
    await waitForText(
      page.locator('.monaco-hover:visible').first(),
      /image\s+string[\s\S]*Container image name/,
      'hover on image',
    );
    await page.mouse.move(5, 5);
  });

  let frame = null;
  await check('"Simulate Pod Creation" opens the panel with the pod, its node and its events', 40_000, async () => {
    // Room for the panel, as a user reading it would make.
    await runCommand('View: Hide Panel');
    await runCommand('View: Toggle Primary Side Bar Visibility');
    await editorLine(/^kind:\s+Pod$/).click();
    await runCommand('Simulate Pod Creation');
    frame = await webviewFrame();
    const header = frame.locator('#app .header');
    await waitForText(header, /\bweb\b/, 'panel header');
    await waitForText(header, /on worker-[123]\b/, 'panel verdict');
    const events = frame.locator('#events table');
    const text = await waitForText(
      events,
      /Scheduled[\s\S]*Pulling[\s\S]*Pulled[\s\S]*Created[\s\S]*Started/,
      'Events table',
    );
    assert(/Successfully assigned default\/web to worker-[123]/.test(text), `no Scheduled message in:\n${text}`);
    // The Service is declared in another file of the workspace: the panel knows it through the workspace index.
    await waitForText(frame.locator('#endpoints'), /Service default\/web/, 'Endpoints section');
    await page.mouse.move(400, 700); // No tooltip in the picture.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, 'webview-light.png') });
    await frame.locator('#scheduling').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'webview-light-scheduling.png') });
  });

  await check('editing the manifest refreshes the panel', 30_000, async () => {
    assert(frame, 'the panel did not open');
    await editorLine(/name:\s+web$/).click();
    await page.keyboard.press('End');
    await page.keyboard.type('-v2');
    await waitForText(frame.locator('#app .header h1'), /^web-v2$/, 'panel header after the edit');
    await waitForText(
      frame.locator('#events table'),
      /Successfully assigned default\/web-v2 to worker-[123]/,
      'Events after the edit',
    );
  });

  await check('the panel is readable in a dark theme', 30_000, async () => {
    assert(frame, 'the panel did not open');
    await runCommand('Preferences: Color Theme');
    await page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]').waitFor();
    await pick('Dark Modern', 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    // VS Code marks the webview's body with the theme kind; the panel's colours follow from its variables.
    await frame.locator('body.vscode-dark').waitFor();
    await page.mouse.move(400, 700);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(RESULTS, 'webview-dark.png') });
  });

  await check('moving the cursor to another document of the file switches the panel to that pod', 30_000, async () => {
    assert(frame, 'the panel did not open');
    await page.keyboard.press('Control+P');
    await pick('two-pods.yaml', 'two-pods.yaml');
    await editorLine(/name:\s+worker$/).click();
    await waitForText(frame.locator('#app .header h1'), /^worker$/, 'panel header with the cursor in document 2');
    await editorLine(/name:\s+api$/).click();
    await waitForText(frame.locator('#app .header h1'), /^api$/, 'panel header with the cursor in document 1');
  });

  await check('each pod has a CodeLens with its verdict, and clicking it shows that pod', 30_000, async () => {
    assert(frame, 'the panel did not open');
    // The lens is the verdict in a few words; the second document's lens is the worker pod's.
    const lens = page
      .locator('.editor-group-container.active .codelens-decoration a')
      .filter({ hasText: /Running on worker-[123]/ })
      .nth(1);
    await lens.waitFor();
    await lens.click();
    await waitForText(frame.locator('#app .header h1'), /^worker$/, 'panel header after the CodeLens click');
  });

  await check('clicking a finding in the panel puts the cursor on it', 30_000, async () => {
    assert(frame, 'the panel did not open');
    await page.locator('.tabs-container .tab[aria-label^="broken-pod.yaml"]').click();
    const finding = frame.locator('#findings .finding-link', { hasText: broken.message }).first();
    await finding.waitFor();
    await page.screenshot({ path: join(RESULTS, 'webview-dark-broken.png') });
    await finding.click();
    await waitForText(
      page.locator('#status\\.editor\\.selection'),
      new RegExp(`Ln ${broken.line}, Col ${broken.col}\\b`),
      'cursor position in the status bar',
    );
  });

  await check(
    'a misspelt field gets the quick fix "Change to "imagePullPolicy"", which renames it',
    30_000,
    async () => {
      await page.keyboard.press('Control+P');
      await pick('typo-pod.yaml', 'typo-pod.yaml');
      await page.locator('.tabs-container .tab[aria-label^="typo-pod.yaml"]').waitFor();
      const key = editorLine(/imagePullPolice:/)
        .locator('span', { hasText: /^imagePullPolice$/ })
        .first();
      await page.locator('.editor-group-container.active .squiggly-error').first().waitFor();
      await key.click();
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await waitForText(menu, /Change to "imagePullPolicy"/, 'quick fix menu');
      // The only (preferred) fix is the focused entry of the menu.
      await page.keyboard.press('Enter');
      await waitForText(editorLine(/imagePull/), /imagePullPolicy:\s+Always/, 'the fixed line');
      // Leave the editors as they were for the checks that follow.
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+S');
      await page.keyboard.press('Control+W');
    },
  );

  await check('a misspelt field of a Service in the file gets its quick fix too', 30_000, async () => {
    await page.keyboard.press('Control+P');
    await pick('typo-service.yaml', 'typo-service.yaml');
    await page.locator('.tabs-container .tab[aria-label^="typo-service.yaml"]').waitFor();
    await waitForText(frame.locator('#app .header'), /API server would reject an object of this file/, 'panel header');
    const key = editorLine(/targetPrt:/)
      .locator('span', { hasText: /^targetPrt$/ })
      .first();
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor();
    await key.click();
    await page.keyboard.press('Control+.');
    await waitForText(page.locator('.action-widget'), /Change to "targetPort"/, 'quick fix menu');
    await page.keyboard.press('Enter');
    await waitForText(editorLine(/target/), /targetPort:\s+8080/, 'the fixed line');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.keyboard.press('Control+W');
  });

  await check("typing a field name offers the schema's fields for that place, with their docs", 30_000, async () => {
    await page.keyboard.press('Control+P');
    await pick('typo-pod.yaml', 'typo-pod.yaml');
    await editorLine(/image:\s+nginx/).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('readinessPr');
    await page.keyboard.press('Control+Space');
    // The label's description is the schema type, which only this extension's provider gives.
    await waitForText(page.locator('.suggest-widget'), /readinessProbe\s*Probe/, 'suggestions');
    await page.keyboard.press('Escape');
    await runCommand('File: Revert File');
    await page.keyboard.press('Control+W');
  });

  await check("a Job's panel shows its controller giving up at the backoff limit", 30_000, async () => {
    await page.keyboard.press('Control+P');
    await pick('failing-job.yaml', 'failing-job.yaml');
    await page.locator('.tabs-container .tab[aria-label^="failing-job.yaml"]').waitFor();
    await editorLine(/name:\s+migrate/)
      .first()
      .click();
    const app = frame.locator('#app');
    await waitForText(app.locator('.header h1'), /^migrate$/, 'panel following the Job');
    await waitForText(
      app,
      /job-controller[\s\S]*BackoffLimitExceeded[\s\S]*Job has reached the specified backoff limit/,
      'controller part',
    );
    await page.screenshot({ path: join(RESULTS, 'webview-job.png') });
    await page.keyboard.press('Control+W');
  });

  await check(
    "the 64-CPU pod's panel shows its request against every node, and its quick fix schedules it",
    40_000,
    async () => {
      await page.keyboard.press('Control+P');
      await pick('too-big-pod.yaml', 'too-big-pod.yaml');
      await page.locator('.tabs-container .tab[aria-label^="too-big-pod.yaml"]').waitFor();
      const app = frame.locator('#app');
      await waitForText(app.locator('.header'), /Pending: unschedulable/, 'panel verdict');
      const table = await waitForText(frame.locator('#scheduling table'), /cpu 64/, 'resources in the node table');
      for (const n of ['control-plane', 'worker-1', 'worker-2', 'worker-3'])
        assert(table.includes(n), `no column for ${n} in:\n${table}`);
      assert(/1050m free of 2[\s\S]*3900m free of 4/.test(table), `no allocatable/free numbers in:\n${table}`);
      const fix = frame.locator('button.fix', { hasText: /Lower the cpu request to 3900m/ }).first();
      await fix.waitFor();
      await frame.locator('#scheduling table').scrollIntoViewIfNeeded();
      await shootBothThemes('too-big', frame);
      await fix.scrollIntoViewIfNeeded();
      await fix.click();
      // The panel has the focus now: the manifest is in the other editor group.
      const cpu = page
        .locator('.editor-group-container')
        .filter({ has: page.locator('.tab.active[aria-label^="too-big-pod.yaml"]') })
        .locator('.view-line')
        .filter({ hasText: /cpu:/ })
        .first();
      await waitForText(cpu, /cpu:\s+"3900m"/, 'the fixed request');
      await waitForText(app.locator('.header'), /Running on worker-[123]/, 'panel verdict after the fix');
      // Undo the fix and save, so the file is as it was for the next check.
      await cpu.click();
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+S');
      await waitForText(app.locator('.header'), /Pending: unschedulable/, 'panel verdict after the revert');
    },
  );

  await check(
    'at 500 px the panel keeps every node column reachable and breaks lines between words',
    40_000,
    async () => {
      const size = page.viewportSize();
      // Two editor groups side by side, the side bar hidden: each gets about half the window.
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.waitForTimeout(800);
      const app = frame.locator('#app');
      await waitForText(app.locator('.header'), /Pending: unschedulable/, 'panel verdict');
      const measured = await frame.evaluate(() => {
        const wrap = document.querySelector('#scheduling .table-wrap');
        const heads = [...wrap.querySelectorAll('thead th')];
        wrap.scrollLeft = wrap.scrollWidth;
        const box = wrap.getBoundingClientRect();
        const last = heads.at(-1).getBoundingClientRect();
        const plugin = heads[0].getBoundingClientRect();
        const breaking = [...document.querySelectorAll('#app *')].filter((e) => {
          const st = e.ownerDocument.defaultView.getComputedStyle(e);
          return st.overflowWrap === 'anywhere' || st.wordBreak === 'break-all';
        });
        return {
          width: document.documentElement.clientWidth,
          columns: heads.length,
          lastVisible: last.right <= box.right + 1 && last.left >= box.left,
          pluginPinned: plugin.left >= box.left - 1 && plugin.left <= box.left + 1,
          breaking: breaking.map((e) => e.className),
        };
      });
      assert(measured.width >= 400 && measured.width <= 700, `the panel is ${measured.width} px wide`);
      assert(measured.columns === 5, `${measured.columns} header cells (plugin + 4 nodes)`);
      assert(measured.lastVisible, 'the last node column cannot be scrolled into view');
      assert(measured.pluginPinned, 'the plugin column scrolls away with the nodes');
      assert(measured.breaking.length === 0, `elements that break inside words: ${measured.breaking.join(', ')}`);
      await frame.locator('#scheduling table').scrollIntoViewIfNeeded();
      await shootBothThemes('narrow-panel', frame);
      await frame.evaluate(() => (document.querySelector('#scheduling .table-wrap').scrollLeft = 0));
      await page.setViewportSize(size);
      await page.keyboard.press('Control+W');
    },
  );

  await check('a broken cluster snapshot is reported, and the embedded cluster is used instead', 30_000, async () => {
    const snapshot = yamlErrorOf(readFileSync(join(workspace, 'broken-snapshot.yaml'), 'utf8'));
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'podLifecyclePreview.clusterSnapshot': 'broken-snapshot.yaml' }),
    );
    const toast = page.locator('.notifications-toasts');
    await waitForText(toast, /broken-snapshot\.yaml is not a valid snapshot[\s\S]*embedded cluster/, 'notification');
    await page.keyboard.press('Control+Shift+M');
    const problems = await waitForText(
      page.locator('.markers-panel'),
      new RegExp(escape(snapshot.message)),
      'Problems panel',
    );
    assert(problems.includes('broken-snapshot.yaml'), `the problem is not on the snapshot file:\n${problems}`);
    await page.locator('.tabs-container .tab[aria-label^="web-pod.yaml"]').click();
    await waitForText(frame.locator('#app .header h1'), /^web-v2$/, 'panel following the pod again');
    await waitForText(frame.locator('#app .header'), /embedded default cluster/, 'cluster named in the panel');
  });

  await check('with an image-facts file set, a tag the repository lacks is an error at the image', 40_000, async () => {
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'podLifecyclePreview.imageFacts': 'image-facts.yaml' }),
    );
    // The explorer is closed by now: Quick Open, as a keyboard user would.
    await page.keyboard.press('Control+P');
    await pick('tag-typo-pod.yaml', 'tag-typo-pod.yaml');
    await page.locator('.tabs-container .tab[aria-label^="tag-typo-pod.yaml"]').waitFor();
    await page.keyboard.press('Control+Shift+M');
    const problems = await waitForText(
      page.locator('.markers-panel'),
      /docker\.io\/library\/nginx has no tag "1\.27\.33"/,
      'Problems panel',
    );
    assert(problems.includes('[Ln 8, Col 14]'), `the problem is not on the image value:\n${problems}`);
    await waitForText(frame.locator('#app'), /ImagePullBackOff/, 'panel showing the pull back-off');
    await page.screenshot({ path: join(RESULTS, 'image-facts.png') });
  });

  await check("the CrashLoopBackOff pod's CodeLens and panel header say CrashLoopBackOff", 40_000, async () => {
    await page.keyboard.press('Control+P');
    await pick('crash-loop-pod.yaml', 'crash-loop-pod.yaml');
    await page.locator('.tabs-container .tab[aria-label^="crash-loop-pod.yaml"]').waitFor();
    await waitForText(
      page.locator('.editor-group-container.active .codelens-decoration').first(),
      /CrashLoopBackOff/,
      'CodeLens',
    );
    await waitForText(frame.locator('#app .header .verdict'), /CrashLoopBackOff/, 'panel verdict');
    await shootBothThemes('crash-loop', frame);
  });

  await check('the panel comes back after the window reloads, showing the manifest in front', 40_000, async () => {
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    const revived = await webviewFrame(30_000);
    // The workbench restores the editors it last saved, which may be from before the last click.
    const active = await page.locator('.editor-group-container .tab.active').first().getAttribute('aria-label');
    const headers = {
      'web-pod.yaml': /^web(-v2)?$/,
      'two-pods.yaml': /^(api|worker)$/,
      'broken-pod.yaml': /^broken-pod\.yaml$/,
      'tag-typo-pod.yaml': /^tag-typo$/,
      'failing-job.yaml': /^migrate$/,
      'typo-service.yaml': /^typo-service\.yaml$/,
      'crash-loop-pod.yaml': /^debug-shell$/,
      'too-big-pod.yaml': /^too-big$/,
    };
    const expected = Object.entries(headers).find(([file]) => active?.startsWith(file))?.[1];
    assert(expected, `unexpected active editor after the reload: ${active}`);
    await waitForText(revived.locator('#app .header h1'), expected, `revived panel header (active editor: ${active})`);
  });
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let fatal = null;
try {
  const bin = prepare();
  await withTimeout(main(bin), 260_000, 'the whole run');
} catch (e) {
  fatal = e;
  if (!interrupted) log(`setup failed: ${e?.stack ?? e}`);
} finally {
  if (!interrupted) {
    if ((fatal || results.some((r) => !r.ok)) && home) console.log(extensionHostLog(join(home, 'user-data')));
    await cleanup();
    process.exitCode = report(fatal ? 1 : 0) > 0 ? 1 : 0;
  }
}
