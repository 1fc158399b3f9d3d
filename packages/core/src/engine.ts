/** The engine: package contents in, diagnostics out. No file system, no process state. */
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { compareDiagnostics, type Diagnostic, type Severity, type SeverityOrOff } from './diagnostic.js';
import { buildPackageContext, type PackageContext, type PackageFileInput, type PackageOptions } from './package-context.js';
import { RULES, findRule } from './rules/index.js';
import { formatMessage, type Report, type Rule } from './rules/rule.js';
import { findSuppressions, suppresses, unusedSuppressionReports } from './suppressions.js';

export interface LintOptions extends PackageOptions {
  /** Severity per rule, keyed by ID or name; `off` disables the rule. */
  rules?: Record<string, SeverityOrOff>;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** A rule that threw: a bug in csmlint, reported apart so one bad rule never hides the others. */
  ruleFailures: RuleFailure[];
}

export interface Linter {
  /** Lints one package. */
  lint(files: PackageFileInput[], options?: LintOptions): LintResult;
  /** Lints a package whose context the caller built (the language server keeps trees between edits). */
  lintContext(pkg: PackageContext, options?: LintOptions): LintResult;
  /** Parses Python; pass the previous tree (already `edit`ed) to reparse incrementally. */
  parsePython(text: string, previous?: Tree): Tree;
  buildContext(files: PackageFileInput[], options?: PackageOptions): PackageContext;
}

let parserReady: Promise<void> | undefined;

/** Creates a linter from the tree-sitter-python grammar's WASM bytes (the caller reads them). */
export async function createLinter(pythonGrammar: Uint8Array): Promise<Linter> {
  parserReady ??= Parser.init();
  await parserReady;
  const language = await Language.load(pythonGrammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const parsePython = (text: string, previous?: Tree): Tree => {
    const tree = parser.parse(text, previous ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  };
  const buildContext = (files: PackageFileInput[], options: PackageOptions = {}) =>
    buildPackageContext(files, options, (text) => parsePython(text));
  const lintContext = (pkg: PackageContext, options: LintOptions = {}) => runRules(pkg, options);
  return {
    parsePython,
    buildContext,
    lintContext,
    lint(files, options = {}) {
      const pkg = buildContext(files, options);
      try {
        return runRules(pkg, options);
      } finally {
        pkg.python?.tree.delete();
      }
    },
  };
}

/** The severity a rule runs at: the configured one, else its default; `off` skips it. */
export function configuredSeverity(rule: Rule, configured: Record<string, SeverityOrOff> | undefined): SeverityOrOff | undefined {
  if (!configured) return undefined;
  for (const [key, severity] of Object.entries(configured)) {
    if (findRule(key) === rule) return severity;
  }
  return undefined;
}

function runRules(pkg: PackageContext, options: LintOptions): LintResult {
  const diagnostics: Diagnostic[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of RULES) {
    if (rule.implemented === false || rule.reportedBy || rule.id === UNUSED_SUPPRESSION) continue;
    const configured = configuredSeverity(rule, options.rules);
    if (configured === 'off') continue;
    try {
      rule.check({
        pkg,
        report(r) {
          diagnostics.push(toDiagnostic(rule, r, configured ?? r.severity ?? rule.severity));
        },
      });
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, error });
    }
  }
  const kept = applySuppressions(pkg, diagnostics, options);
  kept.sort(compareDiagnostics);
  return { diagnostics: kept, ruleFailures };
}

/** Words a rule's report with the rule's message template: the one way a report becomes a Diagnostic. */
function toDiagnostic(rule: Rule, r: Report, severity: Severity): Diagnostic {
  const template = rule.messages[r.messageId] ?? r.messageId;
  return {
    file: r.file,
    ruleId: rule.id,
    ruleName: rule.name,
    severity,
    message: formatMessage(template, r.data),
    range: r.range,
    ...(r.related?.length ? { related: r.related } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
    ...(r.data ? { data: r.data } : {}),
  };
}

/**
 * A finding made by a host rather than by `lint` (CSM006 I/O errors, CSM901 bad config), worded by its
 * rule like any other. Always at the rule's default severity: these stop the run (exit code 2).
 */
export function hostDiagnostic(ruleIdOrName: string, report: Report): Diagnostic {
  const rule = findRule(ruleIdOrName);
  if (!rule) throw new Error(`unknown rule ${ruleIdOrName}`);
  return toDiagnostic(rule, report, report.severity ?? rule.severity);
}

const UNUSED_SUPPRESSION = 'CSM900';

function applySuppressions(pkg: PackageContext, diagnostics: Diagnostic[], options: LintOptions): Diagnostic[] {
  const suppressions = pkg.files.filter((f) => !f.unreadable).flatMap(findSuppressions);
  if (suppressions.length === 0) return diagnostics;
  const kept = diagnostics.filter((d) => !suppressions.some((s) => suppresses(s, d)));
  const rule = findRule(UNUSED_SUPPRESSION)!;
  const configured = configuredSeverity(rule, options.rules);
  if (configured === 'off') return kept;
  const severity = configured ?? rule.severity;
  for (const report of unusedSuppressionReports(suppressions)) kept.push(toDiagnostic(rule, report, severity));
  return kept;
}
