/** Base packages that the mutation tests start from: the `fixtures/valid-*` cases plus our own. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

export interface BasePackage {
  name: string;
  metadata: string;
  code: string;
}

/** Realistic packages written for these tests: valid ones, and ones with findings that carry fixes and related locations. */
export const OWN_PACKAGES: BasePackage[] = [
  {
    name: 'own-regression',
    metadata: `# Metrics for the churn regression model
metrics:
  - name: weighted_mae
    label: Weighted MAE
    entryPoint: weighted_mae
    primaryMetric: true
    description: Mean absolute error weighted by row weights
    lowerIsBetter: true
    useWeights: true
  - name: max_abs_error
    label: Max absolute error
    entryPoint: max_abs_error
    primaryMetric: false
    description: >
      The largest absolute error over all rows.
    lowerIsBetter: true
`,
    code: `"""Custom metrics for churn."""
import numpy as np


def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    """Mean absolute error, weighted."""
    errors = np.abs(np.asarray(y_true) - np.asarray(y_pred))
    return float(np.average(errors, weights=sample_weight))


def max_abs_error(y_true, y_pred, **kwargs) -> float:
    return float(np.max(np.abs(np.asarray(y_true) - np.asarray(y_pred))))
`,
  },
  {
    name: 'own-non-ascii',
    metadata: `metrics:
  - name: précision_proxy_ok   # 日本語 comment, emoji 📈
    label: "Précision ✓ 📈"
    entryPoint: custom_metrics.precision_at_k
    primaryMetric: true
    lowerIsBetter: false
  - name: recall_at_k
    label: 'Rappel à k — ½'
    entryPoint: recall_at_k
    primaryMetric: false
    lowerIsBetter: false
`,
    code: `# -*- coding: utf-8 -*-
"""Métriques 📈 for the binary model."""
from functools import partial


def precision_at_k(y_true, y_pred, k: int = 10, *, labels=None, **kwargs) -> float:
    """Précision des k premiers ✓."""
    ranked = sorted(zip(y_pred, y_true), reverse=True)[:k]
    return sum(t for _, t in ranked) / max(len(ranked), 1)


def _recall(y_true, y_pred, k, /, normalize=True):
    return 0.0


recall_at_k = partial(_recall, k=10)
`,
  },
  {
    name: 'own-with-findings',
    metadata: `metrics:
  - name: rmse
    label: RMSE
    entry_point: rmse
    primaryMetric: yes
    use_weights: true
  - name: wieghted_mae
    label: RMSE
    entryPoint: custom_metrics:wieghted_mae
    primaryMetric: true
    lowerIsBetter: off
    colour: blue
  - name: 3bad
    label: no
    entryPoint: other_module.fn
    primaryMetric: false
extra: 1
`,
    code: `import math


class Helpers:
    def rmse(self, y_true, y_pred):
        return 0.0


if True:
    def rmse(y_pred, y_true):
        return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)))


def weighted_mae(y_true, y_pred, threshold, *, mode):
    pass


async def unused_metric(y_true, y_pred):
    return 1


def weighted_mae(y_true, y_pred, sample_weight=None) -> str:
    return "x"
`,
  },
  {
    name: 'own-anchors-and-crlf',
    metadata: '# anchors and merge keys, CRLF line ends\r\ndefaults: &defaults\r\n  lowerIsBetter: true\r\n  useWeights: false\r\nmetrics:\r\n  - <<: *defaults\r\n    name: mape\r\n    label: MAPE\r\n    entryPoint: mape\r\n    primaryMetric: true\r\n  - name: smape\r\n    label: sMAPE\r\n    entryPoint: smape\r\n    primaryMetric: false\r\n',
    code: 'def mape(y_true, y_pred, sample_weight=None, **kwargs):\r\n    return 0.0\r\n\r\n\r\ntry:\r\n    from fast import smape\r\nexcept ImportError:\r\n    def smape(y_true, y_pred, **kwargs):\r\n        return 0.0\r\n',
  },
];

/** The `fixtures/valid-*` packages that have both files (none until the fixture authors add them). */
export function validFixturePackages(): BasePackage[] {
  if (!existsSync(FIXTURES_DIR)) return [];
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.startsWith('valid-'))
    .flatMap((name) => {
      const dir = join(FIXTURES_DIR, name);
      const metadataName = ['metadata.yaml', 'metadata.yml'].find((f) => existsSync(join(dir, f)));
      if (!metadataName || !existsSync(join(dir, 'custom_metrics.py'))) return [];
      return [{ name, metadata: readFileSync(join(dir, metadataName), 'utf8'), code: readFileSync(join(dir, 'custom_metrics.py'), 'utf8') }];
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every base package: valid fixtures first, then ours. */
export function basePackages(): BasePackage[] {
  return [...validFixturePackages(), ...OWN_PACKAGES];
}
