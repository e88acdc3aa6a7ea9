// Text output goes to terminals and CI logs, which act on what they read: an escape sequence recolours or rewrites
// the screen, and a line that starts with `::error::` is a GitHub Actions command. A name or message holding such
// characters is printed with them escaped, the way Go's %q writes them, so one line of output stays one line.
// Details that span lines (resolv.conf, admission plugin by plugin) are split before escaping, so a newline in a
// name can still start a line there: such a line's leading `::` or `##` (the GitHub Actions and Azure Pipelines
// command prefixes, recognised after leading spaces) has its first character escaped too.

/** C0 and C1 controls (all but tab), DEL, and the Unicode line separators and bidirectional overrides. */
function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\v': '\\v',
};

const COMMAND = /^(\s*)([:#])(?=\2)/;

export function escapeControl(line: string): string {
  let out = '';
  for (const c of line) out += isControl(c.charCodeAt(0)) ? (NAMED[c] ?? hex(c)) : c;
  return out.replace(COMMAND, (_, space: string, c: string) => space + hex(c));
}

function hex(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
}
