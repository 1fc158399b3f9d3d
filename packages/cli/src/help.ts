/** `csmlint --help`. */
export const HELP = `Usage: csmlint [options] [paths...]
       csmlint explain <rule>     the rule's documentation (what, why, bad/good example, fix)
       csmlint rules              the rule table (ID, name, default severity, fixable)
       csmlint init [dir]         write a starter package (metadata.yaml + custom_metrics.py)
       csmlint preview [dir]      print, as JSON, the metrics the server would store

Lints DataRobot Custom Scoring Metric packages: each directory holding metadata.yaml
(or metadata.yml) and/or custom_metrics.py. Paths default to the current directory; a
package file stands for its whole package.

Options:
  -f, --format <name>        output format: stylish (default), json, sarif, junit or github;
                             repeatable; <name>=<file> writes that format to a file
  -o, --output-file <file>   write the report to a file instead of stdout
      --fix                  apply the safe fixes (never one that adds an error), then report
      --fix-dry-run          print the fixes as a unified diff; change nothing
      --stdin --stdin-filename <path>
                             lint the text on stdin as that package file (its partner is read
                             from disk); with --fix, print the fixed text (the report on stderr)
  -q, --quiet                report errors only
      --max-warnings <n>     exit with code 1 when there are more than n warnings
      --rule <rule=severity> set a rule's severity (off, hint, info, warning, error); repeatable
  -c, --config <file>        use this config file (.csmlint.yaml or pyproject.toml) for every package
      --no-config            use no config file
      --target-type <type>   Regression, Binary or Multiclass (overrides the config)
      --run                  execution check: import custom_metrics.py with python3 and call every
                             metric on synthetic data (this RUNS the package's code)
      --hints                also print hint-severity findings (stylish)
      --no-color             no colors (also: NO_COLOR=1); colors are used only on a terminal
  -v, --version              print the version
  -h, --help                 print this help

Environment:
  CSMLINT_WORKERS=<n>        lint with n threads; 1: on the main thread only (default: one
                             thread per 300 packages, up to one per CPU not busy elsewhere)
  NO_COLOR=1, FORCE_COLOR=1  colors off / on
  CSMLINT_DEBUG=1            show the stack of an internal error

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings,
            2 csmlint could not do its job (bad usage, bad config, unreadable file).
`;
