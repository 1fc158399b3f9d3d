/** A fast-check generator of packages full of the mistakes csmlint can fix (snake_case keys, YAML 1.1 booleans, qualified entry points, typos, Python 2, ...). */
import fc from 'fast-check';

const FUNCTIONS = ['rmse', 'weighted_mae', 'max_error', 'r2_score'];

const key = (camel: string, ...variants: string[]) => fc.constantFrom(camel, camel, ...variants);

const booleanText = fc.constantFrom('true', 'false', 'yes', 'No', 'on', 'OFF', 'y', '"true"', 'True', '1');

const comment = fc.option(fc.constantFrom('  # why: business asked', '  # 日本語 ✓', '  # TODO(ana): check', '  #'), { nil: undefined });

interface MetricChoice {
  fn: string;
  nameKey: string;
  entryKey: string;
  entryForm: string;
  labelKey: string;
  label: string;
  primaryKey: string;
  primary: string;
  lowerKey: string | undefined;
  lower: string;
  extraKey: string | undefined;
  comments: Array<string | undefined>;
}

const metric: fc.Arbitrary<MetricChoice> = fc.record({
  fn: fc.constantFrom(...FUNCTIONS),
  nameKey: key('name', 'Name', 'nmae'),
  entryKey: key('entryPoint', 'entry_point', 'entrypoint', 'entryPiont'),
  entryForm: fc.constantFrom('{fn}', 'custom_metrics.{fn}', 'custom_metrics:{fn}', 'custom_metrics.py:{fn}', '{typo}', 'other.{fn}', '"{fn}"'),
  labelKey: key('label', 'lable'),
  label: fc.constantFrom('RMSE', 'no', 'Yes', '"Précision ✓"', "'quoted: colon'", 'Off'),
  primaryKey: key('primaryMetric', 'primary_metric', 'primarymetric'),
  primary: booleanText,
  lowerKey: fc.option(key('lowerIsBetter', 'lower_is_better', 'lowerIsbetter'), { nil: undefined }),
  lower: booleanText,
  extraKey: fc.option(fc.constantFrom('colour', 'descripton', 'useWieghts', 'use_weights'), { nil: undefined }),
  comments: fc.array(comment, { minLength: 6, maxLength: 6 }),
});

function metricYaml(m: MetricChoice, indent: string): string {
  const typo = m.fn.slice(0, -2) + m.fn.slice(-1) + m.fn.slice(-2, -1);
  const entry = m.entryForm.replace('{fn}', m.fn).replace('{typo}', typo);
  const lines = [
    `${m.nameKey}: ${m.fn}`,
    `${m.labelKey}: ${m.label}`,
    `${m.entryKey}: ${entry}`,
    `${m.primaryKey}: ${m.primary}`,
    ...(m.lowerKey ? [`${m.lowerKey}: ${m.lower}`] : []),
    ...(m.extraKey ? [`${m.extraKey}: false`] : []),
  ].map((line, i) => line + (m.comments[i] ?? ''));
  return lines.map((line, i) => (i === 0 ? `${indent}- ${line}` : `${indent}  ${line}`)).join('\n');
}

const pythonFunction = fc.record({
  name: fc.constantFrom(...FUNCTIONS),
  isAsync: fc.boolean(),
  python2: fc.constantFrom('', '    print "scoring"\n', '    if y_true <> y_pred: pass\n', '    x = 0777\n'),
  comment: fc.constantFrom('', '    # keep: numerically stable\n', '    # ✓ 📈\n'),
}).map(({ name, isAsync, python2, comment }) => `${isAsync ? 'async ' : ''}def ${name}(y_true, y_pred, sample_weight=None, **kwargs) -> float:\n${comment}${python2}    return 0.0\n`);

/** metadata.yaml and custom_metrics.py texts, each with a handful of fixable (and some unfixable) mistakes. */
export const fixablePackage = fc.record({
  metrics: fc.array(metric, { minLength: 1, maxLength: 4 }),
  bareList: fc.boolean(),
  indent: fc.constantFrom('  ', '    '),
  targetType: fc.option(fc.constantFrom('regression', 'Binary', 'multiclass', 'Multi', 'regresion'), { nil: undefined }),
  unknownTop: fc.option(fc.constantFrom('metric_list', 'version', 'metrcs'), { nil: undefined }),
  header: fc.constantFrom('', '# Churn metrics\n', '# csmlint-disable-next-line CSM204\n'),
  functions: fc.array(pythonFunction, { maxLength: 4 }),
  eol: fc.constantFrom('\n', '\r\n'),
}).map((p) => {
  const items = p.metrics.map((m) => metricYaml(m, p.bareList ? '' : p.indent)).join('\n');
  const top = [
    ...(p.targetType ? [`targetType: ${p.targetType}`] : []),
    ...(p.unknownTop ? [`${p.unknownTop}: 1  # kept on purpose`] : []),
  ];
  const metadata = p.bareList ? `${p.header}${items}\n` : `${p.header}${top.map((t) => `${t}\n`).join('')}metrics:\n${items}\n`;
  const code = `"""Metrics."""\nimport math  # stdlib only\n\n\n${p.functions.join('\n\n')}`;
  return { 'metadata.yaml': metadata.replace(/\n/g, p.eol), 'custom_metrics.py': code.replace(/\n/g, p.eol) };
});
