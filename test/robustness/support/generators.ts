/** fast-check arbitraries for hostile package contents: raw units, YAML-ish and Python-ish token soups, and line mutations. */
import fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates included (what an editor buffer can hold). */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Characters that stress positions and line handling. */
export const TRICKY_CHARS = ['\t', '\r', '\r\n', '\n', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u0085', 'é', 'e\u0301', '✓', '日本', '📈', '\ud83d', '\ude00', '\0', '\x7f', '\u200b'];

const YAML_TOKENS = [
  'metrics', 'name', 'label', 'entryPoint', 'primaryMetric', 'description', 'lowerIsBetter', 'useWeights', 'entry_point',
  'targetType', 'customMetrics', 'type', 'inference', 'runtimeParameterDefinitions', 'rmse', 'custom_metrics.rmse', 'custom_metrics:rmse',
  ':', ': ', '- ', '-', '  ', '    ', '\n', '\n  - ', '\n    ', '#', '# csmlint-disable-next-line CSM401', '# csmlint-disable-file', '---', '...',
  '&a ', '*a', '&b ', '*b', '<<: *a', '<<', '!!str ', '!!binary ', '!tag ', '? ', '[', ']', '{', '}', ',', '"', "'", '"\\u00e9"', '|', '>', '|-', '>+',
  'true', 'false', 'yes', 'No', 'OFF', 'y', 'null', '~', '1', '0x1F', '1e309', '.nan', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '@', '`', '\t',
];

const PYTHON_TOKENS = [
  'def ', 'async def ', 'class ', 'lambda ', 'return ', 'yield ', 'if ', 'elif ', 'else:', 'try:', 'except ', 'finally:', 'with ', 'for ', 'while ', 'match ', 'case ',
  'import ', 'from ', ' as ', 'rmse', 'y_true', 'y_pred', 'sample_weight', 'kwargs', '(', ')', '[', ']', '{', '}', ':', ', ', '=', '==', '*', '**', '/', '->', '@',
  '\n', '\n    ', '    ', '\t', '#', '# csmlint-disable-line', '"""', "'''", '"', "'", 'f"{', '}"', '\\', '\\\n', '0', '1.5', 'None', 'pass', '...', 'print "x"', '`x`', '<>', 'exec "x"',
];

function tokenSoup(tokens: string[], maxTokens: number): fc.Arbitrary<string> {
  const unit = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_CHARS) }, { weight: 1, arbitrary: anyCodeUnit });
  return fc.array(unit, { maxLength: maxTokens }).map((parts) => parts.join(''));
}

/** Text made of YAML syntax and csmlint's keys, mostly near-valid. */
export const yamlSoup = tokenSoup(YAML_TOKENS, 120);

/** Text made of Python syntax, mostly near-valid. */
export const pythonSoup = tokenSoup(PYTHON_TOKENS, 120);

/** Any string of UTF-16 code units. */
export const anyText = fc.string({ unit: anyCodeUnit, maxLength: 400 });

/** Any byte sequence, with a bias towards UTF-8-looking and BOM-prefixed data. */
export const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xed, 0xa0, 0x80]), fc.uint8Array({ maxLength: 100 }))
    .map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest])),
);

/** One edit of a text, by lines or offsets; indices are taken modulo the text's size when applied. */
export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; other: number }
  | { op: 'indent'; at: number; delta: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'crlf'; all: boolean; at: number }
  | { op: 'truncate'; at: number };

const index = fc.nat({ max: 10_000 });

/** One mutation: the edits a user makes while typing, and the damage copy/paste and tools do. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), at: index }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: index }),
  fc.record({ op: fc.constant('swap-lines' as const), at: index, other: index }),
  fc.record({ op: fc.constant('indent' as const), at: index, delta: fc.integer({ min: -6, max: 6 }) }),
  fc.record({ op: fc.constant('insert' as const), at: index, text: fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.constantFrom(...YAML_TOKENS), fc.constantFrom(...PYTHON_TOKENS)) }),
  fc.record({ op: fc.constant('crlf' as const), all: fc.boolean(), at: index }),
  fc.record({ op: fc.constant('truncate' as const), at: index }),
);

/** Applies one mutation to a text. */
export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (i: number) => i % lines.length;
  switch (m.op) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]!);
      return lines.join('\n');
    case 'swap-lines': {
      const [a, b] = [line(m.at), line(m.other)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.at);
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'crlf':
      if (m.all) return text.replace(/\r?\n/g, '\r\n');
      lines[line(m.at)] += '\r';
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

/** Applies mutations in order. */
export function applyMutations(text: string, mutations: Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}
