import { loadLinter } from 'csmlint';
const linter = await loadLinter();
const n = Number(process.argv[2]); const item = process.argv[3].replace(/\\n/g, '\n');
const md = 'metrics:\n' + item.repeat(n);
const t0 = performance.now();
const r = linter.lint([{ path: 'metadata.yaml', content: md }, { path: 'custom_metrics.py', content: 'def f(y_true, y_pred):\n    return 1.0\n' }]);
const counts = {}; let related = 0;
for (const d of r.diagnostics) { counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1; related += d.related?.length ?? 0; }
console.log(md.length, 'bytes', Math.round(performance.now() - t0), 'ms', r.diagnostics.length, 'diags', related, 'related', counts, process.memoryUsage().rss / 1e6 | 0, 'MB');
