import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { localWrites, type LocalWrite } from '../../parsing/code/localWrites';

interface Options {
  testFiles: string[];
}

/** The message of each kind of local state. */
const MESSAGE_OF: Record<LocalWrite['kind'], string> = { handlerWrite: 'handlerWrite', uploadDisk: 'uploadDisk', fileSessions: 'fileSessions' };

/** State kept on the local disk by request-handling code, where the next request may land on another process. */
export default defineRule<CodeModel, Options>({
  id: 'processes/local-file-state',
  factor: 'processes',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'Files written to local paths while handling requests, multer uploads to disk (dest, diskStorage), and filesystem session stores.',
  rationale: 'Twelve-factor processes are stateless and share nothing: a file written by one instance is missing on the others and lost on restart or redeploy.',
  messages: {
    handlerWrite: '{{what}} writes to the local disk while handling a request; the next request may reach another instance, and a restart loses the file. Keep the data in a backing service (object storage, a database).',
    uploadDisk: 'Uploads are stored on the local disk ({{what}}); other instances cannot see them and a redeploy loses them. Stream them to object storage instead.',
    fileSessions: 'Sessions are stored in local files ({{what}}); each instance sees only its own, and a restart logs everyone out. Use a shared store (Redis, a database) or signed cookies.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const write of localWrites(model)) ctx.report({ messageId: MESSAGE_OF[write.kind], data: { what: write.what }, at: nodeSpan(write.node) });
  },
});
