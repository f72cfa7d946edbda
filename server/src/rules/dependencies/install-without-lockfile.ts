import * as path from 'node:path';
import { commandWords, parseShell, programName, skipOptions, type ShellWord } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import { matchesGlob } from '../../engine/glob';
import type { RuleContext } from '../../engine/types';
import type { DockerfileModel, DockerInstruction, SpannedValue } from '../../parsing/dockerfile/dockerfileModel';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock'];
// Options whose value is a separate word, so that the value is not mistaken for a package name.
const NPM_VALUE_FLAGS = new Set(['--prefix', '--omit', '--include', '--only', '--registry', '--cache', '--loglevel', '--workspace', '-w']);
const YARN_VALUE_FLAGS = new Set(['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex']);
const PIP_VALUE_FLAGS = new Set([
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host',
  '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--cache-dir', '--src',
  '--upgrade-strategy', '--log', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '--progress-bar', '-C', '--config-settings',
]);
// Packaging tools themselves: `pip install --upgrade pip setuptools wheel` is routine, not an app dependency.
const PACKAGING_TOOLS = new Set(['pip', 'setuptools', 'wheel']);

/** `npm install` / `yarn` without a lockfile in the image, `pip install <name>` without a version, and `go get` without go.mod. */
export default defineRule<DockerfileModel>({
  id: 'dependencies/install-without-lockfile',
  factor: 'dependencies',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'npm install or yarn with only package.json copied, pip install of packages without version pins, or go get without go.mod in the image (or with -u).',
  rationale: 'Dependencies are declared exactly; without a lockfile or pins each build resolves different versions.',
  messages: {
    noLockfile: '`{{command}}` runs with package.json copied but no lockfile, so each build resolves versions afresh; copy {{lockfile}} first.',
    unpinnedPip: '`pip install` of {{packages}} without version pins installs whatever is newest at build time; pin them (==) or use a requirements file.',
    goWithoutModule: '`{{command}}` runs without a go.mod in the image, so each build resolves the imports of {{packages}} to whatever is newest; copy go.mod and go.sum first and run `go mod download`.',
    goUpgrade: '`{{command}}` upgrades the dependencies to their newest versions at build time, whatever go.mod and go.sum pin; drop -u and let go.mod decide.',
  },
  fixable: true,
  check(model, ctx) {
    for (const stage of model.stages) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || run.command?.form !== 'shell') continue;
        for (const command of parseShell(run.command.text, run.command.span.start, model.escapeChar).commands) {
          const words = commandWords(command);
          const program = programName(words[0]?.value ?? '');
          const install = program === 'npm' ? npmInstall(words) : program === 'yarn' ? yarnInstall(words) : undefined;
          if (install) {
            const copies = copiesBefore(model, stage.index, run);
            const manifest = [...copies].reverse().find((s) => brings(s, 'package.json'));
            if (!manifest || copies.some((s) => LOCKFILES.some((lock) => brings(s, lock)))) continue;
            const at = { start: words[0].span.start, end: install.span.end };
            const lockSource = manifest.value.replace(/package\.json$/, 'package-lock.json');
            const canFix = program === 'npm' && lockSource !== manifest.value &&
              ctx.workspace.readText(path.join(path.dirname(ctx.file.path), lockSource)) !== undefined;
            const edits = [{ span: { start: manifest.span.end, end: manifest.span.end }, text: ` ${lockSource}` }, { span: install.span, text: 'ci' }];
            ctx.report({
              messageId: 'noLockfile',
              data: { command: model.file.text.slice(at.start, at.end), lockfile: program === 'npm' ? 'package-lock.json' : 'yarn.lock' },
              at,
              fix: canFix ? { title: 'Copy package-lock.json and install with npm ci', edits } : undefined,
            });
          }
          const pip = /^pip[\d.]*$/.test(program) ? 0 : /^python[\d.]*$/.test(program) && words[1]?.value === '-m' && words[2]?.value === 'pip' ? 2 : -1;
          const packages = pip >= 0 && words[pip + 1]?.value === 'install' ? unpinnedPackages(words.slice(pip + 2)) : [];
          if (packages.length > 0) {
            ctx.report({ messageId: 'unpinnedPip', data: { packages: packages.join(', ') }, at: { start: words[0].span.start, end: words[pip + 1].span.end } });
          }
          if (program === 'go' && words[1]?.value === 'get') checkGoGet(words, goModuleCopied(model, stage.index, run, ctx.file.path, ctx), ctx, model.file.text);
        }
      }
    }
  },
});

/**
 * `go get` without a go.mod in the image runs in GOPATH mode and fetches each import at its newest
 * revision; `go get -u` upgrades past what go.mod pins. Arguments at a version (`pkg@v1.2.3`) and
 * variables are pinned by whoever wrote them.
 */
function checkGoGet(words: ShellWord[], module: boolean, ctx: RuleContext<Record<string, never>>, text: string): void {
  const args = words.slice(2);
  const packages = args.filter((w) => !w.value.startsWith('-'));
  if (packages.some((w) => w.value.includes('@') || w.value.includes('$'))) return;
  const at = { start: words[0].span.start, end: words[1].span.end };
  const command = text.slice(words[0].span.start, (args[args.length - 1] ?? words[1]).span.end);
  if (!module) ctx.report({ messageId: 'goWithoutModule', data: { command, packages: packages.map((w) => w.value).join(', ') || '.' }, at });
  else if (args.some((w) => /^-u(=patch)?$/.test(w.value))) ctx.report({ messageId: 'goUpgrade', data: { command }, at });
}

/**
 * Whether a go.mod reaches the `RUN`: a COPY source named for it (or a glob matching it), or a folder
 * of the build context (`.`, `src/`) that holds one in the workspace.
 */
function goModuleCopied(model: DockerfileModel, stageIndex: number, run: DockerInstruction, file: string, ctx: RuleContext<Record<string, never>>): boolean {
  const context = path.dirname(file);
  return copiesBefore(model, stageIndex, run).some((source) => {
    const value = source.value.replace(/^\.\//, '');
    const base = path.posix.basename(value);
    if (base === 'go.mod' || (/[*?[]/.test(base) && matchesGlob('go.mod', base))) return true;
    return (value === '' || value === '.' || value.endsWith('/') || !base.includes('.')) && ctx.workspace.readText(path.join(context, value, 'go.mod')) !== undefined;
  });
}

/** The `install` word of `npm install` / `npm i` without package arguments. */
function npmInstall(words: ShellWord[]): ShellWord | undefined {
  const rest = skipOptions(words.slice(1), NPM_VALUE_FLAGS);
  if (rest[0]?.value !== 'install' && rest[0]?.value !== 'i') return undefined;
  return skipOptions(rest.slice(1), NPM_VALUE_FLAGS).length === 0 ? rest[0] : undefined;
}

/** The word that ends a `yarn` / `yarn install` (yarn install never takes package names). */
function yarnInstall(words: ShellWord[]): ShellWord | undefined {
  const rest = skipOptions(words.slice(1), YARN_VALUE_FLAGS);
  if (rest.length === 0) return words[0];
  return rest[0].value === 'install' ? rest[0] : undefined;
}

/** Requirement arguments with no version constraint; files, paths, URLs and variables are left alone. */
function unpinnedPackages(args: ShellWord[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i].value;
    // A constraints file pins whatever is named on the command line.
    if (arg === '-c' || arg === '--constraint' || arg.startsWith('--constraint=')) return [];
    if (arg.startsWith('-')) {
      if (PIP_VALUE_FLAGS.has(arg) || ['-r', '--requirement', '-e', '--editable'].includes(arg)) i++;
      continue;
    }
    if (/[=~<>@!]|[/\\$`]|^\.|\.(whl|zip|tar\.gz|tgz)$/i.test(arg)) continue;
    if (!PACKAGING_TOOLS.has(arg.toLowerCase().replace(/\[.*$/, ''))) names.push(arg);
  }
  return names;
}

/** The COPY/ADD sources of the build context that reach `run`: its stage's and its parent stages'. */
function copiesBefore(model: DockerfileModel, stageIndex: number, run: DockerInstruction): SpannedValue[] {
  const chain: number[] = [];
  for (let s: number | undefined = stageIndex; s !== undefined && !chain.includes(s); s = model.stages[s].parent) chain.unshift(s);
  return chain
    .flatMap((s) => model.stages[s].instructions)
    .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.copyFrom === undefined && i.span.start < run.span.start)
    .flatMap((i) => i.sources ?? []);
}

/**
 * Whether a COPY source brings a file of that name: a glob that matches it, the file itself, or a
 * directory (`.`, `app/`, a name without an extension), which brings whatever lies beside package.json.
 */
function brings(source: SpannedValue, file: string): boolean {
  const value = source.value.replace(/^\.\//, '');
  if (value === '' || value === '.' || value.endsWith('/') || !/[.*?[]/.test(path.posix.basename(value))) return true;
  const dir = path.posix.dirname(value);
  return matchesGlob(dir === '.' ? file : `${dir}/${file}`, value);
}
