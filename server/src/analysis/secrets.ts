/**
 * The one secret detector. Every rule that asks "is this a secret?" (Dockerfile ENV, Kubernetes env,
 * compose environment, Spring properties, code literals) calls this module, so the same value gets
 * the same verdict everywhere, and masking is done one way.
 */

import { isDefaultCredential } from './defaultCredentials';
import { isHighEntropy, PRIVATE_KEY, tokenFormat } from './secretFormats';
import { isPasswordWord, isSecretName, nameWords, SECRET_WORDS, secretNameStrength } from './secretNames';

export { isSecretName, KEY_QUALIFIERS, nameWords, secretNameStrength, type SecretNameStrength } from './secretNames';

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

// Documented stand-ins and switches. `secret`, `password` and `pass` are not here: they are default
// credentials that work (a JWT signed with `secret` is forged by anyone), see {@link isDefaultCredential}.
const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'change-me', 'change_me', 'changeit', 'changethis', 'replaceme', 'replace-me', 'replace_me', 'placeholder',
  'example', 'dummy', 'fake', 'redacted', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off',
  'enabled', 'disabled', 'todo', 'tbd', 'token', 'key', 'xxx', 'your-secret', 'your_secret', '-',
  'n/a', 'na', 'empty', 'unset', 'required', 'setme', 'set-me', 'fillme', 'overwrite-me',
]);

/**
 * True when a value is a reference or a placeholder rather than a literal secret: `${VAR}`, `$VAR`,
 * CF `((var))`, Helm/Go `{{ }}`, `<your-token>`, `changeme` (also `CHANGEME0000`), `your_token_here`,
 * a description of a value instead of one (`yourpassword`, `somerandomtoken`),
 * an upper-case stand-in named after the secret (`HF_TOKEN`, `GOOGLE_API_KEY_VAL`, `nvapi-NVKEY`), a
 * file path or credential file name (Docker's `*_FILE` convention, mounted secrets, `key.json`), an
 * encrypted value (Spring Cloud Config `{cipher}…`, Jasypt `ENC(…)`, SOPS `ENC[…]`, vals
 * `ref+vault://…`), or a run of masking characters.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  // `$VAR` references a variable; a lower-case `$v1f8` inside a generated value (Django's SECRET_KEY) is one of its characters.
  if (/\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*(?![a-z])|^\$[A-Za-z_][A-Za-z0-9_]*$|\$\(|\(\([^)]*\)\)|\{\{[^}]*\}\}|#\{[^}]*\}|%\([^)]*\)s/.test(v)) return true;
  if (/^<[^<>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v)) return true;
  if (/^(your|my|some|insert|put|enter|add|replace|change|fill)[-_ ]/i.test(v) || /^(your|some)[-_ ]?(random[-_ ]?)?(password|passwd|pass|secret|token|api[-_ ]?key|key)$/i.test(v)) return true;
  if (/^change[-_ ]?(me|it|this)/i.test(v) || /[-_ ]here$/i.test(v)) return true;
  // `REPLACE_LICENSE_KEY_HERE`, `sk-ant-api03-PLACEHOLDER`: a marker word anywhere says it is not filled in.
  if (/(^|[^a-z])(placeholder|changeme|change[-_]me|replace[-_]?me|redacted)([^a-z]|$)/i.test(v)) return true;
  if (/^(?:[a-z0-9]+-)?[A-Z0-9_]*(KEY|TOKEN|SECRET|PASSWORD|PASSWD)[A-Z0-9_]*$/.test(v)) return true;
  if (/^[x*.•#_-]{3,}$/i.test(v)) return true;
  if (/^(\/|\.\/|~\/|file:)/i.test(v) || /^[A-Za-z]:\\/.test(v)) return true;
  if (/^[\w.-]+\.(pem|key|crt|cer|der|p12|pfx|jks|keystore|json|txt|asc|gpg)$/i.test(v)) return true;
  if (/^(secret|vault|arn|projects\/[^/]+\/secrets)[:/]/i.test(v)) return true;
  if (/^(\{cipher\}|ENC\(|ENC\[|ref\+[a-z0-9]+:\/\/)/.test(v)) return true;
  return false;
}

// An identifier of code: `pkg.module.Class`, at least three dotted parts, each a word of code.
const DOTTED_IDENTIFIER = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*){2,}$/;
const CODE_WORD = /^([a-z][a-z0-9_]*|[A-Z][A-Za-z0-9]*|_\w*)$/;

/**
 * True for values that have the shape of something else than a credential, whatever their name:
 * a list of module paths or class names (`AUTH_BACKENDS: 'pkg.mod.basic_auth,pkg.mod.session'`), a
 * heredoc marker (`ENV X=<<EOF`), a relative file path (`certs/jwt/private.pem`), or a duration (`1h30m`, `PT15M`).
 */
export function isNotSecretShape(value: string): boolean {
  const v = value.trim();
  if (/^<<[-~]?\s*['"]?\w+['"]?$/.test(v)) return true;
  const items = v.split(/\s*,\s*/);
  const dotted = (item: string) => DOTTED_IDENTIFIER.test(item) && item.split('.').every((part) => CODE_WORD.test(part));
  if (items.every(dotted) || (items.length > 1 && items.every((item) => dotted(item) || /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(item)))) return true;
  if (/^[\w.-]+(\/[\w.-]+)+\/?$/.test(v) && v.split('/').every((segment) => /^[a-z0-9._-]*$/.test(segment) && !/\d{3}/.test(segment))) return true;
  return /^(\d+(ms|s|m|h|d|w))+$/i.test(v) || /^P(\d+[YMWD])*(T(\d+[HMS])+)?$/.test(v) && v.length > 2;
}

/** `scheme://user:password@host`: the parts of a URL that carry credentials, with offsets into the value. */
export interface UrlCredentials {
  user: string;
  password: string;
  /** Offset of the password within the value. */
  passwordStart: number;
}

/**
 * Finds the credentials in a URL-shaped value: `user:password@` in the authority (or in a Go MySQL
 * DSN, `user:password@tcp(host)/db`), or a secret-named parameter (`?password=`, `;password=` in JDBC, `&access_token=`). Undefined when there is none or
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
  // The Go MySQL driver's DSN: `user:password@tcp(host:3306)/db`.
  const dsn = /^([^:@/\s()]+):([^@\s]+)@(?:tcp|unix)\(/.exec(value.trim());
  if (dsn && !isPlaceholderValue(dsn[2])) return { user: dsn[1], password: dsn[2], passwordStart: value.indexOf(dsn[0]) + dsn[1].length + 1 };
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
 * credentialed URLs are, whatever the name. Otherwise the name decides:
 * - under a strong secret name (password, token, API key…) any other literal is a secret, however
 *   weak: `DB_PASSWORD: postgres` in a dev compose file is still a password in the repository;
 *   booleans and durations are switches, and numbers are secrets only under a password name
 *   (`DB_PASSWORD: 123456` is one, `TOKEN_REFRESH: 3600` is a setting);
 * - under a weak one (ACCESS_KEY, CLIENT_KEY, REDIS_AUTH) only a generated-looking value is a secret.
 *
 * @param name the variable, key or property name, if there is one
 * @param value the literal value
 */
export function detectSecret(name: string | undefined, value: string): SecretVerdict | undefined {
  // Typing re-checks the same pairs on every keystroke; verdicts are pure, so they are remembered.
  const key = `${name ?? ''}\u0000${value}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = decideSecret(name, value);
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

const MAX_REMEMBERED = 20_000;
const verdicts = new Map<string, SecretVerdict | undefined>();

function decideSecret(name: string | undefined, value: string): SecretVerdict | undefined {
  const trimmed = value.trim();
  // AWS documents its key formats with AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.
  if (/EXAMPLE(KEY)?$/.test(trimmed)) return undefined;
  if (PRIVATE_KEY.test(trimmed)) return { reason: 'private-key', label: 'private key', masked: '-----BEGIN ****' };
  // `sk-xxxxxxxx…`, `9bxxxxxxxxJFHg`: a run of x's masks a token in documentation; no generated token has one.
  if (/x{6,}/i.test(trimmed)) return undefined;
  const format = tokenFormat(trimmed);
  if (format) return { reason: 'token-format', label: format.label, masked: maskSecret(trimmed) };
  const credentials = urlCredentials(trimmed);
  if (credentials) return { reason: 'url-credentials', label: 'URL with a password', masked: maskUrl(trimmed, credentials) };
  const strength = name === undefined ? undefined : secretNameStrength(name);
  if (!strength || isPlaceholderValue(trimmed) || isNotSecretShape(trimmed) || namesItself(name!, trimmed)) return undefined;
  if (strength === 'weak' && !isHighEntropy(trimmed)) return undefined;
  if (/^[-+]?\d+(\.\d+)?(ms|s|m|h|d|w)?$/i.test(trimmed) && !(/^\d+$/.test(trimmed) && nameWords(name!).some(isPasswordWord))) return undefined;
  const label = secretLabel(name!);
  return { reason: 'name', label: isDefaultCredential(trimmed, nameWords(name!)) ? `default ${label}` : label, masked: maskSecret(trimmed) };
}

/**
 * A value made only of its own name's words, the secret word among them, is a stand-in that labels
 * the slot, not a credential: `POSTGRES_ASTRONOMY_PASSWORD=astronomy_password`, `DB_PASSWORD=db-password`.
 * (`login-password: druid` is a real, if weak, password: no secret word in the value.)
 */
function namesItself(name: string, value: string): boolean {
  const words = new Set(nameWords(name));
  // `JWT_SECRET=secret`, `DB_PASSWORD=password`: one word that is also a default credential is that credential.
  if (isDefaultCredential(value, [])) return false;
  const valueWords = nameWords(value);
  return valueWords.every((w) => words.has(w)) && valueWords.some((w) => SECRET_WORDS.has(w) || w === 'key');
}

function secretLabel(name: string): string {
  const words = nameWords(name);
  if (words.some(isPasswordWord)) return 'password';
  if (words.includes('token')) return 'token';
  if (words.includes('key') || words.some((w) => w.endsWith('key'))) return 'key';
  return 'secret';
}

/**
 * A text from the user's configuration (a key, a rule id, a value) as a message may echo it: masked
 * when it holds a secret on its own (a provider token, a private key, a URL with a password) or looks
 * generated, since a pasted key in the wrong place is still a key.
 */
export function echoSafe(text: string): string {
  const verdict = detectSecret(undefined, text);
  if (verdict) return verdict.masked;
  // A generated key has digits among its letters; a camel-case word (`requireReasonsForAll`) has none.
  return isHighEntropy(text) && /\d/.test(text) ? maskSecret(text.trim()) : text;
}
