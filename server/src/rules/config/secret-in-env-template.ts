import { detectSecret, type SecretVerdict } from '../../analysis/secrets';
import { isHighEntropy } from '../../analysis/secretFormats';
import { defineRule } from '../../engine/defineRule';
import type { DotenvModel } from '../../parsing/dotenv/dotenvModel';

// Part of a value masked by hand (`9bxxxx…JFHg`, `sk-****`): a shown shape, not a working credential.
const MASKED_RUN = /x{4,}|\*{3,}|•{2,}|…|\.{3,}/i;

/**
 * A committed env template (`.env.example`) holding a value with the shape of a real credential: a
 * known token format, a private key, a URL with a password, or a generated-looking value under a
 * secret name. Placeholders, empty values, masked values and weak demo values stay clean.
 */
export default defineRule<DotenvModel>({
  id: 'config/secret-in-env-template',
  factor: 'config',
  kinds: ['dotenv'],
  defaultSeverity: 'warning',
  description: 'A committed .env template (.env.example, .env.sample) holding a real-shaped secret instead of a placeholder.',
  rationale: 'A template is committed to list the names of the config; a value with the shape of a real credential in it is a credential in the repository.',
  messages: {
    realShapedSecret: '{{name}} holds a value shaped like a real {{label}} ({{masked}}) in the committed template {{file}}: a template should list the name with a placeholder; revoke the value if it ever worked and write {{name}}= or {{name}}=<your-{{slot}}>.',
  },
  fixable: false,
  check(model, ctx) {
    if (!model.template) return;
    const file = ctx.file.path.replace(/\\/g, '/').split('/').pop() ?? '';
    for (const entry of model.entries) {
      const verdict = detectSecret(entry.key.value, entry.value);
      if (!verdict || !isRealShaped(verdict, entry.value)) continue;
      const slot = entry.key.value.toLowerCase().replace(/_/g, '-');
      ctx.report({ messageId: 'realShapedSecret', data: { name: entry.key.value, label: verdict.label, masked: verdict.masked, file, slot }, at: entry.valueSpan });
    }
  },
});

/**
 * A credential by its value alone (token format, private key, URL password), or a generated-looking
 * value under a secret name: what a template's `SESSION_SECRET=foo` or `JWT_SECRET=thisisasamplesecret` is not.
 */
function isRealShaped(verdict: SecretVerdict, value: string): boolean {
  if (MASKED_RUN.test(value)) return false;
  return verdict.reason !== 'name' || isHighEntropy(value);
}
