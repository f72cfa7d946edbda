import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseProperties } from '../../server/src/parsing/spring/propertiesParser';

/** Key, value, key as written, value as written: what each entry reads and where. */
const entries = (text: string) => parseProperties(text).entries.map((e) => [e.key, e.value, text.slice(e.keySpan.start, e.keySpan.end), text.slice(e.valueSpan.start, e.valueSpan.end)]);

// A JDK's own Properties.load, for the differential test: reads one input per stdin line and prints its
// map, every string as UTF-16 hex both ways so that no character is lost on the way.
const JAVA_DUMP = `
import java.io.*; import java.util.*;
public class Dump {
  static String enc(String s) { StringBuilder b = new StringBuilder(); for (char c : s.toCharArray()) b.append(String.format("%04x", (int) c)); return b.toString(); }
  static String dec(String h) { StringBuilder b = new StringBuilder(); for (int i = 0; i + 4 <= h.length(); i += 4) b.append((char) Integer.parseInt(h.substring(i, i + 4), 16)); return b.toString(); }
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(dec(line)));
        TreeMap<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(enc(k), enc(p.getProperty(k)));
        for (Map.Entry<String, String> e : m.entrySet()) out.append(e.getKey()).append('=').append(e.getValue()).append(';');
      } catch (IllegalArgumentException e) { out.append("ERROR"); }
      out.append('\\n');
    }
    System.out.print(out);
  }
}`;

describe('propertiesParser', () => {
  it('splits keys and values at =, : or blanks, and decodes escapes', () => {
    const text = 'a=1\nb : 2\nc 3\nd\t=\t4\ne:=5\nf==6\n\\=k\\:x\\ y=v\nu=caf\\u00e9\\t\\n\\q\nempty\nblank=\n';
    assert.deepEqual(entries(text), [
      ['a', '1', 'a', '1'],
      ['b', '2', 'b', '2'],
      ['c', '3', 'c', '3'],
      ['d', '4', 'd', '4'],
      ['e', '=5', 'e', '=5'],
      ['f', '=6', 'f', '=6'],
      ['=k:x y', 'v', '\\=k\\:x\\ y', 'v'],
      ['u', 'café\t\nq', 'u', 'caf\\u00e9\\t\\n\\q'],
      ['empty', '', 'empty', ''],
      ['blank', '', 'blank', ''],
    ]);
  });

  it('joins continuation lines, dropping their leading blanks; the value span covers every line', () => {
    const text = 'list=a,\\\n     b,\\\r\n\tc  \nnext=\\\\\nlast=x\\';
    assert.deepEqual(entries(text), [
      ['list', 'a,b,c  ', 'list', 'a,\\\n     b,\\\r\n\tc  '],
      ['next', '\\', 'next', '\\\\'],
      ['last', 'x', 'last', 'x\\'],
    ]);
  });

  it('reads # and ! comments, never continued, and Spring Boot document separators', () => {
    const text = '# a comment \\\nkey=v\n  ! bang\n#---\nspring.config.activate.on-profile=prod\n  #---\n';
    const file = parseProperties(text);
    assert.deepEqual(file.comments.map((c) => text.slice(c.start, c.end)), ['# a comment \\', '! bang', '#---', '#---']);
    assert.deepEqual(file.separators, [text.indexOf('#---')], 'an indented #--- is a comment only');
    assert.deepEqual(file.entries.map((e) => e.key), ['key', 'spring.config.activate.on-profile']);
  });

  it('reports a malformed \\u escape on its line and reads the others', () => {
    const text = 'a=1\nbad=\\u12G4\nc=3\n';
    const file = parseProperties(text);
    assert.deepEqual(file.problems.map((p) => text.slice(p.span.start, p.span.end)), ['bad=\\u12G4']);
    assert.deepEqual(file.entries.map((e) => e.key), ['a', 'c']);
  });

  it('agrees with java.util.Properties.load on 3,000 generated files (when a JDK is installed)', function () {
    // `java Dump.java` runs a single source file: Java 11 or later.
    const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
    const major = Number(/version "(\d+)/.exec(version.stderr ?? '')?.[1] ?? 0);
    if (version.status !== 0 || major < 11) {
      console.log('      SKIPPED: no Java 11+ on PATH');
      this.skip();
    }
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'props-'));
    try {
      const pieces = ['a', 'key', 'b.c', '=', ':', ' ', '\t', '\f', '\\', '\\\\', '\\=', '\\:', '\\ ', '\\t', '\\n', '\\u0041', '\\u00e9', '\\uZZ12', '\\\n   ', '\\\r\n\t', '\n', '\r\n', '\r', '#', '!', '# c\\\n', 'é', 'x y', '==', '\\#', '${A:b}', '\\u00', '  \\\\\\\n', '\\\r'];
      let seed = 4242;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return (seed >>> 16) % n;
      };
      const texts: string[] = [];
      for (let i = 0; i < 3000; i++) {
        let text = '';
        for (let k = 1 + random(14); k > 0; k--) text += pieces[random(pieces.length)];
        texts.push(text);
      }
      const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
      fs.writeFileSync(path.join(dir, 'Dump.java'), JAVA_DUMP);
      const run = spawnSync('java', [path.join(dir, 'Dump.java')], { input: texts.map(hex).join('\n') + '\n', encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n').slice(0, -1);
      assert.equal(lines.length, texts.length);
      texts.forEach((text, i) => {
        const file = parseProperties(text);
        const map = new Map(file.entries.map((e) => [hex(e.key), hex(e.value)]));
        const ours = file.problems.length ? 'ERROR' : [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v};`).join('');
        assert.equal(ours, lines[i], JSON.stringify(text));
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
