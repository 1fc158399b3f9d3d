/** Document symbols: the metrics (and their fields) in metadata.yaml, the functions and classes in custom_metrics.py. */
import {
  comparePositions, isScalar, keyText, nodeRange, rangeContains, stringValue, type PackageContext, type PyFunction, type Range,
} from '@csmlint/core';
import { SymbolKind } from 'vscode-languageserver/node';
import { metricTitle } from './locate.js';

/** A document symbol in internal units; the handler converts ranges. */
export interface InternalSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: InternalSymbol[];
}

export function symbolsOf(context: PackageContext, uri: string): InternalSymbol[] {
  if (context.metadataFile?.path === uri) return yamlSymbols(context);
  if (context.codeFile?.path === uri) return pythonSymbols(context);
  return [];
}

function yamlSymbols(context: PackageContext): InternalSymbol[] {
  const metadata = context.metadata;
  if (!metadata) return [];
  const range = (node: unknown): Range | undefined => nodeRange(node, metadata.lines);
  const metricSymbols = metadata.metrics.map((entry): InternalSymbol => {
    const nameField = entry.fields.find((f) => f.field === 'name');
    const label = stringValue(entry, 'label');
    return {
      name: metricTitle(entry),
      detail: label,
      kind: SymbolKind.Object,
      range: entry.range,
      selectionRange: nameField?.valueRange ?? entry.range,
      children: entry.fields.map((field) => ({
        name: field.key,
        detail: isScalar(field.valueNode) ? String(field.valueNode.value) : undefined,
        kind: SymbolKind.Property,
        range: { start: field.keyRange.start, end: maxEnd(field.keyRange, field.valueRange) },
        selectionRange: field.keyRange,
        children: [],
      })).filter((s) => rangeContains(entry.range, s.range)),
    };
  });
  const symbols: InternalSymbol[] = [];
  for (const pair of metadata.rootPairs) {
    const key = keyText(pair);
    const keyRange = range(pair.key);
    if (key === undefined || !keyRange) continue;
    const valueRange = range(pair.value);
    const whole = { start: keyRange.start, end: valueRange ? maxEnd(keyRange, valueRange) : keyRange.end };
    const isMetrics = pair === metadata.metricsPair;
    symbols.push({
      name: key,
      detail: isScalar(pair.value) ? String(pair.value.value) : isMetrics ? `${metricSymbols.length} metrics` : undefined,
      kind: isMetrics ? SymbolKind.Array : SymbolKind.Property,
      range: whole,
      selectionRange: keyRange,
      children: isMetrics ? metricSymbols.filter((s) => rangeContains(whole, s.range)) : [],
    });
  }
  if (metadata.layout.kind === 'bare-list') return metricSymbols;
  return symbols;
}

function pythonSymbols(context: PackageContext): InternalSymbol[] {
  const python = context.python;
  if (!python) return [];
  const topLevel: InternalSymbol[] = [];
  const classes = new Map<string, InternalSymbol>();
  for (const [name, bindings] of python.bindings) {
    for (const binding of bindings) {
      if (binding.kind !== 'class') continue;
      const symbol = { name, kind: SymbolKind.Class, range: binding.range, selectionRange: binding.range, children: [] };
      classes.set(name, symbol);
      topLevel.push(symbol);
    }
  }
  const byFunction = new Map<PyFunction, InternalSymbol>();
  for (const fn of python.functions) {
    const symbol: InternalSymbol = { name: fn.name, detail: fn.signatureText, kind: SymbolKind.Function, range: fn.range, selectionRange: fn.nameRange, children: [] };
    byFunction.set(fn, symbol);
    if (fn.scope !== 'nested') {
      topLevel.push(symbol);
      continue;
    }
    const parent = python.functions.find((p) => p !== fn && rangeContains(p.range, fn.range) && p.name === fn.containers[fn.containers.length - 1]);
    const container = parent ? byFunction.get(parent) : classes.get(fn.containers[0] ?? '');
    if (!container) {
      topLevel.push(symbol);
      continue;
    }
    if (!parent) symbol.kind = SymbolKind.Method;
    container.children.push(symbol);
    if (container.kind === SymbolKind.Class) container.range = { start: container.range.start, end: maxEnd(container.range, fn.range) };
  }
  return topLevel.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function maxEnd(a: Range, b: Range): Range['end'] {
  return comparePositions(a.end, b.end) >= 0 ? a.end : b.end;
}
