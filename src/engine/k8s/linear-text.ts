// Text operations on the user's input written as single passes. The regexes they replace (`/\/+$/`,
// `/\S*\s+\S+\s+(.*)$/`) are tried at every start position and backtrack over each run of the repeated character, so
// a long run of slashes, digits or spaces made them quadratic or worse.

/** Whether one character is whitespace as a regex's `\s` takes it. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** `s` without the run of `ch` at its end (`s.replace(/ch+$/, '')`). */
export function trimEndChar(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return s.slice(0, end);
}

/** `s` without the run of `ch` at its start (`s.replace(/^ch+/, '')`). */
export function trimStartChar(s: string, ch: string): string {
  let start = 0;
  while (start < s.length && s[start] === ch) start++;
  return s.slice(start);
}

/** `s` without its trailing whitespace. */
export function trimEndSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Where the whitespace run starting at `from` ends. */
export function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

/**
 * The first `n` whitespace-separated fields of `line` and the rest after the whitespace that follows them, or null
 * when the line has fewer fields or nothing after them.
 */
export function leadingFields(line: string, n: number): { fields: string[]; rest: string } | null {
  const fields: string[] = [];
  let i = skipSpace(line, 0);
  while (fields.length < n) {
    const start = i;
    while (i < line.length && !isSpace(line[i])) i++;
    if (i === start) return null;
    fields.push(line.slice(start, i));
    const next = skipSpace(line, i);
    if (next === i) return null;
    i = next;
  }
  return i < line.length ? { fields, rest: line.slice(i) } : null;
}
