/**
 * The command-line contestants: csmlint (CLI and engine probe) and the schema-only peers
 * (ajv-cli, Spectral, a python3 jsonschema + PyYAML script). Each one lints a corpus folder and
 * reports which packages it flagged (and, for csmlint, with which rule IDs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runCommand } from './measure.mjs';

/** Where everything lives; built once by run.mjs. */
export function toolPaths(repoRoot) {
  const bin = (name) => join(repoRoot, 'bench/node_modules', name);
  return {
    csmlint: join(repoRoot, 'packages/cli/bin/csmlint.js'),
    engineProbe: join(repoRoot, 'bench/lib/engine-probe.mjs'),
    ajv: bin('ajv-cli/dist/index.js'),
    spectral: bin('@stoplight/spectral-cli/dist/index.js'),
    pythonScript: join(repoRoot, 'bench/peers/validate_metadata.py'),
    python: '/usr/bin/python3',
  };
}

/**
 * The contestants. `run(ctx)` resolves to `{ wallMs, cpuMs, flagged }` where `flagged` maps a
 * package folder (relative to the corpus) to the set of rule IDs csmlint reported there with
 * severity error or warning (peers: an empty set, they have no rule IDs).
 */
export function cliTools(paths) {
  return [
    {
      name: 'csmlint',
      note: 'CLI, both files of every package, --format json',
      run: (ctx) => timed(ctx, 'node', [paths.csmlint, '.', '--format', 'json'], parseCsmlintJson),
    },
    {
      name: 'csmlint engine, 1 thread',
      note: 'core in-process via bench/lib/engine-probe.mjs (no CLI): the floor',
      probe: true,
      run: (ctx) => timed(ctx, 'node', [paths.engineProbe, '.'], parseCsmlintJson),
    },
    {
      name: 'csmlint engine, 2 threads',
      note: 'same, packages split over 2 worker threads',
      probe: true,
      run: (ctx) => timed(ctx, 'node', [paths.engineProbe, '.', '--threads', '2'], parseCsmlintJson),
    },
    {
      name: 'ajv-cli',
      note: 'ajv-cli 5 (js-yaml 3), metadata files only',
      prepare: (ctx) => ajvDiscover(ctx, paths),
      run: (ctx, state) => timed(ctx, 'node', [paths.ajv, ...ajvArgs(ctx, state.parseable)], (r) => addAll(parseAjv(r), state.unparseable)),
    },
    {
      name: 'Spectral',
      note: 'spectral-cli 6, one rule using its `schema` function',
      run: (ctx) =>
        timed(ctx, 'node', [paths.spectral, 'lint', '**/metadata.{yaml,yml}', '--ruleset', ctx.rulesetPath, '--format', 'json', '--quiet'], (r) =>
          parseSpectral(r, ctx.corpusDir),
        ),
    },
    {
      name: 'python jsonschema',
      note: 'python3 + jsonschema + PyYAML safe_load, the script a user writes',
      available: () => pythonAvailable(paths.python),
      run: (ctx) => timed(ctx, paths.python, [paths.pythonScript, ctx.schemaPath, '.'], parsePython),
    },
  ];
}

async function timed(ctx, command, args, parse) {
  const result = await runCommand(command, args, {
    cwd: ctx.corpusDir,
    stdoutFile: join(ctx.scratchDir, 'stdout.txt'),
    stderrFile: join(ctx.scratchDir, 'stderr.txt'),
  });
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`${command} ${args[0]} exited with ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { wallMs: result.wallMs, cpuMs: result.cpuMs, flagged: parse(result) };
}

/** csmlint's JSON report (also the engine probe's) → folder → rule IDs of errors and warnings. */
function parseCsmlintJson(result) {
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n')[0].slice(0, 160)}`);
  }
  if (!Array.isArray(report.diagnostics)) throw new Error('csmlint JSON report has no diagnostics array');
  const flagged = new Map();
  for (const d of report.diagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    const dir = dirname(d.file);
    if (!flagged.has(dir)) flagged.set(dir, new Set());
    flagged.get(dir).add(d.ruleId);
  }
  return flagged;
}

function flagFiles(files) {
  return new Map([...files].map((file) => [dirname(file).replace(/^\.\//, ''), new Set()]));
}

function addAll(flagged, files) {
  for (const [dir, rules] of flagFiles(files)) flagged.set(dir, rules);
  return flagged;
}

function ajvArgs(ctx, files) {
  return ['validate', '-s', ctx.schemaPath, '--spec=draft7', '--allow-union-types', ...files.flatMap((f) => ['-d', f])];
}

function parseAjv(result) {
  const invalid = result.stderr.split('\n').filter((line) => line.endsWith(' invalid')).map((line) => line.slice(0, -' invalid'.length));
  return flagFiles(invalid);
}

/**
 * ajv-cli stops the whole run (exit 2, no file name) at the first file js-yaml cannot parse.
 * An untimed pass finds those files by restarting after each one; the timed runs then validate
 * the rest in one invocation — ajv-cli's best case — and the unparseable files count as caught.
 */
async function ajvDiscover(ctx, paths) {
  let remaining = ctx.manifest.packages.map((p) => p.metadataFile);
  const unparseable = [];
  for (;;) {
    const result = await runCommand('node', [paths.ajv, ...ajvArgs(ctx, remaining)], {
      cwd: ctx.corpusDir,
      stdoutFile: join(ctx.scratchDir, 'stdout.txt'),
      stderrFile: join(ctx.scratchDir, 'stderr.txt'),
    });
    if (result.code !== 2) break;
    const done = result.stdout.split('\n').filter((l) => l.endsWith(' valid')).length + parseAjv(result).size;
    unparseable.push(remaining[done]);
    remaining = remaining.slice(done + 1);
  }
  const skipped = new Set(unparseable);
  return { parseable: ctx.manifest.packages.map((p) => p.metadataFile).filter((f) => !skipped.has(f)), unparseable };
}

function parseSpectral(result, corpusDir) {
  const results = result.stdout.trim() ? JSON.parse(result.stdout) : [];
  return flagFiles(new Set(results.filter((r) => r.severity === 0).map((r) => relative(corpusDir, r.source))));
}

function parsePython(result) {
  return flagFiles(JSON.parse(result.stdout).flagged);
}

/** Whether python3 has jsonschema and PyYAML; installs the Debian packages when root and apt-get exist. */
export function pythonAvailable(python) {
  const probe = () => {
    try {
      execFileSync(python, ['-c', 'import jsonschema, yaml'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!existsSync(python)) return { ok: false, reason: `${python} not found` };
  if (probe()) return { ok: true };
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    try {
      console.error('bench: installing python3-jsonschema python3-yaml with apt-get …');
      execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', 'python3-jsonschema', 'python3-yaml'], { stdio: 'ignore' });
    } catch {
      try {
        execFileSync('/usr/bin/apt-get', ['update', '-qq'], { stdio: 'ignore' });
        execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', 'python3-jsonschema', 'python3-yaml'], { stdio: 'ignore' });
      } catch {
        /* reported below */
      }
    }
    if (probe()) return { ok: true };
  }
  return { ok: false, reason: 'python3 lacks jsonschema/PyYAML (apt-get install python3-jsonschema python3-yaml)' };
}
