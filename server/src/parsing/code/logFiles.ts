import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral } from './strings';

/** A place where the code sends its log to a file. */
export interface LogFile {
  node: Node;
  /** What writes the file, for messages (`winston.transports.File`, `logging.FileHandler`). */
  what: string;
}

interface Finder {
  anchor: RegExp;
  query: string;
  /** Drops matches whose `@path` is not a log file (stdout, a data file). */
  pathCheck?: (path: string) => boolean;
  /** What messages call it, when not the `@c` capture's text. */
  what?: string;
  /** Drops matches outside the library's context (a `{ type: 'file' }` that is no log4js appender). */
  context?: (model: CodeModel, hit: Node) => boolean;
}

const NOT_STD_STREAM = (path: string) => !/^(\/dev\/(stdout|stderr)|stdout|stderr|-|1|2)$/.test(path);
const LOG_PATH = (path: string) => /\.log$|(^|\/)logs?\//i.test(path);

const JS: Finder[] = [
  { anchor: /\bFile\b/g, query: '(new_expression constructor: (member_expression object: (_) @o property: (property_identifier) @p) @c (#match? @o "transports$") (#eq? @p "File")) @hit' },
  { anchor: /\bDailyRotateFile\b/g, query: '(new_expression constructor: [(identifier) (member_expression)] @c (#match? @c "DailyRotateFile$")) @hit' },
  { anchor: /\b(createWriteStream|appendFile|appendFileSync)\b/g, query: '(call_expression function: (member_expression property: (property_identifier) @c) arguments: (arguments . (_) @path) (#match? @c "^(createWriteStream|appendFile|appendFileSync)$")) @hit', pathCheck: LOG_PATH },
  // Libraries whose streams are rotating log files (morgan's README hands them to `morgan(…, { stream })`).
  { anchor: /\bgetStream\b/g, query: '(call_expression function: [(identifier) @c (member_expression property: (property_identifier) @c)] (#eq? @c "getStream")) @hit', what: 'A file-stream-rotator stream', context: (model) => importsModule(model, 'file-stream-rotator') },
  { anchor: /\bcreateStream\b/g, query: '(call_expression function: [(identifier) @c (member_expression property: (property_identifier) @c)] (#eq? @c "createStream")) @hit', what: 'A rotating-file-stream stream', context: (model) => importsModule(model, 'rotating-file-stream') },
  { anchor: /\bpath\b/g, query: '(pair key: (property_identifier) @k value: (string) @path (#eq? @k "path")) @hit', pathCheck: NOT_STD_STREAM, what: 'A bunyan file stream', context: (model, hit) => inPair(hit, 'streams') && importsModule(model, 'bunyan') },
  { anchor: /\bdestination\b/g, query: '(call_expression function: (member_expression object: (identifier) @o property: (property_identifier) @c) arguments: (arguments . (string) @path) (#eq? @o "pino") (#eq? @c "destination")) @hit', pathCheck: NOT_STD_STREAM },
  { anchor: /\btype\b/g, query: '(pair key: (property_identifier) @k value: (string) @path (#eq? @k "type")) @hit', pathCheck: (type) => /^(file|dateFile|fileSync|multiFile)$/.test(type), what: 'A log4js file appender', context: log4jsAppender },
];

const FINDERS: Record<CodeModel['language'], Finder[]> = {
  javascript: JS,
  typescript: JS,
  python: [
    { anchor: /FileHandler\b/g, query: '(call function: [(identifier) (attribute)] @c arguments: (argument_list) @args (#match? @c "(^|\\\\.)(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$")) @hit', pathCheck: NOT_STD_STREAM },
    { anchor: /\bfilename\b/g, query: '(call function: (attribute) @c arguments: (argument_list (keyword_argument name: (identifier) @k value: (string) @path)) (#match? @c "basicConfig$") (#eq? @k "filename")) @hit', pathCheck: NOT_STD_STREAM },
    { anchor: /FileHandler\b/g, query: '(pair key: (string) @k value: (string) @path (#match? @k "^.class.$") (#match? @path "FileHandler.$")) @hit', what: 'A logging config file handler' },
    { anchor: /\blogger\b/g, query: '(call function: (attribute object: (identifier) @o attribute: (identifier) @a) @c arguments: (argument_list . (string) @path) (#eq? @o "logger") (#eq? @a "add")) @hit', pathCheck: NOT_STD_STREAM },
  ],
  java: [
    { anchor: /\b(FileHandler|FileAppender|RollingFileAppender)\b/g, query: '(object_creation_expression type: (type_identifier) @c (#match? @c "^(FileHandler|FileAppender|RollingFileAppender)$")) @hit' },
    { anchor: /\b(FileAppender|RollingFileAppender)\b/g, query: '(method_invocation object: (identifier) @c name: (identifier) @m (#match? @c "^(FileAppender|RollingFileAppender)$") (#match? @m "^(newBuilder|createAppender)$")) @hit' },
  ],
  go: [
    { anchor: /\bSetOutput\b|\bNew\b/g, query: '(call_expression function: (selector_expression field: (field_identifier) @m) @c arguments: (argument_list . (identifier) @file) (#match? @m "^(SetOutput|New)$")) @hit' },
    { anchor: /\blumberjack\b/g, query: '(composite_literal type: (qualified_type) @c (#eq? @c "lumberjack.Logger")) @hit' },
  ],
};

/**
 * Log file transports and handlers: winston File, `fs.createWriteStream("*.log")`, pino destinations,
 * log4js file appenders, `logging.FileHandler` and friends, `basicConfig(filename=)`, a dictConfig
 * handler class, loguru `logger.add(path)`, Java file handlers and appenders, and in Go a logger
 * whose output is a file opened in the same file (`os.OpenFile`/`os.Create`) or a lumberjack.Logger.
 * Standard streams (`/dev/stdout`, `sys.stderr`) are no file.
 */
export function logFiles(model: CodeModel): LogFile[] {
  const out: LogFile[] = [];
  for (const finder of FINDERS[model.language]) {
    for (const m of anchoredMatches(model, finder.anchor, finder.query)) {
      // A handler's first argument, when it has one, is its path.
      const path = m.get('path') ?? m.get('args')?.namedChildren[0];
      if (path && finder.pathCheck && !finder.pathCheck(literalPath(path))) continue;
      if (finder.context && !finder.context(model, m.get('hit')!)) continue;
      const file = m.get('file');
      if (file && !openedAsFile(model, file)) continue;
      out.push({ node: m.get('hit')!, what: finder.what ?? m.get('c')!.text.replace(/\s+/g, '') });
    }
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/**
 * `{ type: 'file' }` is a log4js appender only in log4js context: inside an `appenders` object, or in
 * a file that imports or requires log4js (an appender built apart and passed in later). Elsewhere it
 * is any object with a type, such as a file-system entry.
 */
function log4jsAppender(model: CodeModel, hit: Node): boolean {
  return inPair(hit, 'appenders') || importsModule(model, 'log4js');
}

/** True when a node lies inside the value of an object entry with that key (`appenders: {…}`). */
function inPair(hit: Node, key: string): boolean {
  for (let node = hit.parent; node; node = node.parent) {
    if (node.type === 'pair' && node.childForFieldName('key')?.text.replace(/['"]/g, '') === key) return true;
  }
  return false;
}

/** True when a JavaScript or TypeScript file imports or requires a module by that name. */
function importsModule(model: CodeModel, name: string): boolean {
  return new RegExp(`(\\brequire\\(\\s*|\\bfrom\\s+|\\bimport\\(\\s*)['"]${name}['"]`).test(model.file.text);
}

/**
 * The path a path argument spells: a string's value, or the strings of an expression that builds it
 * joined by `/` (`path.join(__dirname, 'logs', 'access.log')` → `logs/access.log`), template
 * substitutions left out. Empty when nothing in it is written out.
 */
function literalPath(node: Node): string {
  const literal = stringLiteral(node);
  if (literal) return literal.value;
  const parts = node.descendantsOfType(['string', 'template_string']).filter((n): n is Node => n !== null && n.parent?.type !== 'template_substitution');
  return parts.map((n) => stringLiteral(n)?.value ?? n.text.slice(1, -1).replace(/\$\{[^}]*\}/g, '')).join('/');
}

/** True when a Go identifier is assigned from `os.OpenFile` or `os.Create` somewhere in the file. */
function openedAsFile(model: CodeModel, identifier: Node): boolean {
  const name = identifier.text;
  const query = '[(short_var_declaration left: (expression_list . (identifier) @n) right: (expression_list (call_expression function: (selector_expression operand: (identifier) @os field: (field_identifier) @fn)))) (assignment_statement left: (expression_list . (identifier) @n) right: (expression_list (call_expression function: (selector_expression operand: (identifier) @os field: (field_identifier) @fn))))]';
  return anchoredMatches(model, new RegExp(`\\b${name}\\b`, 'g'), query).some((m) => m.get('n')!.text === name && m.get('os')!.text === 'os' && /^(OpenFile|Create)$/.test(m.get('fn')!.text));
}
