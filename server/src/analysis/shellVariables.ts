import type { EnvFact } from '../workspace/facts';

// `$NAME`, `${NAME}`, `${NAME:-default}`: what a shell expands when it runs a command.
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=?+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The variables a command line expands, as env reads (a Dockerfile CMD, a Procfile command): the
 * process reads them when it starts. `${X:-d}` and `${X:=d}` have a default.
 *
 * @param base the file offset of `text[0]`
 */
export function shellVariableReads(text: string, base: number): EnvFact[] {
  const reads: EnvFact[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1] ?? m[3];
    const start = base + m.index + m[0].indexOf(name);
    reads.push({ name, span: { start, end: start + name.length }, hasDefault: m[2] !== undefined && /^:?[-=]/.test(m[2]) });
  }
  return reads;
}
