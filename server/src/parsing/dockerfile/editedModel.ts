import { DockerfileParser, type From } from 'dockerfile-ast';
import { SourceFile, type Span, type SpannedValue } from '../sourceFile';
import { readInstruction, readStage, type DockerfileModel, type DockerInstruction, type DockerStage } from './dockerfileModel';

/**
 * The model of a Dockerfile's new text from the model of its text before one edit, when the edit
 * stays inside one instruction's lines: that instruction is parsed again on its own, the ones before
 * it are kept and the ones after it are moved by the change in length. A keystroke then parses one
 * instruction instead of the file (dockerfile-ast parses a 300-line file in a millisecond or more).
 *
 * Undefined whenever the edit could change more than that instruction, and the caller parses the
 * whole text: an edit that adds or removes a line, crosses instructions, changes a keyword or
 * touches a heredoc, leaves the instruction continuing on the next line, or an `# escape=` file. The result
 * equals a full parse of the new text (test/unit/dockerfileEdits.test.ts compares them on random edits).
 */
export function reparseDockerfile(file: SourceFile, previous: DockerfileModel): DockerfileModel | undefined {
  const before = previous.file.text;
  const after = file.text;
  if (previous.escapeChar !== '\\' || before === after) return undefined;
  // The edit: before[start, oldEnd) became after[start, newEnd).
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (/[\r\n]/.test(before.slice(start, oldEnd)) || /[\r\n]/.test(after.slice(start, newEnd))) return undefined;

  const index = previous.instructions.findIndex((i) => i.span.start <= start && oldEnd <= lineEnd(before, i.span.end));
  if (index < 0) return undefined;
  const old = previous.instructions[index];
  const linesStart = before.lastIndexOf('\n', old.span.start - 1) + 1;
  const delta = after.length - before.length;
  const linesEnd = lineEnd(before, old.span.end) + delta;
  const lines = after.slice(linesStart, linesEnd);
  // A heredoc takes the lines after it; a line ending in the escape character continues on the next.
  if (lines.includes('<<') || lines.includes('\r') || /\\\s*$/.test(lines)) return undefined;

  const ast = DockerfileParser.parse(lines);
  const nodes = ast.getInstructions();
  const lineCount = lines.split('\n').length;
  if (nodes.length !== 1 || ast.getDirectives().length > 0 || ast.getEscapeCharacter() !== '\\') return undefined;
  const node = nodes[0];
  const range = node.getRange();
  const keyword = node.getKeyword().toUpperCase();
  // Another keyword can move the instruction into or out of the global ARGs, or start a stage.
  if (keyword !== old.keyword || range.start.line !== 0 || range.end.line !== lineCount - 1) return undefined;

  const local = new SourceFile(file.path, lines);
  const toSpan = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: linesStart + local.offsetAt(r.start),
    end: linesStart + local.offsetAt(r.end),
  });
  // A FROM's image changes its stage; its name, which later stages build on it (`FROM builder`).
  const stage = keyword === 'FROM' ? readStage(node as From, previous.stages.slice(0, old.stage), toSpan) : undefined;
  const renamed = stage !== undefined && stage.name !== previous.stages[old.stage].name;
  const edited = readInstruction(node, keyword, old.stage, file, '\\', toSpan);

  const moved = new Map<DockerInstruction, DockerInstruction>();
  const instructions = previous.instructions.map((i, k) => {
    const next = k < index ? i : k === index ? edited : shiftInstruction(i, delta);
    moved.set(i, next);
    return next;
  });
  const stages = previous.stages.map((earlier, k): DockerStage => {
    const instructionsOf = earlier.instructions.map((i) => moved.get(i)!);
    if (stage && k === old.stage) return { ...stage, instructions: instructionsOf };
    const image = earlier.image.span.start >= linesEnd - delta ? shiftImage(earlier.image, delta) : earlier.image;
    return { ...earlier, image, instructions: instructionsOf };
  });
  if (renamed) {
    for (let k = old.stage + 1; k < stages.length; k++) {
      const text = stages[k].image.text.toLowerCase();
      const parent = stages.slice(0, k).findIndex((s) => s.name !== undefined && s.name === text);
      stages[k] = { ...stages[k], parent: parent >= 0 ? parent : undefined };
    }
  }
  return { ...previous, file, instructions, globalArgs: previous.globalArgs.map((i) => moved.get(i)!), stages };
}

/** Where the line containing `offset` ends (its newline, or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

function shiftInstruction(instruction: DockerInstruction, delta: number): DockerInstruction {
  if (delta === 0) return instruction;
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const value = (v: SpannedValue): SpannedValue => ({ ...v, span: span(v.span) });
  const out: DockerInstruction = { ...instruction, span: span(instruction.span), keywordSpan: span(instruction.keywordSpan) };
  if (instruction.argsSpan) out.argsSpan = span(instruction.argsSpan);
  const command = instruction.command;
  if (command) out.command = command.form === 'exec' ? { ...command, items: command.items.map(value), span: span(command.span) } : { ...command, span: span(command.span) };
  if (instruction.properties) out.properties = instruction.properties.map((p) => ({ ...p, name: value(p.name), value: p.value && value(p.value), span: span(p.span) }));
  if (instruction.sources) out.sources = instruction.sources.map(value);
  if (instruction.destination) out.destination = value(instruction.destination);
  if (instruction.copyFromSpan) out.copyFromSpan = span(instruction.copyFromSpan);
  return out;
}

function shiftImage(image: DockerStage['image'], delta: number): DockerStage['image'] {
  if (delta === 0) return image;
  const moved = { ...image, span: { start: image.span.start + delta, end: image.span.end + delta } };
  if (image.tag) moved.tag = { ...image.tag, span: { start: image.tag.span.start + delta, end: image.tag.span.end + delta } };
  return moved;
}
