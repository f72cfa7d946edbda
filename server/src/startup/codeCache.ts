import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Loads a CommonJS bundle with V8's code cache, so that a start after the first skips compiling the
 * bundle and the functions its first lint ran (for a Dockerfile, a quarter of the time to first
 * diagnostics).
 *
 * The cache is only ever a shortcut: a missing, unreadable, corrupt or stale cache (another bundle,
 * another V8) means a normal compile, and a cache that cannot be written is left unwritten. A cache
 * file is keyed by the V8 version, Node's options and the bundle's content hash, carries its own
 * checksum (V8 checks versions and flags, not the payload), and is written atomically (temporary
 * file, then rename), so concurrent servers never read half a file. It lives in a per-user folder:
 * `TWELVE_FACTOR_CACHE_DIR` (the extension passes its global storage; empty turns the cache off),
 * else the platform's user cache folder.
 */
export function loadBundle(file: string): void {
  const source = readFileSync(file, 'utf8');
  const cache = cacheFile(source);
  const cached = cache ? readCache(cache) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached?.data });
  if (cache) {
    // The cache holds the functions that the first lint of each kind of file compiled: written again
    // (off the start-up path) after the first lint of a kind it lacks. Functions read from the cache
    // count as compiled, so each write holds the earlier ones too.
    const warmed = new Set(cached && !script.cachedDataRejected ? cached.warmed : []);
    (globalThis as Record<symbol, unknown>)[WARM] = (kind: string) => {
      if (warmed.has(kind)) return;
      warmed.add(kind);
      setTimeout(() => writeCache(cache, script, [...warmed]), 0).unref();
    };
  }
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
  bundle.loaded = true;
}

/** Tells the loader that the first lint of a kind of file is done (its diagnostics are out): a cache without that kind's functions is written again. */
export function markWarm(kind: string): void {
  const warm = (globalThis as Record<symbol, unknown>)[WARM];
  if (typeof warm === 'function') warm(kind);
}

const WARM = Symbol.for('twelve-factor-guide.codeCache.warm');
// A cache file: MAGIC, the SHA-256 of the rest, the warmed kinds' length (4 bytes) and JSON, then V8's data.
const MAGIC = Buffer.from('TFCC0002');
const DIGEST_BYTES = 32;

const digest = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** The per-user folder for caches, or undefined when there is none or it is turned off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.TWELVE_FACTOR_CACHE_DIR;
  if (configured !== undefined) return configured === '' ? undefined : configured;
  const home = os.homedir();
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'twelve-factor-guide', 'Cache') : undefined;
  if (!home) return undefined;
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'twelve-factor-guide');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'twelve-factor-guide');
}

interface CacheFile {
  dir: string;
  /** The file name's prefix for this V8: other bundles' files with it are replaced. */
  prefix: string;
  name: string;
}

function cacheFile(source: string): CacheFile | undefined {
  try {
    const dir = cacheDir();
    if (!dir) return undefined;
    // V8 rejects a cache made under other flags (`--nolazy` when debugging): each set of options keeps its own file.
    const options = digest(process.execArgv.join('\u0000')).toString('hex').slice(0, 8);
    const prefix = `bundle-${process.versions.v8}-${process.arch}-${options}-`;
    return { dir, prefix, name: `${prefix}${digest(source).toString('hex').slice(0, 32)}.bin` };
  } catch {
    return undefined;
  }
}

/** The contents of a cache file whose checksum holds; undefined otherwise. */
function readCache(cache: CacheFile): { data: Buffer; warmed: string[] } | undefined {
  try {
    const file = readFileSync(path.join(cache.dir, cache.name));
    const header = MAGIC.length + DIGEST_BYTES;
    if (file.length <= header + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const rest = file.subarray(header);
    if (!digest(rest).equals(file.subarray(MAGIC.length, header))) return undefined;
    const warmedEnd = 4 + rest.readUInt32LE(0);
    const warmed: unknown = JSON.parse(rest.subarray(4, warmedEnd).toString('utf8'));
    if (!Array.isArray(warmed) || !warmed.every((k) => typeof k === 'string') || warmedEnd >= rest.length) return undefined;
    return { data: rest.subarray(warmedEnd), warmed };
  } catch {
    return undefined;
  }
}

function writeCache(cache: CacheFile, script: vm.Script, warmed: string[]): void {
  const target = path.join(cache.dir, cache.name);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    const kinds = Buffer.from(JSON.stringify(warmed), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(kinds.length);
    const rest = Buffer.concat([length, kinds, script.createCachedData()]);
    mkdirSync(cache.dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([MAGIC, digest(rest), rest]));
    renameSync(temporary, target);
    // Files of earlier builds for the same V8 are of no further use.
    for (const name of readdirSync(cache.dir)) {
      if (name.startsWith(cache.prefix) && name !== cache.name && name.endsWith('.bin')) rmSync(path.join(cache.dir, name), { force: true });
    }
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
