import type { Node } from 'web-tree-sitter';
import { envExampleChange } from '../../parsing/dotenv/envFileEdits';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext, TextEdit } from '../../engine/types';
import type { Binding } from '../../parsing/code/bindings';
import { valuesBoundTo } from '../../parsing/code/boundLiterals';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { isLocalOnlyRun } from '../../parsing/code/localRun';
import { envReadText } from '../../parsing/code/edits/envReadText';
import { importEdits } from '../../parsing/code/edits/imports';
import { hasNameWord } from '../../analysis/nonProduction';

interface Options {
  testFiles: string[];
}

/** Python calls whose `debug=` switches a server or framework into debug mode. */
const DEBUG_CALLS = /(^|\.)(run|FastAPI|Starlette|Sanic|Quart|update)$/;

/** Debug mode switched on in code, where it ships to every deploy. */
export default defineRule<CodeModel, Options>({
  id: 'config/debug-enabled',
  factor: 'config',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'Debug mode hard-coded on: DEBUG = True, app.run(debug=True), app.config["DEBUG"] = True, a DEBUG constant set to true.',
  rationale: 'Debug mode differs between deploys, so it is config; hard-coded on, it ships to production with its stack traces and interactive debugger.',
  messages: {
    debugOn: '{{name}} is hard-coded to true, so every deploy runs in debug mode; read it from the DEBUG environment variable.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    // Settings modules meant for a developer's machine or a test run (Django's settings/dev.py, local_settings.py) may debug.
    if (isTestFile(ctx.file.path, ctx.options.testFiles) || hasNameWord(ctx.file.path)) return;
    for (const { value, binding } of valuesBoundTo(model, /\bdebug\b/gi)) {
      if (value.type !== 'true' || !isDebugSwitch(model, value, binding)) continue;
      // `app.run(host="127.0.0.1", debug=True)` under `if __name__ == "__main__":` is a developer's run by hand.
      if (binding.kind === 'argument' && isLocalOnlyRun(value)) continue;
      ctx.report({ messageId: 'debugOn', data: { name: binding.name }, at: nodeSpan(value), fix: readDebug(model, value, binding, ctx) });
    }
  },
});

/**
 * Python: module-level `DEBUG = True`, `app.debug = True`, `app.config["DEBUG"] = True`, and `debug=True`
 * given to a server or framework. Elsewhere, only a `DEBUG`-named switch: `{ debug: true }` is an
 * everyday library option in JavaScript, and a local `debug` variable is no deploy setting.
 */
function isDebugSwitch(model: CodeModel, value: Node, binding: Binding): boolean {
  if (model.language !== 'python') return /^(DEBUG|Debug)$/.test(binding.name) && binding.kind !== 'key' && binding.kind !== 'argument';
  if (binding.kind === 'argument') {
    const call = value.parent?.parent?.parent;
    return binding.name === 'debug' && call?.type === 'call' && DEBUG_CALLS.test(call.childForFieldName('function')?.text ?? '');
  }
  if (binding.kind !== 'assignment' || binding.name.toLowerCase() !== 'debug') return false;
  const target = value.parent?.childForFieldName('left');
  return target?.type !== 'identifier' || value.parent?.parent?.parent?.type === 'module';
}

function readDebug(model: CodeModel, value: Node, binding: Binding, ctx: RuleContext<Options>): Fix | undefined {
  const edits: TextEdit[] = [{ span: nodeSpan(value), text: envReadText(model, 'DEBUG', 'bool') }];
  if (binding.kind === 'const') {
    // A Go const cannot call os.Getenv: a lone `const X = true` becomes a var.
    const declaration = value.parent?.parent?.parent;
    if (declaration?.type !== 'const_declaration' || declaration.namedChildCount !== 1 || declaration.text.includes('(')) return undefined;
    edits.push({ span: nodeSpan(declaration.child(0)!), text: 'var' });
  }
  const example = envExampleChange(ctx.workspace, ctx.file.path, [{ name: 'DEBUG', value: 'false' }]);
  return { title: 'Read DEBUG from the environment', edits: [...edits, ...importEdits(model)], otherFiles: example ? [example] : undefined };
}
