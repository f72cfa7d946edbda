import type { CodeModel } from '../codeModel';

/** What the code does with the value: keep the string, parse a number, or test a flag. */
export type EnvValueType = 'string' | 'int' | 'bool';

/**
 * The idiomatic expression that reads an environment variable in the file's language, with an
 * optional default (source text of a literal): `process.env.PORT ?? 3000`, `os.environ["X"]`,
 * `int(os.environ.get("PORT", 5000))`, `System.getenv("X")`, `os.Getenv("X")`. Go has no default
 * in an expression; callers that need one insert the `if v == ""` idiom themselves.
 */
export function envReadText(model: CodeModel, name: string, type: EnvValueType = 'string', fallback?: string): string {
  switch (model.language) {
    case 'javascript':
    case 'typescript': {
      const read = fallback === undefined ? `process.env.${name}` : `process.env.${name} ?? ${fallback}`;
      if (type === 'bool') return `process.env.${name} === 'true'`;
      // TypeScript wants a number where a number was; JavaScript's listen() takes the string as it is.
      return type === 'int' && model.language === 'typescript' ? `Number(${read})` : read;
    }
    case 'python': {
      if (type === 'bool') return `os.environ.get("${name}", "false").lower() == "true"`;
      const read = fallback === undefined ? `os.environ["${name}"]` : `os.environ.get("${name}", ${fallback})`;
      return type === 'int' ? `int(${read})` : read;
    }
    case 'java': {
      if (type === 'bool') return `Boolean.parseBoolean(System.getenv("${name}"))`;
      const read = fallback === undefined ? `System.getenv("${name}")` : `System.getenv().getOrDefault("${name}", ${javaString(fallback)})`;
      return type === 'int' ? `Integer.parseInt(${read})` : read;
    }
    case 'go':
      return type === 'bool' ? `os.Getenv("${name}") == "true"` : `os.Getenv("${name}")`;
  }
}

/** A Java default must be a String for getOrDefault: `8080` becomes `"8080"`. */
function javaString(fallback: string): string {
  return fallback.startsWith('"') ? fallback : `"${fallback}"`;
}

/** The environment variable name for a code name: `dbPassword` → `DB_PASSWORD`, `api-key` → `API_KEY`. */
export function envNameFor(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
