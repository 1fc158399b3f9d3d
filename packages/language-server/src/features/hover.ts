/**
 * Hover: on a metric's `name`/`entryPoint`, the Python signature and docstring; on a key, its
 * documentation, type and default from the API schema; on a `def`, the metrics that use it.
 */
import {
  CODE_FILE_NAME, CUSTOM_METRIC_SCHEMA, MAX_METRICS, MIN_METRICS, TARGET_TYPE_ENUM, baseName, toOneBased,
  type CustomMetricField, type PackageContext, type Position, type Range,
} from '@csmlint/core';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { functionNamed, metricTitle, referencesTo, targetAt, type FunctionReference } from './locate.js';

/** The hover for `position` in `uri`, with its range in internal units (the caller converts). */
export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hoverAt(context: PackageContext, uri: string, position: Position): HoverResult | undefined {
  const target = targetAt(context, uri, position);
  if (!target) return undefined;
  switch (target.kind) {
    case 'reference':
      return { markdown: functionHover(context, target.reference), range: target.reference.range };
    case 'field-key':
      return target.field.field
        ? { markdown: fieldHover(target.field.field, target.field.key), range: target.field.keyRange }
        : undefined;
    case 'top-key': {
      const markdown = TOP_LEVEL_DOCS[target.key];
      return markdown ? { markdown, range: target.range } : undefined;
    }
    case 'def': {
      if (target.fn.scope === 'nested') return undefined;
      return { markdown: usageHover(context, target.fn.name), range: target.fn.nameRange };
    }
    case 'python-name':
      return undefined;
  }
}

/** Builds the LSP hover from a result whose range the caller has converted. */
export function toHover(markdown: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range };
}

function functionHover(context: PackageContext, reference: FunctionReference): string {
  const fn = functionNamed(context, reference.functionName);
  if (!fn) {
    const binding = context.python?.bindings.get(reference.functionName)?.[0];
    if (binding) return `\`${reference.functionName}\` is bound in ${CODE_FILE_NAME} by ${binding.kind === 'class' ? 'a class' : binding.kind === 'import' ? 'an import' : 'an assignment'}${binding.detail ? `: \`${oneLine(binding.detail)}\`` : ''}`;
    return context.codeFile
      ? `\`${reference.functionName}\` is not defined in ${CODE_FILE_NAME}`
      : `No ${CODE_FILE_NAME} next to this file`;
  }
  const where = `${baseName(context.codeFile?.path ?? CODE_FILE_NAME)}, line ${toOneBased(fn.nameRange.start).line}`;
  const scope = fn.scope === 'nested' ? ` (nested in \`${fn.containers.join('.')}\`: not callable by the server)` : '';
  const parts = ['```python', fn.signatureText, '```'];
  if (fn.docstring) parts.push('', fn.docstring);
  parts.push('', `*${where}${scope}*`);
  return parts.join('\n');
}

function fieldHover(field: CustomMetricField, writtenKey: string): string {
  const schema = CUSTOM_METRIC_SCHEMA.properties[field] as { description: string; type: string | readonly string[]; default?: unknown };
  const required = (CUSTOM_METRIC_SCHEMA.required as readonly string[]).includes(field);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).map((t) => `\`${t}\``).join(' or ');
  const lines = [`**${field}** · ${types} · ${required ? 'required' : 'optional'}`, '', schema.description];
  if ('default' in schema) lines.push('', `Default: \`${JSON.stringify(schema.default)}\``);
  if (writtenKey !== field) lines.push('', `\`${writtenKey}\` is the snake_case spelling: write \`${field}\`.`);
  return lines.join('\n');
}

const TOP_LEVEL_DOCS: Record<string, string> = {
  metrics: [
    '**metrics** · `array` · required',
    '',
    `The metrics of this version: ${MIN_METRICS} to ${MAX_METRICS} items, each with \`name\`, \`label\`, \`entryPoint\` and \`primaryMetric\`.`,
  ].join('\n'),
  targetType: [
    '**targetType** · `string` · optional',
    '',
    `The target type the metrics are written for: ${[...new Set(TARGET_TYPE_ENUM)].map((t) => `\`${t}\``).join(', ')}.`,
  ].join('\n'),
};

function usageHover(context: PackageContext, name: string): string {
  const metadataName = baseName(context.metadataFile?.path ?? 'metadata.yaml');
  const uses = referencesTo(context, name);
  if (uses.length === 0) return `\`${name}\` is not used by any metric in ${metadataName}`;
  const entries = [...new Map(uses.map((u) => [u.entry.index, u])).values()];
  const list = entries.map((u) => `- \`${metricTitle(u.entry)}\` (${metadataName}, line ${toOneBased(u.entry.range.start).line})`);
  return [`Used by ${entries.length === 1 ? 'metric' : `${entries.length} metrics`}:`, ...list].join('\n');
}

function oneLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

