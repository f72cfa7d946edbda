import type { FileKindInfo } from './fileKind';

/**
 * The line-comment markers of a file kind: what a suppression comment may start with, and (first
 * entry) what the "disable" quick fixes insert.
 */
export function lineCommentMarkers(info: FileKindInfo): string[] {
  switch (info.kind) {
    case 'code':
      return info.language === 'python' ? ['#'] : ['//', '/*'];
    case 'vscode-settings':
      return ['//', '/*'];
    case 'log-config':
      return info.format === 'xml' ? ['<!--'] : ['#', ';'];
    case 'spring':
      // .properties files also accept "!" comments; YAML ones only "#".
      return ['#', '!'];
    default:
      return ['#'];
  }
}

/** Wraps text in the kind's comment syntax, e.g. `# text`, `// text` or `<!-- text -->`. */
export function asLineComment(info: FileKindInfo, text: string): string {
  const marker = lineCommentMarkers(info)[0];
  return marker === '<!--' ? `<!-- ${text} -->` : `${marker} ${text}`;
}
