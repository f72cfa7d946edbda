import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral, type StringLiteral } from './strings';

/**
 * A password given by position rather than by name: the second argument of `HTTPBasicAuth(user, pw)`,
 * the second element of requests' `auth=(user, pw)`, the third of `DriverManager.getConnection(url, user, pw)`.
 */
export interface CredentialArgument {
  literal: StringLiteral;
  /** The call or keyword that takes the credentials, for messages (`HTTPBasicAuth`, `auth`). */
  call: string;
}

type Finder = { anchor: RegExp; query: string };

// How the common libraries take a user and a password side by side (surveyed from their documented calls):
// requests/httpx/aiohttp auth objects and tuples, pika's PlainCredentials, smtplib/ftplib login; superagent's
// .auth(user, pw), Sequelize(db, user, pw); JDBC getConnection, Apache HttpClient and java.net credentials,
// OkHttp's Credentials.basic, MongoCredential; Go's SetBasicAuth and smtp.PlainAuth.
const FINDERS: Record<CodeModel['language'], Finder> = {
  python: {
    anchor: /\b(HTTPBasicAuth|HTTPDigestAuth|HTTPProxyAuth|BasicAuth|DigestAuth|PlainCredentials|login|auth|basic_auth|http_auth)\b/g,
    query: `
(call function: [(identifier) (attribute)] @call arguments: (argument_list . (_) @user . (string) @value) (#match? @call "(^|\\\\.)(HTTPBasicAuth|HTTPDigestAuth|HTTPProxyAuth|BasicAuth|DigestAuth|PlainCredentials|login)$"))
(keyword_argument name: (identifier) @call value: (tuple . (_) @user . (string) @value .) (#match? @call "^(auth|basic_auth|http_auth|proxy_auth)$"))`,
  },
  javascript: {
    anchor: /\b(Sequelize|auth)\b/g,
    query: `
(new_expression constructor: (identifier) @call arguments: (arguments . (_) . (_) @user . (string) @value) (#eq? @call "Sequelize"))
(call_expression function: (member_expression property: (property_identifier) @call) arguments: (arguments . (_) @user . (string) @value .) (#eq? @call "auth"))`,
  },
  typescript: { anchor: /$^/g, query: '' },
  java: {
    anchor: /\b(getConnection|UsernamePasswordCredentials|PasswordAuthentication|basic|createCredential|createScramSha256Credential)\b/g,
    query: `
(method_invocation name: (identifier) @call arguments: (argument_list . (_) . (_) @user . (string_literal) @value .) (#eq? @call "getConnection"))
(method_invocation name: (identifier) @call arguments: (argument_list . (_) @user . [(string_literal) @value (method_invocation object: (string_literal) @value)]) (#eq? @call "basic"))
(method_invocation name: (identifier) @call arguments: (argument_list . (_) . (_) . [(string_literal) @value (method_invocation object: (string_literal) @value)] .) (#match? @call "^create(Scram\\\\w*)?Credential$"))
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . (_) @user . [(string_literal) @value (method_invocation object: (string_literal) @value)] .) (#match? @call "^(UsernamePasswordCredentials|PasswordAuthentication)$"))`,
  },
  go: {
    anchor: /\b(SetBasicAuth|PlainAuth)\b/g,
    query: `
(call_expression function: (selector_expression field: (field_identifier) @call) arguments: (argument_list . (_) @user . (interpreted_string_literal) @value .) (#eq? @call "SetBasicAuth"))
(call_expression function: (selector_expression field: (field_identifier) @call) arguments: (argument_list . (_) . (_) @user . (interpreted_string_literal) @value) (#eq? @call "PlainAuth"))`,
  },
};
FINDERS.typescript = FINDERS.javascript;

/** Every password literal passed by position to a credentials constructor, login or auth call of the file. */
export function credentialArguments(model: CodeModel): CredentialArgument[] {
  const finder = FINDERS[model.language];
  const out: CredentialArgument[] = [];
  const seen = new Set<number>();
  for (const m of anchoredMatches(model, finder.anchor, finder.query)) {
    const value: Node = m.get('value')!;
    const literal = stringLiteral(value);
    if (!literal || seen.has(value.id) || namesSlots(m.get('user'), literal.value)) continue;
    seen.add(value.id);
    out.push({ literal, call: m.get('call')!.text.replace(/\s+/g, '') });
  }
  return out.sort((a, b) => a.literal.node.startIndex - b.literal.node.startIndex);
}

/**
 * `new Sequelize('database', 'username', 'password', { dialect: 'sqlite' })`: when the user is the word
 * `username` and the password the word `password`, both only name their slots (a template, or a driver
 * that ignores them), and an anonymous FTP login has none. A real user beside `password` still makes it a
 * default credential.
 */
function namesSlots(user: Node | undefined, password: string): boolean {
  const name = stringLiteral(user)?.value ?? '';
  // FTP's anonymous login takes any password by convention (an e-mail address): no credential.
  if (/^(anonymous|ftp)$/i.test(name)) return true;
  return /^(user|username|login)$/i.test(name) && /^(password|pass|passwd|pwd)$/i.test(password);
}
