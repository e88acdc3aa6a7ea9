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

/** tryReadVariableName on the text after a `$`: what to write, whether it is a name to map, bytes consumed. */
function readVariableName(rest: string): { read: string; isVar: boolean; advance: number } {
  if (rest[0] === '$') return { read: '$', isVar: false, advance: 1 };
  if (rest[0] === '(') {
    const close = rest.indexOf(')', 1);
    if (close > 0) return { read: rest.slice(1, close), isVar: true, advance: close + 1 };
    return { read: '$(', isVar: false, advance: 1 };
  }
  return { read: `$${rest[0] ?? ''}`, isVar: false, advance: 1 };
}

/** Expand. */
export function expand(input: string, mapping: Mapping): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const { read, isVar, advance } = readVariableName(input.slice(cursor + 1));
    out += isVar ? mapping(read) : read;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/**
 * kubecontainer.ExpandContainerCommandAndArgs (pkg/kubelet/container/helpers.go): the command and args the runtime
 * gets, each element expanded against the container's environment; an empty list stays empty.
 */
export function expandContainerCommandAndArgs(
  container: { command?: string[]; args?: string[] },
  env: ReadonlyMap<string, string>,
): { command: string[]; args: string[] } {
  const mapping = mappingFuncFor(env);
  return {
    command: (container.command ?? []).map((c) => expand(c, mapping)),
    args: (container.args ?? []).map((a) => expand(a, mapping)),
  };
}
