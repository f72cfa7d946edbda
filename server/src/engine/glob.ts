import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/**
 * The one path-glob matcher (used by `ignore:` in the team config and by the CLI). Paths are
 * workspace-relative with forward slashes. A pattern without a slash matches a base name at any
 * depth, as in .gitignore; a trailing slash matches everything below a folder.
 */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    const expanded = normalized.endsWith('/') ? `${normalized}**` : normalized;
    matcher = picomatch(expanded, { dot: true, basename: !expanded.includes('/') });
    cache.set(pattern, matcher);
  }
  return matcher(relativePath.replace(/\\/g, '/'));
}
