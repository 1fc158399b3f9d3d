/** The rule registry: every rule, in catalog order. A test checks it against the files and the docs. */
import { closeMatches } from '../analysis/suggest.js';
import type { Rule } from './rule.js';
import { rule as missingCodeFile } from './missing-code-file.js';
import { rule as missingMetadataFile } from './missing-metadata-file.js';
import { rule as ambiguousMetadataFile } from './ambiguous-metadata-file.js';
import { rule as fileEncoding } from './file-encoding.js';
import { rule as fileTooLarge } from './file-too-large.js';
import { rule as ioError } from './io-error.js';
import { rule as yamlSyntax } from './yaml-syntax.js';
import { rule as yamlDuplicateKey } from './yaml-duplicate-key.js';
import { rule as yamlMultipleDocuments } from './yaml-multiple-documents.js';
import { rule as yaml11Boolean } from './yaml11-boolean.js';
import { rule as yamlMergeKey } from './yaml-merge-key.js';
import { rule as yamlAliasLimit } from './yaml-alias-limit.js';
import { rule as rootNotMapping } from './root-not-mapping.js';
import { rule as missingMetrics } from './missing-metrics.js';
import { rule as metricsNotList } from './metrics-not-list.js';
import { rule as metricsCount } from './metrics-count.js';
import { rule as unknownTopLevelKey } from './unknown-top-level-key.js';
import { rule as lookAlikeFormat } from './look-alike-format.js';
import { rule as missingRequiredField } from './missing-required-field.js';
import { rule as wrongType } from './wrong-type.js';
import { rule as unknownField } from './unknown-field.js';
import { rule as snakeCaseField } from './snake-case-field.js';
import { rule as emptyValue } from './empty-value.js';
import { rule as invalidTargetType } from './invalid-target-type.js';
import { rule as invalidMetricName } from './invalid-metric-name.js';
import { rule as duplicateMetricName } from './duplicate-metric-name.js';
import { rule as duplicateLabel } from './duplicate-label.js';
import { rule as noPrimaryMetric } from './no-primary-metric.js';
import { rule as multiplePrimaryMetrics } from './multiple-primary-metrics.js';
import { rule as invalidEntryPoint } from './invalid-entry-point.js';
import { rule as qualifiedEntryPoint } from './qualified-entry-point.js';
import { rule as nameEntryPointMismatch } from './name-entry-point-mismatch.js';
import { rule as pythonSyntax } from './python-syntax.js';
import { rule as functionNotFound } from './function-not-found.js';
import { rule as functionNotTopLevel } from './function-not-top-level.js';
import { rule as unverifiableCallable } from './unverifiable-callable.js';
import { rule as conditionalDefinition } from './conditional-definition.js';
import { rule as redefinedFunction } from './redefined-function.js';
import { rule as asyncMetric } from './async-metric.js';
import { rule as tooFewParameters } from './too-few-parameters.js';
import { rule as extraRequiredParameters } from './extra-required-parameters.js';
import { rule as weightsNotAccepted } from './weights-not-accepted.js';
import { rule as weightsNotPassed } from './weights-not-passed.js';
import { rule as swappedArguments } from './swapped-arguments.js';
import { rule as decoratedMetric } from './decorated-metric.js';
import { rule as nonNumericReturn } from './non-numeric-return.js';
import { rule as undeclaredFunction } from './undeclared-function.js';
import { rule as runImportFailed } from './run-import-failed.js';
import { rule as runCallFailed } from './run-call-failed.js';
import { rule as runNonFinite } from './run-non-finite.js';
import { rule as runTimeout } from './run-timeout.js';
import { rule as unusedSuppression } from './unused-suppression.js';
import { rule as invalidConfig } from './invalid-config.js';

export const RULES: readonly Rule[] = [
  missingCodeFile,
  missingMetadataFile,
  ambiguousMetadataFile,
  fileEncoding,
  fileTooLarge,
  ioError,
  yamlSyntax,
  yamlDuplicateKey,
  yamlMultipleDocuments,
  yaml11Boolean,
  yamlMergeKey,
  yamlAliasLimit,
  rootNotMapping,
  missingMetrics,
  metricsNotList,
  metricsCount,
  unknownTopLevelKey,
  lookAlikeFormat,
  missingRequiredField,
  wrongType,
  unknownField,
  snakeCaseField,
  emptyValue,
  invalidTargetType,
  invalidMetricName,
  duplicateMetricName,
  duplicateLabel,
  noPrimaryMetric,
  multiplePrimaryMetrics,
  invalidEntryPoint,
  qualifiedEntryPoint,
  nameEntryPointMismatch,
  pythonSyntax,
  functionNotFound,
  functionNotTopLevel,
  unverifiableCallable,
  conditionalDefinition,
  redefinedFunction,
  asyncMetric,
  tooFewParameters,
  extraRequiredParameters,
  weightsNotAccepted,
  weightsNotPassed,
  swappedArguments,
  decoratedMetric,
  nonNumericReturn,
  undeclaredFunction,
  runImportFailed,
  runCallFailed,
  runNonFinite,
  runTimeout,
  unusedSuppression,
  invalidConfig,
] as Rule[];

const byKey = new Map<string, Rule>();
for (const rule of RULES) {
  byKey.set(rule.id, rule);
  byKey.set(rule.name, rule);
}

/** Finds a rule by ID (`CSM401`, any case) or name (`function-not-found`). */
export function findRule(idOrName: string): Rule | undefined {
  return byKey.get(idOrName) ?? byKey.get(idOrName.toUpperCase()) ?? byKey.get(idOrName.toLowerCase());
}

/** The rule ID or name closest to a misspelt `word` ("did you mean"), if one is close enough. */
export function suggestRule(word: string): string | undefined {
  return closeMatches(word, byKey.keys())[0];
}
