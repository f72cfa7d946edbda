import { isStreamDestination } from '../../analysis/logDestinations';
import { hasNameWord, isNonProductionWord } from '../../analysis/nonProduction';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { LogConfigModel, LogOutput } from '../../parsing/logconfig/logConfigModel';

interface Options {
  testFiles: string[];
}

/** Output types that write files: logback and log4j appender classes, log4j2 appender elements, Python handler classes. */
const FILE_OUTPUT = /(^|\.)(Rolling|DailyRolling)?FileAppender$|^(File|RollingFile|RandomAccessFile|RollingRandomAccessFile|MemoryMappedFile)$|(^|\.)(Rotating|TimedRotating|Watched)?FileHandler$/i;

/** True when a use sits in a Spring profile that only non-production names make up (`dev`, `local | test`). */
const outsideProduction = (profiles: readonly string[]) =>
  profiles.some((p) => !p.includes('!') && p.split(/[\s,|&()]+/).filter(Boolean).every((w) => isNonProductionWord(w.toLowerCase())));

/** True when a logger uses the output in production: some use is not confined to non-production profiles. */
const usedInProduction = (output: LogOutput) => output.uses.some((profiles) => !outsideProduction(profiles));

/** A logging configuration shipped with the app that sends the log to a file. */
export default defineRule<LogConfigModel, Options>({
  id: 'logs/log-config-file',
  factor: 'logs',
  kinds: ['log-config'],
  defaultSeverity: 'warning',
  description: 'A logging configuration (logback.xml, log4j2.xml, log4j.xml, Python logging.conf) whose loggers write to a file appender or handler.',
  rationale: 'A twelve-factor app writes its log to stdout as an event stream; the platform, not the app\'s logging configuration, routes and keeps it.',
  messages: {
    fileOutput: '{{what}} writes the log to {{file}}; log to the console (stdout) only, and let the platform collect and route the stream.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    // logback-test.xml, log4j2-test.xml and configurations under src/test/ configure test runs.
    if (isTestFile(ctx.file.path, ctx.options.testFiles) || hasNameWord(ctx.file.path, new Set(['test']))) return;
    for (const output of model.outputs) {
      if (!usedInProduction(output) || !FILE_OUTPUT.test(output.type)) continue;
      if (output.file !== undefined && isStreamDestination(output.file) && !output.file.includes('$')) continue;
      const what = `${model.format === 'ini' ? 'Handler' : 'Appender'} ${output.name ?? '(unnamed)'} (${output.type.replace(/^.*\./, '')})`;
      ctx.report({ messageId: 'fileOutput', data: { what, file: output.file ?? 'a file' }, at: output.typeSpan });
    }
  },
});
