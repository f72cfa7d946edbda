import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';

/** Where a program starts a server loop, and whether the file handles the termination signals. */
export interface ServerStart {
  /** The call that starts serving. */
  call: Node;
  /** What starts it, for messages (`app.listen`, `http.ListenAndServe`, `serve_forever`). */
  what: string;
}

interface Language {
  starts: { anchor: RegExp; query: string };
  /** Signal handling or a library that drains the server on SIGTERM. */
  handled: { anchor: RegExp; query: string };
  /** Frameworks whose presence means the server loop and its shutdown are theirs. */
  owned?: RegExp;
}

const JS: Language = {
  // `connection.listen()` (JSON-RPC, event emitters) takes no port: a server listens on something
  // (and `startsServer` then asks for a server object or a port or address argument).
  starts: { anchor: /\blisten\b/g, query: '(call_expression function: (member_expression property: (property_identifier) @m (#eq? @m "listen")) @what arguments: (arguments (_))) @call' },
  handled: {
    anchor: /\b(process|createTerminus|stoppable|createHttpTerminator|closeWithGrace|createLightship|enableShutdownHooks|gracefulShutdown)\b/g,
    query: `
(call_expression function: (member_expression object: (identifier) @p property: (property_identifier) @m) arguments: (arguments . (string) @sig) (#eq? @p "process") (#match? @m "^(on|once|addListener|prependListener)$") (#match? @sig "SIG(TERM|INT)"))
(call_expression function: [(identifier) (member_expression)] @f (#match? @f "(createTerminus|stoppable|createHttpTerminator|closeWithGrace|createLightship|enableShutdownHooks|gracefulShutdown)$"))`,
  },
};

const LANGUAGES: Record<CodeModel['language'], Language> = {
  javascript: JS,
  typescript: JS,
  python: {
    // Only servers whose loop is the program's own: gunicorn, uvicorn and aiohttp's run_app drain on SIGTERM themselves.
    starts: { anchor: /\bserve_forever\b/g, query: '(call function: (attribute attribute: (identifier) @m (#eq? @m "serve_forever")) @what) @call' },
    handled: { anchor: /\b(signal|add_signal_handler)\b/g, query: '(call function: (attribute attribute: (identifier) @m) (#match? @m "^(signal|add_signal_handler)$")) @h' },
  },
  java: {
    starts: {
      anchor: /\b(HttpServer|ServerSocket)\b/g,
      query: '(method_invocation object: (identifier) @o @what name: (identifier) @m (#eq? @o "HttpServer") (#eq? @m "create")) @call (object_creation_expression type: (type_identifier) @o @what (#eq? @o "ServerSocket")) @call',
    },
    handled: { anchor: /\baddShutdownHook\b/g, query: '(method_invocation name: (identifier) @m (#eq? @m "addShutdownHook")) @h' },
    owned: /\bSpringApplication\b/,
  },
  go: {
    starts: { anchor: /\b(ListenAndServe|ListenAndServeTLS|Serve)\b/g, query: '(call_expression function: (selector_expression field: (field_identifier) @m (#match? @m "^(ListenAndServe|ListenAndServeTLS|Serve)$")) @what) @call' },
    handled: { anchor: /\b(Notify|NotifyContext)\b/g, query: '(call_expression function: (selector_expression operand: (identifier) @p field: (field_identifier) @m) (#eq? @p "signal") (#match? @m "^Notify(Context)?$")) @h' },
  },
};

/**
 * The first server start of a program that handles neither SIGTERM nor SIGINT, or undefined. In Go
 * only a file with `func main()` counts (a server package's caller may handle the signals); Spring
 * Boot and servers run by gunicorn/uvicorn drain on their own.
 */
export function unhandledServerStart(model: CodeModel): ServerStart | undefined {
  const language = LANGUAGES[model.language];
  if (language.owned?.test(model.file.text)) return undefined;
  if (model.language === 'go' && !/^func main\(\)/m.test(model.file.text)) return undefined;
  const start = anchoredMatches(model, language.starts.anchor, language.starts.query).find((m) => isJs(model) ? startsServer(m.get('call')!) : true);
  if (!start) return undefined;
  if (anchoredMatches(model, language.handled.anchor, language.handled.query).length > 0) return undefined;
  return { call: start.get('call')!, what: start.get('what')!.text.replace(/\s+/g, '') };
}

function isJs(model: CodeModel): boolean {
  return model.language === 'javascript' || model.language === 'typescript';
}

/** Receivers that are servers by name: `app`, `server`, `httpServer`, `fastify`, `this.app` … */
const SERVER_RECEIVER = /(^|\.)(app|application|server|srv|api|fastify|koa|hapi|express|http|https|[a-z]*(Server|App))$/i;
/** Arguments that name a port or an address: `port`, `PORT`, `config.port`, `process.env.PORT`, `addr`, `host` … */
const PORT_NAME = /(^|\.|_)(port|addr|address|host|hostname|socket|socketPath)$/i;

/**
 * A JS `listen` call starts a server only on a server object (by name, or the result of a call such
 * as `http.createServer(app).listen`), or when its first argument is a port or address: a number, a
 * string, a port-named value, an options object with `port`, `host` or `path`. So
 * `documents.listen(connection)` (an LSP document manager) and `emitter.listen(handler)` are none,
 * and neither is a listen on port 0.
 */
function startsServer(call: Node): boolean {
  const first = call.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
  // Port 0 asks the OS for any free port: a probe or a test server, never a process a router reaches.
  if (first?.type === 'number' && Number(first.text) === 0) return false;
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver && (receiver.type === 'call_expression' || receiver.type === 'await_expression' || SERVER_RECEIVER.test(receiver.text))) return true;
  return first !== undefined && isPortLike(first);
}

function isPortLike(node: Node): boolean {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'template_string':
      return true;
    case 'identifier':
    case 'member_expression':
      return PORT_NAME.test(node.text);
    case 'object':
      return node.namedChildren.some((pair) => pair?.type === 'shorthand_property_identifier' ? /^(port|host|path)$/.test(pair.text) : /^(port|host|path)$/.test(pair?.childForFieldName('key')?.text ?? ''));
    case 'binary_expression':
    case 'parenthesized_expression':
    case 'call_expression':
    case 'arguments':
    case 'as_expression':
    case 'non_null_expression':
      return node.namedChildren.some((child) => child !== null && isPortLike(child));
    default:
      return false;
  }
}

/** Python calls that run a server in the program itself (`app.run()`, `uvicorn.run(app)`, `web.run_app(app)`). */
const PYTHON_SERVES = /\b(\w+\.run|uvicorn\.run|web\.run_app|waitress\.serve|serve_forever)\(/;

/**
 * True when the program serves requests itself, whatever it does on SIGTERM: a JS `listen` on a
 * server, a Go `ListenAndServe`/`Serve` or `appengine.Main()` in a file with `func main()`, a Python
 * `app.run()`, `uvicorn.run()` or `serve_forever()`. Java (Spring Boot's own start) is not read.
 */
export function servesRequests(model: CodeModel): boolean {
  if (model.language === 'java') return false;
  if (model.language === 'python') return PYTHON_SERVES.test(model.file.text);
  if (model.language === 'go') {
    if (!/^func main\(\)/m.test(model.file.text)) return false;
    if (/\bappengine\.Main\(\)/.test(model.file.text)) return true;
  }
  const language = LANGUAGES[model.language];
  return anchoredMatches(model, language.starts.anchor, language.starts.query).some((m) => !isJs(model) || startsServer(m.get('call')!));
}
