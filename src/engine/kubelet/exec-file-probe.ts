// Exec probes that only check a file: `cat F`, `test -e|-f F`, `[ -e|-f F ]`, `ls F`, run directly or as a one-line
// `sh -c` script. Such a probe succeeds iff F exists, so when the container's own script creates or removes F
// (file-timeline.ts) its result at each tick is known. The failure output is what the image's utilities print
// (kubernetes/kubernetes pkg/probe/exec/exec.go returns the command's combined output): busybox (also in alpine)
// and GNU coreutils word it differently; `test` prints nothing.
import { plainStatements, QUOTED, shellScript } from './exit-prediction';

export interface FileProbe {
  tool: 'cat' | 'test' | 'ls';
  path: string;
}

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function fromWords(words: readonly string[]): FileProbe | null {
  const program = words[0] ? basename(words[0]) : '';
  let probe: FileProbe | null = null;
  if ((program === 'cat' || program === 'ls') && words.length === 2 && words[1] && !words[1].startsWith('-'))
    probe = { tool: program, path: words[1] };
  else if (program === 'test' && words.length === 3 && (words[1] === '-e' || words[1] === '-f') && words[2])
    probe = { tool: 'test', path: words[2] };
  else if (program === '[' && words.length === 4 && (words[1] === '-e' || words[1] === '-f') && words[3] === ']')
    probe = words[2] ? { tool: 'test', path: words[2] } : null;
  return probe && !probe.path.includes(QUOTED) ? probe : null;
}

/** The file an exec probe's command checks, or null when it is not one of the plain file checks. */
export function fileProbe(command: readonly string[]): FileProbe | null {
  const script = shellScript(command);
  if (script === null) return fromWords(command);
  const statements = plainStatements(script);
  return statements?.length === 1 && statements[0] ? fromWords(statements[0].split(/\s+/)) : null;
}

/** Images whose `cat`/`ls` are busybox applets: busybox itself and alpine. */
function busyboxImage(image: string): boolean {
  const name = basename(image.split('@')[0] ?? '').split(':')[0] ?? '';
  return name === 'busybox' || name === 'alpine';
}

/** What the check prints when the file is missing (busybox applets vs GNU coreutils). */
export function missingFileOutput(probe: FileProbe, image: string): string {
  const busybox = busyboxImage(image);
  const { path } = probe;
  switch (probe.tool) {
    case 'cat':
      return busybox
        ? `cat: can't open '${path}': No such file or directory`
        : `cat: ${path}: No such file or directory`;
    case 'ls':
      return busybox
        ? `ls: ${path}: No such file or directory`
        : `ls: cannot access '${path}': No such file or directory`;
    case 'test':
      return '';
  }
}
