import type { Span } from '../sourceFile';
import { ParseError } from '../parseError';

/** An attribute of an XML element, its value unescaped, with the span of the value between its quotes. */
export interface XmlAttribute {
  name: string;
  value: string;
  valueSpan: Span;
}

/** An element: its name (with any prefix), attributes, children, and the text directly inside it. */
export interface XmlElement {
  name: string;
  nameSpan: Span;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent?: XmlElement;
  /** The text directly inside, trimmed, with its span; undefined when blank. */
  text?: { value: string; span: Span };
  /** From `<` to the end of the closing tag. */
  span: Span;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (text: string) => text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/**
 * Reads the elements of a small XML file (a logging configuration): tags, attributes and text, with
 * exact spans. Comments, processing instructions, DOCTYPE and CDATA are skipped; namespaces are not
 * resolved. Not a validating parser: it throws a {@link ParseError} only where it cannot go on (an
 * unterminated tag or comment), and tolerates a missing closing tag.
 */
export function readXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let i = 0;
  const fail = (what: string, at: number): never => {
    throw new ParseError(what, { start: at, end: Math.min(text.length, at + 1) });
  };
  while (i < text.length) {
    const open = text.indexOf('<', i);
    const top = stack[stack.length - 1];
    const textEnd = open < 0 ? text.length : open;
    if (top && top.text === undefined) {
      const raw = text.slice(i, textEnd);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim()) top.text = { value: unescape(raw.trim()), span: { start: i + lead, end: i + lead + raw.trim().length } };
    }
    if (open < 0) break;
    const skipTo = (close: string) => {
      const end = text.indexOf(close, open);
      if (end < 0) fail(`unterminated ${close === '-->' ? 'comment' : 'markup'}`, open);
      i = end + close.length;
    };
    if (text.startsWith('<!--', open)) skipTo('-->');
    else if (text.startsWith('<![CDATA[', open)) skipTo(']]>');
    else if (text.startsWith('<?', open)) skipTo('?>');
    else if (text.startsWith('<!', open)) skipTo('>');
    else if (text[open + 1] === '/') {
      const end = text.indexOf('>', open);
      if (end < 0) fail('unterminated closing tag', open);
      const name = text.slice(open + 2, end).trim();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) {
        stack[at].span = { start: stack[at].span.start, end: end + 1 };
        stack.length = at;
      }
      i = end + 1;
    } else {
      i = readStartTag(text, open, stack, roots, fail);
    }
  }
  return roots;
}

function readStartTag(text: string, open: number, stack: XmlElement[], roots: XmlElement[], fail: (what: string, at: number) => never): number {
  const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(text.slice(open + 1, open + 200));
  if (!nameMatch) return open + 1;
  const parent = stack[stack.length - 1];
  const element: XmlElement = { name: nameMatch[0], nameSpan: { start: open + 1, end: open + 1 + nameMatch[0].length }, attributes: [], children: [], parent, span: { start: open, end: open } };
  const attribute = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
  attribute.lastIndex = element.nameSpan.end;
  for (;;) {
    const match = attribute.exec(text);
    if (!match) fail(`unterminated tag <${element.name}>`, open);
    if (match![5]) {
      element.span = { start: open, end: attribute.lastIndex };
      (parent ? parent.children : roots).push(element);
      if (match![5] === '>') stack.push(element);
      return attribute.lastIndex;
    }
    const raw = match![3] ?? match![4];
    const valueStart = attribute.lastIndex - raw.length - 1;
    element.attributes.push({ name: match![1], value: unescape(raw), valueSpan: { start: valueStart, end: valueStart + raw.length } });
  }
}

/** The value of an attribute, by name (case-insensitive, as log4j2 reads them). */
export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  const lower = name.toLowerCase();
  return element.attributes.find((a) => a.name.toLowerCase() === lower);
}

/** Every element of a tree, depth first. */
export function allElements(roots: readonly XmlElement[]): XmlElement[] {
  return roots.flatMap((e) => [e, ...allElements(e.children)]);
}
