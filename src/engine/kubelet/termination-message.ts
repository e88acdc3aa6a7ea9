// The termination message a container's own script writes (kubernetes/kubernetes
// pkg/kubelet/kuberuntime/kuberuntime_container.go getTerminationMessage): the kubelet reads the file at
// terminationMessagePath (default /dev/termination-log) when the container exits and reports its content, as written,
// in `state.terminated.message` (then `lastState.terminated.message`). Only a plain script's `echo … > <path>` is
// read: echo joins its operands with spaces and ends with a new line (not with -n); the last write wins.
import type { Container } from '../k8s/objects';
import { isSpace, skipSpace, trimEndSpace } from '../k8s/linear-text';
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

/**
 * `echo <operands> [1]> <target>` read in one pass (it was `/^echo\s+(.*?)\s*1?>\s*(\S+)$/`, cubic on a run of
 * spaces): the target is the statement's last word, and the redirection is the first `>` that leaves exactly that
 * word after it — either ending the word before it, or inside it with something after.
 */
function echoRedirect(statement: string): { operands: string; target: string } | null {
  if (!statement.startsWith('echo') || /[\n\r\u2028\u2029]/.test(statement)) return null;
  const start = skipSpace(statement, 4);
  if (start === 4) return null;
  let lastWord = statement.length;
  while (lastWord > start && !isSpace(statement[lastWord - 1])) lastWord--;
  if (lastWord === statement.length) return null;
  // A `>` ending the word before the last one, or the first `>` inside the last word with something after it.
  const ending = trimEndSpace(statement.slice(0, lastWord)).length - 1;
  const inside = statement.indexOf('>', lastWord);
  const gt =
    lastWord > start && ending >= start && statement[ending] === '>'
      ? ending
      : inside >= 0 && inside < statement.length - 1
        ? inside
        : -1;
  if (gt < 0) return null;
  const target = gt === ending ? statement.slice(lastWord) : statement.slice(gt + 1);
  const end = statement[gt - 1] === '1' && gt - 1 >= start ? gt - 1 : gt;
  return { operands: trimEndSpace(statement.slice(start, end)), target };
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
    const m = echoRedirect(s);
    if (!m || m.target !== path) continue;
    let words = echoOperands(m.operands);
    if (words === null) return null;
    const newline = words[0] !== '-n';
    if (!newline) words = words.slice(1);
    message = `${words.join(' ')}${newline ? '\n' : ''}`;
  }
  return message;
}
