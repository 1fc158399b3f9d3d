/** Turns the bench results into the markdown table `pnpm bench` prints and bench/README.md keeps. */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES } from './corpus.mjs';

const README_START = '<!-- bench-results:start -->';
const README_END = '<!-- bench-results:end -->';

/** The whole report as markdown. */
export function renderReport(results) {
  const { machine, sections } = results;
  const out = [
    `## csmlint bench — ${machine.date}${results.quick ? ' (--quick: not for figures)' : ''}`,
    '',
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}; the whole bench took ${Math.round(results.durationS)} s. ${loadNote(machine)}`,
    '',
  ];
  out.push(...targets(sections), '');
  if (sections.cli) out.push(...cliTable(sections.cli, sections.version), '');
  if (sections.scaling) out.push(...scalingTable(sections.scaling), '');
  if (sections.lsp) out.push(...lspTables(sections.lsp, results.corpus, results.plan.edits), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The 1-minute load average around the run; above the core count, other processes competed for the CPU. */
function loadNote(machine) {
  const load = `1-minute load average ${machine.loadAtStart.toFixed(1)} at the start, ${machine.loadAtEnd.toFixed(1)} at the end`;
  const busy = Math.max(machine.loadAtStart, machine.loadAtEnd) > machine.cores;
  return busy ? `${load}: other processes shared the cores, so absolute times are inflated; ratios measured side by side still compare.` : `${load}.`;
}

/** Replaces the block between the README's result markers with `report`. */
export function updateReadme(readmePath, report) {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${readmePath} has no ${README_START} … ${README_END} block`);
  const nested = report.replace(/^(#+) /gm, '#$1 '); // under the README's own "## Latest results"
  writeFileSync(readmePath, `${readme.slice(0, start + README_START.length)}\n${nested}${readme.slice(end)}`);
}

function targets(sections) {
  const rows = [];
  const cli = sections.cli;
  const csmlint = cli?.rows.find((r) => r.name === 'csmlint');
  const ratioTo = (name) => {
    const peer = cli?.rows.find((r) => r.name === name);
    return csmlint?.available && peer?.available ? csmlint.wallMs / peer.wallMs : undefined;
  };
  if (cli) {
    const n = cli.packages.toLocaleString('en');
    rows.push(row(`csmlint time ÷ ajv-cli time, ${n} packages`, '≤ 1.00', ratioTo('ajv-cli'), (v) => v <= 1, (v) => v.toFixed(2), csmlint));
    rows.push(row(`csmlint time ÷ Spectral time, ${n} packages`, '≤ 0.10', ratioTo('Spectral'), (v) => v <= 0.1, (v) => v.toFixed(3), csmlint));
  }
  if (sections.version) {
    const v = sections.version;
    rows.push(row('cold `csmlint --version` (median)', '< 150 ms', v.versionMs, (x) => x < 150, (x) => `${ms(x)} (bare \`node -e 0\`: ${ms(v.nodeMs)})`, v));
  }
  const lsp = sections.lsp;
  if (lsp) {
    const pick = (target) => lsp.runs.find((r) => r.server.includes('debounce 0') && r.target === target);
    for (const target of ['yaml', 'python']) {
      const run = pick(target);
      rows.push(row(`server p95 edit → diagnostics, ${target === 'yaml' ? 'metadata.yaml' : 'custom_metrics.py'} edit, 100 metrics (debounce excluded)`, '≤ 25 ms', run?.p95, (x) => x <= 25, ms, run ?? { error: lsp.unavailable.csmlint }));
    }
    rows.push(row(`server RSS after a ${(lsp.scan?.packages ?? 1000).toLocaleString('en')}-package workspace scan (2 s quiet)`, '< 150 MB', lsp.scan?.rssMb, (x) => x < 150, (x) => `${x.toFixed(0)} MB (peak ${lsp.scan.peakMb.toFixed(0)} MB; lowest in the next minute ${lsp.scan.settledRssMb.toFixed(0)} MB)`, lsp.scan ?? { error: lsp.unavailable.csmlint }));
  }
  return ['### Targets (from the spec)', '', '| target | budget | measured | met |', '|---|---|---|---|', ...rows];
}

function row(label, budget, value, ok, format, source) {
  if (value === undefined || Number.isNaN(value)) {
    const why = source?.error ?? source?.reason ?? 'not measured';
    return `| ${label} | ${budget} | n/a (${cellText(why, 120)}) | — |`;
  }
  return `| ${label} | ${budget} | ${format(value)} | ${ok(value) ? 'yes' : '**no**'} |`;
}

function cliTable(cli, version) {
  const csmlint = cli.rows.find((r) => r.name === 'csmlint');
  const lines = [
    `### CLI: ${cli.packages.toLocaleString('en')} packages (median of ${Math.max(...cli.rows.map((r) => r.runs.length))} runs)`,
    '',
    'csmlint lints both files of every package; the peers validate only the metadata files against the same JSON Schema.',
    '',
    `| tool | wall | CPU | csmlint ÷ tool, wall | csmlint ÷ tool, CPU | ${CATEGORIES.map((c) => `caught: ${c}`).join(' | ')} | caught: all | clean packages flagged |`,
    `|---|---|---|---|---|${CATEGORIES.map(() => '---|').join('')}---|---|`,
  ];
  for (const r of cli.rows) {
    if (!r.available) {
      lines.push(`| ${r.name} | n/a: ${cellText(r.reason)} |${' |'.repeat(6 + CATEGORIES.length)}`);
      continue;
    }
    const ratio = csmlint?.available && r !== csmlint ? (csmlint.wallMs / r.wallMs).toFixed(2) : '—';
    const cpuRatio = csmlint?.available && r !== csmlint && r.cpuMs > 0 ? (csmlint.cpuMs / r.cpuMs).toFixed(2) : '—';
    const c = r.catches;
    const categories = CATEGORIES.map((k) => `${c.perCategory[k].caught}/${c.perCategory[k].planted}`);
    lines.push(`| ${r.name} | ${seconds(r.wallMs)} | ${seconds(r.cpuMs)} | ${ratio} | ${cpuRatio} | ${categories.join(' | ')} | ${c.caught}/${c.planted} | ${c.falsePositives}/${c.clean} |`);
  }
  lines.push('', `${cli.planted} of ${cli.packages.toLocaleString('en')} packages carry one planted mistake each (kinds and expected rules: bench/lib/corpus.mjs \`PLANTS\`).`);
  const ajv = cli.rows.find((r) => r.name === 'ajv-cli');
  if (ajv?.unparseable) lines.push(`ajv-cli stops the whole run at the first file js-yaml cannot parse: ${ajv.unparseable} such files were found in an untimed pass, counted as caught, and left out of the timed runs (its best case).`);
  const missed = cli.rows.filter((r) => r.available && Object.keys(r.catches.missedKinds).length).map((r) => `${r.name}: ${Object.entries(r.catches.missedKinds).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  if (missed.length) lines.push('', 'Missed, by kind:', '', ...missed.map((m) => `- ${m}`));
  if (version?.output) lines.push('', `\`csmlint --version\` printed \`${version.output}\`.`);
  return lines;
}

function scalingTable(scaling) {
  const lines = [
    '### CLI scaling (wall time, median of 3; 5,000 packages: 1 run)',
    '',
    `| packages | ${scaling.tools.join(' | ')} | csmlint ÷ ajv-cli |`,
    `|---|${scaling.tools.map(() => '---|').join('')}---|`,
  ];
  for (const p of scaling.points) {
    if (p.skipped) {
      lines.push(`| ${p.packages.toLocaleString('en')} | ${p.skipped} |${' |'.repeat(scaling.tools.length)}`);
      continue;
    }
    const cells = scaling.tools.map((t) => (p.times[t] == null ? 'n/a' : seconds(p.times[t])));
    const ratio = p.times.csmlint && p.times['ajv-cli'] ? (p.times.csmlint / p.times['ajv-cli']).toFixed(2) : '—';
    lines.push(`| ${p.packages.toLocaleString('en')} | ${cells.join(' | ')} | ${ratio} |`);
  }
  const errors = scaling.points.filter((p) => p.errors).flatMap((p) => Object.entries(p.errors).map(([t, e]) => `${t} at ${p.packages}: ${e}`));
  if (errors.length) lines.push('', ...errors.map((e) => `- ${cellText(e, 300)}`));
  return lines;
}

function lspTables(lsp, corpus, edits) {
  const lines = [
    `### Language server: didChange → publishDiagnostics, 100-metric package (${corpus.largeCodeLines.toLocaleString('en')}-line custom_metrics.py), ${edits} edits toggling one mistake`,
    '',
    '| server | edited file | p50 | p95 | max | server CPU per edit | cold start → first diagnostics | RSS after |',
    '|---|---|---|---|---|---|---|---|',
  ];
  if (lsp.unavailable.csmlint) lines.push(`| csmlint-language-server | — | n/a: ${cellText(lsp.unavailable.csmlint)} | | | | | |`);
  for (const r of lsp.runs) {
    const file = r.target === 'yaml' ? 'metadata.yaml' : 'custom_metrics.py';
    if (r.error) {
      lines.push(`| ${r.server} | ${file} | n/a: ${cellText(r.error)} | | | | | |`);
      continue;
    }
    lines.push(`| ${r.server} | ${file} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.cpuPerEditMs)} | ${ms(r.firstDiagnosticsMs)} | ${r.rssMb.toFixed(0)} MB |`);
  }
  lines.push(
    '',
    `csmlint's default debounce is ${Number.isNaN(lsp.debounceMs) ? 'unknown' : `${lsp.debounceMs} ms`} (\`csmlint.debounceMs\`); "debounce 0 ms" rows set it to 0. yaml-language-server waits a fixed 200 ms before validating (\`validationDelayMs\`, not a setting); its "delay 0 ms" rows patch that constant to 0 (bench/peers/yls-delay.cjs). The yaml-language-server edit is the same \`label\` → \`lable\` toggle; it cannot see Python edits. *Server CPU per edit* is the server process's CPU time during the edits ÷ their number (/proc, 10 ms ticks): what one edit costs whatever the machine's load.`,
    '',
    '### Edit latency by package size (p50 / p95, no debounce or delay)',
    '',
    '| metrics | custom_metrics.py lines | csmlint, metadata.yaml edit | csmlint, custom_metrics.py edit | yaml-language-server, metadata.yaml edit |',
    '|---|---|---|---|---|',
  );
  const cell = (x) => (!x ? 'n/a' : x.error ? `n/a (${cellText(x.error, 60)})` : `${ms(x.p50)} / ${ms(x.p95)}`);
  for (const p of lsp.scaling) lines.push(`| ${p.metrics} | ${p.codeLines.toLocaleString('en')} | ${cell(p.csmlintYaml)} | ${cell(p.csmlintPython)} | ${cell(p.yamlLs)} |`);
  if (lsp.scan) {
    const s = lsp.scan;
    lines.push(
      '',
      s.error
        ? `Workspace scan (${s.packages} packages): n/a (${cellText(s.error)})`
        : s.publishedFiles === 0
        ? `Workspace scan: csmlint-language-server started on the ${s.packages.toLocaleString('en')}-package corpus published nothing for unopened files; RSS ${s.rssMb.toFixed(0)} MB.`
        : `Workspace scan: csmlint-language-server started on the ${s.packages.toLocaleString('en')}-package corpus with no file open published diagnostics for ${s.publishedFiles.toLocaleString('en')} files, the last ${seconds(s.scanMs)} after start; RSS then ${s.rssMb.toFixed(0)} MB (peak ${s.peakMb.toFixed(0)} MB); ${settledText(s)}. yaml-language-server validates open files only (no workspace scan).`,
    );
  }
  return lines;
}

/** What the server's RSS did while it idled after the scan. */
function settledText(scan) {
  if (scan.settledRssMb < scan.rssMb * 0.9) return `idle, it fell to ${scan.settledRssMb.toFixed(0)} MB ${seconds(scan.settledAfterMs)} after the last publish (V8 returning the scan's garbage)`;
  return `it stayed at ${scan.settledRssMb.toFixed(0)} MB through a minute of idling`;
}

/** Error text for a table cell: one line, no pipes. */
function cellText(text, max = 160) {
  return String(text).replace(/\s+/g, ' ').replace(/\|/g, '/').slice(0, max);
}

function ms(value) {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

function seconds(value) {
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}
