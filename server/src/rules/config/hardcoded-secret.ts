import { codeSecretVerdict } from '../../analysis/codeSecrets';
import { TOKEN_HITS, tokenHits } from '../../analysis/tokenHits';
import { envExampleChange } from '../../parsing/dotenv/envFileEdits';
import { isNonProductionFile, reportsSecret } from '../../analysis/nonProduction';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import { valuesBoundTo } from '../../parsing/code/boundLiterals';
import { credentialArguments } from '../../parsing/code/credentialArguments';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { envNameFor, envReadText } from '../../parsing/code/edits/envReadText';
import { importEdits } from '../../parsing/code/edits/imports';
import { envReadsOf, type EnvRead } from '../../parsing/code/env/envRead';
import { stringLiteral } from '../../parsing/code/strings';
import { textHits } from '../../parsing/code/textHits';
import type { Node } from 'web-tree-sitter';

interface Options {
  testFiles: string[];
}

/** Names that may hold a secret; the secret detector decides on each. */
const SECRET_NAMES = /pass(?:word|wd|phrase)?|pwd|secret|token|api_?key|apikey|private_?key|access_?key|credential|auth_?key|signing_?key|session_?key/gi;

/** A secret written in the code: bound to a secret name, a known token format, or the fallback of an env read. */
export default defineRule<CodeModel, Options>({
  id: 'config/hardcoded-secret',
  factor: 'config',
  kinds: ['code'],
  defaultSeverity: 'error',
  description: 'A string literal holding a secret: bound to a secret-named variable, key or argument, in a known token format or a URL with a password, or as the fallback of an env read (process.env.JWT_SECRET || "dev").',
  rationale: 'Credentials are config: they vary between deploys and must never be committed; code is shared, copied and kept forever in history.',
  messages: {
    boundSecret: '{{name}} is set to a literal secret ({{label}}: {{masked}}); read it from the environment instead.',
    fallbackSecret: 'The fallback of {{name}} is a literal secret ({{label}}: {{masked}}), used whenever the variable is missing; drop it so that a missing secret fails loudly.',
    tokenSecret: 'A secret is written in the code ({{label}}: {{masked}}); read it from the environment, and rotate it.',
    argumentSecret: 'The password given to {{call}} is a literal secret ({{label}}: {{masked}}); read it from the environment instead.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    // A development settings module's (`settings/dev.py`) throwaway password is no leak; a provider token still is.
    const nonProduction = isNonProductionFile(ctx.file.path);
    const reported = new Set<number>();
    // Spans already reported: a token format inside a fallback (`@Value("${key:sk_live_…}")`) is that finding.
    const reportedSpans: { start: number; end: number }[] = [];
    for (const read of envReadsOf(model)) {
      const fallback = read.defaultSpan && model.tree.rootNode.descendantForIndex(read.defaultSpan.start, read.defaultSpan.end);
      const literal = stringLiteral(fallback) ?? (read.property !== undefined && read.default !== undefined ? { value: read.default } : undefined);
      const verdict = literal && codeSecretVerdict(read.name, literal.value, 'fallback');
      if (!verdict || !read.defaultSpan || !reportsSecret(verdict, nonProduction)) continue;
      if (fallback) reported.add(fallback.id);
      reportedSpans.push(read.defaultSpan);
      ctx.report({ messageId: 'fallbackSecret', data: { name: read.property ?? read.name, label: verdict.label, masked: verdict.masked }, at: read.defaultSpan, fix: dropFallback(model, read) });
    }
    for (const { value, binding } of valuesBoundTo(model, SECRET_NAMES)) {
      const literal = stringLiteral(value);
      const verdict = literal && !reported.has(value.id) && codeSecretVerdict(binding.name, literal.value);
      if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
      reported.add(value.id);
      ctx.report({ messageId: 'boundSecret', data: { name: binding.name, label: verdict.label, masked: verdict.masked }, at: nodeSpan(value), fix: readFromEnv(model, value, binding.kind === 'const' ? undefined : envNameFor(binding.name), ctx) });
    }
    // Credentials by position: HTTPBasicAuth(user, "…"), auth=(user, "…"), getConnection(url, user, "…").
    for (const { literal, call } of credentialArguments(model)) {
      const verdict = !reported.has(literal.node.id) && codeSecretVerdict('password', literal.value, 'argument');
      if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
      reported.add(literal.node.id);
      ctx.report({ messageId: 'argumentSecret', data: { call, label: verdict.label, masked: verdict.masked }, at: nodeSpan(literal.node) });
    }
    for (const hit of textHits(model, TOKEN_HITS, tokenHits)) {
      if (reportedSpans.some((r) => r.start <= hit.index && hit.index < r.end)) continue;
      const node = model.tree.rootNode.descendantForIndex(hit.index);
      const literal = node && (stringLiteral(node) ?? stringLiteral(node.parent));
      const verdict = literal && !reported.has(literal.node.id) && codeSecretVerdict(undefined, literal.value);
      if (!literal || !verdict || !reportsSecret(verdict, nonProduction)) continue;
      reported.add(literal.node.id);
      ctx.report({ messageId: 'tokenSecret', data: { label: verdict.label, masked: verdict.masked }, at: nodeSpan(literal.node) });
    }
  },
});

/** Replaces the literal by an env read of `name` (none for a Go const or an annotation value, which must be constant). */
function readFromEnv(model: CodeModel, value: Node, name: string | undefined, ctx: RuleContext<Options>): Fix | undefined {
  if (!name || value.parent?.type === 'element_value_pair' || value.parent?.parent?.type === 'annotation_argument_list') return undefined;
  const example = envExampleChange(ctx.workspace, ctx.file.path, [{ name }]);
  return {
    title: `Read ${name} from the environment`,
    edits: [{ span: nodeSpan(value), text: envReadText(model, name) }, ...importEdits(model)],
    otherFiles: example ? [example] : undefined,
  };
}

/** Drops the default of an env read: `process.env.X || "dev"` → `process.env.X`, `{ X = "dev" }` → `{ X }`, `${x:dev}` → `${x}`. */
function dropFallback(model: CodeModel, read: EnvRead): Fix | undefined {
  const title = `Remove the literal fallback of ${read.name}`;
  const text = model.file.text;
  if (read.property !== undefined) return { title, edits: [{ span: { start: read.defaultSpan!.start - 1, end: read.defaultSpan!.end }, text: '' }] };
  if (read.span.start === read.nameSpan.start) {
    // Destructuring and pydantic fields: drop ` = "dev"` after the name.
    const before = /\s*=\s*$/.exec(text.slice(read.nameSpan.end, read.defaultSpan!.start));
    return before ? { title, edits: [{ span: { start: read.defaultSpan!.start - before[0].length, end: read.defaultSpan!.end }, text: '' }] } : undefined;
  }
  // Only the plain readers: a library's own reader (django-environ's env()) keeps its call, and Go's idiom is statements.
  if (!/^(process|os\.|environ|getenv|System|Optional)\b/.test(text.slice(read.span.start, read.span.end))) return undefined;
  return { title, edits: [{ span: read.span, text: envReadText(model, read.name) }, ...importEdits(model)] };
}
