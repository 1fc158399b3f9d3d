/**
 * The Python side: the module index of custom_metrics.py (bindings, parameters, nested and
 * conditional defs, syntax problems, recovery after a broken def) and the rules CSM400–CSM417,
 * RuleTester style: per rule, packages that must not fire it and packages that must, with the exact
 * ranges, data, related locations and fixes, and the spec §4a rules about what must not cascade.
 */
import { describe, expect, it } from 'vitest';
import {
  CONVENTION, findRule, type Diagnostic, type LintOptions, type PyFunction, type PythonModule,
} from '@csmlint/core';
import { loadLinter } from 'csmlint';
import { applyFix, formatRange, replace } from './helpers/rule-cases.js';

// ---------------------------------------------------------------------------------------------
// Helpers

/** metadata.yaml with one metric per entry; `extra` lines are added to the item as written. */
function metadata(...metrics: Array<{ name?: string; entryPoint?: string; primary?: boolean; extra?: string[] }>): string {
  const items = metrics.map((m, i) => [
    ...(m.name !== undefined ? [`name: ${m.name}`] : []),
    `label: Metric ${i + 1}`,
    ...(m.entryPoint !== undefined ? [`entryPoint: ${m.entryPoint}`] : []),
    `primaryMetric: ${m.primary ?? i === 0}`,
    ...(m.extra ?? []),
  ]);
  return `metrics:\n${items.map((lines) => `  - ${lines.join('\n    ')}\n`).join('')}`;
}

/** A metric whose name and entryPoint are both `fn`. */
const one = (fn: string, extra: string[] = []) => metadata({ name: fn, entryPoint: fn, extra });

const MAE = 'def mae(y_true, y_pred, **kwargs) -> float:\n    return sum(abs(t - p) for t, p in zip(y_true, y_pred)) / len(y_true)\n';

async function lint(yaml: string | null, code: string | null, options: LintOptions = {}): Promise<Diagnostic[]> {
  const linter = await loadLinter();
  const files = [
    ...(yaml !== null ? [{ path: 'metadata.yaml', content: yaml }] : []),
    ...(code !== null ? [{ path: 'custom_metrics.py', content: code }] : []),
  ];
  const result = linter.lint(files, options);
  expect(result.ruleFailures).toEqual([]);
  return result.diagnostics;
}

async function index(code: string): Promise<PythonModule> {
  const linter = await loadLinter();
  const pkg = linter.buildContext([{ path: 'custom_metrics.py', content: code }]);
  return pkg.python!;
}



function fn(module: PythonModule, name: string, scope?: PyFunction['scope']): PyFunction {
  const found = module.functions.filter((f) => f.name === name && (!scope || f.scope === scope));
  expect(found.length, `one function ${name}`).toBe(1);
  return found[0]!;
}

interface ExpectedFinding {
  file?: 'metadata.yaml' | 'custom_metrics.py';
  /** 1-based `line:col-line:col`. */
  range: string;
  severity?: string;
  data?: Record<string, unknown>;
  related?: string[];
  message?: string;
  /** The fixed files: `null` = no fix. */
  output?: { yaml?: string; code?: string } | null;
  suggestions?: string[];
}

interface Case {
  name: string;
  yaml: string;
  code: string;
  options?: LintOptions;
  errors?: ExpectedFinding[];
}

function ruleTester(id: string, cases: { valid: Case[]; invalid: Case[] }): void {
  const rule = findRule(id)!;
  describe(`${rule.id} ${rule.name}`, () => {
    it.each(cases.valid)('valid: $name', async ({ yaml, code, options }) => {
      const found = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      expect(found.map((d) => `${formatRange(d)} ${d.message}`)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', async ({ yaml, code, options, errors = [] }) => {
      const found = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      expect(found.map((d) => `${d.file} ${formatRange(d)}`)).toEqual(errors.map((e) => `${e.file ?? 'custom_metrics.py'} ${e.range}`));
      found.forEach((d, i) => {
        const want = errors[i]!;
        expect(d.severity).toBe(want.severity ?? rule.severity);
        if (want.data) expect(d.data).toMatchObject(want.data);
        if (want.message) expect(d.message).toContain(want.message);
        if (want.related) expect((d.related ?? []).map((r) => `${r.file} ${formatRange(r)}`)).toEqual(want.related);
        if (want.suggestions) expect((d.suggestions ?? []).map((s) => s.description)).toEqual(want.suggestions);
        if (want.output === null) expect(d.fix).toBeUndefined();
        else if (want.output) {
          expect(d.fix).toBeDefined();
          if (want.output.yaml !== undefined) expect(applyFix(yaml, d.fix!, 'metadata.yaml')).toBe(want.output.yaml);
          if (want.output.code !== undefined) expect(applyFix(code, d.fix!, 'custom_metrics.py')).toBe(want.output.code);
        }
        expect(d.message).not.toMatch(/\{\{|undefined/);
      });
    });
    it.each(cases.invalid)('same ranges with CRLF: $name', async ({ yaml, code, options }) => {
      const lf = (await lint(yaml, code, options)).filter((d) => d.ruleId === rule.id);
      const crlf = (await lint(yaml.replace(/\n/g, '\r\n'), code.replace(/\n/g, '\r\n'), options)).filter((d) => d.ruleId === rule.id);
      expect(crlf.map(formatRange)).toEqual(lf.map(formatRange));
    });
  });
}


// ---------------------------------------------------------------------------------------------
// The module index

describe('module index', () => {
  it('reads every parameter kind, default and annotation', async () => {
    const m = await index('def f(a, /, b: int, c=1, *args, d, e: float = 2.0, **kw) -> float:\n    return 1.0\n');
    expect(fn(m, 'f').params.map((p) => [p.name, p.kind, p.hasDefault, p.defaultText, p.annotation])).toEqual([
      ['a', 'positional-only', false, undefined, undefined],
      ['b', 'positional', false, undefined, 'int'],
      ['c', 'positional', true, '1', undefined],
      ['args', 'var-positional', false, undefined, undefined],
      ['d', 'keyword-only', false, undefined, undefined],
      ['e', 'keyword-only', true, '2.0', 'float'],
      ['kw', 'var-keyword', false, undefined, undefined],
    ]);
    expect(fn(m, 'f').returnAnnotation).toBe('float');
  });

  it('reads a bare `*`, typed splats and parameter ranges', async () => {
    const m = await index('def g(y_true, *, flag: bool = False, **extra: str):\n    return 0\n');
    const params = fn(m, 'g').params;
    expect(params.map((p) => [p.name, p.kind])).toEqual([['y_true', 'positional'], ['flag', 'keyword-only'], ['extra', 'var-keyword']]);
    expect(params.map((p) => formatRange(p))).toEqual(['1:7-1:13', '1:18-1:22', '1:40-1:45']);
    expect(params.map((p) => formatRange({ range: p.sourceRange }))).toEqual(['1:7-1:13', '1:18-1:36', '1:38-1:50']);
  });

  it('marks defs under top-level if/try/with/for/while/match as conditional, with the condition', async () => {
    const code = [
      'if HAS_NUMBA:', '    def a(): return 1', 'else:', '    def b(): return 2',
      'try:', '    def c(): return 3', 'except ImportError:', '    def d(): return 4', 'finally:', '    def e(): return 5',
      'with ctx() as x:', '    def f(): return 6',
      'for i in range(2):', '    def g(): return 7', 'while False:', '    def h(): return 8',
      'match mode:', '    case 1:', '        def i(): return 9',
      'if __name__ == "__main__":', '    if True:', '        def j(): return 10',
      'def top(): return 0', '',
    ].join('\n');
    const m = await index(code);
    const conditional = [...m.bindings.values()].flat().filter((b) => b.conditional).map((b) => `${b.name}@${b.condition}`);
    expect(conditional).toEqual([
      'a@if HAS_NUMBA', 'b@if HAS_NUMBA', 'c@try', 'd@try', 'e@try', 'f@with ctx() as x', 'g@for i in range(2)', 'h@while False',
      'i@match mode', 'j@if __name__ == "__main__"',
    ]);
    expect(m.bindings.get('top')![0]!.conditional).toBe(false);
    expect(fn(m, 'a').scope).toBe('conditional');
    expect(fn(m, 'top').scope).toBe('top');
  });

  it('indexes nested defs with their containers, not as module bindings', async () => {
    const code = [
      'class Metrics:', '    def method(self):', '        def inner():', '            return 1', '        return inner()',
      'def outer(y_true, y_pred):', '    def helper(x):', '        return x', '    return helper(1)', '',
    ].join('\n');
    const m = await index(code);
    expect([...m.bindings.keys()]).toEqual(['Metrics', 'outer']);
    expect(m.bindings.get('Metrics')![0]!.kind).toBe('class');
    expect(fn(m, 'method').containers).toEqual(['Metrics']);
    expect(fn(m, 'inner').containers).toEqual(['Metrics', 'method']);
    expect(fn(m, 'helper').containers).toEqual(['outer']);
    expect(fn(m, 'helper').scope).toBe('nested');
  });

  it('binds assignments (tuple, list, starred, chained, annotated) and imports, not attributes', async () => {
    const code = [
      'import numpy as np', 'import os.path, a.b.c as abc', 'from sklearn.metrics import mean_absolute_error as mae, r2_score',
      'from . import helpers', 'from m import *',
      'x: int = 3', 'y: int', 'a, (b, c) = 1, (2, 3)', '[d, *e] = z', 'obj.attr = 4', 'table[0] = 5', 'v = w = lambda yt, yp: 0.0', 'n += 1', '',
    ].join('\n');
    const m = await index(code);
    const bound = [...m.bindings.values()].flat().map((b) => `${b.name}:${b.kind}`).sort();
    expect(bound).toEqual([
      'a:assignment', 'abc:import', 'b:assignment', 'c:assignment', 'd:assignment', 'e:assignment', 'helpers:import', 'mae:import',
      'np:import', 'os:import', 'r2_score:import', 'v:assignment', 'w:assignment', 'x:assignment',
    ]);
    expect(m.bindings.get('mae')![0]!.detail).toBe('from sklearn.metrics import mean_absolute_error as mae, r2_score');
    expect(formatRange(m.bindings.get('mae')![0]!)).toBe('3:52-3:55');
  });

  it('reads async, decorators, docstrings, return values and generators (nested defs and lambdas do not count)', async () => {
    const code = [
      '@dec(1)', '@other', 'async def f(y_true, y_pred):', '    """First line.', '', '    More."""', '    return 1.0',
      'def no_value(y_true, y_pred):', '    def inner():', '        return 1', '    g = lambda: 2', '    return',
      'def none(y_true, y_pred):', '    return None',
      'def gen(y_true, y_pred):', '    yield 1',
      'def inner_gen(y_true, y_pred):', '    def g():', '        yield 1', '    return 2.0', '',
    ].join('\n');
    const m = await index(code);
    expect(fn(m, 'f')).toMatchObject({ isAsync: true, decorators: ['dec(1)', 'other'], docstring: 'First line.\n\nMore.', returnsValue: true });
    expect(formatRange({ range: fn(m, 'f').range })).toBe('1:1-7:15');
    expect(fn(m, 'f').signatureText).toBe('async def f(y_true, y_pred):');
    expect(fn(m, 'no_value').returnsValue).toBe(false);
    expect(fn(m, 'none').returnsValue).toBe(false);
    expect(fn(m, 'gen')).toMatchObject({ isGenerator: true, returnsValue: false });
    expect(fn(m, 'inner_gen')).toMatchObject({ isGenerator: false, returnsValue: true });
  });

  it('keeps later defs when tree-sitter recovers inside a body, and marks the broken def', async () => {
    const m = await index('def a(y_true, y_pred):\n    return (y_true +\n\ndef b(y_true, y_pred):\n    return 1\n');
    expect([...m.bindings.keys()]).toEqual(['a', 'b']);
    expect(fn(m, 'a').syntaxError).toBe('body');
    expect(fn(m, 'b').syntaxError).toBeUndefined();
    expect(fn(m, 'b').params.map((p) => p.name)).toEqual(['y_true', 'y_pred']);
  });

  it('recovers the defs a broken header swallows (decorators and docstrings included)', async () => {
    const code = [
      'def a(y_true, y_pred:', '    return 1', '',
      '@dec', 'def b(y_true, y_pred):', '    """', 'def not_a_function(x):', '    """', '    return 1', '',
      'async def c(y_true, y_pred)', '    return 2', '',
      'class D:', '    pass', '',
      'def e(y_true, y_pred, sample_weight=None):', '    return 3.0', '',
    ].join('\n');
    const m = await index(code);
    expect([...m.bindings.keys()].sort()).toEqual(['D', 'a', 'b', 'c', 'e']);
    expect(fn(m, 'a')).toMatchObject({ syntaxError: 'header', signatureText: 'def a(y_true, y_pred:' });
    expect(fn(m, 'b')).toMatchObject({ decorators: ['dec'], docstring: 'def not_a_function(x):', returnsValue: true });
    expect(fn(m, 'b').syntaxError).toBeUndefined();
    expect(fn(m, 'c')).toMatchObject({ isAsync: true, syntaxError: 'header' });
    expect(fn(m, 'e').params.map((p) => p.name)).toEqual(['y_true', 'y_pred', 'sample_weight']);
    expect(formatRange(m.bindings.get('e')![0]!)).toBe('17:5-17:6');
    expect(m.syntaxProblems.length).toBeGreaterThan(0);
  });

  it('gives UTF-16 ranges after CJK comments and emoji, with CRLF too', async () => {
    for (const eol of ['\n', '\r\n']) {
      const m = await index(['# 日本語のコメント 😀', 'def métrique(y_true, y_pred):  # ✓', '    return 1.0', ''].join(eol));
      expect(formatRange(m.bindings.get('métrique')![0]!)).toBe('2:5-2:13');
      expect(formatRange({ range: fn(m, 'métrique').params[1]!.range })).toBe('2:22-2:28');
    }
  });

  describe('syntax problems', () => {
    const problems = async (code: string) =>
      (await index(code)).syntaxProblems.map((p) => `${p.kind}${p.python2 ? `/${p.python2}` : ''} ${formatRange(p)} ${p.text}${p.replacement !== undefined ? ` => ${p.replacement}` : ''}`);

    it('reports Python 2 syntax that tree-sitter accepts, with the Python 3 rewrite when mechanical', async () => {
      const code = [
        'print "x"', 'print >>f, "x"', 'print "a",', 'exec "code"', 'exec code in ns', 'x = `y`', 'if a <> b: pass',
        'n = 0777 + 12L + 0xFFL + 0.05 + 00 + 0o17 + 1e05', 's = ur"x"', 'raise E, "m"', 'def f((a, b), c): pass', 'g = lambda (a, b): a', '',
      ].join('\n');
      expect(await problems(code)).toEqual([
        'python2/print 1:1-1:10 print "x" => print("x")',
        'python2/print 2:1-2:15 print >>f, "x"',
        'python2/print 3:1-3:11 print "a",',
        'python2/exec 4:1-4:12 exec "code" => exec("code")',
        'python2/exec 5:1-5:16 exec code in ns',
        'python2/backtick 6:5-6:8 `y` => repr(y)',
        'python2/not-equal 7:6-7:8 <> => !=',
        'python2/octal 8:5-8:9 0777 => 0o777',
        'python2/long-integer 8:12-8:15 12L => 12',
        'python2/long-integer 8:18-8:23 0xFFL => 0xFF',
        'python2/ur-prefix 9:5-9:8 ur"',
        'python2/raise-tuple 10:7-10:13 E, "m"',
        'python2/tuple-parameter 11:7-11:13 (a, b)',
        'python2/tuple-parameter 12:12-12:18 (a, b)',
      ]);
    });

    it('reports what CPython rejects beyond the grammar: bodies, indentation, parameter lists, keywords', async () => {
      const code = [
        'def f(a=1, b, *, **k): pass', 'def g(c, c): pass', 'async = 1', 'return 5', '  z = 1',
        'def h(x):', 'return 1', 'def k(x):', '    if x:', '    return 1', 'class C:', '    yield 2', '',
      ].join('\n');
      expect(await problems(code)).toEqual([
        'parameter-order 1:12-1:13 b',
        'bare-star 1:15-1:16 *',
        'duplicate-parameter 2:10-2:11 c',
        'keyword-name 3:1-3:6 async',
        'outside-function 4:1-4:9 return',
        'indentation 5:1-5:3 z = 1',
        'empty-block 6:9-6:10 def h(...)',
        'empty-block 9:9-9:10 if x',
        'outside-function 12:5-12:12 yield',
      ]);
    });

    it('reports an unclosed bracket at the bracket, and MISSING and ERROR nodes at their ranges', async () => {
      expect(await problems('x = np.abs(np.asarray(a) - b\ny = 2\n')).toEqual(['unclosed 1:11-1:12 (']);
      expect(await problems('def f(x):\n    return x +\n')).toEqual(['unexpected 2:5-2:15 return x +']);
      expect(await problems('x = (1,\n')).toEqual(['unclosed 1:5-1:6 (']);
      expect((await problems('def f(:\n    pass\n'))[0]).toMatch(/^(unexpected|missing|unclosed) 1:/);
    });

    it('finds nothing in valid Python 3 (print and exec calls, octal, floats, async code)', async () => {
      const code = [
        'import asyncio', 'print("x", file=None)', 'print (1)', 'exec("pass")', 'n = 0o777 + 0x1F + 0.05 + 1e-05 + 00 + 0_0 + 10_000',
        's = r"x" + u"y" + rb"z"', 'async def f():', '    await asyncio.sleep(0)', '    return 1',
        'def g(a, /, b=1, *args, c, d=2, **kw):', '    """Docstring', 'def not_code():', '    """', '    return lambda: (yield)',
        'class K:', '    def m(self):', '        return 1', 'if True: pass', 'x = 1; y = 2', '',
      ].join('\n');
      expect(await problems(code)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Rules

const SYNTAX_OK = `import numpy as np\n\n\n${MAE}`;

ruleTester('CSM400', {
  valid: [
    { name: 'valid Python 3', yaml: one('mae'), code: SYNTAX_OK },
    { name: 'print() and != in a metric', yaml: one('mae'), code: `${MAE}\n\ndef _log(a, b):\n    if a != b:\n        print("differ", a, b)\n` },
  ],
  invalid: [
    {
      name: 'unclosed bracket; the next def still resolves',
      yaml: metadata({ name: 'a', entryPoint: 'a' }, { name: 'b', entryPoint: 'b' }),
      code: 'def a(y_true, y_pred, **kwargs) -> float:\n    return float((y_true[0] - y_pred[0]\n\n\ndef b(y_true, y_pred, **kwargs) -> float:\n    return 1.0\n',
      errors: [{ range: '2:17-2:18', data: { kind: 'unclosed', text: '(', closing: ')' }, message: '`(` is never closed', output: null }],
    },
    {
      name: 'Python 2 print, with a fix',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, **kwargs) -> float:\n    print "n =", len(y_true)\n    return 0.0\n',
      errors: [{
        range: '2:5-2:29', data: { kind: 'python2', construct: 'print' }, message: 'is Python 2 syntax',
        output: { code: 'def mae(y_true, y_pred, **kwargs) -> float:\n    print("n =", len(y_true))\n    return 0.0\n' },
      }],
    },
    {
      name: 'backticks and <>, with fixes',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, **kwargs) -> float:\n    if len(y_true) <> 0:\n        return float(`1`)\n    return 0.0\n',
      errors: [
        { range: '2:20-2:22', data: { construct: 'not-equal' }, output: { code: 'def mae(y_true, y_pred, **kwargs) -> float:\n    if len(y_true) != 0:\n        return float(`1`)\n    return 0.0\n' } },
        { range: '3:22-3:25', data: { construct: 'backtick', inner: '1' }, message: 'Backticks around `1`', output: { code: 'def mae(y_true, y_pred, **kwargs) -> float:\n    if len(y_true) <> 0:\n        return float(repr(1))\n    return 0.0\n' } },
      ],
    },
    {
      name: 'unindented body: one finding, no cascade into `return` outside a function',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, **kwargs) -> float:\nreturn 1.0\n',
      errors: [{ range: '1:43-1:44', data: { kind: 'empty-block', text: 'def mae(...)' } }],
    },
  ],
});

const WEIGHTED = 'import numpy as np\n\n\ndef weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=sample_weight))\n';

ruleTester('CSM401', {
  valid: [
    { name: 'resolves', yaml: one('weighted_mae', ['useWeights: true']), code: WEIGHTED },
    { name: 'qualified entryPoint resolves', yaml: metadata({ name: 'weighted_mae', entryPoint: 'custom_metrics.weighted_mae', extra: ['useWeights: true'] }), code: WEIGHTED },
    { name: 'invalid name (CSM300) is not looked up', yaml: metadata({ name: 'weighted-mae', entryPoint: 'weighted_mae', extra: ['useWeights: true'] }), code: WEIGHTED },
    { name: 'invalid name equal to entryPoint is not looked up', yaml: metadata({ name: 'class', entryPoint: 'class' }), code: MAE },
    { name: 'invalid entryPoint (CSM305) is not looked up', yaml: metadata({ name: 'weighted_mae', entryPoint: 'other_module.weighted_mae', extra: ['useWeights: true'] }), code: WEIGHTED },
    { name: 'empty entryPoint (CSM214) is not looked up', yaml: metadata({ name: 'weighted_mae', entryPoint: '""', extra: ['useWeights: true'] }), code: WEIGHTED },
    { name: 'non-string entryPoint (CSM211) is not looked up', yaml: metadata({ name: 'weighted_mae', entryPoint: '42', extra: ['useWeights: true'] }), code: WEIGHTED },
    { name: 'missing name and entryPoint', yaml: metadata({}), code: WEIGHTED },
    { name: 'a def whose header is broken still resolves (CSM400 only)', yaml: one('mae'), code: 'def mae(y_true, y_pred:\n    return 1\n' },
    { name: 'defined only nested (CSM402 instead)', yaml: one('mae'), code: `class K:\n    ${MAE.replace(/\n {4}/g, '\n        ')}` },
  ],
  invalid: [
    {
      name: 'typo: one finding on entryPoint, did you mean, a fix renaming name and entryPoint, a stub suggestion',
      yaml: one('wieghted_mae', ['useWeights: true']),
      code: WEIGHTED,
      errors: [{
        file: 'metadata.yaml', range: '4:17-4:29',
        data: { key: 'entryPoint', value: 'wieghted_mae', function: 'wieghted_mae', candidates: '`weighted_mae`' },
        message: '`entryPoint` `wieghted_mae` is not a function in custom_metrics.py; did you mean `weighted_mae`?',
        related: ['custom_metrics.py 4:5-4:17'],
        output: { yaml: one('weighted_mae', ['useWeights: true']) },
        suggestions: ['Create `wieghted_mae` in custom_metrics.py'],
      }],
    },
    {
      name: 'qualified entryPoint: the fix keeps the prefix',
      yaml: metadata({ name: 'weighted_mae', entryPoint: '"custom_metrics:wieghted_mae"', extra: ['useWeights: true'] }),
      code: WEIGHTED,
      errors: [{
        file: 'metadata.yaml', range: '4:17-4:46', data: { value: 'custom_metrics:wieghted_mae', function: 'wieghted_mae' },
        output: { yaml: metadata({ name: 'weighted_mae', entryPoint: '"custom_metrics:weighted_mae"', extra: ['useWeights: true'] }) },
      }],
    },
    {
      name: 'quoted values: the fix renames inside the quotes',
      yaml: metadata({ name: '"wieghted_mae"', entryPoint: "'wieghted_mae'", extra: ['useWeights: true'] }),
      code: WEIGHTED,
      errors: [{
        file: 'metadata.yaml', range: '4:17-4:31', data: { value: 'wieghted_mae' },
        output: { yaml: metadata({ name: '"weighted_mae"', entryPoint: "'weighted_mae'", extra: ['useWeights: true'] }) },
      }],
    },
    {
      name: 'several close matches: suggestions only',
      yaml: one('mae_v'),
      code: `${MAE}\n\n${MAE.replace('def mae', 'def mae_a')}\n\n${MAE.replace('def mae', 'def mae_b')}`,
      errors: [{
        file: 'metadata.yaml', range: '4:17-4:22', data: { candidates: '`mae_a` or `mae_b`' }, output: null,
        suggestions: ['Change to `mae_a`', 'Change to `mae_b`', 'Create `mae_v` in custom_metrics.py'],
      }],
    },
    {
      name: 'no close match: the stub suggestion appends the convention signature',
      yaml: one('max_error'),
      code: 'import numpy as np\n',
      errors: [{
        file: 'metadata.yaml', range: '4:17-4:26', message: 'define `max_error` there or correct the name', output: null,
        suggestions: ['Create `max_error` in custom_metrics.py'],
      }],
    },
    {
      name: 'name differs from entryPoint: CSM401 on each value that does not resolve',
      yaml: metadata({ name: 'rmse', entryPoint: 'mean_abs' }),
      code: MAE,
      errors: [
        { file: 'metadata.yaml', range: '2:11-2:15', data: { key: 'name', value: 'rmse' } },
        { file: 'metadata.yaml', range: '4:17-4:25', data: { key: 'entryPoint', value: 'mean_abs' } },
      ],
    },
    {
      name: 'name differs and only the name does not resolve',
      yaml: metadata({ name: 'rmse', entryPoint: 'mae' }),
      code: MAE,
      errors: [{ file: 'metadata.yaml', range: '2:11-2:15', data: { key: 'name' } }],
    },
    {
      name: 'entryPoint missing (CSM210): the name is still looked up',
      yaml: metadata({ name: 'rmse' }),
      code: MAE,
      errors: [{ file: 'metadata.yaml', range: '2:11-2:15', data: { key: 'name', value: 'rmse' } }],
    },
  ],
});

describe('CSM401 stub suggestion', () => {
  it('appends a def with the convention signature (with sample_weight only when useWeights is true)', async () => {
    const code = 'import numpy as np\n';
    for (const useWeights of [false, true]) {
      const [finding] = (await lint(one('max_error', useWeights ? ['useWeights: true'] : []), code)).filter((d) => d.ruleId === 'CSM401');
      const stub = finding!.suggestions!.at(-1)!;
      const fixed = applyFix(code, stub, 'custom_metrics.py');
      expect(fixed).toBe(`import numpy as np\n\n\n${CONVENTION.signature('max_error', useWeights)}\n    """Metric 1."""\n    raise NotImplementedError("max_error")\n`);
      expect(fixed.includes('sample_weight')).toBe(useWeights);
      const after = await lint(one('max_error', useWeights ? ['useWeights: true'] : []), fixed);
      expect(after.filter((d) => ['CSM400', 'CSM401', 'CSM410', 'CSM411', 'CSM412', 'CSM413'].includes(d.ruleId))).toEqual([]);
    }
  });

  it('keeps CRLF and creates the file content when custom_metrics.py is empty', async () => {
    const [crlf] = (await lint(one('max_error'), 'import math\r\n')).filter((d) => d.ruleId === 'CSM401');
    expect(applyFix('import math\r\n', crlf!.suggestions!.at(-1)!, 'custom_metrics.py')).toMatch(/^import math\r\n\r\n\r\ndef max_error\(.*\r\n {4}"""Metric 1\."""\r\n {4}raise NotImplementedError\("max_error"\)\r\n$/);
    const [empty] = (await lint(one('max_error'), '')).filter((d) => d.ruleId === 'CSM401');
    expect(applyFix('', empty!.suggestions!.at(-1)!, 'custom_metrics.py')).toMatch(/^def max_error\(/);
  });
});

ruleTester('CSM402', {
  valid: [{ name: 'top level beside a method of the same name', yaml: one('mae'), code: `class K:\n    def mae(self):\n        return 1\n\n\n${MAE}` }],
  invalid: [
    {
      name: 'method only',
      yaml: one('mae'),
      code: `class RegressionMetrics:\n    @staticmethod\n    ${MAE.replace(/\n {4}/g, '\n        ')}`,
      errors: [{ file: 'metadata.yaml', range: '4:17-4:20', data: { container: 'RegressionMetrics' }, related: ['custom_metrics.py 3:9-3:12'] }],
    },
    {
      name: 'inner function of a helper',
      yaml: one('mae'),
      code: `def _factory():\n    ${MAE.replace(/\n {4}/g, '\n        ')}    return mae\n`,
      errors: [{ file: 'metadata.yaml', range: '4:17-4:20', data: { container: '_factory' }, related: ['custom_metrics.py 2:9-2:12'] }],
    },
  ],
});

ruleTester('CSM403', {
  valid: [
    { name: 'def', yaml: one('mae'), code: MAE },
    { name: 'conditional assignment only (CSM404 instead)', yaml: one('mae'), code: 'try:\n    from fast import mae\nexcept ImportError:\n    mae = None\n' },
  ],
  invalid: [
    {
      name: 'import alias',
      yaml: one('mae'),
      code: 'from sklearn.metrics import mean_absolute_error as mae\n',
      errors: [{ file: 'metadata.yaml', range: '4:17-4:20', severity: 'info', data: { how: 'an import', kind: 'import' }, related: ['custom_metrics.py 1:52-1:55'] }],
    },
    {
      name: 'lambda and partial assignments, a class',
      yaml: metadata({ name: 'mae', entryPoint: 'mae' }, { name: 'rmse', entryPoint: 'rmse' }, { name: 'Scorer', entryPoint: 'Scorer' }),
      code: 'import functools\nmae = lambda y_true, y_pred: 0.0\nrmse = functools.partial(_rmse, squared=False)\nclass Scorer:\n    pass\n',
      errors: [
        { file: 'metadata.yaml', range: '4:17-4:20', data: { how: 'an assignment', detail: 'mae = lambda y_true, y_pred: 0.0' } },
        { file: 'metadata.yaml', range: '8:17-8:21', data: { how: 'an assignment' } },
        { file: 'metadata.yaml', range: '12:17-12:23', data: { how: 'a class' } },
      ],
    },
  ],
});

ruleTester('CSM404', {
  valid: [
    { name: 'unconditional def plus a conditional fallback', yaml: one('mae'), code: `${MAE}\nif False:\n    ${MAE.replace(/\n {4}/g, '\n        ')}` },
  ],
  invalid: [
    {
      name: 'try/except fallback only',
      yaml: one('mae'),
      code: `try:\n    from fast import mae\nexcept ImportError:\n    ${MAE.replace(/\n {4}/g, '\n        ')}`,
      errors: [{ file: 'metadata.yaml', range: '4:17-4:20', data: { condition: 'try' }, related: ['custom_metrics.py 2:22-2:25', 'custom_metrics.py 4:9-4:12'] }],
    },
    {
      name: 'if __name__ == "__main__"',
      yaml: one('mae'),
      code: `if __name__ == "__main__":\n    ${MAE.replace(/\n {4}/g, '\n        ')}`,
      errors: [{ file: 'metadata.yaml', range: '4:17-4:20', data: { condition: 'if __name__ == "__main__"' } }],
    },
  ],
});

ruleTester('CSM405', {
  valid: [
    { name: 'once', yaml: one('mae'), code: MAE },
    { name: 'a conditional redefinition', yaml: one('mae'), code: `${MAE}\ntry:\n    from fast import mae\nexcept ImportError:\n    pass\n` },
    { name: 'an undeclared helper defined twice is not a metric', yaml: one('mae'), code: `${MAE}\ndef _h():\n    return 1\ndef _h():\n    return 2\n` },
  ],
  invalid: [
    {
      name: 'three times: on the last, related the earlier ones',
      yaml: one('mae'),
      code: `${MAE}\n\n${MAE}\n\n${MAE}`,
      errors: [{ range: '9:5-9:8', data: { function: 'mae', count: 3 }, related: ['custom_metrics.py 1:5-1:8', 'custom_metrics.py 5:5-5:8'] }],
    },
  ],
});

ruleTester('CSM406', {
  valid: [{ name: 'plain def beside an async helper', yaml: one('mae'), code: `async def _load():\n    return 1\n\n\n${MAE}` }],
  invalid: [
    {
      name: 'async def, with a fix that drops `async`',
      yaml: one('mae'),
      code: `async ${MAE}`,
      errors: [{ range: '1:11-1:14', related: ['metadata.yaml 4:17-4:20'], output: { code: MAE } }],
    },
    {
      name: 'no fix when the body awaits',
      yaml: one('mae'),
      code: 'async def mae(y_true, y_pred, **kwargs) -> float:\n    await x\n    return 1.0\n',
      errors: [{ range: '1:11-1:14', output: null }],
    },
  ],
});

ruleTester('CSM410', {
  valid: [
    { name: 'two positional', yaml: one('mae'), code: MAE },
    { name: '*args', yaml: one('mae'), code: 'def mae(*arrays, **kwargs) -> float:\n    return 0.0\n' },
    { name: 'positional-only', yaml: one('mae'), code: 'def mae(y_true, y_pred, /) -> float:\n    return 0.0\n' },
    { name: 'decorated (CSM415 instead)', yaml: one('mae'), code: 'import functools\n@functools.cache\ndef mae(y) -> float:\n    return 0.0\n' },
    { name: 'broken header (CSM400 instead)', yaml: one('mae'), code: 'def mae(y:\n    return 0.0\n' },
  ],
  invalid: [
    { name: 'one positional', yaml: one('mae'), code: 'def mae(residuals, **kwargs) -> float:\n    return 0.0\n', errors: [{ range: '1:5-1:8', data: { count: 1 }, related: ['metadata.yaml 4:17-4:20'] }] },
    { name: 'y_pred keyword-only (no CSM411 too)', yaml: one('mae'), code: 'def mae(y_true, *, y_pred) -> float:\n    return 0.0\n', errors: [{ range: '1:5-1:8', data: { count: 1 } }] },
    { name: 'none', yaml: one('mae'), code: 'def mae() -> float:\n    return 0.0\n', errors: [{ range: '1:5-1:8', data: { count: 0 }, message: 'accepts no positional argument' }] },
  ],
});

ruleTester('CSM411', {
  valid: [
    { name: 'defaults and keyword-only defaults', yaml: one('mae'), code: 'def mae(y_true, y_pred, q=0.5, *, clip=None, **kwargs) -> float:\n    return 0.0\n' },
    { name: 'required sample_weight with useWeights: true', yaml: one('mae', ['useWeights: true']), code: 'def mae(y_true, y_pred, sample_weight, **kwargs) -> float:\n    return 0.0\n' },
  ],
  invalid: [
    {
      name: 'positional and keyword-only required',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, quantile, *args, clip, **kwargs) -> float:\n    return 0.0\n',
      errors: [{ range: '1:5-1:8', data: { params: '`quantile` and `clip`', count: 2 }, related: ['custom_metrics.py 1:25-1:33', 'custom_metrics.py 1:42-1:46', 'metadata.yaml 4:17-4:20'] }],
    },
    {
      name: 'required sample_weight without useWeights (no CSM413 too)',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, sample_weight) -> float:\n    return 0.0\n',
      errors: [{ range: '1:5-1:8', data: { params: '`sample_weight`' } }],
    },
  ],
});

ruleTester('CSM412', {
  valid: [
    { name: 'sample_weight=None', yaml: one('mae', ['useWeights: true']), code: 'def mae(y_true, y_pred, sample_weight=None) -> float:\n    return 0.0\n' },
    { name: '**kwargs', yaml: one('mae', ['useWeights: true']), code: MAE },
    { name: 'keyword-only sample_weight', yaml: one('mae', ['useWeights: true']), code: 'def mae(y_true, y_pred, *, sample_weight=None) -> float:\n    return 0.0\n' },
    { name: 'useWeights false', yaml: one('mae', ['useWeights: false']), code: 'def mae(y_true, y_pred) -> float:\n    return 0.0\n' },
  ],
  invalid: [
    {
      name: 'no sample_weight, no **kwargs',
      yaml: one('mae', ['useWeights: true']),
      code: 'def mae(y_true, y_pred, weights=None) -> float:\n    return 0.0\n',
      errors: [{ range: '1:5-1:8', data: { function: 'mae', metrics: '`mae`' }, related: ['metadata.yaml 6:17-6:21'] }],
    },
    {
      name: 'yes counts as true (CSM103 reports the spelling)',
      yaml: one('mae', ['useWeights: yes']),
      code: 'def mae(y_true, y_pred) -> float:\n    return 0.0\n',
      errors: [{ range: '1:5-1:8', related: ['metadata.yaml 6:17-6:20'] }],
    },
  ],
});

ruleTester('CSM413', {
  valid: [
    { name: 'useWeights true', yaml: one('mae', ['useWeights: true']), code: 'def mae(y_true, y_pred, sample_weight=None) -> float:\n    return 0.0\n' },
    { name: 'no sample_weight', yaml: one('mae'), code: MAE },
    { name: 'one of two metrics sharing the def uses weights', yaml: metadata({ name: 'mae', entryPoint: 'mae' }, { name: 'mae_w', entryPoint: 'mae', extra: ['useWeights: true'] }), code: 'def mae(y_true, y_pred, sample_weight=None) -> float:\n    return 0.0\n' },
  ],
  invalid: [
    {
      name: 'useWeights absent: on the parameter',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred, sample_weight=None) -> float:\n    return 0.0\n',
      errors: [{ range: '1:25-1:38', severity: 'info', related: ['metadata.yaml 4:17-4:20'] }],
    },
    {
      name: 'useWeights false: related the value',
      yaml: one('mae', ['useWeights: false']),
      code: 'def mae(y_true, y_pred, *, sample_weight=None) -> float:\n    return 0.0\n',
      errors: [{ range: '1:28-1:41', related: ['metadata.yaml 6:17-6:22'] }],
    },
  ],
});

ruleTester('CSM414', {
  valid: [
    { name: 'actuals first', yaml: one('mae'), code: MAE },
    { name: 'a pair not in the list', yaml: one('mae'), code: 'def mae(a, b) -> float:\n    return 0.0\n' },
  ],
  invalid: [
    {
      name: '(y_pred, y_true), with a swap suggestion',
      yaml: one('mae'),
      code: 'def mae(y_pred: list, y_true: list, **kwargs) -> float:\n    return 0.0\n',
      errors: [{ range: '1:5-1:8', data: { first: 'y_pred', second: 'y_true' }, output: null, suggestions: ['Swap `y_pred` and `y_true` (calls inside the file that pass them by position need the same change)'] }],
    },
    { name: '(predictions, actuals)', yaml: one('mae'), code: 'def mae(predictions, actuals) -> float:\n    return 0.0\n', errors: [{ range: '1:5-1:8', data: { first: 'predictions', second: 'actuals' } }] },
  ],
});

describe('CSM414 swap suggestion', () => {
  it('swaps the parameters with their annotations', async () => {
    const code = 'def mae(y_pred: list, y_true: list, **kwargs) -> float:\n    return 0.0\n';
    const [finding] = (await lint(one('mae'), code)).filter((d) => d.ruleId === 'CSM414');
    expect(applyFix(code, finding!.suggestions![0]!, 'custom_metrics.py')).toBe('def mae(y_true: list, y_pred: list, **kwargs) -> float:\n    return 0.0\n');
  });
});

ruleTester('CSM415', {
  valid: [{ name: 'decorated helper, plain metric', yaml: one('mae'), code: `import functools\n@functools.cache\ndef _h():\n    return 1\n\n\n${MAE}` }],
  invalid: [
    {
      name: 'decorated metric: info, and no signature or return findings',
      yaml: one('mae'),
      code: 'import functools\n@functools.lru_cache(maxsize=None)\nasync def mae(x):\n    pass\n',
      errors: [{ range: '3:11-3:14', severity: 'info', data: { decorator: 'functools.lru_cache(maxsize=None)' }, related: ['metadata.yaml 4:17-4:20'] }],
    },
  ],
});

describe('CSM415 skips the signature and body checks', () => {
  it('reports only CSM415 for a decorated metric with every other problem', async () => {
    const found = await lint(one('mae', ['useWeights: true']), 'import functools\n@functools.lru_cache(maxsize=None)\nasync def mae(y_pred, y_true, q, *, r):\n    pass\n');
    expect(found.map((d) => d.ruleId)).toEqual(['CSM415']);
  });
});

ruleTester('CSM416', {
  valid: [
    { name: 'returns float', yaml: one('mae'), code: MAE },
    { name: 'no annotation', yaml: one('mae'), code: 'def mae(y_true, y_pred):\n    return 0.0\n' },
    { name: 'np.float64 and quoted annotations', yaml: metadata({ name: 'a', entryPoint: 'a' }, { name: 'b', entryPoint: 'b' }), code: 'def a(y_true, y_pred) -> np.float64:\n    return 0.0\ndef b(y_true, y_pred) -> "float":\n    return 0.0\n' },
    { name: 'body with a syntax error (CSM400 only)', yaml: one('mae'), code: 'def mae(y_true, y_pred):\n    x = (1 +\n' },
  ],
  invalid: [
    {
      name: 'no return value (nested defs and lambdas do not count)',
      yaml: one('mae'),
      code: 'def mae(y_true, y_pred) -> float:\n    def inner():\n        return 1.0\n    f = lambda: 2.0\n    score = inner()\n',
      errors: [{ range: '1:5-1:8', data: { function: 'mae' }, message: 'never returns a value', related: ['metadata.yaml 4:17-4:20'] }],
    },
    { name: 'generator', yaml: one('mae'), code: 'def mae(y_true, y_pred):\n    yield 1.0\n', errors: [{ range: '1:5-1:8', message: 'is a generator' }] },
    { name: 'non-numeric annotation', yaml: one('mae'), code: 'def mae(y_true, y_pred) -> dict:\n    return {"mae": 0.0}\n', errors: [{ range: '1:5-1:8', data: { annotation: 'dict' } }] },
    { name: 'Optional[float]', yaml: one('mae'), code: 'def mae(y_true, y_pred) -> Optional[float]:\n    return None\n', errors: [{ range: '1:5-1:8', data: { annotation: 'Optional[float]' } }] },
  ],
});

ruleTester('CSM417', {
  valid: [
    { name: 'declared', yaml: one('mae'), code: MAE },
    { name: 'private helper, conditional and main-guard defs', yaml: one('mae'), code: `def _h():\n    return 1\n\n\n${MAE}\nif __name__ == "__main__":\n    def demo():\n        pass\n` },
    { name: 'declared by name only (CSM307 differs)', yaml: metadata({ name: 'helper', entryPoint: 'mae' }), code: `${MAE}\ndef helper(y_true, y_pred):\n    return 0.0\n` },
    { name: 'the did-you-mean target of a misspelt metric (CSM401 says it)', yaml: one('maee'), code: MAE },
    { name: 'no metadata to compare with', yaml: 'metrics: [', code: MAE },
  ],
  invalid: [
    {
      name: 'public undeclared def',
      yaml: one('mae'),
      code: `def to_array(v):\n    return v\n\n\n${MAE}`,
      errors: [{ range: '1:5-1:13', severity: 'hint', data: { function: 'to_array', metadata: 'metadata.yaml' } }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// One mistake, one finding (spec §4a)

describe('no cascades', () => {
  const pythonFindings = async (yaml: string, code: string) =>
    (await lint(yaml, code)).filter((d) => /^CSM4/.test(d.ruleId)).map((d) => `${d.ruleId} ${d.file} ${formatRange(d)}`);

  it('a syntax error in one def hides neither the other defs nor their findings', async () => {
    const code = 'def a(y_true, y_pred) -> float:\n    return (y_true[0]\n\n\ndef b(y_pred, y_true) -> float:\n    return 1.0\n';
    expect(await pythonFindings(metadata({ name: 'a', entryPoint: 'a' }, { name: 'b', entryPoint: 'b' }), code)).toEqual([
      'CSM400 custom_metrics.py 2:12-2:13',
      'CSM414 custom_metrics.py 5:5-5:6',
    ]);
  });

  it('nothing from the Python rules when the metadata does not parse', async () => {
    expect(await pythonFindings('metrics:\n  - name: [\n', MAE)).toEqual([]);
  });

  it('nothing but CSM400 for a file of Python 2', async () => {
    const found = await pythonFindings(one('mae'), 'def mae(y_true, y_pred):\n    print "x"\n    return 1.0\n');
    expect(found).toEqual(['CSM400 custom_metrics.py 2:5-2:14']);
  });

  it('the valid examples lint clean, CRLF included', async () => {
    const yaml = one('mae');
    expect(await lint(yaml, SYNTAX_OK)).toEqual([]);
    expect(await lint(yaml.replace(/\n/g, '\r\n'), SYNTAX_OK.replace(/\n/g, '\r\n'))).toEqual([]);
  });
});

describe('rule docs of CSM400–CSM417', () => {
  const OWN = ['CSM400', 'CSM401', 'CSM402', 'CSM403', 'CSM404', 'CSM405', 'CSM406', 'CSM410', 'CSM411', 'CSM412', 'CSM413', 'CSM414', 'CSM415', 'CSM416', 'CSM417'];
  it.each(OWN)('%s: bad fires only this rule, good lints clean; fixable matches the findings', async (id) => {
    const rule = findRule(id)!;
    const run = async (pkg: Record<string, string>) => {
      const linter = await loadLinter();
      return linter.lint(Object.entries(pkg).map(([path, content]) => ({ path, content })), rule.docs.exampleConfig ?? {}).diagnostics;
    };
    const bad = await run(rule.docs.bad);
    expect(bad.map((d) => d.ruleId)).toEqual(bad.map(() => id));
    expect(bad.length).toBeGreaterThan(0);
    expect(await run(rule.docs.good)).toEqual([]);
    expect(Object.keys(rule.docs.bad).sort()).toEqual(['custom_metrics.py', 'metadata.yaml']);
    if (!rule.fixable) expect(bad.filter((d) => d.fix)).toEqual([]);
    else expect(bad.some((d) => d.fix)).toBe(true);
  });
});
