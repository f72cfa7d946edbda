import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/**
 * The one path-glob matcher (used by `ignore:` in the team config, by the CLI, and for the editor's
 * `files.exclude`). Paths are workspace-relative with forward slashes. A trailing slash matches
 * everything below a folder. A pattern without a slash matches a base name at any depth, as in
 * .gitignore; `anchored` matches it from the root only, as VS Code's `files.exclude` does (which is
 * why its defaults start with a globstar).
 */
export function matchesGlob(relativePath: string, pattern: string, options: { anchored?: boolean } = {}): boolean {
  const key = options.anchored ? `anchored:${pattern}` : pattern;
  let matcher = cache.get(key);
  if (!matcher) {
    const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    const expanded = normalized.endsWith('/') ? `${normalized}**` : normalized;
    matcher = picomatch(expanded, { dot: true, basename: !options.anchored && !expanded.includes('/') });
    cache.set(key, matcher);
  }
  return matcher(relativePath.replace(/\\/g, '/'));
}
