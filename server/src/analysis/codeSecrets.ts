import { detectSecret, isSecretName, KEY_QUALIFIERS, nameWords, type SecretVerdict } from './secrets';

// Names in code that end with one of these hold text about a secret, not the secret: UI strings,
// messages and patterns (`passwordError`, `TOKEN_HEADER_TEXT`, `secretPrompt`).
const TEXT_WORDS = new Set([
  'message', 'messages', 'msg', 'error', 'errors', 'err', 'text', 'title', 'hint', 'prompt', 'description', 'desc',
  'tooltip', 'help', 'caption', 'heading', 'button', 'link', 'route', 'regex', 'pattern', 'template', 'event', 'action',
  'input', 'column', 'table', 'attribute', 'attr', 'flag', 'option', 'placeholder', 'class', 'css', 'icon', 'query',
  'property', 'properties', 'prop',
]);

const FETCH_CREDENTIALS = new Set(['include', 'omit', 'same-origin']);

/**
 * True when a name in code says its value is a secret: the shared {@link isSecretName}, minus what
 * code adds on top of config files: UI text about a secret (`passwordLabel`), and lookup keys of a
 * secret (`TOKEN_KEY = "auth_token"` names a storage slot; `API_KEY` and `SECRET_KEY` still hold one).
 */
export function isCodeSecretName(name: string): boolean {
  if (!isSecretName(name)) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (TEXT_WORDS.has(last)) return false;
  return !(last === 'key' && words.length > 1 && !KEY_QUALIFIERS.has(words[words.length - 2]));
}

/**
 * The secret verdict for a literal in code, or undefined. On top of {@link detectSecret}: a value
 * that names an environment variable (`"DB_PASSWORD"`, `PASSWORD_VAR = "DB_PASSWORD"`) or reads as
 * prose (a message about a password) is not a secret. `where` says how the value is given: bound to a name,
 * as the fallback of an env read, or as a password argument (`HTTPBasicAuth(user, "…")`); only a bound value
 * may be an identifier-like constant rather than a secret.
 */
export function codeSecretVerdict(name: string | undefined, value: string, where: 'bound' | 'fallback' | 'argument' = 'bound'): SecretVerdict | undefined {
  // An env variable's name, or a dotted property key (`spring.datasource.password`).
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value) || /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(value)) return undefined;
  // fetch's `credentials` modes, short numbers (versions, counts) and values too short to be a secret.
  if (FETCH_CREDENTIALS.has(value) || /^\d{1,7}$/.test(value) || value.trim().length < 4) return undefined;
  // A lexer's `token: 'linkified'` is a token type; a real token is no lowercase word.
  if (name !== undefined && /^tokens?$/i.test(name) && /^[a-z]+$/.test(value)) return undefined;
  // An identifier names a constant; as the fallback of a secret's env read, it is the secret all the same.
  if (where === 'bound' && (isIdentifierLike(value) || sharesNameWords(name, value))) return undefined;
  // An env variable's name is a config name like any other; only a code identifier may be a label or a lookup key.
  if (where === 'bound' && name !== undefined && isSecretName(name) && !isCodeSecretName(name)) name = undefined;
  const verdict = detectSecret(name, value);
  if (!verdict || verdict.reason !== 'name') return verdict;
  // Prose: four words or more, a sentence's end, or a capitalised label of letters only ("Mot de passe", "Jeton").
  const trimmed = value.trim();
  const prose = trimmed.split(/\s+/).length >= 4 || /[.!?:]$/.test(trimmed) || /^\p{Lu}\p{L}*(\s+\p{L}+)*$/u.test(trimmed);
  return prose ? undefined : verdict;
}

/**
 * True for a value that names something rather than being a secret: an identifier of several words
 * (`passwordTooWeak`, `refresh_token`, `msal:acquireTokenFailure`, `AccessToken_With_AuthScheme`), or
 * words that mention a secret (`"id_token token"`): protocol constants, error codes and event names.
 * A phrase of plain words (`'keyboard cat'`) or anything with digits or symbols may still be a secret;
 * so may `'dev-secret'`, which is why fallbacks of env reads skip this test.
 */
function isIdentifierLike(value: string): boolean {
  if (!/^[A-Za-z]+(?:[_.:\- ][A-Za-z]+)*$/.test(value)) return false;
  const multiword = /[_.:-]/.test(value) || /[a-z][A-Z]/.test(value);
  return multiword || isSecretName(value);
}

/** `FLOW_PASSWORD_REQUIRED_V2 = "FlowPasswordRequiredResultV2"`: an identifier sharing two words or more with its name is an enum value. */
function sharesNameWords(name: string | undefined, value: string): boolean {
  if (name === undefined || !/^[A-Za-z0-9]+(?:[_.:-][A-Za-z0-9]+)*$/.test(value)) return false;
  const own = new Set(nameWords(name));
  return nameWords(value).filter((w) => own.has(w)).length >= 2;
}
