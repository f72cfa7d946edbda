import { isPlaceholderValue, isSecretName } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { get, pairOf, pairs, type YPair } from '../../parsing/yaml/yamlNodes';

/** The value a Secret entry really holds: `stringData` as written, `data` decoded from base64. */
function heldValue(field: 'data' | 'stringData', raw: string): string {
  if (field === 'stringData' || !/^[A-Za-z0-9+/=\s]+$/.test(raw)) return raw;
  return Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** The keys of a Secret field whose values are literals: not templated, not placeholders, not empty. */
function literalKeys(field: 'data' | 'stringData', entries: YPair[]): string[] {
  return entries
    .filter((p) => {
      if (p.value?.type !== 'scalar' || p.value.templated || p.value.value === null) return false;
      const raw = String(p.value.value);
      return !isPlaceholderValue(raw) && !isPlaceholderValue(heldValue(field, raw));
    })
    .map((p) => p.key)
    // Secret-named keys first, so that a long list shows `password` before `host` and `port`.
    .sort((a, b) => Number(isSecretName(b)) - Number(isSecretName(a)));
}

/**
 * A committed `kind: Secret` whose `stringData` or `data` holds literal values. Templated values,
 * placeholders (also once base64-decoded: `Y2hhbmdlbWU=` is `changeme`) and SOPS-encrypted files are
 * not plaintext.
 */
export default defineRule<DeploymentModel>({
  id: 'config/plaintext-secret-manifest',
  factor: 'config',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A committed Secret manifest with literal values in stringData or data.',
  rationale: 'Credentials are config kept out of the codebase; a Secret manifest in the repository publishes them to everyone who can read it.',
  messages: {
    stringData: 'Secret {{secret}} is committed with plaintext values in stringData ({{keys}}); create it at deploy time, or commit it encrypted (SealedSecret, SOPS) or as an ExternalSecret.',
    data: 'Secret {{secret}} is committed with values in data ({{keys}}), and base64 is an encoding, not encryption; create it at deploy time, or commit it encrypted (SealedSecret, SOPS) or as an ExternalSecret.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const object of model.objects) {
      if (object.kind !== 'Secret' || get(object.node, 'sops')) continue;
      for (const field of ['stringData', 'data'] as const) {
        const pair = pairOf(object.node, field);
        const keys = literalKeys(field, pairs(pair?.value));
        if (!pair || keys.length === 0) continue;
        const shown = keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', ');
        ctx.report({ messageId: field, data: { secret: displayName(object.name), keys: shown }, at: pair.keySpan });
      }
    }
  },
});
