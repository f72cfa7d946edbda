import * as path from 'node:path';
import { isNonProductionFile, isNonProductionWord, reportsSecret } from '../../analysis/nonProduction';
import { detectSecret } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import { appendEnvKey, mentionsEnvKey, nearestEnvExample } from '../../parsing/dotenv/envFileEdits';
import { setValueEdit } from '../../parsing/spring/springEdits';
import type { SpringModel, SpringProperty } from '../../parsing/spring/springModel';
import { envNameOf, placeholdersIn } from '../../parsing/spring/springPlaceholders';
import { repositoryRoot } from '../../workspace/gitignore';

/** A Spring property that holds a secret written into the configuration file. */
export default defineRule<SpringModel>({
  id: 'config/literal-secret-property',
  factor: 'config',
  kinds: ['spring'],
  defaultSeverity: 'error',
  description: 'A Spring property (*.password, *.secret, *.api-key, a credentialed URL …) with a literal secret value.',
  rationale: 'Credentials differ per deploy and must not live in the code base; Spring reads them from the environment through a ${…} placeholder.',
  messages: {
    literalSecret: '{{name}} holds a literal {{label}} ({{masked}}); read it from the environment with ${{{env}}} instead.',
    fallbackSecret: '{{name}} falls back to a literal {{label}} ({{masked}}) whenever {{env}} is not set; drop the default so that a missing secret fails loudly.',
  },
  fixable: true,
  check(model, ctx) {
    // Test resources configure tests, not a deployed app.
    if (model.testResource) return;
    const nonProductionFile = isNonProductionFile(ctx.file.path);
    for (const property of model.properties) {
      // `${…}` placeholders, `{cipher}…` and `ENC(…)` values and empty values are judged not secret by the detector.
      const verdict = detectSecret(property.name, property.value);
      // A dev or test profile's (or file's) throwaway database password is no leak; a provider token still is.
      const profile = property.profile;
      const nonProduction = profile === undefined ? nonProductionFile : isNonProductionWord(profile);
      if (!verdict) reportFallbacks(property, nonProduction, ctx);
      if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
      const env = envNameOf(property.name);
      ctx.report({
        messageId: 'literalSecret',
        data: { name: property.name, label: verdict.label, masked: verdict.masked, env },
        at: property.valueSpan,
        fix: placeholderFix(property, env, ctx),
      });
    }
  },
});

/** `${POSTGRES_PASSWORD:db-wrz2z}`: a literal default of a placeholder is the secret whenever the variable is missing. */
function reportFallbacks(property: SpringProperty, nonProduction: boolean, ctx: RuleContext<Record<string, never>>): void {
  const { start, end } = property.valueSpan;
  for (const placeholder of placeholdersIn(ctx.file.text.slice(start, end), start)) {
    const { default: fallback, defaultSpan } = placeholder;
    if (fallback === undefined || !defaultSpan || fallback.includes('${')) continue;
    const verdict = detectSecret(property.name, fallback);
    if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
    const edits = [{ span: { start: defaultSpan.start - 1, end: defaultSpan.end }, text: '' }];
    ctx.report({
      messageId: 'fallbackSecret',
      data: { name: property.name, label: verdict.label, masked: verdict.masked, env: placeholder.name },
      at: defaultSpan,
      fix: { title: `Remove the literal fallback of ${placeholder.name}`, edits, automatic: false },
    });
  }
}

/** Replaces the value with `${ENV}`; adds `ENV=` to the project's `.env.example` when it has one. */
function placeholderFix(property: SpringProperty, env: string, ctx: RuleContext<Record<string, never>>): Fix | undefined {
  const edit = setValueEdit(property, `\${${env}}`);
  if (!edit) return undefined;
  // The app then needs the variable to start: a person applies this, never fix-on-save.
  const fix: Fix = { title: `Read ${property.name} from \${${env}}`, edits: [edit], automatic: false };
  const read = (p: string) => ctx.workspace.readText(p);
  const dir = path.dirname(ctx.file.path);
  const example = nearestEnvExample(dir, repositoryRoot(dir, read) ?? dir, read);
  if (example && !mentionsEnvKey(example.text, env)) fix.otherFiles = [appendEnvKey(example.path, example.text, env)];
  return fix;
}
