// Whether a container's command visibly ends. Only the plain cases are read: the `false`/`true` binaries and a
// shell script (`sh -c`) whose last statement is `exit <n>`. Anything else is assumed to keep running.

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The exit code the command is bound to end with, or null when it cannot be told from the spec. */
export function predictedExitCode(
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
): number | null {
  const argv = [...(command ?? []), ...(args ?? [])];
  const program = argv[0] ? basename(argv[0]) : null;
  if (!program) return null;
  if (program === 'false' && argv.length === 1) return 1;
  if (program === 'true' && argv.length === 1) return 0;
  if (!SHELLS.has(program)) return null;
  const c = argv.indexOf('-c');
  const script = c > 0 ? argv[c + 1] : undefined;
  if (script === undefined) return null;
  const m = /(?:^|[;\n&|]\s*)exit\s+(\d+)\s*;?\s*$/.exec(script.trim());
  return m ? Number(m[1]) % 256 : null;
}
