// `$(VAR)` references in env values, commands and args (kubernetes/kubernetes third_party/forked/golang/expansion
// expand.go): `$(NAME)` is replaced when NAME is known and kept as written when it is not, `$$` is an escaped `$`,
// and anything else (`$VAR`, `${VAR}`, an unterminated `$(`) passes through unchanged.

export type Mapping = (name: string) => string;

/** MappingFuncFor: the first context that has the name wins; an unknown name is written back as `$(NAME)`. */
export function mappingFuncFor(...contexts: ReadonlyMap<string, string>[]): Mapping {
  return (name) => {
    for (const vars of contexts) {
      const value = vars.get(name);
      if (value !== undefined) return value;
    }
    return `$(${name})`;
  };
}

/** tryReadVariableName on the text after the `$` at `from`: what to write, whether it is a name to map, bytes consumed. */
function readVariableName(input: string, from: number): { read: string; isVar: boolean; advance: number } {
  const c = input[from];
  if (c === '$') return { read: '$', isVar: false, advance: 1 };
  if (c === '(') {
    const close = input.indexOf(')', from + 1);
    if (close > from) return { read: input.slice(from + 1, close), isVar: true, advance: close - from + 1 };
    return { read: '$(', isVar: false, advance: 1 };
  }
  return { read: `$${c ?? ''}`, isVar: false, advance: 1 };
}

/**
 * MAX_ARG_STRLEN (linux include/uapi/linux/binfmts.h: 32 pages of 4 KiB): the longest single argument or
 * `NAME=value` environment string execve accepts. Kubernetes puts no limit on `$(VAR)` expansion itself, but no
 * longer string can reach the container's process, so expansion stops there instead of doubling without end.
 */
export const MAX_ARG_STRLEN = 131072;

/** Expand, or null as soon as the result grows past `limit` characters. */
export function expandWithin(input: string, mapping: Mapping, limit: number): string | null {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const { read, isVar, advance } = readVariableName(input, cursor + 1);
    out += isVar ? mapping(read) : read;
    if (out.length > limit) return null;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  out += input.slice(checkpoint);
  return out.length > limit ? null : out;
}

/** Expand. */
export function expand(input: string, mapping: Mapping): string {
  return expandWithin(input, mapping, Infinity) ?? input;
}

/**
 * kubecontainer.ExpandContainerCommandAndArgs (pkg/kubelet/container/helpers.go): the command and args the runtime
 * gets, each element expanded against the container's environment; an empty list stays empty. An element that would
 * pass MAX_ARG_STRLEN is kept as written and counted in `tooLong`.
 */
export function expandContainerCommandAndArgs(
  container: { command?: string[]; args?: string[] },
  env: ReadonlyMap<string, string>,
): { command: string[]; args: string[]; tooLong: number } {
  const mapping = mappingFuncFor(env);
  let tooLong = 0;
  const each = (s: string): string => {
    const got = expandWithin(s, mapping, MAX_ARG_STRLEN);
    if (got === null) tooLong++;
    return got ?? s;
  };
  return { command: (container.command ?? []).map(each), args: (container.args ?? []).map(each), tooLong };
}
