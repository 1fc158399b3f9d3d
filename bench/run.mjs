/**
 * `pnpm bench`: csmlint side by side with what users would pick instead, as ratios measured in one
 * run. Installs the peers (bench/ is its own npm project), builds the workspace, writes the corpus
 * under .bench-tmp/, runs every section and prints the table (also .bench-tmp/bench-results.md/.json).
 *
 *   node bench/run.mjs [--quick] [--only cli,lsp,scaling] [--update-readme]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, writeSinglePackage } from './lib/corpus.mjs';
import { cliTools, toolPaths } from './lib/cli-tools.mjs';
import { editLatency, lspServers, serverAvailable, workspaceScan } from './lib/lsp-bench.mjs';
import { median, runCommand } from './lib/measure.mjs';
import { exportSchema } from './lib/schema-export.mjs';
import { scoreCatches } from './lib/scoring.mjs';
import { renderReport, updateReadme } from './lib/report.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(repoRoot, 'bench');
const tmpDir = join(repoRoot, '.bench-tmp');
const USAGE = 'usage: node bench/run.mjs [--quick] [--only cli,lsp,scaling] [--update-readme]';
const SECTIONS = ['cli', 'lsp', 'scaling'];
const args = process.argv.slice(2).filter((a) => a !== '--');
const quick = args.includes('--quick');
const only = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : undefined;
const wants = (section) => !only || only.has(section);
const unknown = args.filter((a, i) => !['--quick', '--only', '--update-readme'].includes(a) && args[i - 1] !== '--only');
if (unknown.length || (only && [...only].some((s) => !SECTIONS.includes(s)))) {
  process.stderr.write(`bench: unknown argument or section: ${[...unknown, ...[...(only ?? [])].filter((s) => !SECTIONS.includes(s))].join(' ')}\n${USAGE}\n`);
  process.exit(2);
}

/** Sizes and repetitions; --quick is for working on the bench itself, not for figures. */
const PLAN = quick
  ? { mainCount: 200, scaling: [10, 200], reps: 1, scalingReps: 1, versionRuns: 5, edits: 20, scanCount: 200 }
  : { mainCount: 1000, scaling: [10, 100, 1000, 5000], reps: 3, scalingReps: 3, versionRuns: 20, edits: 200, scanCount: 1000 };

/** `pnpm bench` must end within 10 minutes: a scaling point that would overrun is skipped (and says so). */
const TIME_BUDGET_MS = 9 * 60_000;

const log = (message) => process.stderr.write(`bench: ${message}\n`);

async function main() {
  const started = Date.now();
  ensureBenchDependencies();
  buildWorkspace();
  mkdirSync(tmpDir, { recursive: true });
  const scratchDir = join(tmpDir, 'scratch');
  mkdirSync(scratchDir, { recursive: true });

  const results = { machine: machineInfo(), plan: PLAN, quick, sections: {} };
  const { schemaPath, rulesetPath } = await exportSchema(repoRoot, join(tmpDir, 'schema'));

  log('writing the corpus …');
  const sizes = [...new Set([...PLAN.scaling, PLAN.mainCount, PLAN.scanCount])].sort((a, b) => a - b);
  const corpora = new Map(sizes.map((n) => [n, { dir: join(tmpDir, `corpus-${n}`) }]));
  for (const [n, corpus] of corpora) corpus.manifest = writeCorpus(corpus.dir, n);
  const singles = new Map([1, 10, 100].map((m) => [m, writeSinglePackage(join(tmpDir, `package-${m}-metrics`), m)]));
  results.corpus = {
    planted: corpora.get(PLAN.mainCount).manifest.packages.filter((p) => p.plant).length,
    largeCodeLines: singles.get(100).codeLines,
  };

  const paths = toolPaths(repoRoot);
  const tools = cliTools(paths);

  if (wants('cli')) {
    results.sections.version = await coldStart(paths, scratchDir);
    results.sections.cli = await cliThroughput(tools, corpora.get(PLAN.mainCount), { schemaPath, rulesetPath, scratchDir });
  }
  if (wants('lsp')) {
    results.sections.lsp = await languageServers(schemaPath, singles, corpora.get(PLAN.scanCount));
  }
  if (wants('scaling')) {
    const deadline = started + TIME_BUDGET_MS;
    results.sections.scaling = await cliScaling(tools, corpora, { schemaPath, rulesetPath, scratchDir }, results.sections.cli, deadline);
  }

  results.durationS = (Date.now() - started) / 1000;
  results.machine.loadAtEnd = loadavg()[0];
  const report = renderReport(results);
  writeFileSync(join(tmpDir, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(tmpDir, 'bench-results.md'), report);
  process.stdout.write(report);
  if (args.includes('--update-readme')) updateReadme(join(benchDir, 'README.md'), report);
}

/**
 * `npm ci` in bench/ when the peers are missing or bench/package-lock.json changed since the last
 * install: bench/ is its own npm project, outside the pnpm workspace and its lockfile.
 */
function ensureBenchDependencies() {
  const lockHash = createHash('sha256').update(readFileSync(join(benchDir, 'package-lock.json'))).digest('hex');
  const stampFile = join(benchDir, 'node_modules/.csmlint-bench-lock');
  const required = ['ajv-cli/dist/index.js', '@stoplight/spectral-cli/dist/index.js', 'yaml-language-server/bin/yaml-language-server'];
  const installed = required.every((file) => existsSync(join(benchDir, 'node_modules', file)));
  if (installed && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash) return;
  log('installing the peers into bench/node_modules (npm ci) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: benchDir, stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(stampFile, lockHash);
}

/** `tsc -b`; a build error elsewhere in the workspace only warns when dist/ already exists. */
function buildWorkspace() {
  log('building the workspace (tsc -b) …');
  try {
    execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-b'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(0, 5).join('\n');
    if (!existsSync(join(repoRoot, 'packages/core/dist/index.js'))) throw new Error(`tsc -b failed:\n${output}`);
    log(`tsc -b reported errors; benchmarking the existing dist/ output:\n${output}`);
  }
}

function machineInfo() {
  const cpu = cpus();
  let os = process.platform;
  try {
    os = /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    /* not Linux */
  }
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os,
    loadAtStart: loadavg()[0],
  };
}

/** Cold start of `csmlint --version` next to a bare `node -e 0`, interleaved, medians. */
async function coldStart(paths, scratchDir) {
  log(`cold start: csmlint --version × ${PLAN.versionRuns} …`);
  const io = { cwd: repoRoot, stdoutFile: join(scratchDir, 'stdout.txt'), stderrFile: join(scratchDir, 'stderr.txt') };
  const version = [];
  const bareNode = [];
  let output = '';
  for (let i = 0; i < PLAN.versionRuns; i++) {
    const run = await runCommand('node', [paths.csmlint, '--version'], io);
    if (run.code !== 0) return { error: `csmlint --version exited with ${run.code}: ${(run.stderr || run.stdout).trim().split('\n')[0]}` };
    output = run.stdout.trim();
    version.push(run.wallMs);
    bareNode.push((await runCommand('node', ['-e', '0'], io)).wallMs);
  }
  return { versionMs: median(version), nodeMs: median(bareNode), output };
}

/** Every CLI contestant over the main corpus, round-robin, `reps` times; medians and catches. */
async function cliThroughput(tools, corpus, files) {
  const ctx = { corpusDir: corpus.dir, manifest: corpus.manifest, ...files };
  const rows = [];
  for (const tool of tools) {
    const availability = tool.available?.() ?? { ok: true };
    const row = { name: tool.name, note: tool.note, probe: Boolean(tool.probe), runs: [], available: availability.ok, reason: availability.reason };
    if (row.available && tool.prepare) {
      try {
        row.state = await tool.prepare(ctx);
      } catch (error) {
        Object.assign(row, { available: false, reason: String(error.message ?? error) });
      }
    }
    rows.push(row);
  }
  for (let rep = 1; rep <= PLAN.reps; rep++) {
    for (const [i, tool] of tools.entries()) {
      const row = rows[i];
      if (!row.available) continue;
      log(`CLI ${corpus.manifest.count} packages, run ${rep}/${PLAN.reps}: ${tool.name} …`);
      try {
        const run = await tool.run(ctx, row.state);
        row.runs.push({ wallMs: run.wallMs, cpuMs: run.cpuMs });
        row.catches ??= scoreCatches(corpus.manifest, run.flagged, { byRule: tool.name.startsWith('csmlint') });
      } catch (error) {
        Object.assign(row, { available: false, reason: String(error.message ?? error).slice(0, 300) });
      }
    }
  }
  for (const row of rows) {
    row.wallMs = median(row.runs.map((r) => r.wallMs));
    row.cpuMs = median(row.runs.map((r) => r.cpuMs));
    if (row.state) row.unparseable = row.state.unparseable?.length;
    delete row.state;
  }
  return { packages: corpus.manifest.count, planted: corpus.manifest.packages.filter((p) => p.plant).length, rows };
}

/**
 * csmlint (CLI and engine probes) and ajv-cli at each corpus size; the main size reuses its figures.
 * A point whose estimated cost (linear in packages from the main CLI figures) would pass `deadline` is skipped.
 */
async function cliScaling(tools, corpora, files, cli, deadline) {
  const names = ['csmlint', 'csmlint engine, 1 thread', 'csmlint engine, 2 threads', 'ajv-cli'];
  const chosen = tools.filter((t) => names.includes(t.name));
  const points = [];
  const reference = cli?.rows.filter((r) => names.includes(r.name) && r.available);
  const estimateMs = (n) => (reference?.reduce((sum, r) => sum + r.wallMs, 0) ?? 0) * Math.max(1, n / cli.packages) * (n >= 5000 ? 1 : PLAN.scalingReps);
  for (const n of PLAN.scaling) {
    const corpus = corpora.get(n);
    if (cli && n !== cli.packages && Date.now() + estimateMs(n) > deadline) {
      points.push({ packages: n, times: {}, skipped: 'skipped: would pass the 10-minute budget' });
      continue;
    }
    const ctx = { corpusDir: corpus.dir, manifest: corpus.manifest, ...files };
    const point = { packages: n, times: {} };
    for (const tool of chosen) {
      const reused = n === PLAN.mainCount ? cli?.rows.find((r) => r.name === tool.name) : undefined;
      if (reused) {
        point.times[tool.name] = reused.available ? reused.wallMs : null;
        continue;
      }
      const reps = n >= 5000 ? 1 : PLAN.scalingReps;
      log(`scaling ${n} packages: ${tool.name} × ${reps} …`);
      try {
        const state = tool.prepare ? await tool.prepare(ctx) : undefined;
        const times = [];
        for (let rep = 0; rep < reps; rep++) times.push((await tool.run(ctx, state)).wallMs);
        point.times[tool.name] = median(times);
      } catch (error) {
        point.times[tool.name] = null;
        point.errors = { ...point.errors, [tool.name]: String(error.message ?? error).slice(0, 200) };
      }
    }
    points.push(point);
  }
  return { tools: names, points };
}

/** Edit latency, cold start and memory for both servers; scaling over 1, 10, 100 metrics. */
async function languageServers(schemaPath, singles, scanCorpus) {
  const servers = lspServers(repoRoot, schemaPath, tmpDir);
  const large = singles.get(100).dir;
  const section = { runs: [], scaling: [], unavailable: {} };
  const attempt = async (label, fn) => {
    log(`language server: ${label} …`);
    try {
      return await fn();
    } catch (error) {
      log(`  failed: ${error.message}`);
      return { error: String(error.message ?? error).slice(0, 300) };
    }
  };
  const csmlintReady = serverAvailable(servers.csmlint);
  if (!csmlintReady.ok) section.unavailable.csmlint = csmlintReady.reason;
  const scenarios = [
    ...(csmlintReady.ok
      ? [
          { server: servers.csmlintNoDebounce, target: 'yaml' },
          { server: servers.csmlintNoDebounce, target: 'python' },
          { server: servers.csmlint, target: 'yaml' },
          { server: servers.csmlint, target: 'python' },
        ]
      : []),
    { server: servers.yamlNoDelay, target: 'yaml' },
    { server: servers.yaml, target: 'yaml' },
  ];
  for (const { server, target } of scenarios) {
    const run = await attempt(`${server.name}, ${PLAN.edits} ${target} edits on the 100-metric package`, () =>
      editLatency(server, large, { edits: PLAN.edits, target }),
    );
    delete run.samples;
    section.runs.push({ server: server.name, target, ...run });
  }
  for (const metrics of [1, 10, 100]) {
    const point = { metrics, codeLines: singles.get(metrics).codeLines };
    for (const [key, server, target] of [
      ['csmlintYaml', servers.csmlintNoDebounce, 'yaml'],
      ['csmlintPython', servers.csmlintNoDebounce, 'python'],
      ['yamlLs', servers.yamlNoDelay, 'yaml'],
    ]) {
      if (server.opensPython && !csmlintReady.ok) continue;
      const reused = metrics === 100 ? section.runs.find((r) => r.server === server.name && r.target === target) : undefined;
      const run = reused ?? (await attempt(`${server.name}, ${target} edits, ${metrics} metric(s)`, () => editLatency(server, singles.get(metrics).dir, { edits: PLAN.edits, target })));
      point[key] = run.error ? { error: run.error } : { p50: run.p50, p95: run.p95, max: run.max };
    }
    section.scaling.push(point);
  }
  if (csmlintReady.ok) {
    section.scan = await attempt(`csmlint-language-server workspace scan of ${scanCorpus.manifest.count} packages`, () =>
      workspaceScan(servers.csmlint, scanCorpus.dir),
    );
    section.scan.packages = scanCorpus.manifest.count;
  }
  section.debounceMs = defaultDebounce();
  return section;
}

function defaultDebounce() {
  try {
    const settings = readFileSync(join(repoRoot, 'packages/language-server/dist/settings.js'), 'utf8');
    return Number(/DEFAULT_DEBOUNCE_MS = (\d+)/.exec(settings)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

await main();
