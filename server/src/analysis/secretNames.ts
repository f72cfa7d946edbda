/**
 * What a name says about its value: the words of variable, key and property names that make a secret
 * (a password, a token, an API or signing key), and those that make metadata about one. Used by the
 * one secret detector in `secrets.ts`.
 */

// Words that make a variable name a secret on their own.
export const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'pass', 'secret', 'secrets', 'token', 'apikey', 'passphrase', 'credential', 'credentials',
  'privatekey', 'secretkey', 'encryptionkey', 'signingkey', 'masterkey',
]);
// Compounds written as one word: PGPASSWORD (libpq), ROOTPASSWORD, CLIENTSECRET, DBPASS, SMTPPASS, ADMINPWD.
const COMPOUND_SECRET = /^[a-z]{2,}(password|passwd|pass|pwd|secret|apikey|token)$/;
// English words and shell variables that end like a glued password name but are none: OLDPWD is the
// shell's previous directory, a bypass or a compass is no pass.
const NOT_COMPOUND = /^(by|com|encom|sur|over|under|tres|im|fly|mountain|boarding|hall|day|season|bus|rail|ski|free|back|first)pass$|^oldpwd$/;
// Words of a password: a number under one of these is a (weak) password; under a token or key name it is a setting.
export const isPasswordWord = (word: string): boolean => /^(pwd|pass|passphrase)$|passw(or)?d$/.test(word);
// "key" only makes a secret with one of these before it (api key, private key, …); a cache key is not one.
// SSH and deploy keys are private keys by convention (`ARG SSH_KEY` is a classic image leak); GPG_KEY is
// not here, since official images set it to a public key fingerprint.
// Framework and library keys that encrypt or sign (Airflow's FERNET_KEY, a JWT_KEY, an HMAC or AES key) are secrets too.
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'private', 'secret', 'encryption', 'signing', 'master', 'ssh', 'deploy', 'fernet', 'jwt', 'hmac', 'aes',
  'cipher', 'crypt', 'crypto', 'encrypt', 'decryption', 'jwe', 'jws', 'cookie', 'otp', 'totp', 'webhook',
]);
// Names that hold a credential in some products and an identifier in others: MinIO's ACCESS_KEY is the
// user name (`minio`), a CLIENT_KEY is often a public client id, an APP_KEY a public app id. Under these,
// and under any other `…_KEY`, a value counts only when it looks generated (`isHighEntropy`).
const WEAK_WORDS = new Set(['accesskey', 'sessionkey', 'auth']);
// Any other `…_KEY` is weak too (a MAPS_KEY or WEATHER_KEY holds a generated key; a CACHE_KEY=users or
// KEY_PREFIX=app names one), except keys that are public or lookup keys by nature.
const NOT_SECRET_KEY_QUALIFIERS = new Set(['gpg', 'pgp', 'public', 'cache', 'sort', 'primary', 'foreign', 'partition', 'routing', 'lookup', 'idempotency', 'object', 'map', 'dedup', 'hash', 'group', 'order', 'shard', 'row']);
// A final word that turns a secret-looking name into metadata about the secret, not the secret itself.
const METADATA_WORDS = new Set([
  'file', 'path', 'dir', 'directory', 'name', 'names', 'id', 'ttl', 'length', 'len', 'size', 'expiry', 'expires',
  'expiration', 'timeout', 'header', 'type', 'enabled', 'enable', 'disabled', 'ref', 'endpoint', 'url', 'uri', 'version',
  'policy', 'mode', 'provider', 'count', 'limit', 'format', 'algorithm', 'alg', 'field', 'param', 'prefix', 'location',
  'store', 'manager', 'arn', 'rotation', 'required', 'hash', 'validity', 'lifetime', 'age', 'issuer', 'audience',
  'env', 'var', 'key_id', 'secretref', 'mount', 'volume', 'label', 'selector', 'scope', 'scopes', 'source', 'strategy',
  'namespace', 'kind', 'user', 'username', 'host', 'port', 'server', 'service',
  // Durations and schedules: ACCESS_TOKEN_EXPIRE_MINUTES (FastAPI's own setting), SECRET_REFRESH_INTERVAL.
  'expire', 'ms', 'millis', 'sec', 'secs', 'seconds', 'mins', 'minutes', 'hours', 'days', 'interval', 'period',
  'duration', 'delay', 'lifespan', 'window', 'backoff', 'retries', 'rounds',
  // `jwt.tokenHead: 'Bearer '` (the scheme written before a token) is a header prefix.
  'head',
  // Code that handles secrets: AUTHENTICATION_BACKENDS, PASSWORD_HASHERS, TOKEN_CLASS, AUTH_MIDDLEWARE.
  'backend', 'backends', 'class', 'classes', 'handler', 'handlers', 'module', 'modules', 'middleware', 'middlewares',
  'plugin', 'plugins', 'hasher', 'hashers', 'factory', 'validator', 'validators', 'serializer',
]);
// Any of these words marks a quantity, a switch, a stand-in or a public value, not a credential
// (MAX_TOKENS, MIN_PASSWORD_LENGTH, Rails' SECRET_KEY_BASE_DUMMY=1, STRIPE_PUBLISHABLE_KEY, RECAPTCHA_SITE_KEY).
const QUANTITY_WORDS = new Set(['max', 'min', 'num', 'count', 'use', 'require', 'allow', 'disable', 'skip', 'dummy', 'fake', 'placeholder', 'public', 'publishable', 'site']);

/** Splits `DB_PASSWORD`, `dbPassword`, `db.password` and `db-password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** How surely a name says that its value is a secret; see {@link secretNameStrength}. */
export type SecretNameStrength = 'strong' | 'weak';

/**
 * How surely a name says its value is a secret: `strong` (a password, token, API or private key:
 * any literal is a secret), `weak` (an access key, client key or auth setting, which some products
 * use for an identifier: only a generated-looking value is a secret), or undefined.
 */
export function secretNameStrength(name: string): SecretNameStrength | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  // PWD alone is the shell's working directory, not a password.
  if (words.length === 1 && words[0] === 'pwd') return undefined;
  if (METADATA_WORDS.has(words[words.length - 1])) return undefined;
  if (words.some((w) => QUANTITY_WORDS.has(w))) return undefined;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const qualifier = i > 0 ? words[i - 1] : '';
    const compound = COMPOUND_SECRET.test(words[i]) && !NOT_COMPOUND.test(words[i]);
    if (SECRET_WORDS.has(words[i]) || compound || (words[i] === 'key' && KEY_QUALIFIERS.has(qualifier))) return 'strong';
    if (WEAK_WORDS.has(words[i]) || (words[i] === 'key' && qualifier !== '' && !NOT_SECRET_KEY_QUALIFIERS.has(qualifier))) weak = true;
  }
  return weak ? 'weak' : undefined;
}

/** True when a variable, key or property name says its value may be a secret (strongly or weakly). */
export function isSecretName(name: string): boolean {
  return secretNameStrength(name) !== undefined;
}
