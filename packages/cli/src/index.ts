/** The csmlint package's library API: what the language server, the tests and the benchmark share with the CLI. */
export { loadLinter, pythonGrammarPath } from './linter.js';
export { ConfigResolver, loadConfigForDirectory, type ConfigLookupOptions, type LoadedConfig } from './config-files.js';
export { discoverPackages, SKIPPED_DIRECTORIES, type BadPath, type DiscoverOptions, type DiscoveryResult } from './discover.js';
export { readPackageFiles, PACKAGE_FILE_NAMES, type PackageFiles } from './read-package.js';
export { ioErrorDiagnostic } from './io-errors.js';
export { lintPaths, isHostFailure, type LintRun, type LintRunOptions } from './lint.js';
export {
  displayPath, toJsonDiagnostic, toJsonRange, toJsonReport, type JsonDiagnostic, type JsonRange, type JsonReport,
} from './json-diagnostic.js';
export { countDiagnostics, type Counts, type LintReport } from './report.js';
export { FORMATTERS, findFormatter, type Formatter, type FormatOptions } from './formatters/index.js';
export { VERSION } from './version.js';
export {
  runExecutionCheck, runExecutionCheckOnFiles, DEFAULT_PYTHON, DEFAULT_RUN_TIMEOUT_SECONDS, HARNESS_PATH, type RunConfig,
} from './run/index.js';
