import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import { setValueEdit } from '../../server/src/parsing/spring/springEdits';
import { isTestResource, profileOfFile } from '../../server/src/parsing/spring/springModel';
import { parseSpring, springFacts } from '../../server/src/parsing/spring/springParser';
import { envNameOf, placeholdersIn } from '../../server/src/parsing/spring/springPlaceholders';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const parse = (name: string, text: string) => parseSpring(new SourceFile(`/app/src/main/resources/${name}`, text));
const flat = (name: string, text: string) => parse(name, text).properties.map((p) => [p.name, p.value, p.profile ?? '', text.slice(p.keySpan.start, p.keySpan.end), text.slice(p.valueSpan.start, p.valueSpan.end)]);

describe('springModel', () => {
  it('flattens .properties with documents and profiles', () => {
    const text = 'spring.application.name=api\n#---\nspring.config.activate.on-profile=prod\nserver.port: 80\n';
    assert.deepEqual(flat('application.properties', text), [
      ['spring.application.name', 'api', '', 'spring.application.name', 'api'],
      ['spring.config.activate.on-profile', 'prod', 'prod', 'spring.config.activate.on-profile', 'prod'],
      ['server.port', '80', 'prod', 'server.port', '80'],
    ]);
    assert.equal(parse('application-dev.properties', 'a=1\n').properties[0].profile, 'dev', 'the file name gives the profile');
  });

  it('flattens YAML as Spring does: dotted keys, [keys], lists, null values, profile documents', () => {
    const text = 'server.port: 8888\nspring:\n  datasource:\n    username:\n    url: "jdbc:mysql://db/app"\nmap:\n  "[/api/**]": open\nlist:\n  - a\n  - b: 1\n---\nspring:\n  profiles: docker\n  mail.host: smtp\n';
    assert.deepEqual(flat('application.yml', text), [
      ['server.port', '8888', '', 'server.port', '8888'],
      ['spring.datasource.username', '', '', 'username', ''],
      ['spring.datasource.url', 'jdbc:mysql://db/app', '', 'url', '"jdbc:mysql://db/app"'],
      ['map[/api/**]', 'open', '', '"[/api/**]"', 'open'],
      ['list[0]', 'a', '', 'a', 'a'],
      ['list[1].b', '1', '', 'b', '1'],
      ['spring.profiles', 'docker', 'docker', 'profiles', 'docker'],
      ['spring.mail.host', 'smtp', 'docker', 'mail.host', 'smtp'],
    ]);
  });

  it('reports a broken YAML document and reads the others', () => {
    const model = parse('application.yml', 'a: 1\n---\nb: [1, 2\n---\nc: 3\n');
    assert.equal(model.problems.length, 1);
    assert.deepEqual(model.properties.map((p) => p.name), ['a', 'c']);
  });

  it('knows test resources and file profiles', () => {
    assert.ok(isTestResource('/repo/svc/src/test/resources/application.yml'));
    assert.ok(isTestResource('C:\\repo\\src\\integrationTest\\resources\\application.yml'));
    assert.ok(!isTestResource('/repo/svc/src/main/resources/application.yml'));
    assert.equal(profileOfFile('/x/bootstrap-docker.yml'), 'docker');
    assert.equal(profileOfFile('/x/application.properties'), undefined);
  });

  it('reads placeholders, nested defaults and escapes', () => {
    const text = 'x ${DATABASE_URL:jdbc:postgresql://${DB_HOST:localhost}/app} \\${NOT_ONE} ${spring.application.name}';
    assert.deepEqual(placeholdersIn(text, 100).map((p) => [p.name, p.default ?? null, text.slice(p.nameSpan.start - 100, p.nameSpan.end - 100)]), [
      ['DATABASE_URL', 'jdbc:postgresql://${DB_HOST:localhost}/app', 'DATABASE_URL'],
      ['DB_HOST', 'localhost', 'DB_HOST'],
      ['spring.application.name', null, 'spring.application.name'],
    ]);
    assert.equal(envNameOf('spring.datasource.hikari.data-source-properties.password'), 'SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_PASSWORD');
    assert.equal(envNameOf('my.service[0].api-key'), 'MY_SERVICE_0_APIKEY');
  });

  it('gives the index the environment variables its placeholders read', () => {
    const text = 'spring:\n  datasource:\n    url: ${DATABASE_URL:jdbc:postgresql://${DB_HOST:localhost}/app}\n    password: "${DB_PASSWORD}"\n  application:\n    name: ${spring.application.id}\n';
    const facts = springFacts(parse('application.yml', text));
    assert.deepEqual(facts.envReads?.map((r) => [r.name, r.hasDefault, text.slice(r.span.start, r.span.end)]), [
      ['DATABASE_URL', true, 'DATABASE_URL'],
      ['DB_HOST', true, 'DB_HOST'],
      ['DB_PASSWORD', false, 'DB_PASSWORD'],
    ]);
  });

  it('rewrites values so that the file stays valid and reads back the new value', () => {
    const value = '${DATABASE_URL:jdbc:mysql://h/db?a=1&b=2}';
    const yamlTexts = ['url: old\n', 'url: "old"\n', "url: 'old'\n", 'ds: { url: old, user: x }\n', 'list: [old, x]\n', '- url: old\n'];
    for (const text of yamlTexts) {
      const model = parse('application.yml', text);
      const property = model.properties.find((p) => p.value === 'old')!;
      const fixed = applyEdits(text, [setValueEdit(property, value)!]);
      const doc = parseDocument(fixed);
      assert.deepEqual(doc.errors, [], fixed);
      assert.ok(parse('application.yml', fixed).properties.some((p) => p.name === property.name && p.value === value), fixed);
    }
    const properties = 'key = old\nother=1\n';
    const model = parse('application.properties', properties);
    const fixed = applyEdits(properties, [setValueEdit(model.properties[0], ' lead\\tab\nline')!]);
    assert.equal(parse('application.properties', fixed).properties[0].value, ' lead\\tab\nline');
  });
});
