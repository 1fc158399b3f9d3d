/** @csmlint/core: the engine behind the CLI and the language server. */
export * from './diagnostic.js';
export * from './positions.js';
export * from './conventions.js';
export * from './schema.js';
export * from './source.js';
export { createLinter, configuredSeverity, hostDiagnostic, type Linter, type LintOptions, type LintResult, type RuleFailure } from './engine.js';
export { buildPackageContext, canonicalTargetType, type PackageContext, type PackageFileInput, type PackageOptions, type ReusableParses } from './package-context.js';
export { RULES, findRule, suggestRule } from './rules/index.js';
export type { Rule, RuleDocs, RuleMeta, ExamplePackage } from './rules/rule.js';
export { formatMessage } from './rules/rule.js';
export * from './yaml/metadata-model.js';
export * from './python/module-index.js';
export { findSuppressions, type Suppression } from './suppressions.js';
export * from './config.js';
export { suppresses } from './suppressions.js';
export { parseEntryPoint, type EntryPointForm } from './analysis/entry-point.js';
export { closeMatches } from './analysis/suggest.js';
export { isValidMetricName } from './analysis/metric-name.js';
