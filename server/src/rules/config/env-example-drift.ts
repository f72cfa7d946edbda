import * as path from 'node:path';
import { defineRule } from '../../engine/defineRule';
import { parseDotenv, type DotenvModel } from '../../parsing/dotenv/dotenvModel';
import { appendEnvKey } from '../../parsing/dotenv/envFileEdits';
import { realFileOf, templateCandidates } from '../../parsing/dotenv/envFileNames';
import { SourceFile } from '../../parsing/sourceFile';

/** Keys that a .env file and its committed template (.env.example) do not share. */
export default defineRule<DotenvModel>({
  id: 'config/env-example-drift',
  factor: 'config',
  kinds: ['dotenv'],
  defaultSeverity: 'info',
  description: 'Keys set in .env but missing from .env.example, and keys listed in .env.example but missing from .env.',
  rationale: 'The committed template is the app\'s contract of the config it reads; a key only one developer\'s .env knows is config nobody else can set.',
  messages: {
    missingFromExample: '{{key}} is set in {{env}} but not listed in {{example}}: whoever sets the app up from {{example}} will not know it is needed; add {{key}}= to {{example}}.',
    missingFromEnv: '{{key}} is listed in {{example}} but not set in {{env}}; set it there, or comment it out in {{example}} (# {{key}}=) if it is optional.',
  },
  fixable: true,
  check(model, ctx) {
    const other = model.template ? realFileOf(ctx.file.path) : templateCandidates(ctx.file.path).find((p) => ctx.workspace.readText(p) !== undefined);
    const otherText = other && ctx.workspace.readText(other);
    if (!other || otherText === undefined) return;
    const otherModel = parseDotenv(new SourceFile(other, otherText));
    // A key the other file mentions only in a comment counts: it is documented as optional, or switched off on purpose.
    const known = new Set([...otherModel.entries, ...otherModel.commentedKeys.map((key) => ({ key }))].map((e) => e.key.value));
    const names = { env: path.basename(model.template ? other : ctx.file.path), example: path.basename(model.template ? ctx.file.path : other) };
    const reported = new Set<string>();
    for (const entry of model.entries) {
      const key = entry.key.value;
      if (known.has(key) || reported.has(key)) continue;
      reported.add(key);
      if (model.template) ctx.report({ messageId: 'missingFromEnv', data: { key, ...names }, at: entry.key.span });
      else ctx.report({ messageId: 'missingFromExample', data: { key, ...names }, at: entry.key.span, fix: { title: `Add ${key}= to ${names.example}`, edits: [], otherFiles: [appendEnvKey(other, otherText, key)] } });
    }
  },
});
