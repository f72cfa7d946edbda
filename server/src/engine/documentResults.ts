import type { FileKind } from '../parsing/fileKind';
import type { ModelPart } from '../parsing/parsers';
import type { SourceFile } from '../parsing/sourceFile';
import type { WorkspaceIndexView } from '../workspace/workspaceIndex';
import type { Fix, RuleReport, WorkspaceFiles } from './types';

/** What one run of a rule on one part found, with its spans relative to the part's start. */
interface Stored {
  reports: RuleReport[];
  /** The workspace files the run read and what it read (undefined: no such file); the findings hold while they read the same. */
  reads: [string, string | undefined][];
}

/** What the findings of one file's parts depend on besides the parts' text. */
interface Context {
  kind: FileKind;
  /** The resolved configuration (options and severities), compared by identity. */
  config: object;
  eol: string;
  root: string | undefined;
}

interface FileEntry extends Context {
  /** Per part key, each rule's findings there by rule id (one lookup of the long key per part and lint). */
  parts: Map<string, Map<string, Stored>>;
}

/** A rule's check of one part, with the context it is given. */
export type PartCheck = (part: ModelPart, workspace: WorkspaceFiles, index: WorkspaceIndexView, report: (report: RuleReport) => void) => void;

/**
 * The findings of rules of scope `document` per document of a multi-document file, kept between lints
 * of its versions (the language server keeps one): a keystroke re-runs such a rule on the edited
 * document only, and moves the findings of the others to where their text now is. A part's findings
 * are reused when its key (its text) is the same, and the file's kind, configuration, end of line and
 * root are; when every workspace file the run read reads the same; and never when the run read the
 * index, which other files change.
 */
export class DocumentResults {
  private readonly files = new Map<string, FileEntry>();

  /** Starts the lint of one file version: what its document rules may reuse, and where they store what they find. */
  begin(file: SourceFile, context: Omit<Context, 'eol'>, parts: readonly ModelPart[], workspace: WorkspaceFiles): DocumentResultsLint {
    const previous = this.files.get(file.path);
    const same = previous && previous.kind === context.kind && previous.config === context.config && previous.eol === file.eol && previous.root === context.root;
    const entry: FileEntry = { ...context, eol: file.eol, parts: new Map() };
    this.files.set(file.path, entry);
    // Parts of the same text share their findings, relative to where each starts.
    const slots = parts.map((part) => {
      let slot = entry.parts.get(part.key) ?? (same ? previous.parts.get(part.key) : undefined);
      if (!slot) slot = new Map();
      entry.parts.set(part.key, slot);
      return slot;
    });
    return new DocumentResultsLint(parts, slots, workspace);
  }

  /** Forgets a file (its document was closed). */
  delete(path: string): void {
    this.files.delete(path);
  }
}

/** One lint's use of {@link DocumentResults}. */
export class DocumentResultsLint {
  /** Each workspace file read in this lint, read once. */
  private readonly texts = new Map<string, string | undefined>();
  private readonly workspace: WorkspaceFiles;

  constructor(
    private readonly parts: readonly ModelPart[],
    private readonly slots: readonly Map<string, Stored>[],
    files: WorkspaceFiles,
  ) {
    const read = (path: string) => {
      if (!this.texts.has(path)) this.texts.set(path, files.readText(path));
      return this.texts.get(path);
    };
    this.workspace = { readText: read, ...(files.realPath ? { realPath: (p: string) => files.realPath!(p) } : {}) };
  }

  /**
   * Runs one rule over the parts, reusing each unchanged part's findings: `report` receives every
   * finding in the parts' order, at its place in the current text. A run that throws is not kept
   * (the check throws on), so that the part runs again at the next lint.
   */
  run(ruleId: string, index: WorkspaceIndexView, check: PartCheck, report: (report: RuleReport) => void): void {
    const done = new Set<Map<string, Stored>>();
    this.parts.forEach((part, i) => {
      const slot = this.slots[i];
      const stored = slot.get(ruleId);
      if (stored && (done.has(slot) || stored.reads.every(([path, text]) => this.workspace.readText(path) === text))) {
        done.add(slot);
        for (const r of stored.reports) report(moved(r, part.start));
        return;
      }
      slot.delete(ruleId);
      const reads: [string, string | undefined][] = [];
      let reusable = true;
      const workspace: WorkspaceFiles = {
        readText: (path) => {
          const text = this.workspace.readText(path);
          reads.push([path, text]);
          return text;
        },
        realPath: this.workspace.realPath && ((path) => ((reusable = false), this.workspace.realPath!(path))),
      };
      const found: RuleReport[] = [];
      check(part, workspace, watched(index, () => (reusable = false)), (r) => {
        found.push(moved(r, -part.start));
        report(r);
      });
      if (reusable) {
        slot.set(ruleId, { reports: found, reads });
        done.add(slot);
      }
    });
  }
}

/** An index view that calls `touched` at every read, so that a run that reads it is not reused. */
function watched(index: WorkspaceIndexView, touched: () => void): WorkspaceIndexView {
  return {
    entries: () => (touched(), index.entries()),
    get: index.get && ((path) => (touched(), index.get!(path))),
    get generation() {
      touched();
      return index.generation;
    },
    get structure() {
      touched();
      return index.structure;
    },
    moved: index.moved && (() => (touched(), index.moved!())),
    get complete() {
      touched();
      return index.complete;
    },
  };
}

/** A copy of a report with every span in this file moved by `delta` (the spans of other files' edits stay). */
function moved(report: RuleReport, delta: number): RuleReport {
  const copy: RuleReport = { messageId: report.messageId, at: { start: report.at.start + delta, end: report.at.end + delta } };
  if (report.data) copy.data = report.data;
  if (report.fix) copy.fix = movedFix(report.fix, delta);
  if (report.alternatives) copy.alternatives = report.alternatives.map((f) => movedFix(f, delta));
  return copy;
}

function movedFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ span: { start: e.span.start + delta, end: e.span.end + delta }, text: e.text })) };
}
