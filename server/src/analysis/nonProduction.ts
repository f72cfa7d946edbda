import * as path from 'node:path';
import type { SecretVerdict } from './secrets';

/**
 * Words that mark a file, profile or folder as a developer's or a test run's set-up rather than a
 * release: `docker-compose.dev.yml`, `compose.override.yaml`, `application-local.yml`, `ci/`.
 */
export const NON_PRODUCTION_WORDS: ReadonlySet<string> = new Set(['dev', 'develop', 'development', 'local', 'override', 'debug', 'test', 'tests', 'testing', 'ci', 'e2e']);

/** The subset that marks one developer's machine rather than a test run: a local-only file. */
export const LOCAL_DEVELOPMENT_WORDS: ReadonlySet<string> = new Set(['dev', 'develop', 'development', 'local', 'override', 'debug']);

/**
 * The subset a team commits on purpose and shares (`.env.development`, `.env.test`), as opposed to one
 * machine's own overrides (`.env.local`), which belong in .gitignore whatever they hold.
 */
export const SHARED_NON_PRODUCTION_WORDS: ReadonlySet<string> = new Set(['dev', 'develop', 'development', 'test', 'tests', 'testing', 'ci', 'e2e']);

// Folders whose files set up a developer's machine or a test run (`dev/docker-compose.yml`, `overlays/dev/`, `.devcontainer/`).
const NON_PRODUCTION_FOLDERS = new Set(['dev', 'development', 'local', '.devcontainer', 'test', 'tests', 'e2e']);

/** True when a name (a profile, a file name's words) is one of {@link NON_PRODUCTION_WORDS}. */
export function isNonProductionWord(word: string | undefined): boolean {
  return word !== undefined && NON_PRODUCTION_WORDS.has(word.toLowerCase());
}

/**
 * True when a file's name, split into words at `.`, `-` and `_`, has one of `words`:
 * `docker-compose.dev.yml`, `Dockerfile.local`, `Procfile.test`, `settings/dev.py`. Each family
 * passes the words that mean "not a release" for its files.
 */
export function hasNameWord(filePath: string, words: ReadonlySet<string> = NON_PRODUCTION_WORDS): boolean {
  const normalized = filePath.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1).toLowerCase();
  return base.split(/[.\-_]/).some((w) => words.has(w));
}

/**
 * True when a file is named for development or tests: a word of its name ({@link hasNameWord}), or
 * its own folder (`dev/`, `tests/`, `.devcontainer/`). Only the file's own folder counts: folders
 * further up may lie outside the project (`/home/dev/…`).
 */
export function isNonProductionFile(filePath: string, words: ReadonlySet<string> = NON_PRODUCTION_WORDS): boolean {
  const normalized = filePath.replace(/\\/g, '/');
  return hasNameWord(normalized, words) || NON_PRODUCTION_FOLDERS.has(path.posix.basename(path.posix.dirname(normalized)).toLowerCase());
}

/**
 * The one leniency of every secret rule: whether a verdict is reported in a file that is, or is not,
 * named for development or tests ({@link isNonProductionFile}).
 */
export function reportsSecret(verdict: SecretVerdict, nonProduction: boolean): boolean {
  return !nonProduction || mattersOutsideProduction(verdict);
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
