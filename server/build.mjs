// Bundles the extension client, the language server, the CLI and the generator with esbuild, and
// copies the rule docs (the editor links to them offline) and the tree-sitter WASM files next to the
// server bundle.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Less text for Node to compile at every start; names stay as written (profiles and stacks read as the source).
  minifyWhitespace: true,
  minifySyntax: true,
  // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build finds its files through import.meta.url, which a CJS bundle lacks.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // server.js only loads serverMain.js (the server) through V8's code cache: see server/src/startup/codeCache.ts.
  { ...common, entryPoints: ['server/src/serverLoader.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/serverMain.js' },
  // cli.js only starts cliMain.js (the CLI) on a worker thread: see server/src/cli.ts.
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/cliMain.ts'], outfile: 'server/out/cliMain.js' },
  // The audit's worker threads (`--jobs`), started by the CLI or the server from this folder.
  { ...common, entryPoints: ['server/src/audit/auditWorker.ts'], outfile: 'server/out/auditWorker.js' },
  // The language server's background workspace index (lsp/indexWorker.ts), started by the server from this folder.
  { ...common, entryPoints: ['server/src/lsp/indexWorker.ts'], outfile: 'server/out/indexWorker.js' },
  { ...common, entryPoints: ['server/src/generate.ts'], outfile: 'server/out/generate.js' },
];

function copyDocs() {
  const src = join(root, 'server/src/rules');
  const out = join(root, 'server/out/docs');
  rmSync(out, { recursive: true, force: true });
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) {
        const target = join(out, relative(src, full));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(full, target);
      }
    }
  };
  walk(src);
}

// The tree-sitter runtime (it must match web-tree-sitter's JavaScript, which esbuild inlines) and the
// grammars the code rules use; server/src/parsing/code/treeSitter.ts locates them next to the bundle.
const GRAMMARS = ['typescript', 'tsx', 'javascript', 'python', 'java', 'go'];
function copyWasm() {
  const out = join(root, 'server/out');
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(out, 'web-tree-sitter.wasm'));
  for (const grammar of GRAMMARS) {
    const name = `tree-sitter-${grammar}.wasm`;
    cpSync(join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm', name), join(out, name));
  }
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  copyDocs();
  copyWasm();
  console.log('watching…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyDocs();
  copyWasm();
}
