/**
 * Default and weak credentials: the passwords that images, tutorials and products ship with. They are
 * not placeholders: a database started with `postgres` or a JWT signed with `secret` is open to anyone
 * who reads the repository, or guesses. The secret detector reports them as default credentials.
 */

// Images' documented defaults (postgres, guest for RabbitMQ, minioadmin, root), the words every
// tutorial uses, and the top of every leaked-password list.
const DEFAULT_CREDENTIALS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'pass', 'passwd', 'secret', 'guest', 'postgres', 'root', 'toor', 'admin', 'administrator',
  'mysql', 'mariadb', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'minio', 'minioadmin', 'keycloak', 'elastic',
  'test', 'demo', 'default', 'user', 'letmein', 'qwerty', 'welcome', 'admin123', 'password1', 'password123', 'pass123',
  'secret123', 'mysecretpassword', 'mysecret', 'mypassword', '123456', '1234', '12345', '12345678', '123456789',
]);

/**
 * True when a value is a default or weak credential: a well-known default (`postgres`, `guest`,
 * `secret`), or one of the words of its own name (`KEYCLOAK_ADMIN_PASSWORD=keycloak`, `MYSQL_PASSWORD=mysql`:
 * the product's or the app's own name).
 *
 * @param nameWords the lower-case words of the variable's name
 */
export function isDefaultCredential(value: string, nameWords: readonly string[]): boolean {
  const v = value.trim().toLowerCase();
  return DEFAULT_CREDENTIALS.has(v) || (/^[a-z]+$/.test(v) && nameWords.includes(v));
}
