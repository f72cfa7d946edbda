// Start-up and as-you-type latency through one LSP client over stdio, for our server and its peers
// (docker-langserver, yaml-language-server) on the same files in the same run: from spawning the
// process to the first publishDiagnostics of the opened file, and from each didChange to the
// publishDiagnostics of that version (the peers publish no version: their next publish counts).
// Each run starts every server afresh; the table shows medians over runs with min and max.
// Our server's typing debounce is fixed at 0 so that a figure is the work itself (parse + lint +
// publish); yaml-language-server waits a fixed 200 ms before it validates, which its figures include.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';
import { benchFiles, kubernetesFile, makeWorkspace, ROOT, typingPoint, type BenchFile } from './inputs';
import { percentile, Runs, verdict } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
const WARM_UP_EDITS = 10;
const WORKSPACE_FILES = 3100;
// For profiling one case: BENCH_ONLY is a pattern over file names ("workspace" for the big workspace); BENCH_PEERS=0 leaves the peers out.
const ONLY = new RegExp(process.env.BENCH_ONLY ?? '', 'i');
const WITH_PEERS = process.env.BENCH_PEERS !== '0';

interface Server {
  name: string;
  languages: BenchFile['languageId'][];
  start(): TestLspClient;
  /** Whether publishDiagnostics carries the document version. */
  versioned: boolean;
  /** Settings sections the server asks for. */
  sections?: Record<string, unknown>;
}

const ours: Server = {
  name: 'twelve-factor',
  languages: ['dockerfile', 'yaml', 'typescript', 'javascript'],
  // BENCH_CPU_PROF=<folder> writes a CPU profile of each of our server's runs there.
  start: () =>
    TestLspClient.startScript(SERVER_BUNDLE, ['--stdio'], { ...process.env, TWELVE_FACTOR_DEBOUNCE_MS: '0' }, process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
  versioned: true,
};
const dockerLangserver: Server = {
  name: 'docker-langserver',
  languages: ['dockerfile'],
  start: () => TestLspClient.startScript(path.join(ROOT, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver'), ['--stdio']),
  versioned: false,
};
const yamlLanguageServer: Server = {
  name: 'yaml-language-server',
  languages: ['yaml'],
  start: () => TestLspClient.startScript(path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), ['--stdio']),
  versioned: false,
  // Syntax and structure validation only: schemas would be fetched from the network.
  sections: { yaml: { validate: true, schemaStore: { enable: false }, schemas: {}, hover: false, completion: false } },
};
const PEERS = [dockerLangserver, yamlLanguageServer];

/** One started server with one open document. */
class Session {
  private version = 1;
  /** Whether the typed character is in the text now. */
  private inserted = false;
  private readonly lines: string[];

  private constructor(
    readonly client: TestLspClient,
    private readonly server: Server,
    readonly uri: string,
    text: string,
    private readonly point: { line: number; character: number },
  ) {
    this.lines = text.split('\n');
  }

  /** Starts the server on `folder`, opens the file, and returns the session with the milliseconds to its first diagnostics. */
  static async open(server: Server, folder: string, file: string, languageId: string, text: string): Promise<{ session: Session; startMs: number }> {
    const started = performance.now();
    const client = server.start();
    Object.assign(client.sections, server.sections ?? {});
    await client.initialize(folder);
    const uri = pathToFileURL(file).href;
    const first = client.waitForNextDiagnostics(uri, (_d, v) => !server.versioned || v === 1, 120000);
    await client.open(uri, languageId, text);
    await first;
    const startMs = performance.now() - started;
    return { session: new Session(client, server, uri, text, typingPoint(text, languageId as BenchFile['languageId'])), startMs };
  }

  /** Types `count` edits (a character in, then out again) and returns each edit's latency, sorted. */
  async type(count: number, mode: 'incremental' | 'full', onEdit: (k: number) => void = () => undefined): Promise<number[]> {
    const times: number[] = [];
    const { line, character } = this.point;
    for (let k = 0; k < count; k++) {
      const insert = !this.inserted;
      this.inserted = insert;
      const version = ++this.version;
      const range = insert ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
      const current = this.lines[line];
      this.lines[line] = insert ? current.slice(0, character) + 'x' + current.slice(character) : current.slice(0, character) + current.slice(character + 1);
      const published = this.client.waitForNextDiagnostics(this.uri, (_d, v) => !this.server.versioned || v === version, 60000);
      const started = performance.now();
      if (mode === 'incremental') await this.client.changeRanges(this.uri, [{ range, text: insert ? 'x' : '' }], version);
      else await this.client.change(this.uri, this.lines.join('\n'), version);
      await published;
      times.push(performance.now() - started);
      onEdit(k);
    }
    return times.sort((a, b) => a - b);
  }

  stop(): Promise<void> {
    return this.client.stop();
  }
}

/** Records p50 and p95 of one run's edits. */
function record(runs: Runs, key: string, times: number[]): void {
  runs.add(`${key} p50`, percentile(times, 50));
  runs.add(`${key} p95`, percentile(times, 95));
}

function typingCell(runs: Runs, key: string): string {
  if (!runs.get(`${key} p95`)) return '—';
  return `${runs.show(`${key} p50`)} / ${runs.show(`${key} p95`)}`;
}

async function main(): Promise<void> {
  const files = benchFiles().filter((f) => ONLY.test(f.name));
  const big = kubernetesFile();
  const workspace = makeWorkspace(WORKSPACE_FILES, { 'deploy/cluster.yaml': big });
  const runs = new Runs();
  const notes: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const file of files) {
        for (const server of [ours, ...PEERS]) {
          if (!server.languages.includes(file.languageId)) continue;
          // The peers type into the first shape of their language only, to keep a run short.
          if (server !== ours && !WITH_PEERS) continue;
          if (server !== ours && files.find((f) => f.languageId === file.languageId) !== file) continue;
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bench-'));
          const full = path.join(dir, file.fileName);
          fs.writeFileSync(full, file.text);
          const { session, startMs } = await Session.open(server, dir, full, file.languageId, file.text);
          try {
            runs.add(`${server.name}|start|${file.name}`, startMs);
            await session.type(WARM_UP_EDITS, 'incremental');
            record(runs, `${server.name}|incremental|${file.name}`, await session.type(EDITS, 'incremental'));
            record(runs, `${server.name}|full|${file.name}`, await session.type(EDITS, 'full'));
          } finally {
            await session.stop();
            fs.rmSync(dir, { recursive: true, force: true });
          }
        }
      }
      // The generated Kubernetes file inside the big workspace: start-up, then typing at once, while the index runs.
      for (const server of WITH_PEERS ? [ours, yamlLanguageServer] : [ours]) {
        if (!ONLY.test('workspace')) continue;
        const { session, startMs } = await Session.open(server, workspace, path.join(workspace, 'deploy/cluster.yaml'), 'yaml', big);
        try {
          runs.add(`${server.name}|start|workspace`, startMs);
          let indexedAt: number | undefined;
          const indexed = (k: number) => {
            if (indexedAt === undefined && session.client.logs.some((l) => /^Indexed \d+ files/.test(l))) indexedAt = k;
          };
          record(runs, `${server.name}|incremental|workspace`, await session.type(EDITS, 'incremental', indexed));
          record(runs, `${server.name}|full|workspace`, await session.type(EDITS, 'full', (k) => indexed(EDITS + k)));
          const log = session.client.logs.find((l) => /^Indexed \d+ files/.test(l));
          if (server === ours) notes.push(`run ${run + 1}: ${log ?? 'the index had not finished after the typing'}${indexedAt !== undefined ? `; it finished during edit ${indexedAt + 1} of ${2 * EDITS}` : ''}`);
        } finally {
          await session.stop();
        }
      }
      process.stderr.write(`lsp bench: run ${run + 1} of ${RUNS} done\n`);
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }

  const peerOf = (languageId: BenchFile['languageId']) => PEERS.find((p) => p.languages.includes(languageId));
  const goals = { start: { dockerfile: 250, yaml: 250, typescript: 300, javascript: 300 }, incremental: { dockerfile: 5, yaml: 25, typescript: 10, javascript: 10 }, full: { dockerfile: 5, yaml: 25, typescript: 60, javascript: 60 } };
  const out = [
    `Language servers over stdio, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end; median (min–max) of ${RUNS} runs, ${EDITS} edits per typing figure`,
    '',
    '| measure | peer, same run | twelve-factor | goal |',
    '|---|---|---|---|',
  ];
  for (const file of files) {
    const peer = peerOf(file.languageId);
    const key = `|start|${file.name}`;
    out.push(`| start → first diagnostics, ${file.name} | ${peer ? `${peer.name} ${runs.show(peer.name + key)}` : '—'} | ${runs.show(ours.name + key)} | ≤ ${goals.start[file.languageId]} ms ${verdict(runs.median(ours.name + key), goals.start[file.languageId])} |`);
  }
  out.push(`| start → first diagnostics, generated Kubernetes file in a ${WORKSPACE_FILES.toLocaleString('en-US')}-file workspace | ${yamlLanguageServer.name} ${runs.show(`${yamlLanguageServer.name}|start|workspace`)} | ${runs.show(`${ours.name}|start|workspace`)} | ≤ 250 ms ${verdict(runs.median(`${ours.name}|start|workspace`), 250)} |`);
  for (const file of files) {
    const peer = peerOf(file.languageId);
    for (const mode of ['incremental', 'full'] as const) {
      const key = `|${mode}|${file.name}`;
      const peerCell = peer && runs.get(`${peer.name}${key} p95`) ? `${peer.name} ${typingCell(runs, peer.name + key)}` : '—';
      const goal = goals[mode][file.languageId];
      out.push(`| typing p50 / p95, ${file.name}, ${mode === 'incremental' ? 'incremental' : 'full text'} | ${peerCell} | ${typingCell(runs, ours.name + key)} | p95 ≤ ${goal} ms ${verdict(runs.median(`${ours.name}${key} p95`), goal)} |`);
    }
  }
  for (const mode of ['incremental', 'full'] as const) {
    const key = `|${mode}|workspace`;
    out.push(`| typing p50 / p95, generated Kubernetes file from start-up while the index runs, ${mode === 'incremental' ? 'incremental' : 'full text'} | ${yamlLanguageServer.name} ${typingCell(runs, yamlLanguageServer.name + key)} | ${typingCell(runs, ours.name + key)} | p95 ≤ 25 ms ${verdict(runs.median(`${ours.name}${key} p95`), 25)} |`);
  }
  out.push('', ...notes.map((n) => `- index ${n}`));
  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
