import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral } from './strings';
import { textHits } from './textHits';

/** A place where the code keeps state on the local disk. */
export interface LocalWrite {
  node: Node;
  kind: 'handlerWrite' | 'uploadDisk' | 'fileSessions';
  /** The call or setting, for messages. */
  what: string;
}

/** Calls that write files, per language (the name the anchor finds; `open` is checked for a write mode). */
const WRITES: Record<CodeModel['language'], RegExp> = {
  javascript: /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)\b/g,
  typescript: /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)\b/g,
  python: /\b(open|write_text|write_bytes|copyfile|copy|move|save)\b/g,
  java: /\b(FileOutputStream|FileWriter|write|writeString|copy|transferTo)\b/g,
  go: /\b(Create|WriteFile|OpenFile|SaveUploadedFile)\b/g,
};

const CALL_TYPES = new Set(['call_expression', 'call', 'method_invocation', 'object_creation_expression']);
const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function_declaration', 'method_definition', 'function', 'function_definition', 'method_declaration', 'func_literal']);
/** The OS temp directory is scratch space, not state. */
const TEMP = /tmpdir|tempfile|gettempdir|mkdtemp|TempDir|CreateTemp|createTempFile|java\.io\.tmpdir|["'`]\/tmp\/|\/dev\/(stdout|stderr|null)/;

/**
 * File writes inside request handlers (an Express/Koa-style `(req, res)` callback, a Flask/FastAPI route,
 * a Django view, a Spring `@…Mapping` method, a Go `http.ResponseWriter` or gin/echo/fiber handler), multer
 * uploads to disk, and filesystem session stores. Writes under the OS temp directory are scratch space.
 */
export function localWrites(model: CodeModel): LocalWrite[] {
  const out: LocalWrite[] = [];
  const root = model.tree.rootNode;
  for (const hit of textHits(model, WRITES[model.language])) {
    const name = root.descendantForIndex(hit.index, hit.end);
    const what = model.file.text.slice(hit.index, hit.end);
    const call = name && callOf(name);
    if (!call || !isWrite(model, call, what) || isTemporary(model, call) || !inHandler(model, call)) continue;
    out.push({ node: call, kind: 'handlerWrite', what });
  }
  out.push(...configuredStores(model));
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** The call whose callee ends with this name node. */
function callOf(name: Node): Node | undefined {
  if (!/identifier$/.test(name.type)) return undefined;
  let callee: Node = name;
  if (name.parent && /member_expression|attribute|selector_expression/.test(name.parent.type)) callee = name.parent;
  const call = callee.parent;
  if (!call || !CALL_TYPES.has(call.type)) return undefined;
  const target = call.childForFieldName('function') ?? call.childForFieldName('type') ?? call.childForFieldName('name');
  return target?.id === callee.id || target?.id === name.id ? call : undefined;
}

function isWrite(model: CodeModel, call: Node, name: string): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (model.language === 'python') {
    if (name === 'open') {
      const mode = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'mode')?.childForFieldName('value') ?? args[1];
      return /[wax+]/.test(stringLiteral(mode)?.value ?? '');
    }
    if (name === 'save') return /files|upload|file\b/i.test(call.childForFieldName('function')?.childForFieldName('object')?.text ?? '');
    if (name === 'copy' || name === 'copyfile' || name === 'move') return /^shutil\./.test(call.childForFieldName('function')?.text ?? '');
    return true;
  }
  if (model.language === 'java' && /^(write|writeString|copy)$/.test(name)) return call.childForFieldName('object')?.text === 'Files';
  if (model.language === 'go' && name === 'OpenFile') return /O_(CREATE|WRONLY|RDWR|APPEND)/.test(call.text);
  if (model.language === 'go' && name === 'Create') return call.childForFieldName('function')?.text === 'os.Create';
  return true;
}

/** True when the call or the variable it writes to (assigned earlier in the file) points under the temp directory. */
function isTemporary(model: CodeModel, call: Node): boolean {
  if (TEMP.test(call.text)) return true;
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  if (first?.type !== 'identifier') return false;
  const before = model.file.text.slice(0, call.startIndex);
  const assignments = [...before.matchAll(new RegExp(`\\b${first.text}\\s*:?=(?!=)([^\\n;]*)`, 'g'))];
  return assignments.length > 0 && TEMP.test(assignments[assignments.length - 1][1]);
}

/** True when a node lies inside a request handler (any enclosing function is one). */
export function inHandler(model: CodeModel, node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type) && isHandler(model, n)) return true;
  return false;
}

function isHandler(model: CodeModel, fn: Node): boolean {
  const params = (fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter'))?.text ?? '';
  switch (model.language) {
    case 'javascript':
    case 'typescript':
      return /^\(?\s*(req|request)\b[^,]*,\s*(res|response|reply)\b/.test(params);
    case 'python': {
      const decorators = fn.parent?.type === 'decorated_definition' ? fn.parent.text.slice(0, fn.startIndex - fn.parent.startIndex) : '';
      return /@[\w.]+\.(route|get|post|put|patch|delete|api_route|websocket)\(/.test(decorators) || /^\(\s*request\b/.test(params);
    }
    case 'java':
      return /@(Get|Post|Put|Patch|Delete|Request)Mapping\b/.test(fn.childForFieldName('modifiers')?.text ?? fn.namedChildren.find((c) => c.type === 'modifiers')?.text ?? '');
    case 'go':
      return /http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx/.test(params);
  }
}

const STORES: Record<CodeModel['language'], { anchor: RegExp; query: string; kind: LocalWrite['kind'] }[]> = {
  javascript: [],
  typescript: [],
  python: [
    { anchor: /\bSESSION_(TYPE|ENGINE)\b/g, query: '(assignment left: [(identifier) @k (subscript subscript: (string) @k)] right: (string) @v (#match? @k "SESSION_(TYPE|ENGINE)") (#match? @v "^.(filesystem|django\\\\.contrib\\\\.sessions\\\\.backends\\\\.file).$")) @hit', kind: 'fileSessions' },
  ],
  java: [],
  go: [{ anchor: /\bNewFilesystemStore\b/g, query: '(call_expression function: (selector_expression field: (field_identifier) @f) (#eq? @f "NewFilesystemStore")) @hit', kind: 'fileSessions' }],
};
const JS_STORES = [
  { anchor: /\bmulter\b/g, query: '(call_expression function: (identifier) @f arguments: (arguments (object (pair key: (property_identifier) @k (#eq? @k "dest")))) (#eq? @f "multer")) @hit', kind: 'uploadDisk' as const },
  { anchor: /\bmulter\b/g, query: '(call_expression function: (member_expression object: (identifier) @o property: (property_identifier) @f) (#eq? @o "multer") (#eq? @f "diskStorage")) @hit', kind: 'uploadDisk' as const },
  { anchor: /session-file-store/g, query: '(call_expression arguments: (arguments . (string) @v (#match? @v "session-file-store"))) @hit (import_statement source: (string) @v (#match? @v "session-file-store")) @hit', kind: 'fileSessions' as const },
];
STORES.javascript = JS_STORES;
STORES.typescript = JS_STORES;

function configuredStores(model: CodeModel): LocalWrite[] {
  return STORES[model.language].flatMap((store) =>
    anchoredMatches(model, store.anchor, store.query).map((m) => ({ node: m.get('hit')!, kind: store.kind, what: (m.get('v') ? stringLiteral(m.get('v'))?.value : m.get('f')?.text) ?? m.get('hit')!.text })),
  );
}
