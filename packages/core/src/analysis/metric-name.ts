/** Whether a metric `name` can be a Python function name the server can call. */
import { MAX_METRIC_NAME_LENGTH, METRIC_NAME_PATTERN } from '../conventions.js';

/** Python 3 keywords: none of them can name a function. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** True for an ASCII Python identifier that is not a keyword and not longer than the cap. */
export function isValidMetricName(name: string): boolean {
  return name.length <= MAX_METRIC_NAME_LENGTH && METRIC_NAME_PATTERN.test(name) && !PYTHON_KEYWORDS.has(name);
}
