import type { AuditResult } from '../audit/runAudit';
import { formatJson } from './formatJson';
import { formatMarkdown } from './formatMarkdown';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';

/** The report formats, in the order the CLI lists them. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What some formats need besides the result (the SARIF tool version and rule docs, its source root). */
export interface ReportOptions {
  version: string;
  ruleDocs?: ReadonlyMap<string, string>;
  srcRoot?: string;
  /** Text: the finding lines alone (the other formats are the findings already). */
  quiet?: boolean;
}

/** Renders an audit result in a format; a pure function of its arguments. */
export function formatReport(format: ReportFormat, result: AuditResult, options: ReportOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, options);
    case 'markdown':
      return formatMarkdown(result);
  }
}

export { formatJson, formatMarkdown, formatSarif, formatText };
