import * as path from 'node:path';
import { isNonProductionFile, reportsSecret, SHARED_NON_PRODUCTION_WORDS } from '../../analysis/nonProduction';
import { isHighEntropy } from '../../analysis/secretFormats';
import { detectSecret } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import type { Fix, WorkspaceFiles } from '../../engine/types';
import type { DotenvModel } from '../../parsing/dotenv/dotenvModel';
import { isPathIgnored, repositoryRoot } from '../../workspace/gitignore';

/** A .env file with secret values that no .gitignore keeps out of the repository. */
export default defineRule<DotenvModel>({
  id: 'config/committed-env-file',
  factor: 'config',
  kinds: ['dotenv'],
  defaultSeverity: 'warning',
  description: 'A .env file holding secret values that no .gitignore ignores, so that git would commit it.',
  rationale: 'Config that differs between deploys, credentials above all, belongs in the environment, never in the repository.',
  messages: {
    unignoredSecret: '{{name}} holds a secret ({{label}}: {{masked}}) in {{file}}, and no .gitignore ignores this file, so git would commit it; add {{file}} to .gitignore and keep real values out of the repository.',
    templateSecret: '{{name}} in {{file}}, a template meant to be committed, holds what looks like a real secret ({{label}}: {{masked}}); leave it empty or write a placeholder, and rotate the secret.',
  },
  fixable: true,
  check(model, ctx) {
    // Templates (.env.example) are meant to be committed: only a value that looks real (a provider token, a
    // private key, a generated-looking value under a secret name) is wrong there; placeholders are their point.
    if (model.template) {
      for (const entry of model.entries) {
        const verdict = detectSecret(entry.key.value, entry.value);
        if (!verdict || (verdict.reason !== 'token-format' && verdict.reason !== 'private-key' && !(verdict.reason === 'name' && isHighEntropy(entry.value)))) continue;
        ctx.report({ messageId: 'templateSecret', data: { name: entry.key.value, label: verdict.label, masked: verdict.masked, file: path.basename(ctx.file.path) }, at: entry.valueSpan });
      }
      return;
    }
    // A test run's or the team's development env file (`.env.test`, `.env.development`) is often committed
    // on purpose, with a throwaway local password; there only values that are credentials whatever their
    // name (tokens, keys) count. `.env.local` is one machine's own file and stays strict.
    const nonProduction = isNonProductionFile(ctx.file.path, SHARED_NON_PRODUCTION_WORDS);
    const secrets = model.entries.flatMap((entry) => {
      const verdict = detectSecret(entry.key.value, entry.value);
      if (!verdict || !reportsSecret(verdict, nonProduction)) return [];
      return [{ entry, verdict }];
    });
    if (secrets.length === 0) return;
    const read = (p: string) => ctx.workspace.readText(p);
    // Outside a repository, only the file's own folder is read, and the fix writes there.
    const root = repositoryRoot(path.dirname(ctx.file.path), read) ?? path.dirname(ctx.file.path);
    if (isPathIgnored(ctx.file.path, root, read)) return;
    const file = path.basename(ctx.file.path);
    const fix = ignoreFix(file, path.join(root, '.gitignore'), ctx.workspace);
    for (const { entry, verdict } of secrets) {
      ctx.report({ messageId: 'unignoredSecret', data: { name: entry.key.value, label: verdict.label, masked: verdict.masked, file }, at: entry.valueSpan, fix });
    }
  },
});

/** Appends the file's name to the root `.gitignore`, creating it when missing. */
function ignoreFix(name: string, gitignore: string, workspace: WorkspaceFiles): Fix {
  const current = workspace.readText(gitignore);
  const eol = current?.includes('\r\n') ? '\r\n' : '\n';
  const lead = current && !current.endsWith('\n') ? eol : '';
  const at = current?.length ?? 0;
  return {
    title: `Add ${name} to .gitignore`,
    edits: [],
    otherFiles: [{ path: gitignore, create: current === undefined, edits: [{ span: { start: at, end: at }, text: `${lead}${name}${eol}` }] }],
  };
}
