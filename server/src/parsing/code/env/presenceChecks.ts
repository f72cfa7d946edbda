const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the code tests whether a variable is set before relying on it, so that a missing one
 * takes another path instead of failing: `"X" in os.environ`, `if os.getenv("X"):`, `"X" in
 * process.env`, `if (process.env.X)`, `os.LookupEnv("X")`, `os.Getenv("X") != ""`,
 * `System.getenv("X") != null`, `getenv().containsKey("X")`; or compares it with a value
 * (`process.env.NODE_ENV === 'production'`), which a missing variable simply fails. A read guarded so
 * is optional config.
 */
export function checksPresence(text: string, name: string): boolean {
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
    // Compared with a value: a missing variable is simply not equal (`process.env.NODE_ENV === 'production'`).
    `(?:process\\.env(?:\\.${n}\\b|\\[${q}${n}${q}\\])|(?:getenv|environ\\.get|Getenv)\\(\\s*${q}${n}${q}\\s*\\)|environ\\[${q}${n}${q}\\])\\s*(?:[!=]==?|\\.equals\\b)`,
    `${q}[^'"\`\\n]*${q}\\s*(?:[!=]==?)\\s*process\\.env\\.${n}\\b`,
  ];
  if (new RegExp(patterns.join('|')).test(text)) return true;
  // Read into a variable that is then tested: `v := os.Getenv("X"); if v != "" {…}`, `x = os.getenv("X")` … `if x:`.
  const read = `(?:process\\.env(?:\\.${n}\\b|\\[${q}${n}${q}\\])|(?:(?:os|System)\\.)?(?:getenv|environ\\.get|Getenv)\\(\\s*${q}${n}${q}\\s*\\))`;
  for (const m of text.matchAll(new RegExp(`\\b([A-Za-z_]\\w*)\\s*(?::=|=)\\s*${read}`, 'g'))) {
    const v = escape(m[1]);
    const tested = `\\bif\\s*\\(?\\s*(?:!|not\\s+)?\\s*${v}\\s*[):]|\\b${v}\\s*(?:[!=]==?|is\\s+(?:not\\s+)?)\\s*(?:""|''|None|null|undefined)|(?:""|''|None|null|undefined)\\s*[!=]==?\\s*${v}\\b|\\blen\\(\\s*${v}\\s*\\)`;
    if (new RegExp(tested).test(text.slice(m.index))) return true;
  }
  return false;
}
