import type { AnyRule } from '../engine/types';
import invalidConfig from './codebase/invalid-config';
import suppressionPolicy from './codebase/suppression-policy';
import unparsableFile from './codebase/unparsable-file';
import unpinnedBaseImage from './dependencies/unpinned-base-image';

/**
 * The registry: every rule, listed once. Adding a rule means adding its file, its doc, its test and
 * one line here; the meta-tests fail when any of the four is missing.
 */
export const ALL_RULES: readonly AnyRule[] = [
  // codebase (reported by the engine)
  invalidConfig,
  suppressionPolicy,
  unparsableFile,
  // dependencies
  unpinnedBaseImage,
];
