/** Which functions the execution check calls, and where its findings about each one go. */
import { getField, booleanValue, parseEntryPoint, stringValue, type Location, type PackageContext, type Range } from '@csmlint/core';

/** One function to call with one `useWeights` setting (metrics sharing both are called once). */
export interface PlannedMetric {
  id: number;
  function: string;
  useWeights: boolean;
  /** Where findings about the function go: the `def` name, or the name of another top-level binding. */
  defRange: Range;
  /** A plain (undecorated) `def`: CSM410–CSM412 check its signature statically, so they own a call that cannot bind. */
  signatureCheckedStatically: boolean;
  /** False for a `def` without any `return <value>` (`return None` counts as none): CSM416 owns its None. */
  returnsValue: boolean;
  /** The metadata value that names the function, for related locations. */
  declared: Location;
}

/** True when the package can be imported at all: a readable custom_metrics.py without syntax errors (CSM400 owns those). */
export function canImport(pkg: PackageContext): boolean {
  return !!pkg.codeFile && !pkg.codeFile.unreadable && !!pkg.python && pkg.python.syntaxProblems.length === 0;
}

/**
 * The metrics to call: declared with a usable `entryPoint` whose function is bound at the top level of
 * custom_metrics.py. Anything else is already a static finding (CSM305, CSM401, CSM406, ...) and is not called.
 */
export function planMetrics(pkg: PackageContext): PlannedMetric[] {
  const python = pkg.python;
  const metadataFile = pkg.metadataFile;
  if (!python || !metadataFile || !pkg.metadata) return [];
  const planned: PlannedMetric[] = [];
  for (const entry of pkg.metadata.metrics) {
    const entryPoint = stringValue(entry, 'entryPoint');
    const form = entryPoint === undefined ? undefined : parseEntryPoint(entryPoint);
    if (form?.kind !== 'bare' && form?.kind !== 'qualified') continue;
    const binding = python.bindings.get(form.functionName)?.at(-1); // the last binding wins at import
    if (!binding || binding.fn?.isAsync) continue;
    const useWeights = booleanValue(entry, 'useWeights') ?? false;
    if (planned.some((p) => p.function === form.functionName && p.useWeights === useWeights)) continue;
    planned.push({
      id: planned.length,
      function: form.functionName,
      useWeights,
      defRange: binding.fn?.nameRange ?? binding.range,
      signatureCheckedStatically: binding.kind === 'def' && (binding.fn?.decorators.length ?? 0) === 0,
      returnsValue: binding.fn?.returnsValue ?? true,
      declared: { file: metadataFile.path, range: getField(entry, 'entryPoint')!.valueRange },
    });
  }
  return planned;
}
