/**
 * The one reading of container image references (`registry:5000/team/app:1.4@sha256:…`), shared by
 * the Dockerfile base-image rule and the manifest image rules so that they agree on what is pinned.
 */

/** An image reference split into its parts. */
export interface ImageReference {
  /** Everything before the tag and digest: `registry:5000/team/app`. */
  name: string;
  /** The tag, when written (`1.4`, `latest`). */
  tag?: string;
  /** Offset of the tag within the reference text, when there is a tag. */
  tagStart?: number;
  /** The digest, when written (`sha256:…`). */
  digest?: string;
  /** The registry host, when the first path segment is one (has a `.` or a port, or is `localhost`). */
  registry?: string;
}

/** Splits `registry:5000/name:tag@sha256:…` into name, tag, digest and registry. */
export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const withoutDigest = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const first = name.split('/')[0];
  const registry = name.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : undefined;
  return hasTag ? { name, tag: withoutDigest.slice(colon + 1), tagStart: colon + 1, digest, registry } : { name, digest, registry };
}

// Tag words that name a moving target: a variant (`alpine`, `slim`) or a channel (`lts`, `stable`).
// A tag made only of these names no version, so it moves like `latest` (`node:alpine`, `python:slim`,
// `debian:stable-slim`). A release codename (`bookworm`, `jammy`) is not among them: it pins a release.
const MOVING_TAG_WORDS = new Set(['latest', 'alpine', 'slim', 'lts', 'current', 'stable', 'edge', 'mainline', 'rolling', 'devel', 'testing', 'unstable', 'sid', 'nightly']);

/**
 * Why an image reference floats, or undefined when it is pinned: no tag (the registry serves
 * `latest`), the `latest` tag, or a tag that names only a variant or channel and no version
 * (`alpine`, `lts-slim`). A digest pins whatever the tag says.
 */
export function floatingTag(reference: ImageReference): 'noTag' | 'latestTag' | 'versionlessTag' | undefined {
  if (reference.digest) return undefined;
  if (reference.tag === undefined) return 'noTag';
  const tag = reference.tag.toLowerCase();
  if (tag === 'latest') return 'latestTag';
  return tag.split(/[-_.]/).every((word) => MOVING_TAG_WORDS.has(word)) ? 'versionlessTag' : undefined;
}
