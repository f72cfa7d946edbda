import {
  Arg,
  Copy,
  DockerfileParser,
  Env,
  From,
  Instruction,
  JSONInstruction,
  type Property,
} from 'dockerfile-ast';
import type { SourceFile, Span, SpannedValue } from '../sourceFile';
import { TextCache } from '../textCache';
import './argumentsOnce';
import './stageRangesOnce';
import { readExecForm } from './execForm';

export type { SpannedValue };

/**
 * The arguments of CMD, ENTRYPOINT, RUN or VOLUME: either a JSON array (exec form) or a command
 * line (shell form), each with spans.
 */
export type CommandForm =
  | { form: 'exec'; items: SpannedValue[]; span: Span }
  | { form: 'shell'; text: string; span: Span };

/** `NAME=value` from ENV, or `NAME[=default]` from ARG. */
export interface DockerProperty {
  name: SpannedValue;
  /** Undefined for `ARG NAME` without a default. The value has Docker's quotes and escapes removed; its span covers it as written. */
  value?: SpannedValue;
  /** The whole `NAME=value` pair. */
  span: Span;
}

/** One instruction with its keyword in upper case and its spans. */
export interface DockerInstruction {
  keyword: string;
  span: Span;
  keywordSpan: Span;
  /** Span of everything after the keyword (flags included); undefined when empty. */
  argsSpan?: Span;
  /** Index of the stage it belongs to, or -1 for instructions before the first FROM. */
  stage: number;
  /** Present for CMD, ENTRYPOINT, RUN and VOLUME. */
  command?: CommandForm;
  /** Present for ENV and ARG. */
  properties?: DockerProperty[];
  /** Present for COPY and ADD: the source paths (flags removed), and the `--from` value with its span. */
  sources?: SpannedValue[];
  /** Present for COPY and ADD: where the sources go in the image. */
  destination?: SpannedValue;
  copyFrom?: string;
  copyFromSpan?: Span;
}

/** A build stage: its FROM and what follows until the next FROM. */
export interface DockerStage {
  index: number;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  image: {
    /** The image reference as written (`node:20-alpine`, `${BASE}`). */
    text: string;
    span: Span;
    name?: string;
    tag?: SpannedValue;
    digest?: string;
  };
  /** Index of the stage this one builds on (`FROM builder`), if any. */
  parent?: number;
  instructions: DockerInstruction[];
}

/** The parsed Dockerfile the Dockerfile rules read. */
export interface DockerfileModel {
  file: SourceFile;
  escapeChar: string;
  /** All instructions, in order. */
  instructions: DockerInstruction[];
  /** ARGs before the first FROM (they may template FROM lines). */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  /** Where a file-level comment may be inserted: after the parser directives (`# syntax=`, `# escape=`). */
  headerEnd: number;
}

/** Parses a Dockerfile into the model. dockerfile-ast is error-tolerant, so any text yields a model. */
export function parseDockerfile(file: SourceFile): DockerfileModel {
  const ast = DockerfileParser.parse(file.text);
  const offset = (p: { line: number; character: number }) => file.offsetAt(p);
  const toSpan = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: offset(r.start),
    end: offset(r.end),
  });

  const stages: DockerStage[] = [];
  const instructions: DockerInstruction[] = [];
  const globalArgs: DockerInstruction[] = [];

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM') stages.push(readStage(node as From, stages, toSpan));
    const instruction = readInstruction(node, keyword, stages.length - 1, file, ast.getEscapeCharacter(), toSpan);
    instructions.push(instruction);
    if (instruction.stage < 0) {
      if (keyword === 'ARG') globalArgs.push(instruction);
    } else {
      stages[instruction.stage].instructions.push(instruction);
    }
  }

  const directives = ast.getDirectives();
  const headerEnd = directives.length > 0 ? toSpan(directives[directives.length - 1].getRange()).end : 0;
  return { file, escapeChar: ast.getEscapeCharacter(), instructions, globalArgs, stages, headerEnd };
}

export type ToSpan = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => Span;

/** The model of one instruction of a stage (-1 before the first FROM); `toSpan` turns dockerfile-ast's ranges into offsets in `file`. */
export function readInstruction(node: Instruction, keyword: string, stage: number, file: SourceFile, escapeChar: string, toSpan: ToSpan): DockerInstruction {
  const argsRange = node.getArgumentsRange();
  const instruction: DockerInstruction = {
    keyword,
    span: toSpan(node.getRange()),
    keywordSpan: toSpan(node.getInstructionRange()),
    argsSpan: argsRange ? toSpan(argsRange) : undefined,
    stage,
  };
  if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'RUN' || keyword === 'VOLUME') {
    instruction.command = readCommand(node, file, instruction.argsSpan, escapeChar, toSpan);
  } else if (node instanceof Env) {
    instruction.properties = node.getProperties().map((p) => readProperty(p, toSpan));
  } else if (node instanceof Arg) {
    const property = node.getProperty();
    instruction.properties = property ? [readProperty(property, toSpan)] : [];
  }
  if (node instanceof Copy || keyword === 'ADD') {
    const json = readCommand(node, file, instruction.argsSpan, escapeChar, toSpan);
    const args = json?.form === 'exec'
      ? json.items
      : node.getArguments().filter((a) => !a.getValue().startsWith('--')).map((a) => ({ value: a.getValue(), span: toSpan(a.getRange()) }));
    instruction.sources = args.slice(0, -1);
    if (args.length > 1) instruction.destination = args[args.length - 1];
    const fromFlag = node instanceof Copy ? node.getFromFlag() : null;
    instruction.copyFrom = fromFlag?.getValue() ?? undefined;
    const fromRange = fromFlag?.getValueRange();
    if (fromRange) instruction.copyFromSpan = toSpan(fromRange);
  }
  return instruction;
}

/** The stage a FROM starts, after the `earlier` ones (whose names `FROM builder` refers to). */
export function readStage(from: From, earlier: DockerStage[], toSpan: ToSpan): DockerStage {
  const image = imageOf(from);
  const parent = earlier.findIndex((s) => s.name !== undefined && s.name === image.text.toLowerCase());
  return {
    index: earlier.length,
    name: image.stageName,
    image: {
      text: image.text,
      span: toSpan(image.range),
      name: image.name,
      tag: image.tag && image.tagRange ? { value: image.tag, span: toSpan(image.tagRange) } : undefined,
      digest: image.digest,
    },
    parent: parent >= 0 ? parent : undefined,
    instructions: [],
  };
}

type LineRange = ReturnType<From['getRange']>;

/** What a FROM line says about its image, with dockerfile-ast's ranges (lines and characters). */
interface FromImage {
  text: string;
  range: LineRange;
  name?: string;
  tag?: string;
  tagRange?: LineRange;
  digest?: string;
  stageName?: string;
}

/**
 * dockerfile-ast reads a FROM line's image parts again on each call, each from its arguments and
 * variables. They follow from the line's text and where it starts alone, so they are kept across
 * versions of a file by those; offsets are taken from the current text each time.
 */
const fromImages = new TextCache<FromImage>(1024, 1_000_000);

function imageOf(from: From): FromImage {
  const start = from.getRange().start;
  const key = `${(from as unknown as { escapeChar: string }).escapeChar}${start.line}:${start.character}\n${from.getTextContent()}`;
  let image = fromImages.get(key);
  if (!image) {
    image = {
      text: from.getImage() ?? '',
      range: from.getImageRange() ?? from.getRange(),
      name: from.getImageName() ?? undefined,
      tag: from.getImageTag() ?? undefined,
      tagRange: from.getImageTagRange() ?? undefined,
      digest: from.getImageDigest() ?? undefined,
      stageName: from.getBuildStage()?.toLowerCase() ?? undefined,
    };
    fromImages.set(key, image);
  }
  return image;
}

function readProperty(p: Property, toSpan: ToSpan): DockerProperty {
  const valueRange = p.getValueRange();
  // dockerfile-ast's getValue() is the value with quotes and escapes removed; getUnescapedValue() is as written.
  const value = p.getValue();
  return {
    name: { value: p.getName(), span: toSpan(p.getNameRange()) },
    value: value !== null && valueRange ? { value, span: toSpan(valueRange) } : undefined,
    span: toSpan(p.getRange()),
  };
}

function readCommand(node: Instruction, file: SourceFile, argsSpan: Span | undefined, escapeChar: string, toSpan: ToSpan): CommandForm | undefined {
  if (!argsSpan) return undefined;
  if (node instanceof JSONInstruction && node.getOpeningBracket()) {
    // Docker reads exec form only when the whole rest is a JSON array; otherwise it runs the text as shell form.
    const start = toSpan(node.getOpeningBracket()!.getRange()).start;
    const items = readExecForm(file.text.slice(start, argsSpan.end), start, escapeChar);
    if (items) return { form: 'exec', items: items.map((d) => ({ value: d.value, span: d.span })), span: { start, end: argsSpan.end } };
  }
  // Flags such as RUN --mount=… precede the command; the command starts at the first other argument.
  const args = node.getArguments();
  const first = args.find((a) => !a.getValue().startsWith('--'));
  const start = first ? toSpan(first.getRange()).start : argsSpan.start;
  const span = { start, end: argsSpan.end };
  return { form: 'shell', text: file.slice(span), span };
}

/**
 * The stages whose CMD and ENTRYPOINT the built image runs: the last stage and the stages it
 * builds on (`FROM builder`), nearest first. Earlier build-only stages never run as containers.
 */
export function runtimeStages(model: DockerfileModel): DockerStage[] {
  const chain: DockerStage[] = [];
  let stage: DockerStage | undefined = model.stages[model.stages.length - 1];
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    stage = stage.parent !== undefined ? model.stages[stage.parent] : undefined;
  }
  return chain;
}

/**
 * The CMD and ENTRYPOINT the final image runs with: the last of each along the runtime stage chain.
 * An ENTRYPOINT in a later stage resets an inherited CMD, as Docker does.
 */
export function effectiveStartup(model: DockerfileModel): { cmd?: DockerInstruction; entrypoint?: DockerInstruction } {
  let cmd: DockerInstruction | undefined;
  let entrypoint: DockerInstruction | undefined;
  let inheritedCmdReset = false;
  for (const stage of runtimeStages(model)) {
    const lastCmd = stage.instructions.filter((i) => i.keyword === 'CMD').pop();
    const lastEntrypoint = stage.instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
    if (!cmd && !inheritedCmdReset && lastCmd) cmd = lastCmd;
    if (!entrypoint && lastEntrypoint) {
      entrypoint = lastEntrypoint;
      // Docker: an ENTRYPOINT resets a CMD inherited from the base; a CMD in the same stage stays.
      if (!cmd) inheritedCmdReset = true;
    }
  }
  return { cmd, entrypoint };
}
