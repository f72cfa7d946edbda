// `npm test`'s first step (the `pretest` script): runs `npm ci` when node_modules is missing or does not
// match package-lock.json, so that a fresh clone needs only `npm test`. Quiet: one line, and npm's output
// only when it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Why node_modules needs `npm ci`, or undefined when it matches the lock file. */
export function staleReason(dir = root) {
  const installed = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  const want = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages ?? {};
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
  for (const [path, pkg] of Object.entries(want)) {
    // Optional packages for other platforms are never installed; the root entry is the project itself.
    if (path === '' || pkg.optional || pkg.link) continue;
    if (have[path]?.version !== pkg.version) return `${path.replace(/^node_modules\//, '')} ${pkg.version} is not installed`;
  }
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = staleReason();
  if (reason) {
    console.log(`installing dependencies (npm ci): ${reason} …`);
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      const log = join(root, 'test', 'out', 'npm-ci.log');
      mkdirSync(dirname(log), { recursive: true });
      writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`);
      console.error(`npm ci failed (${result.error?.message ?? `exit ${result.status}`}):\n${readFileSync(log, 'utf8').slice(-4000)}`);
      process.exit(1);
    }
  }
}
