import type { AnyRule } from '../engine/types';
import invalidConfig from './codebase/invalid-config';
import suppressionPolicy from './codebase/suppression-policy';
import unparsableFile from './codebase/unparsable-file';
import unpinnedCodeFetch from './codebase/unpinned-code-fetch';
import buildOutsideRepository from './codebase/build-outside-repository';
import unpinnedBaseImage from './dependencies/unpinned-base-image';
import installWithoutLockfile from './dependencies/install-without-lockfile';
import remoteScriptPipe from './dependencies/remote-script-pipe';
import secretInImage from './config/secret-in-image';
import literalSecretEnv from './config/literal-secret-env';
import secretInConfigmap from './config/secret-in-configmap';
import plaintextSecretManifest from './config/plaintext-secret-manifest';
import hardcodedSecret from './config/hardcoded-secret';
import debugEnabled from './config/debug-enabled';
import configBakedIntoImage from './build-release-run/config-baked-into-image';
import buildAtRuntime from './build-release-run/build-at-runtime';
import execFormEntrypoint from './disposability/exec-form-entrypoint';
import shellWrapperWithoutExec from './disposability/shell-wrapper-without-exec';
import packageManagerAsPid1 from './disposability/package-manager-as-pid1';
import missingReadinessProbe from './disposability/missing-readiness-probe';
import missingLivenessProbe from './disposability/missing-liveness-probe';
import terminationGrace from './disposability/termination-grace';
import migrationInEntrypoint from './admin-processes/migration-in-entrypoint';
import migrationInContainerCommand from './admin-processes/migration-in-container-command';
import volumeForState from './processes/volume-for-state';
import webIgnoresPort from './port-binding/web-ignores-port';
import migrationInWeb from './admin-processes/migration-in-web';
import cronInContainer from './admin-processes/cron-in-container';
import logToFile from './logs/log-to-file';
import committedEnvFile from './config/committed-env-file';
import envExampleDrift from './config/env-example-drift';
import literalSecretProperty from './config/literal-secret-property';
import logFileProperty from './logs/log-file-property';
import logVolume from './logs/log-volume';
import logConfigFile from './logs/log-config-file';
import logFileEnv from './logs/log-file-env';
import hardcodedDatasource from './backing-services/hardcoded-datasource';
import hardcodedServiceProperty from './backing-services/hardcoded-service-property';
import singleReplica from './concurrency/single-replica';
import portEnvMismatch from './port-binding/port-env-mismatch';
import hostPathVolume from './processes/host-path-volume';
import stickySessions from './processes/sticky-sessions';
import floatingBuildpack from './dependencies/floating-buildpack';
import mutableImageTag from './build-release-run/mutable-image-tag';
import containerNameBlocksScaling from './concurrency/container-name-blocks-scaling';
import singleInstance from './concurrency/single-instance';
import severalProcesses from './concurrency/several-processes';
import workerInWeb from './concurrency/worker-in-web';
import localhostInContainer from './backing-services/localhost-in-container';
import hardcodedServiceUrl from './backing-services/hardcoded-service-url';
import missingHealthcheck from './disposability/missing-healthcheck';
import processHealthCheck from './disposability/process-health-check';
import stateInBindMount from './processes/state-in-bind-mount';
import noGracefulShutdown from './disposability/no-graceful-shutdown';
import localFileState from './processes/local-file-state';
import inMemoryState from './processes/in-memory-state';
import inMemorySession from './processes/in-memory-session';
import hardcodedListenPort from './port-binding/hardcoded-listen-port';
import hardcodedConnection from './backing-services/hardcoded-connection';
import undeclaredEnvVar from './config/undeclared-env-var';
import unusedEnvVar from './config/unused-env-var';
import developmentMode from './dev-prod-parity/development-mode';
import serviceVersionDrift from './dev-prod-parity/service-version-drift';
import devImageDrift from './dev-prod-parity/dev-image-drift';
import embeddedStandIn from './dev-prod-parity/embedded-stand-in';
import sqliteDatabase from './dev-prod-parity/sqlite-database';
import secretInEnvTemplate from './config/secret-in-env-template';
import localhostUrlProperty from './backing-services/localhost-url-property';
import packagedDevProfile from './dev-prod-parity/packaged-dev-profile';
import schemaAtBoot from './admin-processes/schema-at-boot';

/**
 * The registry: every rule, listed once. Adding a rule means adding its file, its doc, its test and
 * one line here; the meta-tests fail when any of the four is missing.
 */
export const ALL_RULES: readonly AnyRule[] = [
  // codebase (reported by the engine)
  invalidConfig,
  suppressionPolicy,
  unparsableFile,
  unpinnedCodeFetch,
  buildOutsideRepository,
  // dependencies
  unpinnedBaseImage,
  installWithoutLockfile,
  remoteScriptPipe,
  floatingBuildpack,
  // config
  secretInImage,
  committedEnvFile,
  envExampleDrift,
  literalSecretProperty,
  literalSecretEnv,
  secretInConfigmap,
  plaintextSecretManifest,
  hardcodedSecret,
  debugEnabled,
  undeclaredEnvVar,
  unusedEnvVar,
  // backing-services
  localhostInContainer,
  hardcodedServiceUrl,
  hardcodedDatasource,
  hardcodedServiceProperty,
  hardcodedConnection,
  // build-release-run
  configBakedIntoImage,
  buildAtRuntime,
  mutableImageTag,
  // disposability
  execFormEntrypoint,
  shellWrapperWithoutExec,
  packageManagerAsPid1,
  missingReadinessProbe,
  missingLivenessProbe,
  terminationGrace,
  missingHealthcheck,
  processHealthCheck,
  noGracefulShutdown,
  secretInEnvTemplate,
  localhostUrlProperty,
  // admin-processes
  migrationInEntrypoint,
  migrationInWeb,
  cronInContainer,
  migrationInContainerCommand,
  schemaAtBoot,
  // port-binding
  portEnvMismatch,
  webIgnoresPort,
  hardcodedListenPort,
  // processes
  volumeForState,
  hostPathVolume,
  stickySessions,
  stateInBindMount,
  localFileState,
  inMemoryState,
  inMemorySession,
  // concurrency
  singleReplica,
  containerNameBlocksScaling,
  singleInstance,
  severalProcesses,
  workerInWeb,
  // logs
  logToFile,
  logFileProperty,
  logVolume,
  logConfigFile,
  logFileEnv,
  // dev-prod-parity
  developmentMode,
  serviceVersionDrift,
  devImageDrift,
  embeddedStandIn,
  sqliteDatabase,
  packagedDevProfile,
];
