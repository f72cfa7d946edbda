// Checks what the VSIX ships: only bundles, grammars, rule docs, runtime assets and the top-level docs.
// Usage: node test/e2e/vsixContents.mjs [path/to.vsix]   (run.mjs calls checkVsix() after `npm run package`)
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The largest VSIX we accept. */
export const MAX_BYTES = 6 * 1024 * 1024;

/** Files a VSIX may contain (paths inside the zip). Everything else is a packaging mistake. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i, // vsce lower-cases these two
  /^extension\/license(\.md|\.txt)?$/i,
  /^extension\/client\/out\/[^/]+\.js$/,
  /^extension\/server\/out\/(?!generate\.js$)[^/]+\.js$/,
  /^extension\/server\/out\/docs\/.+\.md$/,
  /^extension\/server\/out\/(web-tree-sitter|tree-sitter-(typescript|tsx|javascript|python|java|go))\.wasm$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/server\/schemas\/[^/]+\.schema\.json$/,
  /^extension\/client\/media\/(icon)[^/]*\.png$/,
];

/** Files that must be there (matched case-insensitively): the extension's entry points and the top-level docs. */
const REQUIRED = [
  /^extension\/package\.json$/, /^extension\/client\/out\/extension\.js$/, /^extension\/server\/out\/server\.js$/, /^extension\/server\/out\/serverMain\.js$/,
  // The background workspace index (the server falls back to its main thread without it, slower to type in).
  /^extension\/server\/out\/indexWorker\.js$/,
  /^extension\/server\/out\/docs\/.+\.md$/, /^extension\/server\/schemas\/twelve-factor\.schema\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/license(\.md|\.txt)?$/i,
  // The tree-sitter runtime and every grammar the code parser loads.
  ...['web-tree-sitter', ...['typescript', 'tsx', 'javascript', 'python', 'java', 'go'].map((g) => `tree-sitter-${g}`)].map((name) => new RegExp(`^extension/server/out/${name}\\.wasm$`)),
];

/** Why a disallowed path is wrong, for a readable failure. */
function reason(path) {
  if (/(^|\/)node_modules\//.test(path)) return 'stray node_modules (the bundles inline dependencies)';
  if (/\.map$/.test(path)) return 'source map (not shipped: it doubles the size)';
  if (/\.(ts|tsx|mts|cts)$/.test(path) && !/\.d\.ts$/.test(path)) return 'TypeScript source';
  if (/^extension\/(test|\.ci|examples)\//.test(path)) return 'test or example files';
  if (/\/src\//.test(path)) return 'source folder';
  if (/server\/out\/generate\.js$/.test(path)) return 'build-time generator, not needed at run time';
  if (/\.vsix$/.test(path)) return 'a packaged VSIX inside the VSIX';
  return 'not on the allow list in test/e2e/vsixContents.mjs';
}

/**
 * Lists the entries of a zip file from its central directory (no dependencies: a VSIX is a plain zip).
 * @returns {{ name: string, size: number }[]}
 */
export function listZip(file) {
  const buf = readFileSync(file);
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Returns a failure message for a bad VSIX, or undefined. Prints the listing when it fails. */
export function checkVsix(vsix) {
  const bytes = statSync(vsix).size;
  const entries = listZip(vsix);
  console.log(`${vsix}: ${entries.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  const problems = [];
  for (const e of entries) if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`${e.name}: ${reason(e.name)}`);
  for (const required of REQUIRED) if (!entries.some((e) => required.test(e.name))) problems.push(`nothing matches ${required}: a required file is missing`);
  if (bytes > MAX_BYTES) problems.push(`the VSIX is ${bytes} bytes, over the ${MAX_BYTES}-byte limit`);
  if (problems.length || process.env.VERBOSE) for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
  return problems.length ? `the VSIX content is wrong:\n    ${problems.join('\n    ')}` : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = checkVsix(process.argv[2] ?? 'twelve-factor-guide.vsix');
  if (problem) { console.error(`FAIL: ${problem}`); process.exit(1); }
  console.log('VSIX content ok');
}
