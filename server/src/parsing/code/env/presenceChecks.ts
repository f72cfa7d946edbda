import type { CodeModel } from '../codeModel';

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the code tests whether a variable is set before relying on it, so that a missing one
 * takes another path instead of failing: `"X" in os.environ`, `if os.getenv("X"):`, `"X" in
 * process.env`, `if (process.env.X)`, `os.LookupEnv("X")`, `os.Getenv("X") != ""`,
 * `System.getenv("X") != null`, `getenv().containsKey("X")`. A read guarded so is optional config.
 */
export function checksPresence(model: CodeModel, name: string): boolean {
  const n = escape(name);
  const q = `["'\`]`;
  const patterns = [
    `${q}${n}${q}\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b`,
    `${q}${n}${q}\\s+in\\s+process\\.env\\b`,
    `\\bif\\s*\\(?\\s*(?:!|not\\s+)?\\s*(?:process\\.env(?:\\.${n}\\b|\\[${q}${n}${q}\\])|os\\.(?:getenv|environ\\.get)\\(\\s*${q}${n}${q}\\s*\\))`,
    `\\bLookupEnv\\(\\s*"${n}"`,
    `\\bGetenv\\(\\s*"${n}"\\s*\\)\\s*[!=]=\\s*""`,
    `\\bgetenv\\(\\s*"${n}"\\s*\\)\\s*[!=]=\\s*null`,
    `\\bcontainsKey\\(\\s*"${n}"`,
  ];
  return new RegExp(patterns.join('|')).test(model.file.text);
}
