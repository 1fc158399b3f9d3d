/** What a rule is: its metadata, its docs (shown by `csmlint explain`), its messages and its check. */
import type { Fix, Range, RelatedLocation, Severity } from '../diagnostic.js';
import type { PackageContext } from '../package-context.js';

/** An example package for the docs: file name → contents (absent file = not in the package). */
export type ExamplePackage = Partial<Record<'metadata.yaml' | 'metadata.yml' | 'custom_metrics.py', string>>;

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters (what the server or the user would hit). */
  why: string;
  /** A package that fires the rule. Checked by a test. */
  bad: ExamplePackage;
  /** The same package fixed: does not fire the rule. Checked by a test. */
  good: ExamplePackage;
  /** How to fix it, as an imperative. */
  fix: string;
  /** Config the examples need (e.g. a target type, a small size cap), if any: pass it as lint options. */
  exampleConfig?: { targetType?: string; maxFileSize?: number };
  /** For a rule about the config file itself (CSM901): a bad and a good `.csmlint.yaml`. Checked by a test. */
  configExample?: { bad: string; good: string };
}

export type RuleGroup = 'package' | 'yaml' | 'structure' | 'metric' | 'python' | 'run' | 'meta';

export interface RuleMeta<M extends string = string> {
  id: string;
  name: string;
  severity: Severity;
  fixable: boolean;
  group: RuleGroup;
  docs: RuleDocs;
  /** Message templates; `{{key}}` is filled from the report's data. */
  messages: Record<M, string>;
  /** False for rules listed in the catalog but not implemented yet (`csmlint rules` says so). */
  implemented?: boolean;
  /**
   * `host`: the finding is made by the CLI or the language server, not by `lint` (I/O errors, bad config);
   * `run`: made by the execution check (`--run`). Such rules' `check` is not called by `lint`.
   */
  reportedBy?: 'host' | 'run';
}

export interface Report<M extends string = string> {
  file: string;
  range: Range;
  messageId: M;
  data?: Record<string, string | number>;
  /** Overrides the default severity where the rule's doc says so (CSM004 BOM, CSM103 string fields). */
  severity?: Severity;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Fix[];
}

export interface RuleContext<M extends string = string> {
  pkg: PackageContext;
  report(report: Report<M>): void;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  check(context: RuleContext<M>): void;
}

/** Declares a rule; the registry and `explain` read the metadata, the engine calls `check`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills `{{key}}` placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in data ? String(data[key]) : `{{${key}}}`));
}
