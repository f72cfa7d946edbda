import type { EngineRule } from '../../engine/types';

/** Reported by the engine when a suppression breaks the team's policy in `.twelve-factor.yaml`. */
const rule: EngineRule = {
  id: 'codebase/suppression-policy',
  factor: 'codebase',
  kinds: ['dockerfile', 'kubernetes', 'cloudfoundry', 'compose', 'procfile', 'dotenv', 'spring', 'code', 'log-config', 'twelve-factor-config'],
  defaultSeverity: 'warning',
  description: 'A suppression without a reason, a locked rule suppressed inline, or an expired ignore entry.',
  rationale: 'Suppressions are decisions the team reviews; a reason and an expiry keep them honest.',
  messages: {
    missingReason: 'This suppression gives no reason; the team requires one after "--" (requireReason in .twelve-factor.yaml).',
    locked: 'Inline suppression of {{ruleId}} is not allowed by the team (noInlineSuppress in .twelve-factor.yaml); the finding stays.',
    expiredIgnore: 'This ignore entry expired on {{date}}; its findings are reported again. Fix them, or renew the entry with a reason.',
  },
  fixable: false,
};
export default rule;
