import { parseDocument, Parser } from 'yaml';
import { parseYaml } from './server/src/parsing/yaml/yamlParse';
for (const n of [15000, 30000, 60000]) {
  const text = 'data:\n' + Array.from({ length: n }, (_, i) => `  key${i}: value${i}\n`).join('');
  let s = performance.now(); [...new Parser().parse(text)]; const p = performance.now() - s;
  s = performance.now(); parseYaml(text); const q = performance.now() - s;
  console.log(n, 'cst', p.toFixed(0), 'full', q.toFixed(0));
}
