import { expandWrappers, parseShell, type ShellScript, type SimpleCommand } from '../../analysis/shellCommand';
import { ParseError } from '../parseError';
import type { SourceFile, Span, SpannedValue } from '../sourceFile';
import { hasNameWord, LOCAL_DEVELOPMENT_WORDS } from '../../analysis/nonProduction';

/** One `name: command` line of a Procfile. */
export interface ProcessLine {
  /** The process type (`web`, `worker`, `release`). */
  name: SpannedValue;
  /** The command as written, without surrounding blanks. */
  command: SpannedValue;
  /** The command as the shell splits it; every span points into the Procfile. */
  script: ShellScript;
  /** Every simple command it runs, with the scripts of `sh -c` wrappers in place of the wrappers. */
  commands: SimpleCommand[];
  /** The whole line, without its line break. */
  span: Span;
}

/** A parsed Procfile: its process lines, comments, and the lines that are neither. */
export interface ProcfileModel {
  file: SourceFile;
  processes: ProcessLine[];
  /** The spans of `#` comment lines. */
  comments: Span[];
  /** Lines no Procfile reader accepts, and process types declared twice. */
  problems: ParseError[];
  /**
   * True for a Procfile that only local process managers read (`Procfile.dev`, `Procfile.windows`
   * for `heroku local`): platforms run `Procfile` itself, so deployment rules do not apply.
   */
  devOnly: boolean;
}

// The line format Heroku and foreman accept: a process type of letters, digits, `_` and `-`, a colon, the command.
const PROCESS_LINE = /^([ \t]*)([A-Za-z0-9_-]+):[ \t]*(.*?)[ \t]*$/;

/** Parses a Procfile. Never throws: lines it cannot read become problems, and the others are analysed. */
export function parseProcfile(file: SourceFile): ProcfileModel {
  const model: ProcfileModel = { file, processes: [], comments: [], problems: [], devOnly: isDevProcfile(file.path) };
  const seen = new Map<string, ProcessLine>();
  for (let line = 0; line < file.lineCount; line++) {
    const span = file.lineSpan(line);
    const text = file.slice(span);
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      model.comments.push(span);
      continue;
    }
    const match = PROCESS_LINE.exec(text);
    if (!match) {
      model.problems.push(new ParseError(`line ${line + 1} is not a "name: command" process line, so it is ignored.`, span));
      continue;
    }
    const nameStart = span.start + match[1].length;
    const name = { value: match[2], span: { start: nameStart, end: nameStart + match[2].length } };
    if (match[3] === '') {
      model.problems.push(new ParseError(`process type "${name.value}" has no command.`, name.span));
      continue;
    }
    const commandStart = span.start + text.indexOf(match[3], match[1].length + match[2].length + 1);
    const command = { value: match[3], span: { start: commandStart, end: commandStart + match[3].length } };
    const script = parseShell(command.value, commandStart);
    const process: ProcessLine = { name, command, script, commands: expandWrappers(script, file.text), span };
    const previous = seen.get(name.value);
    if (previous) {
      model.problems.push(new ParseError(`process type "${name.value}" is declared again on line ${line + 1}; only one of the two runs.`, name.span));
    }
    seen.set(name.value, process);
    model.processes.push(process);
  }
  return model;
}

/** The process line of a type, if the Procfile declares it (the last one when it is declared twice). */
export function processNamed(model: ProcfileModel, name: string): ProcessLine | undefined {
  return model.processes.filter((p) => p.name.value === name).pop();
}

/** `Procfile.dev`, `Procfile.local`, `Procfile.windows` and the like are read by local process managers only. */
export function isDevProcfile(filePath: string): boolean {
  return hasNameWord(filePath, PROCFILE_LOCAL_WORDS);
}

/** Local development words, plus Procfiles for a test run or for Windows developers (foreman's `Procfile.windows`). */
const PROCFILE_LOCAL_WORDS: ReadonlySet<string> = new Set([...LOCAL_DEVELOPMENT_WORDS, 'windows', 'test']);
