// The termination message a container's own script writes (kubernetes/kubernetes
// pkg/kubelet/kuberuntime/kuberuntime_container.go getTerminationMessage): the kubelet reads the file at
// terminationMessagePath (default /dev/termination-log) when the container exits and reports its content, as written,
// in `state.terminated.message` (then `lastState.terminated.message`). Only a plain script's `echo … > <path>` is
// read: echo joins its operands with spaces and ends with a new line (not with -n); the last write wins.
import type { Container } from '../k8s/objects';
import { plainStatements, shellScript } from './exit-prediction';

const DEFAULT_PATH = '/dev/termination-log';

/** The script's statements with their quotes still in place, when it is plain (exit-prediction.ts rules). */
function rawStatements(script: string): string[] | null {
  if (plainStatements(script) === null) return null;
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      current += c;
    } else if (c === ';' || c === '\n' || (c === '&' && script[i + 1] === '&')) {
      if (c === '&') i++;
      out.push(current.trim());
      current = '';
    } else current += c;
  }
  out.push(current.trim());
  return out.filter((s) => s !== '');
}

/** echo's operands, unquoted; null when they hold something the shell would expand. */
function echoOperands(text: string): string[] | null {
  const words: string[] = [];
  for (const m of text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    if (m[1] === undefined && /[$`\\*?]/.test(word)) return null;
    words.push(word);
  }
  return words;
}

/** The message the container's script leaves for the kubelet, or null when the spec does not tell. */
export function terminationMessage(container: Container, argv: readonly string[]): string | null {
  const script = shellScript(argv);
  const statements = script === null ? null : rawStatements(script);
  if (statements === null) return null;
  const path = container.terminationMessagePath ?? DEFAULT_PATH;
  let message: string | null = null;
  for (const s of statements) {
    // An append (`>>`) adds to what an earlier run or statement left: not read.
    if (s.includes('>>') && s.endsWith(path)) return null;
    const m = /^echo\s+(.*?)\s*1?>\s*(\S+)$/.exec(s);
    if (!m || m[2] !== path) continue;
    let words = echoOperands(m[1] ?? '');
    if (words === null) return null;
    const newline = words[0] !== '-n';
    if (!newline) words = words.slice(1);
    message = `${words.join(' ')}${newline ? '\n' : ''}`;
  }
  return message;
}
