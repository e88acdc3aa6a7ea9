// When the files a container's own shell script creates and removes exist, counted from the container's start. Only
// plain scripts are read (the rules of exit-prediction.ts): `touch F` and `echo … > F` create F, `rm F` / `rm -f F`
// remove it, at the time the sleeps before them add up to. After a statement whose duration the spec does not tell
// (a server, `sleep infinity`), the files later statements touch are marked unknown.
import { plainStatements, QUOTED, shellScript, statementSeconds } from './exit-prediction';

export interface FileChange {
  /** Seconds after the container started. */
  at: number;
  exists: boolean;
}

export interface FileTimeline {
  /** Per path, its changes in time order. */
  changes: Map<string, FileChange[]>;
  /** Paths the script touches at times it does not tell. */
  unknown: Set<string>;
}

/** `> F`, `>> F`, `1> F` (not `2>&1`, not stderr, which `echo` does not write to). */
const OUTPUT = /(?:^|\s)1?>>?\s*([^\s&;|][^\s;|]*)/g;

/** The paths a statement creates (`touch`, an output redirection) and removes (`rm`). */
function touched(statement: string): { created: string[]; removed: string[] } {
  const created = [...statement.matchAll(OUTPUT)].map((m) => m[1] ?? '');
  const words = statement.replace(OUTPUT, ' ').trim().split(/\s+/);
  const program = words[0] ?? '';
  const operands = words.slice(1).filter((w) => !w.startsWith('-'));
  if (program === 'touch') created.push(...operands);
  const removed = program === 'rm' ? operands : [];
  // Quoted text stands for a path the spec spells out but this reader does not keep: drop it.
  const known = (p: string): boolean => p !== '' && !p.includes(QUOTED);
  return { created: created.filter(known), removed: removed.filter(known) };
}

/** The file timeline of a container's command, or null when it is not a plain `sh -c` script. */
export function fileTimeline(argv: readonly string[]): FileTimeline | null {
  const script = shellScript(argv);
  const statements = script === null ? null : plainStatements(script);
  if (statements === null) return null;
  const changes = new Map<string, FileChange[]>();
  const unknown = new Set<string>();
  let t: number | null = 0;
  for (const s of statements) {
    const { created, removed } = touched(s);
    for (const [paths, exists] of [
      [created, true],
      [removed, false],
    ] as const)
      for (const path of paths) {
        if (t === null) unknown.add(path);
        else changes.set(path, [...(changes.get(path) ?? []), { at: t, exists }]);
      }
    if (t !== null) {
      // `rm` returns at once whether or not the file is there (exit-prediction only counts `rm -f` as succeeding).
      const seconds = /^rm\s/.test(s) ? 0 : statementSeconds(s);
      t = seconds === null ? null : t + seconds;
    }
  }
  return { changes, unknown };
}

/**
 * Whether `path` exists `t` seconds after the container started, or null when the script does not decide it (it
 * never touches the path, or touches it at a time it does not tell). Before the script's first change, a path it
 * creates is taken as missing and one it removes as present.
 */
export function existsAt(timeline: FileTimeline, path: string, t: number): boolean | null {
  const changes = timeline.changes.get(path);
  if (!changes || timeline.unknown.has(path)) return null;
  let exists = !(changes[0]?.exists ?? false);
  for (const c of changes) if (c.at <= t) exists = c.exists;
  return exists;
}
