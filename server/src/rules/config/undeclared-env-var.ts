import * as path from 'node:path';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import type { CodeModel } from '../../parsing/code/codeModel';
import { envReadsOf } from '../../parsing/code/env/envRead';
import { checksPresence } from '../../parsing/code/env/presenceChecks';
import { addEnvFix } from '../../parsing/deployment/addEnvFix';
import { appendEnvEntries, envExampleChange } from '../../parsing/dotenv/envFileEdits';
import { isInsideFolder } from '../../workspace/paths';
import type { SpringModel } from '../../parsing/spring/springModel';
import { springFacts } from '../../parsing/spring/springParser';
import { isEnvStyleName } from '../../parsing/spring/springPlaceholders';
import { envContractOf, hasContract, isProvided, verdictFor, type ReadVerdict } from '../../workspace/envContract';
import type { EnvFact } from '../../workspace/facts';
import { describeFiles } from '../../workspace/envContractText';

interface Options {
  testFiles: string[];
}

/**
 * A variable the code reads without a default while nothing that deploys the code provides it (see
 * docs/env-contract.md for how providers are linked to code). Silent where no manifest or `.env`
 * template covers the file, where a provider in scope may set anything, and for a Spring property
 * (`@Value("${app.timeout}")`) unless a Spring file of the module is in scope.
 */
export default defineRule<CodeModel | SpringModel, Options>({
  id: 'config/undeclared-env-var',
  factor: 'config',
  kinds: ['code', 'spring'],
  defaultSeverity: 'warning',
  description: 'An environment variable read without a default that no manifest, Dockerfile, .env template or platform in scope provides.',
  rationale: 'Config lives in the environment: a variable the code needs but no deploy sets makes the app fail, or misbehave, only where it runs.',
  messages: {
    undeclared: '{{name}} is read without a default, but nothing that deploys this code provides it (looked at {{files}}); the app gets no value where it runs. Declare it there, or give the read a default.',
    buildOnly: '{{name}} is read without a default, but it is only a build argument (ARG in {{files}}), which the running container never sees; set it with ENV or in the deployment.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    const reads = 'tree' in model ? envReadsOf(model).map((r): EnvFact => ({ name: r.name, span: r.nameSpan, hasDefault: r.hasDefault, property: r.property })) : (springFacts(model).envReads ?? []);
    // A name read with a default anywhere in the file, or tested for presence, is optional there.
    const withDefault = new Set(reads.filter((r) => r.hasDefault).map((r) => r.name));
    const unguarded = reads.filter((r) => !r.hasDefault && r.name && !withDefault.has(r.name));
    if (unguarded.length === 0) return;
    const contract = envContractOf(ctx.index);
    if (!contract.complete) return;
    // The presence test scans the whole file per name: once per name, and only for a read nothing provides.
    const tested = new Map<string, boolean>();
    const isTested = (name: string) => tested.get(name) ?? tested.set(name, checksPresence(model.file.text, name)).get(name)!;
    for (const read of unguarded) {
      const verdict = verdictFor(contract, ctx.file.path, read.name, read.property, (p) => ctx.workspace.readText(p));
      if (!hasContract(verdict) || isProvided(verdict)) continue;
      if ('tree' in model && isTested(read.name)) continue;
      // A Spring property key is looked up in many places (profiles, config imports): only a module with its Spring files in scope is judged.
      if (read.property !== undefined && !isEnvStyleName(read.property) && !verdict.services.some((s) => s.platform === 'spring')) continue;
      const name = read.property !== undefined && read.property !== read.name ? `${read.property} (${read.name})` : read.name;
      if (verdict.buildOnly.length) {
        ctx.report({ messageId: 'buildOnly', data: { name, files: describeFiles(ctx.file.path, verdict.buildOnly.map((p) => p.file)) }, at: read.span });
        continue;
      }
      const files = describeFiles(ctx.file.path, verdict.services.filter((s) => s.platform !== 'spring').map((s) => s.file));
      ctx.report({ messageId: 'undeclared', data: { name, files }, at: read.span, ...fixes(read.name, verdict, ctx) });
    }
  },
});

/** Declaring the variable in `.env.example` (the fix), or in each manifest in scope, in its idiom (alternatives). */
function fixes(name: string, verdict: ReadVerdict, ctx: RuleContext<Options>): { fix?: Fix; alternatives?: Fix[] } {
  const out: { fix?: Fix; alternatives?: Fix[] } = {};
  let example = envExampleChange(ctx.workspace, ctx.file.path, [{ name }]);
  // No template above the file yet: a new one goes to the root of the code a manifest deploys (its build context, its CF path).
  const root = example?.create ? deployedRoot(verdict, ctx.file.path) : undefined;
  if (root) example = appendEnvEntries(path.join(root, '.env.example'), undefined, [{ name }]);
  if (example) out.fix = { title: `Add ${name}= to ${path.basename(example.path)}`, edits: [], otherFiles: [example], automatic: false };
  const alternatives = verdict.services.flatMap((s) => {
    const text = s.platform === 'kubernetes' || s.platform === 'compose' || s.platform === 'cloudfoundry' ? ctx.workspace.readText(s.file) : undefined;
    const fix = text !== undefined ? addEnvFix(s, name, text) : undefined;
    return fix ? [fix] : [];
  });
  if (alternatives.length) out.alternatives = alternatives;
  return out;
}

/** The deepest folder of a linked service that holds the file, if any. */
function deployedRoot(verdict: ReadVerdict, filePath: string): string | undefined {
  const folders = verdict.services.flatMap((s) => s.scope ?? []).filter((f) => isInsideFolder(f, filePath));
  return folders.sort((a, b) => b.length - a.length)[0];
}
