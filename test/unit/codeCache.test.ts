import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheDir, loadBundle, markWarm } from '../../server/src/startup/codeCache';

/** Waits for the loader's write, which runs on a timer after markWarm. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('code cache loader', () => {
  let dir: string;
  let cache: string;
  let bundle: string;
  const saved = process.env.TWELVE_FACTOR_CACHE_DIR;
  const runs = () => (globalThis as Record<string, unknown>).codeCacheTestRuns as { dirname: string; answer: number }[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-code-cache-'));
    cache = path.join(dir, 'cache');
    bundle = path.join(dir, 'bundle.js');
    process.env.TWELVE_FACTOR_CACHE_DIR = cache;
    (globalThis as Record<string, unknown>).codeCacheTestRuns = [];
    // A CommonJS bundle that requires a built-in and records what it ran with.
    fs.writeFileSync(bundle, "const path = require('node:path');\nglobalThis.codeCacheTestRuns.push({ dirname: __dirname, answer: [1, 2, 3].reduce((a, b) => a + b) * 7, base: path.basename(__filename) });\n");
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.TWELVE_FACTOR_CACHE_DIR;
    else process.env.TWELVE_FACTOR_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cacheFiles = () => (fs.existsSync(cache) ? fs.readdirSync(cache) : []);

  it('runs the bundle as a CommonJS module, and writes the cache only after the first lint of a kind', async () => {
    loadBundle(bundle);
    assert.deepEqual(runs(), [{ dirname: dir, answer: 42, base: 'bundle.js' }]);
    await tick();
    assert.deepEqual(cacheFiles(), [], 'nothing is written at start-up');
    markWarm('dockerfile');
    await tick();
    assert.equal(cacheFiles().length, 1);
    const written = fs.statSync(path.join(cache, cacheFiles()[0])).mtimeMs;

    // The next start reads it; the same kind writes nothing, a new kind writes it again.
    loadBundle(bundle);
    assert.equal(runs().length, 2);
    fs.utimesSync(path.join(cache, cacheFiles()[0]), new Date(0), new Date(0));
    markWarm('dockerfile');
    await tick();
    assert.equal(fs.statSync(path.join(cache, cacheFiles()[0])).mtimeMs, 0);
    markWarm('typescript');
    await tick();
    assert.notEqual(fs.statSync(path.join(cache, cacheFiles()[0])).mtimeMs, 0);
    assert.ok(written > 0);
  });

  it('ignores a corrupt or truncated cache file and replaces it', async () => {
    loadBundle(bundle);
    markWarm('k8s');
    await tick();
    const file = path.join(cache, cacheFiles()[0]);
    const good = fs.readFileSync(file);
    for (const bad of [Buffer.from(good.map((b, i) => (i === good.length - 10 ? b ^ 0xff : b))), good.subarray(0, 50), Buffer.alloc(0), Buffer.from('garbage')]) {
      fs.writeFileSync(file, bad);
      loadBundle(bundle);
      assert.equal(runs().at(-1)!.answer, 42);
      // A file that failed its check counts as no cache: the next lint writes a good one, which a
      // later start takes as having k8s (it does not write again).
      markWarm('k8s');
      await tick();
      assert.ok(fs.readFileSync(file).length > 100);
      loadBundle(bundle);
      fs.utimesSync(file, new Date(0), new Date(0));
      markWarm('k8s');
      await tick();
      assert.equal(fs.statSync(file).mtimeMs, 0);
    }
  });

  it('keys the cache by the bundle text: an edited bundle neither reads the old file nor keeps it', async () => {
    loadBundle(bundle);
    markWarm('k8s');
    await tick();
    const first = cacheFiles();
    fs.appendFileSync(bundle, 'globalThis.codeCacheTestRuns.at(-1).answer = 43;\n');
    loadBundle(bundle);
    assert.equal(runs().at(-1)!.answer, 43);
    markWarm('k8s');
    await tick();
    assert.equal(cacheFiles().length, 1);
    assert.notDeepEqual(cacheFiles(), first);
  });

  it('works without a writable cache folder, and is off when the folder setting is empty', async () => {
    fs.writeFileSync(cache, 'a file where the folder should be');
    loadBundle(bundle);
    markWarm('k8s');
    await tick();
    assert.equal(runs().length, 1);
    assert.equal(cacheDir({ TWELVE_FACTOR_CACHE_DIR: '' }), undefined);
    assert.equal(cacheDir({ TWELVE_FACTOR_CACHE_DIR: '/x/y' }), '/x/y');
  });
});
