import type { SecretVerdict } from './secrets';

/**
 * Words that mark a file, profile or folder as a developer's or a test run's set-up rather than a
 * release: `docker-compose.dev.yml`, `compose.override.yaml`, `application-local.yml`, `ci/`.
 */
export const NON_PRODUCTION_WORDS: ReadonlySet<string> = new Set(['dev', 'develop', 'development', 'local', 'override', 'debug', 'test', 'tests', 'testing', 'ci', 'e2e']);

/** True when a name (a profile, a file name's words) is one of {@link NON_PRODUCTION_WORDS}. */
export function isNonProductionWord(word: string | undefined): boolean {
  return word !== undefined && NON_PRODUCTION_WORDS.has(word.toLowerCase());
}

/**
 * Whether a secret found in a non-production file still matters. A throwaway password for a local
 * or test database (`POSTGRES_PASSWORD: postgres` in `docker-compose.test.yml`, `password: root`
 * in `application-dev.yml`) is not a leak; a provider token or a private key is one wherever it is
 * committed, since it works against real systems.
 */
export function mattersOutsideProduction(verdict: SecretVerdict): boolean {
  return verdict.reason === 'token-format' || verdict.reason === 'private-key';
}
