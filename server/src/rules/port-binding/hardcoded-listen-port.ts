import { envExampleChange } from '../../parsing/dotenv/envFileEdits';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext, TextEdit } from '../../engine/types';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { envReadText } from '../../parsing/code/edits/envReadText';
import { goEnvDefault } from '../../parsing/code/edits/goEnvDefault';
import { importEdits } from '../../parsing/code/edits/imports';
import { literalListenPorts, type ListenPort } from '../../parsing/code/listenPorts';
import { isLocalOnlyRun } from '../../parsing/code/localRun';

interface Options {
  testFiles: string[];
}

/** A server that binds a port written in the code, where the platform assigns it through `PORT`. */
export default defineRule<CodeModel, Options>({
  id: 'port-binding/hardcoded-listen-port',
  factor: 'port-binding',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'A server that listens on a port literal (app.listen(3000), http.ListenAndServe(":8080"), app.run(port=5000)) without reading PORT.',
  rationale: 'A twelve-factor app exports its service by binding the port the environment gives it; a fixed port breaks on platforms that assign one.',
  messages: {
    fixedPort: '{{call}} binds the fixed port {{port}}; read it from the PORT environment variable, with {{port}} as the local default.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const listen of literalListenPorts(model)) {
      // A development run by hand, bound to loopback only, is not the server a deploy starts.
      if (isLocalOnlyRun(listen.argument)) continue;
      // Reported where the server binds; the fix rewrites the literal, which may be a constant declared above.
      ctx.report({ messageId: 'fixedPort', data: { call: listen.call, port: listen.port }, at: nodeSpan(listen.argument), fix: portFix(model, listen, ctx) });
    }
  },
});

function portFix(model: CodeModel, listen: ListenPort, ctx: RuleContext<Options>): Fix | undefined {
  const edits: TextEdit[] = [];
  if (model.language === 'go') {
    const inserted = goEnvDefault(model, listen.literal, 'PORT', 'port', `"${listen.port}"`);
    if (!inserted) return undefined;
    edits.push(inserted.edit, { span: nodeSpan(listen.literal), text: `"${listen.host ?? ''}:"+${inserted.variable}` });
  } else {
    edits.push({ span: nodeSpan(listen.literal), text: envReadText(model, 'PORT', 'int', model.language === 'java' ? `"${listen.port}"` : String(listen.port)) });
  }
  edits.push(...importEdits(model));
  const example = envExampleChange(ctx.workspace, ctx.file.path, [{ name: 'PORT', value: String(listen.port) }]);
  return { title: `Read the port from PORT (default ${listen.port})`, edits, otherFiles: example ? [example] : undefined };
}
