import type { AnyRule } from '../engine/types';
import invalidConfig from './codebase/invalid-config';
import suppressionPolicy from './codebase/suppression-policy';
import unparsableFile from './codebase/unparsable-file';
import unpinnedBaseImage from './dependencies/unpinned-base-image';
import installWithoutLockfile from './dependencies/install-without-lockfile';
import remoteScriptPipe from './dependencies/remote-script-pipe';
import secretInImage from './config/secret-in-image';
import hardcodedSecret from './config/hardcoded-secret';
import debugEnabled from './config/debug-enabled';
import configBakedIntoImage from './build-release-run/config-baked-into-image';
import buildAtRuntime from './build-release-run/build-at-runtime';
import execFormEntrypoint from './disposability/exec-form-entrypoint';
import shellWrapperWithoutExec from './disposability/shell-wrapper-without-exec';
import packageManagerAsPid1 from './disposability/package-manager-as-pid1';
import migrationInEntrypoint from './admin-processes/migration-in-entrypoint';
import noGracefulShutdown from './disposability/no-graceful-shutdown';
import volumeForState from './processes/volume-for-state';
import localFileState from './processes/local-file-state';
import inMemorySession from './processes/in-memory-session';
import hardcodedListenPort from './port-binding/hardcoded-listen-port';
import hardcodedConnection from './backing-services/hardcoded-connection';
import logToFile from './logs/log-to-file';

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
  installWithoutLockfile,
  remoteScriptPipe,
  // config
  secretInImage,
  hardcodedSecret,
  debugEnabled,
  // build-release-run
  configBakedIntoImage,
  buildAtRuntime,
  // disposability
  execFormEntrypoint,
  shellWrapperWithoutExec,
  packageManagerAsPid1,
  noGracefulShutdown,
  // admin-processes
  migrationInEntrypoint,
  // processes
  volumeForState,
  localFileState,
  inMemorySession,
  // port-binding
  hardcodedListenPort,
  // backing-services
  hardcodedConnection,
  // logs
  logToFile,
];
