import { prepareCodeParsing } from '../../server/src/parsing/code/treeSitter';

/**
 * Mocha root hooks (loaded by .mocharc.json): the tree-sitter runtime starts asynchronously, once,
 * as the server and the CLI start it before they lint.
 */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await prepareCodeParsing();
  },
};
