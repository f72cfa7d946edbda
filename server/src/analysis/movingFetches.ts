import { stdinInterpreter, stripSudo } from './downloads';
import { commandWords, programName, wrappedScript, type ShellScript, type ShellWord, type SimpleCommand } from './shellCommand';
import type { Span } from '../parsing/sourceFile';
import { stripRunners, toolName } from './commandKinds';

// Code fetched at build or start time from a reference that moves (a branch, `latest`), so that the
// image no longer follows from one revision of the codebase. Shared by the Dockerfile and Procfile
// checks so that both read commands alike.

/** One fetch of code from a moving reference. */
export interface MovingFetch {
  /** What fetches it: `git clone`, `curl`, `ADD`, `go install`, `pip install`. */
  tool: string;
  /** The source as written (a URL, a module path). */
  source: string;
  /** The reference it follows, in words: `the default branch`, `branch main`, `@latest`. */
  ref: string;
  span: Span;
}

/** What a caller knows about the build context. */
export interface FetchContext {
  /** A `go.mod` sits in the build context, so `go get` resolves versions through it. */
  goModule: boolean;
}

/** Branch names (and `go get` queries) that name whatever is newest rather than one revision. */
const MOVING_REFS = new Set(['master', 'main', 'head', 'develop', 'development', 'dev', 'trunk', 'latest', 'upgrade', 'patch', 'default', 'stable', 'nightly', 'edge']);

/** True when a reference is a branch tip or a `latest`-style query; a variable is assumed to be pinned by its value. */
export function isMovingRef(ref: string): boolean {
  return MOVING_REFS.has(ref.toLowerCase()) || /^refs\/heads\//.test(ref);
}

/** One command of a sequence, with the command its output is piped into. */
interface Step {
  command: SimpleCommand;
  pipedInto?: SimpleCommand;
}

/** The simple commands of scripts in order, `sh -c` wrappers opened, each with what it pipes into. */
function steps(scripts: readonly ShellScript[], text: string, depth = 0): Step[] {
  return scripts.flatMap((script) =>
    script.commands.flatMap((command, i): Step[] => {
      const inner = depth < 3 ? wrappedScript(command, text) : undefined;
      if (inner) return steps([inner], text, depth + 1);
      return [{ command, pipedInto: script.separators[i] === '|' ? script.commands[i + 1] : undefined }];
    }),
  );
}

/**
 * The moving fetches of a sequence of shell scripts (the RUN, CMD and ENTRYPOINT of a Dockerfile in
 * order, or a Procfile's process lines). A clone counts as pinned when a later command checks out or
 * resets to a fixed reference.
 *
 * @param text the file text the scripts' spans point into
 */
export function movingFetches(scripts: readonly ShellScript[], text: string, context: FetchContext): MovingFetch[] {
  const sequence = steps(scripts, text);
  // Each command's words once: a clone looks at every later command, which per command was quadratic in a long RUN.
  const wordsOf = sequence.map((s) => stripSudo(commandWords(s.command)));
  const found: MovingFetch[] = [];
  sequence.forEach((step, i) => {
    const words = wordsOf[i];
    const later = wordsOf.slice(i + 1);
    const fetch = gitClone(words, later) ?? gitPull(words, step.command.span) ?? download(words, step) ?? goFetch(words, context);
    found.push(...(fetch ? [fetch] : packageFetches(words)));
  });
  return found;
}

/** `git clone <url>` of a branch tip: no `--branch`, or a branch that moves, and no later checkout of a fixed reference. */
function gitClone(words: ShellWord[], later: ShellWord[][]): MovingFetch | undefined {
  const args = gitArgs(words);
  if (args?.[0]?.value !== 'clone') return undefined;
  let branch: string | undefined;
  const positional: ShellWord[] = [];
  for (let k = 1; k < args.length; k++) {
    const value = args[k].value;
    const inline = /^--branch=(.*)$/.exec(value);
    if (value === '-b' || value === '--branch') branch = args[++k]?.value;
    else if (inline) branch = inline[1];
    else if (/^(-c|--config|--depth|--reference|--separate-git-dir|-o|--origin|-u|--upload-pack|-j|--jobs|--filter|--shallow-since|--shallow-exclude|--template)$/.test(value)) k++;
    else if (!value.startsWith('-')) positional.push(args[k]);
  }
  const url = positional[0];
  if (!url || !isRemoteSource(url.value)) return undefined;
  if (branch !== undefined && (branch.includes('$') || !isMovingRef(branch))) return undefined;
  if (later.some(checksOutFixedRef)) return undefined;
  return { tool: 'git clone', source: url.value, ref: branch ? `branch ${branch}` : 'the default branch', span: url.span };
}

/** `git pull` (at build or start): the checkout moves to whatever its branch holds now, unless a fixed ref is pulled. */
function gitPull(words: ShellWord[], span: Span): MovingFetch | undefined {
  const args = gitArgs(words);
  if (args?.[0]?.value !== 'pull') return undefined;
  const positional = args.slice(1).filter((w) => !w.value.startsWith('-'));
  const ref = positional[1]?.value;
  if (ref !== undefined && (ref.includes('$') || !isMovingRef(ref))) return undefined;
  return { tool: 'git pull', source: positional[0]?.value ?? 'its remote', ref: ref ? `branch ${ref}` : 'the tracked branch', span };
}

/** The words after `git` and its global options (`git -C dir clone …` → `clone …`). */
function gitArgs(words: ShellWord[]): ShellWord[] | undefined {
  if (programName(words[0]?.value ?? '') !== 'git') return undefined;
  let k = 1;
  while (k < words.length && words[k].value.startsWith('-')) k += /^(-C|-c|--git-dir|--work-tree)$/.test(words[k].value) ? 2 : 1;
  return words.slice(k);
}

/** `git checkout <sha|tag>`, `git reset --hard <sha|tag>`, `git switch --detach <ref>`: a clone pinned after the fact. */
function checksOutFixedRef(words: ShellWord[]): boolean {
  const args = gitArgs(words);
  if (!args || !['checkout', 'reset', 'switch'].includes(args[0]?.value ?? '')) return false;
  const refs = args.slice(1).filter((w) => !w.value.startsWith('-') && w.value !== '--');
  return refs.length > 0 && (refs[0].value.includes('$') || !isMovingRef(refs[0].value.replace(/^origin\//, '')));
}

/** A URL or scp-style address of a repository (not a local path). */
function isRemoteSource(value: string): boolean {
  return /^(https?|git|ssh|git\+\w+):\/\//.test(value) || /^[\w.-]+@[\w.-]+:/.test(value);
}

/** `curl`/`wget` of a file or archive on a branch (`raw.githubusercontent.com/o/r/main/…`); a pipe into a shell is `dependencies/remote-script-pipe`'s. */
function download(words: ShellWord[], step: Step): MovingFetch | undefined {
  const tool = programName(words[0]?.value ?? '');
  if (tool !== 'curl' && tool !== 'wget') return undefined;
  if (step.pipedInto && stdinInterpreter(step.pipedInto)) return undefined;
  for (const word of words.slice(1)) {
    const ref = branchOfUrl(word.value);
    if (ref) return { tool, source: word.value, ref: `branch ${ref}`, span: word.span };
  }
  return undefined;
}

/**
 * The moving branch a URL of a code host serves a file or archive from, if any: raw files and
 * archives on GitHub (`raw.githubusercontent.com`, `/raw/`, `/blob/`, `/archive/`, codeload),
 * GitLab (`/-/raw/`, `/-/archive/`) and Bitbucket (`/raw/`, `/get/`). A tag or commit is not moving.
 */
export function branchOfUrl(url: string): string | undefined {
  const match = /^https?:\/\/([^/\s]+)(\/[^\s?#]*)/.exec(url);
  if (!match) return undefined;
  const host = match[1].toLowerCase();
  const parts = match[2].split('/').filter(Boolean);
  let ref: string | undefined;
  if (host === 'raw.githubusercontent.com') ref = parts[2] === 'refs' ? parts.slice(2, 5).join('/') : parts[2];
  else if (host === 'codeload.github.com') ref = parts[3] === 'refs' ? parts.slice(3, 6).join('/') : parts[3];
  else if (host === 'github.com' || host === 'bitbucket.org' || host.startsWith('gitlab.')) {
    const at = parts.findIndex((p, k) => k >= 2 && ['raw', 'blob', 'archive', 'get'].includes(p));
    if (at < 0) return undefined;
    const rest = parts.slice(at + 1);
    ref = rest[0] === 'refs' ? rest.slice(0, 3).join('/') : rest[0];
  }
  ref = ref?.replace(/\.(tar\.gz|tgz|zip|tar\.bz2)$/, '');
  return ref && !ref.includes('$') && isMovingRef(ref) ? ref : undefined;
}

/**
 * `go install x@latest`, `go get x@master`, and any `go get` with no `go.mod` to resolve versions: in
 * GOPATH mode it fetches the package, and every dependency it imports, at the default branch's tip
 * (`go get github.com/gorilla/mux`, also `go get app/server` or `go get ./...` for their imports).
 */
function goFetch(words: ShellWord[], context: FetchContext): MovingFetch | undefined {
  if (programName(words[0]?.value ?? '') !== 'go' || !['get', 'install'].includes(words[1]?.value ?? '')) return undefined;
  for (const word of words.slice(2)) {
    if (word.value.startsWith('-')) continue;
    const [path, version] = word.value.split('@');
    if (version !== undefined && isMovingRef(version)) return { tool: `go ${words[1].value}`, source: path, ref: `@${version}`, span: word.span };
    if (version === undefined && words[1].value === 'get' && !context.goModule && !path.includes('$')) {
      // A remote import path (its first element has a dot) is fetched itself; a local package has its imports fetched.
      const source = /^[\w-]+\.[\w.-]+\//.test(path) ? path : `the imports of ${path}`;
      return { tool: 'go get', source, ref: 'the default branch', span: word.span };
    }
  }
  return undefined;
}

/** `pip install git+https://…` without `@<tag or sha>`, and npm/yarn/pnpm installs of a git URL without `#<ref>`. */
function packageFetches(words: ShellWord[]): MovingFetch[] {
  const argv = stripRunners(words.map((w) => w.value));
  const offset = words.length - argv.length;
  const tool = toolName(argv[0] ?? '');
  const install = ['install', 'i', 'add'].includes(argv[1] ?? '') || (tool === 'uv' && argv[1] === 'pip' && argv[2] === 'install');
  if (!install) return [];
  const found: MovingFetch[] = [];
  for (const word of words.slice(offset + 1)) {
    const value = word.value;
    let ref: string | undefined | null = null;
    if (/^(pip\d?(\.\d+)?|uv|pipx)$/.test(tool) && /^git\+/.test(value)) ref = pipRef(value);
    else if (/^(npm|yarn|pnpm|bun)$/.test(tool) && /^(git\+\w+:|git:|github:|gitlab:|bitbucket:)/.test(value)) ref = /#(.+)$/.exec(value)?.[1];
    else if (/^https?:/.test(value)) {
      const branch = branchOfUrl(value);
      if (branch) found.push({ tool: `${tool} install`, source: value, ref: `branch ${branch}`, span: word.span });
    }
    if (ref === null) continue;
    if (ref === undefined || (!ref.includes('$') && isMovingRef(ref))) {
      found.push({ tool: `${tool} install`, source: value.replace(/#.*$/, ''), ref: ref ? `branch ${ref}` : 'the default branch', span: word.span });
    }
  }
  return found;
}

/** The `@ref` of a pip VCS requirement (`git+https://host/o/r.git@v1.2#egg=x`); `@` in the host part is a user. */
function pipRef(value: string): string | undefined {
  const url = value.replace(/#.*$/, '').replace(/^git\+/, '');
  const path = url.replace(/^\w+:\/\/[^/]*/, '');
  const at = path.lastIndexOf('@');
  return at < 0 ? undefined : path.slice(at + 1);
}
