import * as path from 'node:path';
import type { SourceFile, Span } from '../sourceFile';
import { allElements, attribute, readXml, type XmlElement } from './xmlReader';

/** The formats of logging configuration files: Java XML (logback, log4j2, log4j) and Python's fileConfig INI. */
export type LogConfigFormat = 'xml' | 'ini';

/** A log output declared in the configuration: a logback or log4j appender, a log4j2 appender element, a Python handler. */
export interface LogOutput {
  /** Its name (`FILE`, `handler_file`'s `file`). */
  name?: string;
  /** Its type as written: a class (`ch.qos.logback.core.rolling.RollingFileAppender`, `handlers.RotatingFileHandler`) or a log4j2 element (`RollingFile`). */
  type: string;
  /** Where the type is written. */
  typeSpan: Span;
  /** The file it writes to, when written (`<file>`, `fileName=`, `args=('app.log',)`). */
  file?: string;
  /**
   * One entry per use by a logger, the root logger or another appender: the Spring profiles
   * (`<springProfile name="dev">`) that enclose the use or the output itself, empty when unconditional.
   */
  uses: string[][];
}

/** A parsed logging configuration: its outputs. */
export interface LogConfigModel {
  file: SourceFile;
  format: LogConfigFormat;
  outputs: LogOutput[];
}

/** The format of a logging configuration file by its name, or undefined when the name is no such file. */
export function logConfigFormat(baseName: string): LogConfigFormat | undefined {
  const lower = baseName.toLowerCase();
  if (/^(logback|logback-spring|log4j2|log4j2-spring|log4j)([-.][\w.-]+)?\.xml$/.test(lower)) return 'xml';
  if (/^logging([-.][\w.-]+)?\.(conf|ini)$/.test(lower)) return 'ini';
  return undefined;
}

/** Parses a logging configuration; throws a ParseError for XML it cannot read. */
export function parseLogConfig(file: SourceFile): LogConfigModel {
  const format = logConfigFormat(path.basename(file.path)) ?? 'xml';
  return { file, format, outputs: format === 'xml' ? xmlOutputs(file.text) : iniOutputs(file.text) };
}

function xmlOutputs(text: string): LogOutput[] {
  const elements = allElements(readXml(text));
  const profiles = (e: XmlElement) => {
    const names: string[] = [];
    for (let p = e.parent; p; p = p.parent) if (p.name === 'springProfile') names.push(attribute(p, 'name')?.value ?? '');
    return names;
  };
  const refs = elements.filter((e) => /^appender-?ref$/i.test(e.name));
  const uses = (element: XmlElement, name: string | undefined) =>
    refs.filter((r) => name !== undefined && attribute(r, 'ref')?.value === name).map((r) => [...profiles(r), ...profiles(element)]);
  const outputs: LogOutput[] = [];
  for (const element of elements) {
    const name = attribute(element, 'name')?.value;
    const cls = attribute(element, 'class');
    if (element.name === 'appender' && cls) {
      // logback and log4j 1: <appender name="FILE" class="…FileAppender"><file>app.log</file>
      const fileChild = element.children.find((c) => /^file$/i.test(c.name))?.text?.value ?? attribute(element.children.find((c) => c.name === 'param' && /^file$/i.test(attribute(c, 'name')?.value ?? '')) ?? element, 'value')?.value;
      outputs.push({ name, type: cls.value, typeSpan: cls.valueSpan, file: fileChild, uses: uses(element, name) });
    } else if (/^appenders$/i.test(element.parent?.name ?? '')) {
      // log4j2: <Appenders><RollingFile name="file" fileName="logs/app.log">
      outputs.push({ name, type: element.name, typeSpan: element.nameSpan, file: attribute(element, 'fileName')?.value, uses: uses(element, name) });
    }
  }
  return outputs;
}

/** Python's `logging.config.fileConfig` format: `[handler_<name>]` sections with `class=` and `args=`. */
function iniOutputs(text: string): LogOutput[] {
  const outputs: LogOutput[] = [];
  const used = new Set<string>();
  let section = '';
  let current: LogOutput | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    const pair = /^\s*([\w.]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (header) {
      section = header[1].trim();
      current = undefined;
    } else if (pair && section.startsWith('handler_') && pair[1] === 'class') {
      const start = offset + line.indexOf(pair[2], line.indexOf(pair[1]) + pair[1].length);
      current = { name: section.slice('handler_'.length), type: pair[2], typeSpan: { start, end: start + pair[2].length }, uses: [] };
      outputs.push(current);
    } else if (pair && section.startsWith('handler_') && pair[1] === 'args') {
      const file = /^\(?\s*(['"])(.*?)\1/.exec(pair[2]);
      if (current && file) current.file = file[2];
      else if (current && /sys\.std(out|err)/.test(pair[2])) current.file = `sys.std${/stdout/.test(pair[2]) ? 'out' : 'err'}`;
    } else if (pair && (section.startsWith('logger_') || section === 'logger_root') && pair[1] === 'handlers') {
      for (const name of pair[2].split(',')) used.add(name.trim());
    }
    offset += line.length + 1;
  }
  for (const output of outputs) output.uses = output.name !== undefined && used.has(output.name) ? [[]] : [];
  return outputs;
}
