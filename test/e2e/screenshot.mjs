// Regenerates the README screenshots from the examples/ workspace, with the packaged VSIX in a fresh
// code-server: client/media/screenshot-problems.png (a file opened from the Explorer, the Problems panel
// in view) and, with --audit, client/media/screenshot-audit.png (the report of "Audit Workspace").
// Usage: node test/e2e/screenshot.mjs [--file api/Dockerfile] [--expect "text in a Problems row"]… [--workspace examples]
//        node test/e2e/screenshot.mjs --audit [--workspace examples]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { auditUiCheck } from './auditUiCheck.mjs';
import { outDir, repoRoot } from './prepare.mjs';
import { setup } from './setup.mjs';
import { uiCheck } from './uiCheck.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const expects = args.flatMap((a, i) => (a === '--expect' ? [args[i + 1]] : []));
const workspace = resolve(repoRoot, option('workspace', 'examples'));
const file = option('file', 'api/Dockerfile');
const audit = args.includes('--audit');
const shot = resolve(repoRoot, option('out', audit ? 'client/media/screenshot-audit.png' : 'client/media/screenshot-problems.png'));

if (!audit && !existsSync(join(workspace, file))) {
  console.error(`${join(workspace, file)} does not exist: pass --file <path relative to ${workspace}>`);
  process.exit(1);
}
const tools = await setup({ quiet: true });
const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
if (pack.status !== 0) { console.error('npm run package failed'); process.exit(1); }
const vsix = join(repoRoot, 'twelve-factor-guide.vsix');
const folderName = basename(workspace);
const problem = audit
  ? await auditUiCheck({ tools, vsix, workspace, folderName, shot })
  : await uiCheck({
    tools, vsix, workspace, folderName, file,
    // Any row of ours will do unless told otherwise: the rule ids all contain a slash after a factor name.
    expect: expects.length ? expects : ['twelve-factor'],
    shot, viewport: { width: 1280, height: 800 },
  });
if (problem) { console.error(`FAIL: ${problem}\n(logs in ${outDir})`); process.exit(1); }
console.log(`README screenshot written: ${shot}`);
