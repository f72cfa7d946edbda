import * as assert from 'node:assert/strict';
import { DockerfileParser, type From } from 'dockerfile-ast';
import '../../server/src/parsing/dockerfile/argumentsOnce';

describe('dockerfile arguments, split once per instruction', () => {
  const text = 'FROM nginx@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a1 AS web\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install \\\n    flask\n';

  it('gives each call its own arrays and ranges, so callers that change them do not change the next call', () => {
    const [from, run] = DockerfileParser.parse(text).getInstructions();
    const first = run.getArguments();
    first.shift();
    first[0].getRange().end = { line: 0, character: 0 };
    assert.deepEqual(run.getArguments().map((a) => a.getValue()), ['pip', 'install', 'flask']);
    assert.deepEqual(run.getArguments()[0].getRange().end, { line: 2, character: 7 });
    // From moves the ends of its first argument's range while reading the image name and digest.
    const image = from as From;
    for (let i = 0; i < 2; i++) {
      assert.equal(image.getImageName(), 'nginx');
      assert.equal(image.getImageDigest(), 'sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a1');
      assert.equal(image.getBuildStage(), 'web');
    }
  });

  it('scans an instruction once however often its arguments are read', () => {
    const instruction = DockerfileParser.parse(text).getInstructions()[1];
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(instruction))) as { getRawArguments: unknown };
    assert.equal((proto.getRawArguments as { once?: boolean }).once, true, 'the patch sits on Instruction.prototype');
    const memo = Object.getOwnPropertySymbols(instruction);
    assert.equal(memo.length, 1, 'the arguments are kept on the instruction after parsing');
    const kept = (instruction as unknown as Record<symbol, unknown>)[memo[0]];
    instruction.getArguments();
    instruction.getArgumentsRange();
    assert.equal((instruction as unknown as Record<symbol, unknown>)[memo[0]], kept);
  });
});
