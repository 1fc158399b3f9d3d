/** The csmlint package's library API: what the language server and tests share with the CLI. */
export { loadLinter, pythonGrammarPath } from './linter.js';
