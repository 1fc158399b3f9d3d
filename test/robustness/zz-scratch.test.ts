import { it } from 'vitest';
import { loadLinter } from 'csmlint';
import { applyOneFix, lint } from './support/apply-fixes.js';
import { basePackages } from './support/base-packages.js';
import { applyMutations } from './support/generators.js';
it('scratch', async () => {
  const linter = await loadLinter();
  const base = basePackages()[Number(process.env.IDX)]!;
  const muts = JSON.parse(process.env.MUTS ?? '[]');
  let current: Record<string, string> = { 'metadata.yaml': base.metadata, 'custom_metrics.py': applyMutations(base.code, muts) };
  console.log(base.name, JSON.stringify(current['custom_metrics.py'].slice(-300)));
  for (let step = 0; step < 4; step++) {
    const ds = lint(linter, current).diagnostics;
    console.log(ds.filter(d => d.fix).map((d) => `${d.ruleId}@${d.file}:${d.range.start.line}:${d.range.start.character} ${d.message} FIX ${d.fix!.description} ${JSON.stringify(d.fix!.edits.map(e => [e.file, e.range, e.newText]))}`).join('\n'));
    const fix = ds.find((d) => d.fix)?.fix;
    if (!fix) break;
    current = applyOneFix(fix, current).texts;
  }
});
