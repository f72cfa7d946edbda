/**
 * What a secret value looks like on its own, whatever it is called: credential formats issued by
 * well-known providers (each with a distinctive prefix or shape, so that a match is never an
 * ordinary word), private key blocks, and the randomness of a generated key. Used by the one secret
 * detector in `secrets.ts`; rules call that, not this.
 */

/** A provider's credential format. */
export interface TokenFormat {
  label: string;
  pattern: RegExp;
}

// Only formats with a distinctive prefix or fixed shape: a match is a secret whatever the variable is called.
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { label: 'AWS access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { label: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { label: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { label: 'Slack webhook URL', pattern: /\bhooks\.slack\.com\/services\/T[A-Z0-9]{8,}\/B[A-Z0-9]{8,}\/[A-Za-z0-9]{20,}/ },
  // Live keys only: Stripe's documentation publishes test keys (sk_test_…) for everyone to use.
  { label: 'Stripe key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/ },
  { label: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'Google OAuth client secret', pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}\b/ },
  { label: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { label: 'PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
  { label: 'Docker Hub token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{27,}/ },
  { label: 'SendGrid key', pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/ },
  { label: 'Twilio API key', pattern: /\bSK[0-9a-fA-F]{32}\b/ },
  { label: 'OpenAI key', pattern: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/ },
  { label: 'Anthropic key', pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}/ },
  { label: 'Hugging Face token', pattern: /\bhf_[A-Za-z]{34}\b/ },
  { label: 'DigitalOcean token', pattern: /\bdo[por]_v1_[a-f0-9]{64}\b/ },
  { label: 'Shopify token', pattern: /\bshp(at|ca|pa|ss)_[a-fA-F0-9]{32}\b/ },
  { label: 'HashiCorp Vault token', pattern: /\bhv[sb]\.[A-Za-z0-9_-]{90,}/ },
  { label: 'New Relic key', pattern: /\bNRAK-[A-Z0-9]{27}\b/ },
  { label: 'Azure storage account key', pattern: /\bAccountKey=[A-Za-z0-9+/]{86}==/ },
  // Entra ID (Azure AD) client secrets carry `Q~` after a three-character prefix and a digit.
  { label: 'Azure client secret', pattern: /(?:^|[\s'"=:])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?:$|[\s'"])/ },
  { label: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

/** A PEM private key block (RSA, EC, OpenSSH, PGP…). */
export const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/;

/** The provider format a value matches, if any. */
export function tokenFormat(value: string): TokenFormat | undefined {
  return TOKEN_FORMATS.find((format) => format.pattern.test(value));
}

/** Shannon entropy of a text, in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * True when a value looks generated rather than chosen by a person: at least 16 characters without
 * spaces, at least two character classes (letters, digits, symbols), and about as random per
 * character as a key is (3.0 bits for hex, 3.5 otherwise). Names made of words (`my-app-config`,
 * `production-cluster-01`, `MyApp.Settings`) are not keys however varied their letters; URLs and
 * paths are addresses, not keys.
 */
export function isHighEntropy(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || /\s/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('/')) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  if (classes < 2 || v.split(/[-_.:/@]+/).every(isWordLike)) return false;
  const hex = /^[0-9a-f-]+$/i.test(v);
  return shannonEntropy(v) >= (hex ? 3.0 : 3.5);
}

/** A segment a person would write: a lower-case, upper-case or capitalised word, or a short number. */
function isWordLike(segment: string): boolean {
  return /^([a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4}|)$/.test(segment);
}
