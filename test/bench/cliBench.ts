// The CLI's CPU time (all threads) and peak RSS on whole workspaces, against a parse floor: a cold
// Node process that only reads the files the CLI analyses and parses them with the same parsers
// (test/bench/parseFloor.cjs). CPU time rather than wall-clock, so that a loaded machine skews it less.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkWorkspace } from '../../server/src/audit/walk';
import { CORPUS, makeWorkspace, ROOT } from './inputs';
import { Runs, verdict } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI = path.join(ROOT, 'server/out/cli.js');
const RUSAGE = path.join(__dirname, 'rusage.cjs');
const FLOOR = path.join(__dirname, 'parseFloor.cjs');

/** Runs a Node script to its end and returns its CPU milliseconds and peak RSS in MB. */
function measure(args: string[]): { cpuMs: number; maxRssMb: number } {
  const out = path.join(os.tmpdir(), `tf-bench-rusage-${process.pid}.json`);
  execFileSync(process.execPath, ['-r', RUSAGE, ...args], { env: { ...process.env, BENCH_RUSAGE_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  const usage = JSON.parse(fs.readFileSync(out, 'utf8')) as { cpuMs: number; maxRssMb: number };
  fs.rmSync(out, { force: true });
  return usage;
}

function main(): void {
  const generated = makeWorkspace(3100, {});
  const workspaces = [
    ...(fs.existsSync(CORPUS) ? [{ name: `the shared corpus`, dir: CORPUS }] : []),
    { name: 'a 3,100-file workspace (the corpus and generated services)', dir: generated },
  ];
  const runs = new Runs();
  const lines: string[] = [];
  try {
    for (const ws of workspaces) {
      const files = [...walkWorkspace(ws.dir)].map((f) => f.path);
      const list = path.join(os.tmpdir(), `tf-bench-files-${process.pid}.txt`);
      fs.writeFileSync(list, files.join('\n'));
      for (let run = 0; run < RUNS; run++) {
        const cli = measure([CLI, 'audit', ws.dir, '--format', 'json', '--fail-on', 'none', '--output', path.join(os.tmpdir(), `tf-bench-report-${process.pid}.json`)]);
        const floor = measure([FLOOR, list]);
        runs.add(`${ws.name} cli cpu`, cli.cpuMs);
        runs.add(`${ws.name} floor cpu`, floor.cpuMs);
        runs.add(`${ws.name} ratio`, cli.cpuMs / floor.cpuMs);
        runs.add(`${ws.name} cli rss`, cli.maxRssMb);
        runs.add(`${ws.name} floor rss`, floor.maxRssMb);
      }
      fs.rmSync(list, { force: true });
      fs.rmSync(path.join(os.tmpdir(), `tf-bench-report-${process.pid}.json`), { force: true });
      const n = files.length.toLocaleString('en-US');
      lines.push(
        `| CLI CPU time, ${ws.name} (${n} files analysed) | parse floor ${runs.show(`${ws.name} floor cpu`)} | ${runs.show(`${ws.name} cli cpu`)} = ${runs.show(`${ws.name} ratio`, '×', 2)} | ≤ 1.5× ${verdict(runs.median(`${ws.name} ratio`), 1.5)} |`,
        `| CLI peak RSS, ${ws.name} | parse floor ${runs.show(`${ws.name} floor rss`, 'MB')} | ${runs.show(`${ws.name} cli rss`, 'MB')} | ≤ 150 MB ${verdict(runs.median(`${ws.name} cli rss`), 150)} |`,
      );
    }
  } finally {
    fs.rmSync(generated, { recursive: true, force: true });
  }
  console.log(
    [
      `CLI (\`audit --format json\`, one thread), ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end; median (min–max) of ${RUNS} runs`,
      '',
      '| measure | floor, same run | twelve-factor | goal |',
      '|---|---|---|---|',
      ...lines,
    ].join('\n'),
  );
}

main();
