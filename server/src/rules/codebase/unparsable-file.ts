import type { EngineRule } from '../../engine/types';

/** Reported by the engine when a file of a known kind cannot be analysed. */
const rule: EngineRule = {
  id: 'codebase/unparsable-file',
  factor: 'codebase',
  kinds: ['dockerfile', 'kubernetes', 'cloudfoundry', 'compose', 'procfile', 'dotenv', 'spring', 'code', 'log-config'],
  defaultSeverity: 'warning',
  description: 'A file the tool recognises but cannot analyse: a syntax error, a template, a binary, a huge file or one too slow to analyse.',
  rationale: 'A file that is not analysed is not checked; say so instead of reporting nothing.',
  messages: {
    parseError: 'Not analysed: {{detail}}',
    syntaxProblem: '{{detail}} (the rest is still analysed).',
    tooLarge: 'Not analysed: the file is {{size}}, above the {{limit}} limit.',
    binary: 'Not analysed: the file looks binary.',
    tooSlow: 'Not analysed: the file is too slow to analyse (over {{limit}}); split it, or leave it out of the workspace.',
  },
  fixable: false,
};
export default rule;
