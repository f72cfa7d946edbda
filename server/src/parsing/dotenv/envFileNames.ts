import * as path from 'node:path';

// How .env files are named: the real one a developer or a platform fills in (`.env`, `.env.local`,
// `.env.production`), and the template committed beside it to document the variables
// (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.dev-sample`).

/** The suffixes that make a template of a .env file's name, in the order a template is looked for. */
const TEMPLATE_SUFFIXES = ['.example', '.sample', '.template', '.dist', '-example', '-sample', '_example', '_sample'];
const TEMPLATE_WORD = /(^|[.\-_])(example|sample|template|tmpl|dist)([.\-_]|$)/i;

/** True for a template meant to be committed: its name has a word such as `example`, `sample`, `template` or `dist`. */
export function isEnvTemplate(filePath: string): boolean {
  return TEMPLATE_WORD.test(path.basename(filePath.replace(/\\/g, '/')));
}

/** True for the env file of a test run (`.env.test`, `.env.testing`, `.env.ci`, `.env.e2e`), often committed on purpose with throwaway local values. */
export function isTestEnvFile(filePath: string): boolean {
  return /(^|[.\-_])(test|testing|ci|e2e)([.\-_]|$)/i.test(path.basename(filePath.replace(/\\/g, '/')));
}

/** The paths a template of a real .env file may have, in order: `.env` → `.env.example`, `.env.sample`, … */
export function templateCandidates(realPath: string): string[] {
  return TEMPLATE_SUFFIXES.map((suffix) => realPath + suffix);
}

/** The real file a template documents (`.env.example` → `.env`), or undefined when the name has no template suffix at its end. */
export function realFileOf(templatePath: string): string | undefined {
  const suffix = TEMPLATE_SUFFIXES.find((s) => templatePath.toLowerCase().endsWith(s) && templatePath.length > s.length);
  return suffix ? templatePath.slice(0, -suffix.length) : undefined;
}
