// The CLI's parse floor: a cold Node process that only reads the files the CLI analyses (listed one
// per line in the file named by its argument) and parses them with the CLI's own parsers (yaml,
// dockerfile-ast, tree-sitter), without rules. `npm run bench` compares the CLI's CPU time with this.
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('yaml');
const { DockerfileParser } = require('dockerfile-ast');
const { Parser, Language } = require('web-tree-sitter');

const WASM = path.resolve(__dirname, '../../server/out');
const GRAMMAR = { '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'tsx', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript', '.py': 'python', '.java': 'java', '.go': 'go' };

async function main() {
  const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  await Parser.init({ locateFile: (name) => path.join(WASM, name) });
  const parsers = new Map();
  const parserOf = async (grammar) => {
    if (!parsers.has(grammar)) {
      const parser = new Parser();
      parser.setLanguage(await Language.load(path.join(WASM, `tree-sitter-${grammar}.wasm`)));
      parsers.set(grammar, parser);
    }
    return parsers.get(grammar);
  };
  let parsed = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const base = path.basename(file).toLowerCase();
    const grammar = GRAMMAR[path.extname(base)];
    if (base.includes('dockerfile')) DockerfileParser.parse(text);
    else if (/\.ya?ml$/.test(base)) yaml.parseAllDocuments(text);
    else if (grammar) (await parserOf(grammar)).parse(text).delete();
    else text.split('\n');
    parsed++;
  }
  if (parsed !== files.length) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
