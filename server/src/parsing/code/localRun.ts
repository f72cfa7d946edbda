import type { Node } from 'web-tree-sitter';
import { stringLiteral } from './strings';

// Loopback hosts: a server bound there is reachable from the same machine only. `0.0.0.0` binds every interface.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * True when a node sits in a Python development run: a call given a loopback `host=`
 * (`app.run(host="127.0.0.1", port=8080, debug=True)`) under `if __name__ == "__main__":`.
 * The guard runs only when the file is started by hand, and a server bound to loopback only is
 * reachable from nowhere else, so this cannot be the deployed server: production imports the app
 * into gunicorn or uvicorn instead. Either alone is not enough (`python app.py` on port 80 is a deploy).
 */
export function isLocalOnlyRun(node: Node): boolean {
  const call = enclosing(node, (n) => n.type === 'call');
  if (!call || !bindsLoopback(call)) return false;
  return enclosing(call, (n) => n.type === 'if_statement' && /^__name__\s*==\s*['"]__main__['"]$|^['"]__main__['"]\s*==\s*__name__$/.test(n.childForFieldName('condition')?.text ?? '')) !== undefined;
}

function bindsLoopback(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'host' && LOOPBACK_HOST.test(stringLiteral(a.childForFieldName('value')!)?.value ?? ''));
}

function enclosing(node: Node, test: (n: Node) => boolean): Node | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) if (test(n)) return n;
  return undefined;
}
