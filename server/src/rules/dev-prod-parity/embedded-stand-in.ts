import * as path from 'node:path';
import { schemeFamily } from '../../analysis/backingServiceImages';
import { isNonProductionWord } from '../../analysis/nonProduction';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import type { CodeModel } from '../../parsing/code/codeModel';
import { inNamedSection, TEST_SECTION } from '../../parsing/code/namedSections';
import { standInsOf, type StandInNeed } from '../../parsing/code/standIns';
import { stringLiteral } from '../../parsing/code/strings';
import type { Span } from '../../parsing/sourceFile';
import type { SpringModel } from '../../parsing/spring/springModel';
import { productionServiceFor } from '../../workspace/productionServices';

interface Options {
  testFiles: string[];
}

/** The service families each stand-in replaces. */
const FAMILIES: Record<StandInNeed, string[]> = { sql: ['postgres', 'mysql'], redis: ['redis'], mongodb: ['mongodb'] };

/** Embedded databases Spring runs in process, by JDBC URL or driver class. */
const SPRING_EMBEDDED = /^(jdbc:(h2|hsqldb|derby):|org\.h2\.Driver$|org\.hsqldb\.|org\.apache\.derby\.)/;

/**
 * An embedded or fake stand-in (SQLite, H2, fakeredis, mongomock, ioredis-mock) outside tests, in an
 * app whose production gets the real service: a production manifest runs or binds it, a Spring
 * profile connects to it, or the app reads a variable named for it.
 */
export default defineRule<CodeModel | SpringModel, Options>({
  id: 'dev-prod-parity/embedded-stand-in',
  factor: 'dev-prod-parity',
  kinds: ['code', 'spring'],
  defaultSeverity: 'warning',
  description: 'An embedded or fake stand-in (SQLite, H2/HSQLDB/Derby, fakeredis, mongomock, ioredis-mock) outside tests, for a backing service that production gets for real.',
  rationale: 'Development uses the same backing services as production; an embedded stand-in accepts what the real service rejects, and the gap shows only after the release.',
  messages: {
    standIn: '{{what}} stands in for {{family}} here, while production gets {{family}} from {{via}} ({{where}}): the stand-in accepts what the real service rejects, and the other way round, so what works here can fail there. Run {{family}} in development too (a compose service or a container).',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    if ('properties' in model) checkSpring(model, ctx);
    else checkCode(model, ctx);
  },
});

function checkCode(model: CodeModel, ctx: RuleContext<Options>): void {
  for (const standIn of standInsOf(model)) {
    const node = model.tree.rootNode.descendantForIndex(standIn.span.start, standIn.span.end);
    if (node && inNamedSection(node, TEST_SECTION)) continue;
    const where = productionFor(FAMILIES[standIn.need], ctx) ?? urlInFile(model, FAMILIES[standIn.need]);
    if (where) report(ctx, standIn.what, standIn.span, where);
  }
}

function checkSpring(model: SpringModel, ctx: RuleContext<Options>): void {
  if (model.testResource) return;
  for (const property of model.properties) {
    if (!/^spring\.datasource\.(url|driver-class-name|driverClassName)$/.test(property.name) || !SPRING_EMBEDDED.test(property.value)) continue;
    // The default profile or a development one: a test profile's embedded database is the point of it.
    if (property.profile !== undefined && (!isNonProductionWord(property.profile) || /^test/.test(property.profile))) continue;
    const where = productionFor(FAMILIES.sql, ctx);
    if (where) report(ctx, property.value, property.valueSpan, where);
  }
}

function report(ctx: RuleContext<Options>, what: string, at: Span, where: { family: string; via: string; where: string }): void {
  ctx.report({ messageId: 'standIn', data: { what, family: where.family, via: where.via, where: where.where }, at });
}

/** Where production gets one of the families, from the workspace index, with the file named relative to this one. */
function productionFor(families: string[], ctx: RuleContext<Options>): { family: string; via: string; where: string } | undefined {
  const found = productionServiceFor(families, ctx.file.path, ctx.index, ctx.root, ctx.workspace);
  if (!found) return undefined;
  const where = found.path === ctx.file.path ? 'this file' : path.relative(path.dirname(ctx.file.path), found.path).split(path.sep).join('/');
  return { family: found.family, via: found.via, where };
}

/** A URL of the real service in this file outside a test section (a production config class: `postgresql://…`). */
function urlInFile(model: CodeModel, families: string[]): { family: string; via: string; where: string } | undefined {
  for (const hit of model.file.text.matchAll(/\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?):\/\//gi)) {
    const leaf = model.tree.rootNode.descendantForIndex(hit.index);
    const literal = leaf && (stringLiteral(leaf) ?? stringLiteral(leaf.parent));
    const family = schemeFamily(hit[1]);
    if (literal && family && families.includes(family) && !inNamedSection(literal.node, TEST_SECTION)) return { family, via: `a ${hit[1]}:// URL`, where: 'this file' };
  }
  return undefined;
}
