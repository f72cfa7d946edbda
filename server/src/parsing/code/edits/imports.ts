import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../engine/types';
import type { CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';

/**
 * The edits that import what an env read needs: `import os` in Python, `"os"` (and any other
 * packages) in Go. Empty when everything is imported already, and for languages whose env access
 * needs no import.
 */
export function importEdits(model: CodeModel, goPackages: readonly string[] = ['os']): TextEdit[] {
  if (model.language === 'python') return pythonImportOs(model);
  if (model.language === 'go') return goImports(model, goPackages);
  return [];
}

function pythonImportOs(model: CodeModel): TextEdit[] {
  const root = model.tree.rootNode;
  const statements = root.namedChildren;
  const imports = statements.filter((s) => s.type === 'import_statement');
  if (imports.some((s) => s.namedChildren.some((n) => n.type === 'dotted_name' && /^os(\.|$)/.test(n.text)))) return [];
  const eol = model.file.eol;
  // Before the first import that is not `from __future__`, else after the docstring and comments at the top.
  const first = statements.find((s) => (s.type === 'import_statement' || s.type === 'import_from_statement') && !/^from\s+__future__/.test(s.text));
  if (first) return [{ span: { start: first.startIndex, end: first.startIndex }, text: `import os${eol}` }];
  const lead = statements.find((s) => s.type !== 'comment' && !(s.type === 'expression_statement' && s.namedChildren[0]?.type === 'string') && !/^from\s+__future__/.test(s.text));
  const at = lead ? lead.startIndex : model.file.text.length;
  return [{ span: { start: at, end: at }, text: `import os${eol}${eol}` }];
}

function goImports(model: CodeModel, packages: readonly string[]): TextEdit[] {
  const root = model.tree.rootNode;
  const declarations = root.namedChildren.filter((n) => n.type === 'import_declaration');
  const specs = declarations.flatMap((d) => d.descendantsOfType('import_spec').filter((s): s is Node => s !== null));
  const imported = new Set(specs.map((s) => stringLiteral(s.childForFieldName('path'))?.value));
  const missing = packages.filter((p) => !imported.has(p)).sort();
  if (missing.length === 0) return [];
  const eol = model.file.eol;
  const block = declarations.find((d) => d.namedChildren.some((c) => c.type === 'import_spec_list'));
  if (block) {
    // Into the first group of the block, at its sorted place, as gofmt would keep it.
    const list = block.namedChildren.find((c) => c.type === 'import_spec_list')!;
    const listSpecs = list.namedChildren.filter((c) => c.type === 'import_spec');
    // Packages that go before the same spec share one edit, so that they keep their order.
    const byAnchor = new Map<Node | undefined, string[]>();
    for (const pkg of missing) {
      const before = listSpecs.find((s) => (stringLiteral(s.childForFieldName('path'))?.value ?? '') > pkg);
      const group = [...byAnchor.keys()].find((k) => k?.id === before?.id) ?? before;
      byAnchor.set(group, [...(byAnchor.get(group) ?? []), pkg]);
    }
    const edits: TextEdit[] = [];
    for (const [before, pkgs] of byAnchor) {
      const last = listSpecs[listSpecs.length - 1];
      if (before) edits.push({ span: { start: before.startIndex, end: before.startIndex }, text: pkgs.map((p) => `"${p}"${eol}\t`).join('') });
      else if (last) edits.push({ span: { start: last.endIndex, end: last.endIndex }, text: pkgs.map((p) => `${eol}\t"${p}"`).join('') });
      else edits.push({ span: { start: list.lastChild!.startIndex, end: list.lastChild!.startIndex }, text: pkgs.map((p) => `\t"${p}"${eol}`).join('') });
    }
    return edits;
  }
  const single = declarations[0];
  if (single) {
    const all = [...specs.map((s) => s.text), ...missing.map((p) => `"${p}"`)].sort((a, b) => importPath(a).localeCompare(importPath(b)));
    return [{ span: { start: single.startIndex, end: single.endIndex }, text: `import (${eol}${all.map((s) => `\t${s}${eol}`).join('')})` }];
  }
  const pkg = root.namedChildren.find((n) => n.type === 'package_clause');
  const at = pkg ? pkg.endIndex : 0;
  return [{ span: { start: at, end: at }, text: `${eol}${eol}import ${missing.length === 1 ? `"${missing[0]}"` : `(${eol}${missing.map((p) => `\t"${p}"${eol}`).join('')})`}` }];
}

function importPath(spec: string): string {
  return /"([^"]*)"/.exec(spec)?.[1] ?? spec;
}
