import * as assert from 'node:assert/strict';
import { parseSuppressions } from '../../server/src/engine/suppressions';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { idsAndLines, lintText } from '../helpers/engineHarness';

const RULE = 'dependencies/unpinned-base-image';

describe('inline suppression', () => {
  it('disable-next-line suppresses the next statement only', () => {
    const text = `# twelve-factor-disable-next-line ${RULE} -- internal image\nFROM node AS a\nFROM node AS b\n`;
    assert.deepEqual(idsAndLines(lintText('Dockerfile', text)), [`2:${RULE}`]);
  });

  it('skips blank and comment lines to find the next statement, and accepts factor/*', () => {
    const text = `# twelve-factor-disable-next-line dependencies/* -- reason\n\n# another comment\nFROM node\n`;
    assert.deepEqual(lintText('Dockerfile', text), []);
  });

  it('disable-file suppresses everywhere; other rules are unaffected', () => {
    const text = `# twelve-factor-disable-file ${RULE} -- reason\nFROM node\nFROM python\n`;
    assert.deepEqual(lintText('Dockerfile', text), []);
    const other = `# twelve-factor-disable-file config/secret-in-image -- reason\nFROM node\n`;
    assert.deepEqual(idsAndLines(lintText('Dockerfile', other)), [`1:${RULE}`]);
  });

  it('covers a multi-line statement from the comment above its first line', () => {
    const text = `# twelve-factor-disable-next-line ${RULE} -- reason\nFROM \\\n  node\n`;
    assert.deepEqual(lintText('Dockerfile', text), []);
  });

  it('requires a reason when the team says so, and treats the placeholder as none', () => {
    const team = 'requireReason: true\n';
    const text = `# twelve-factor-disable-next-line ${RULE}\nFROM node\n# twelve-factor-disable-next-line ${RULE} -- TODO: say why this is acceptable\nFROM python\n# twelve-factor-disable-next-line ${RULE} -- pinned by digest upstream\nFROM ruby\n`;
    assert.deepEqual(idsAndLines(lintText('Dockerfile', text, { teamConfig: team })), ['0:codebase/suppression-policy', '2:codebase/suppression-policy']);
    assert.deepEqual(lintText('Dockerfile', text), [], 'no policy, no findings');
  });

  it('noInlineSuppress makes the comment ineffective and says so', () => {
    const team = `noInlineSuppress: [${RULE}]\n`;
    const text = `# twelve-factor-disable-next-line ${RULE} -- reason\nFROM node\n`;
    const findings = lintText('Dockerfile', text, { teamConfig: team });
    assert.deepEqual(idsAndLines(findings), ['0:codebase/suppression-policy', `1:${RULE}`]);
    assert.match(findings[0].message, /not allowed by the team/);
  });

  it('does not treat directive-looking text inside an instruction as a directive', () => {
    const text = 'FROM node\nRUN echo "twelve-factor-disable-file dependencies/*"\n';
    assert.deepEqual(idsAndLines(lintText('Dockerfile', text)), [`0:${RULE}`]);
  });

  it('parses ids, reasons and spans in each comment syntax', () => {
    const ts = parseSuppressions(new SourceFile('/a.ts', '  // twelve-factor-disable-next-line config/hardcoded-secret, logs/* -- test key\nconst x = 1;\n'), { kind: 'code', language: 'typescript' });
    assert.equal(ts.length, 1);
    assert.deepEqual(ts[0].patterns, ['config/hardcoded-secret', 'logs/*']);
    assert.equal(ts[0].reason, 'test key');
    assert.equal(ts[0].targetLine, 1);
    const block = parseSuppressions(new SourceFile('/a.java', '/* twelve-factor-disable-file -- generated */\nclass A {}\n'), { kind: 'code', language: 'java' });
    assert.deepEqual([block[0].scope, block[0].patterns, block[0].reason], ['file', [], 'generated']);
    const py = parseSuppressions(new SourceFile('/a.py', '// twelve-factor-disable-file\n# twelve-factor-disable-file x/y\n'), { kind: 'code', language: 'python' });
    assert.deepEqual(py.map((d) => d.patterns), [['x/y']], 'python only takes # comments');
    const xmlText = '<configuration>\n  <!-- twelve-factor-disable-next-line logs/log-config-file -- shipped by a sidecar -->\n  <appender name="F"/>\n';
    const xml = parseSuppressions(new SourceFile('/logback.xml', xmlText), { kind: 'log-config', format: 'xml' });
    assert.deepEqual([xml[0].patterns, xml[0].reason, xml[0].targetLine], [['logs/log-config-file'], 'shipped by a sidecar', 2]);
    assert.ok(!xmlText.slice(xml[0].span.start, xml[0].span.end).includes('-->'), 'the directive ends before -->');
    const ini = parseSuppressions(new SourceFile('/logging.conf', '; twelve-factor-disable-file logs/*\n[handlers]\n'), { kind: 'log-config', format: 'ini' });
    assert.deepEqual(ini.map((d) => d.patterns), [['logs/*']]);
  });
});
