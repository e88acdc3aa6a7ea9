// Whether a container's command visibly ends, and after how long. Only plain cases are read: `false`, `true`,
// `sleep <n>` and the utilities below run directly — and `cat` / `ls` of paths the container's volumes are known to
// hold — and a shell script (`sh -c`) that ends with `exit <n>` or is made only of such commands, joined by `;`, `&&`
// or new lines. Anything else — a server, a loop, a pipe, a command substitution — is assumed to keep running.

import { isSpace, trimEndChar } from '../k8s/linear-text';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Utilities that return at once and succeed whatever their arguments (an unset variable or a missing file aside). */
const INSTANT = new Set([
  ':',
  'true',
  'echo',
  'printf',
  'env',
  'printenv',
  'date',
  'hostname',
  'id',
  'pwd',
  'uname',
  'whoami',
  'touch',
  'mkdir',
]);

/**
 * A container that runs this long before it exits is, for what the user sees, a running container: the kubelet
 * resets a container's restart back-off once it has run 10 minutes without a problem (docs: Pod Lifecycle,
 * "Container restarts"), so it is restarted at once and spends almost all its time Running.
 */
export const LONG_RUN_SECONDS = 600;

export interface PredictedExit {
  code: number;
  /** Seconds the command runs before it exits (its sleeps), when the spec tells; null when it does not. */
  after: number | null;
}

/** Output redirections (`> file`, `2>&1`, `>> log`): they do not change whether a statement returns. */
// The lookbehind starts a file descriptor only at the first of its digits, so a long run of digits is read once.
const REDIRECT = /(?<!\d)\d*>>?\s*(&\d+|[^\s;&|]+)/g;

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep`'s operand in seconds (`10`, `1.5`, `5m`), or null when it is not a plain duration (`infinity`, `$T`). */
function sleepSeconds(operand: string | undefined): number | null {
  const m = operand === undefined ? null : /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(operand);
  return m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1) : null;
}

/** Whether a path exists in the container, as far as its volumes tell (mounted-files.ts). */
export type PathExists = (path: string) => boolean;

const trimSlash = (p: string): string => (p.length > 1 ? trimEndChar(p, '/') : p);

/**
 * Seconds a command (program and arguments) takes when it is bound to return by itself, else null. `cat` and `ls`
 * return at once, and succeed, when every path they are given is known to exist.
 */
function finiteCommand(words: readonly string[], exists?: PathExists): number | null {
  const program = words[0] ? basename(words[0]) : '';
  if (program === 'sleep') return words.length === 2 ? sleepSeconds(words[1]) : null;
  if ((program === 'cat' || program === 'ls') && exists) {
    const paths = words.slice(1).filter((w) => !w.startsWith('-'));
    if (program === 'ls' && paths.length === 0) return 0;
    return paths.length > 0 && paths.every((p) => !p.includes(QUOTED) && exists(trimSlash(p))) ? 0 : null;
  }
  if (program === 'rm' && words.includes('-f')) return 0;
  // `env` with operands runs another program.
  if (program === 'env') return words.length === 1 ? 0 : null;
  return INSTANT.has(program) ? 0 : null;
}

/** Stands for quoted text, which can neither split statements nor be read as a path. */
export const QUOTED = '\u0001';

/**
 * The statements of a plain script — no command substitution, pipe, `||`, background job, input redirection or
 * block — split on `;`, `&&` and new lines, with quoted text replaced by QUOTED and output redirections kept; null
 * when the script is not plain.
 */
export function plainStatements(script: string): string[] | null {
  const unquoted = script.trim().replace(/'[^']*'|"[^"$`]*"/g, QUOTED);
  // A keyword counts only where a command starts: `echo done` is a plain statement.
  const plain = !/[`|(){}<]|\$\(|(?<!&)&(?!&)|(?:^|[;\n]|&&)[^\S\n]*(while|until|for|if|case|exec|do|done|then)\b/.test(
    unquoted.replace(REDIRECT, ''),
  );
  return plain
    ? unquoted
        .split(/;|&&|\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : null;
}

/** The script of `sh -c <script>` (any shell), or null when the command is not one. */
export function shellScript(argv: readonly string[]): string | null {
  const program = argv[0] ? basename(argv[0]) : null;
  if (program === null || !SHELLS.has(program)) return null;
  const c = argv.indexOf('-c');
  return c > 0 ? (argv[c + 1] ?? null) : null;
}

/** Seconds a statement takes when it is bound to return by itself, else null. */
export const statementSeconds = (statement: string, exists?: PathExists): number | null =>
  finiteCommand(statement.replace(REDIRECT, '').trim().split(/\s+/), exists);

/**
 * The n of a trimmed script's last statement `exit <n>` (after `;`, `&&`, `|` or a new line, or alone), read
 * backwards from the end in one pass.
 */
function trailingExit(script: string): number | null {
  let i = script.length;
  if (script[i - 1] === ';') i--;
  while (isSpace(script[i - 1])) i--;
  const digitsEnd = i;
  while (i > 0 && (script[i - 1] ?? '') >= '0' && (script[i - 1] ?? '') <= '9') i--;
  if (i === digitsEnd) return null;
  const code = Number(script.slice(i, digitsEnd));
  const beforeDigits = i;
  while (isSpace(script[i - 1])) i--;
  if (i === beforeDigits || script.slice(i - 4, i) !== 'exit') return null;
  i -= 4;
  if (i === 0) return code;
  let newline = false;
  while (isSpace(script[i - 1])) {
    if (script[i - 1] === '\n') newline = true;
    i--;
  }
  return newline || ';&|'.includes(script[i - 1] ?? '-') ? code : null;
}

/** A shell script's exit: its trailing `exit <n>`, or 0 when every statement returns by itself. */
function scriptExit(script: string, exists?: PathExists): PredictedExit | null {
  const trimmed = script.trim();
  const exit = trailingExit(trimmed);
  const statements = plainStatements(trimmed)?.filter((s) => s.replace(REDIRECT, '').trim() !== '') ?? null;
  if (exit !== null) {
    if (statements === null) return { code: exit % 256, after: null };
    statements.pop();
    const times = statements.map((s) => statementSeconds(s, exists));
    const known = times.every((t) => t !== null);
    return { code: exit % 256, after: known ? times.reduce<number>((a, t) => a + (t ?? 0), 0) : null };
  }
  if (statements === null || statements.length === 0) return null;
  let after = 0;
  for (const s of statements) {
    const t = statementSeconds(s, exists);
    if (t === null) return null;
    after += t;
  }
  return { code: 0, after };
}

/** How the command ends as far as the spec tells, however long it runs first; null when the spec does not tell. */
export function commandExit(argv: readonly string[], exists?: PathExists): PredictedExit | null {
  const program = argv[0] ? basename(argv[0]) : null;
  if (program === null) return null;
  if (program === 'false') return argv.length === 1 ? { code: 1, after: null } : null;
  if (SHELLS.has(program)) {
    const script = shellScript(argv);
    return script === null ? null : scriptExit(script, exists);
  }
  const seconds = finiteCommand(argv, exists);
  return seconds === null ? null : { code: 0, after: seconds };
}

/** How the command ends, or null when it cannot be told from the spec (or it runs long enough to count as running). */
export function predictedExit(
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
  exists?: PathExists,
): PredictedExit | null {
  const exit = commandExit([...(command ?? []), ...(args ?? [])], exists);
  if (exit?.after != null && exit.after >= LONG_RUN_SECONDS) return null;
  return exit;
}

/** The exit code the command is bound to end with, or null when it cannot be told from the spec. */
export function predictedExitCode(
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
): number | null {
  return predictedExit(command, args)?.code ?? null;
}
