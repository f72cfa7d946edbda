/** The engine's public surface, shared by the language server, the audit and the CLI. */
export { lint, MAX_FILE_CHARS, MAX_READ_BYTES, unanalysableText, type DeferredRules, type LintInput, type LintOutput } from './lint';
export { ModelCache } from './modelCache';
export { DocumentResults } from './documentResults';
export { applyEdits, applyFixes, applyOtherFileChanges, automaticFixes, combineFixes } from './fixes';
export { ResolvedConfig } from './config/resolvedConfig';
export { loadWorkspaceConfig, loadTeamConfig, locateConfig, findWorkspaceRoot } from './config/workspaceConfig';
export { readTeamConfig, readSettingsJson, validateSettingsObject } from './config/configFiles';
export { allRules, findRule } from './registry';
export { factorDocUrl, ruleDocPath, ruleDocUrl } from './docs';
export { directiveText, REASON_PLACEHOLDER } from './suppressions';
export * from './types';
