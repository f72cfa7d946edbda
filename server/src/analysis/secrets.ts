/**
 * The one secret detector. Every rule that asks "is this a secret?" (Dockerfile ENV, Kubernetes env,
 * compose environment, Spring properties, code literals) calls this module, so the same value gets
 * the same verdict everywhere, and masking is done one way.
 */

/** Why a name/value pair counts as a secret. */
export type SecretReason = 'name' | 'token-format' | 'private-key' | 'url-credentials';

/** A positive verdict: why, and the masked value that messages may show. */
export interface SecretVerdict {
  reason: SecretReason;
  /** A human label for the kind of secret ("private key", "GitHub token", "password"). */
  label: string;
  /** The value with the secret part masked; safe to print. */
  masked: string;
}

// Words that make a variable name a secret on their own.
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'secret', 'secrets', 'token', 'apikey', 'passphrase', 'credential', 'credentials', 'privatekey', 'secretkey', 'accesskey', 'sessionkey']);
/** "key" only makes a secret with one of these before it (api key, private key, …); a cache key is not one.
// SSH and deploy keys are private keys by convention (`ARG SSH_KEY` is a classic image leak); GPG_KEY is
// not here, since official images set it to a public key fingerprint. */
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'private', 'secret', 'access', 'encryption', 'signing', 'master', 'client', 'license', 'app', 'auth', 'ssh', 'deploy']);
// A final word that turns a secret-looking name into metadata about the secret, not the secret itself.
const METADATA_WORDS = new Set([
  'file', 'path', 'dir', 'directory', 'name', 'names', 'id', 'ttl', 'length', 'len', 'size', 'expiry', 'expires',
  'expiration', 'timeout', 'header', 'type', 'enabled', 'enable', 'disabled', 'ref', 'endpoint', 'url', 'uri', 'version',
  'policy', 'mode', 'provider', 'count', 'limit', 'format', 'algorithm', 'alg', 'field', 'param', 'prefix', 'location',
  'store', 'manager', 'arn', 'rotation', 'required', 'hash', 'validity', 'lifetime', 'age', 'issuer', 'audience',
  'env', 'var', 'key_id', 'secretref', 'mount', 'volume', 'label', 'selector', 'scope', 'scopes', 'source', 'strategy',
  // Durations: ACCESS_TOKEN_EXPIRE_MINUTES (FastAPI's own setting), SESSION_TOKEN_SECONDS.
  'expire', 'ms', 'millis', 'sec', 'secs', 'seconds', 'mins', 'minutes', 'hours', 'days',
]);
// Any of these words marks a quantity, a switch or a stand-in, not a credential (MAX_TOKENS,
// MIN_PASSWORD_LENGTH, Rails' SECRET_KEY_BASE_DUMMY=1 for asset precompilation).
const QUANTITY_WORDS = new Set(['max', 'min', 'num', 'count', 'use', 'require', 'allow', 'disable', 'skip', 'dummy', 'fake', 'placeholder']);

/** Splits `DB_PASSWORD`, `dbPassword`, `db.password` and `db-password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when a variable, key or property name says its value is a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  // PWD alone is the shell's working directory, not a password.
  if (words.length === 1 && words[0] === 'pwd') return false;
  if (METADATA_WORDS.has(words[words.length - 1])) return false;
  if (words.some((w) => QUANTITY_WORDS.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i])) return true;
    if (words[i] === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return true;
  }
  return false;
}

const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'placeholder', 'example',
  'dummy', 'fake', 'redacted', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'todo', 'tbd', 'secret',
  'password', 'pass', 'token', 'xxx', 'your-secret', 'your_secret', '-', 'n/a', 'na', 'empty', 'unset', 'required',
]);

/**
 * True when a value is a reference or a placeholder rather than a literal secret: `${VAR}`, `$VAR`,
 * CF `((var))`, Helm/Go `{{ }}`, `<your-token>`, `changeme`, a file path (Docker's `*_FILE` convention
 * and mounted secrets), or a run of masking characters.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\(|\(\([^)]*\)\)|\{\{[^}]*\}\}|#\{[^}]*\}|%\([^)]*\)s/.test(v)) return true;
  if (/^<[^<>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v)) return true;
  if (/^(your|my|some|insert|put|enter|add)[-_ ]/i.test(v)) return true;
  if (/^[x*.•#_-]{3,}$/i.test(v)) return true;
  if (/^(\/|\.\/|~\/)/.test(v)) return true;
  if (/^(secret|vault|arn|projects\/[^/]+\/secrets)[:/]/i.test(v)) return true;
  return false;
}

interface TokenFormat {
  label: string;
  pattern: RegExp;
}

// Formats issued by well-known providers; a match is a secret whatever the variable is called.
const TOKEN_FORMATS: TokenFormat[] = [
  { label: 'AWS access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { label: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { label: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { label: 'Stripe key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/ },
  { label: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { label: 'SendGrid key', pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/ },
  { label: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/;

/** `scheme://user:password@host`: the parts of a URL that carry credentials, with offsets into the value. */
export interface UrlCredentials {
  user: string;
  password: string;
  /** Offset of the password within the value. */
  passwordStart: number;
}

/**
 * Finds the credentials in a URL-shaped value: `user:password@` in the authority, or a secret-named
 * parameter (`?password=`, `;password=` in JDBC, `&access_token=`). Undefined when there is none or
 * the password is a placeholder.
 */
export function urlCredentials(value: string): UrlCredentials | undefined {
  const match = /^([a-z][a-z0-9+.-]*:(?:[a-z][a-z0-9+.-]*:)?\/\/)([^:/@\s]*):([^@\s]+)@[^\s@]/i.exec(value.trim());
  if (match) {
    const password = match[3];
    if (isPlaceholderValue(password)) return undefined;
    const passwordStart = value.indexOf(match[0]) + match[1].length + match[2].length + 1;
    return { user: match[2], password, passwordStart };
  }
  return parameterCredentials(value);
}

// libpq, Redis and JDBC URLs also take credentials as parameters; ODBC spells the password `pwd`.
function parameterCredentials(value: string): UrlCredentials | undefined {
  if (!/^\s*[a-z][a-z0-9+.-]*:(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value)) return undefined;
  const parameter = /[?&;]([A-Za-z][\w.-]*)=([^&;#\s]*)/g;
  let user = '';
  let found: { password: string; passwordStart: number } | undefined;
  for (let m = parameter.exec(value); m; m = parameter.exec(value)) {
    const name = m[1].toLowerCase();
    if (name === 'user' || name === 'username') user = m[2];
    else if (!found && (isSecretName(m[1]) || name === 'pwd') && !isPlaceholderValue(m[2])) {
      found = { password: m[2], passwordStart: m.index + m[0].length - m[2].length };
    }
  }
  return found && { user, ...found };
}

/**
 * Masks a secret for display: at most the first two characters stay (one for short values), the rest
 * becomes a fixed-width run so that the length is not revealed either.
 */
export function maskSecret(value: string): string {
  if (value.length <= 3) return '****';
  return value.slice(0, value.length < 8 ? 1 : 2) + '****';
}

/** Masks only the password of a credentialed URL, keeping the rest readable. */
function maskUrl(value: string, credentials: UrlCredentials): string {
  return (
    value.slice(0, credentials.passwordStart) +
    maskSecret(credentials.password) +
    value.slice(credentials.passwordStart + credentials.password.length)
  );
}

/**
 * Decides whether a name/value pair holds a literal secret. The value decides first: placeholders
 * and references are never secrets, whatever the name; known token formats, private keys and
 * credentialed URLs are, whatever the name. Otherwise a secret name with a literal value is one.
 *
 * @param name the variable, key or property name, if there is one
 * @param value the literal value
 */
export function detectSecret(name: string | undefined, value: string): SecretVerdict | undefined {
  const trimmed = value.trim();
  if (PRIVATE_KEY.test(trimmed)) return { reason: 'private-key', label: 'private key', masked: '-----BEGIN ****' };
  for (const format of TOKEN_FORMATS) {
    if (format.pattern.test(trimmed)) return { reason: 'token-format', label: format.label, masked: maskSecret(trimmed) };
  }
  const credentials = urlCredentials(trimmed);
  if (credentials) return { reason: 'url-credentials', label: 'URL with a password', masked: maskUrl(trimmed, credentials) };
  if (name !== undefined && isSecretName(name) && !isPlaceholderValue(trimmed)) {
    return { reason: 'name', label: secretLabel(name), masked: maskSecret(trimmed) };
  }
  return undefined;
}

function secretLabel(name: string): string {
  const words = nameWords(name);
  if (words.some((w) => w.startsWith('pass') || w === 'pwd')) return 'password';
  if (words.includes('token')) return 'token';
  if (words.includes('key') || words.some((w) => w.endsWith('key'))) return 'key';
  return 'secret';
}
