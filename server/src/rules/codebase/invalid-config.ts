import type { EngineRule } from '../../engine/types';

/** Reported by the engine when `.twelve-factor.yaml` or the `twelveFactor.*` settings hold a bad key or value. */
const rule: EngineRule = {
  id: 'codebase/invalid-config',
  factor: 'codebase',
  kinds: ['twelve-factor-config', 'vscode-settings'],
  defaultSeverity: 'error',
  description: 'A bad key or value in .twelve-factor.yaml or the twelveFactor settings.',
  rationale: 'The team configuration is part of the codebase; a mistyped key silently changes what CI checks.',
  messages: {
    invalid: '{{problem}}',
  },
  fixable: false,
};
export default rule;
