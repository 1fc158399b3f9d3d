import { loadLinter } from 'csmlint';
import { LineIndex } from '@csmlint/core';
import { IncrementalPythonTree } from './packages/language-server/dist/python-tree.js';
const linter = await loadLinter();
let seed = Number(process.argv[2] ?? 1);
const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
const INSERTS = ['x', ' ', '\n', '    ', ':', '- ', 'é', '📈', '(', ')', '#', 'def f(a, b):\n    return 1\n', 'name: rmse\n', '\t', '"', '\r\n'];
const only = process.argv[3];
let text = 'def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    total = 1\n    return total\n';
const inc = new IncrementalPythonTree();
inc.parse(text, linter.parsePython);
for (let i = 0; i < 400; i++) {
  const start = Math.floor(rnd() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rnd() * 6));
  let insert = rnd() < 0.3 ? '' : INSERTS[Math.floor(rnd() * INSERTS.length)];
  if (only === 'ascii' && /[^\x00-\x7f]/.test(insert)) insert = 'y';
  if (/[\udc00-\udfff]/.test(text[start] ?? '') || /[\udc00-\udfff]/.test(text[end] ?? '')) continue;
  const before = new LineIndex(text);
  const next = text.slice(0, start) + insert + text.slice(end);
  inc.edit(start, end, start + insert.length, before, new LineIndex(next));
  text = next;
  const dump = (n) => { const out = []; const c = n.walk(); let d = true; for(;;){ if (d) { out.push(c.nodeType+':'+c.startIndex+'-'+c.endIndex+(c.currentNode.isMissing?'!':'')); } if (d && c.gotoFirstChild()) continue; if (c.gotoNextSibling()) { d = true; continue; } if (!c.gotoParent()) break; d = false; } return out.join(' '); };
  const a = dump(inc.parse(text, linter.parsePython).rootNode);
  const fresh = linter.parsePython(text); const b = dump(fresh.rootNode); fresh.delete();
  if (a !== b) { console.log('DIVERGED at edit', i, JSON.stringify(insert), 'start', start, 'end', end); console.log(JSON.stringify(text.slice(Math.max(0,start-20), start+20))); process.exit(1); }
}
console.log('ok');
