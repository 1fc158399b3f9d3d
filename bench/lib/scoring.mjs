/** How many planted mistakes a tool caught, by category, and how many clean packages it flagged. */
import { CATEGORIES } from './corpus.mjs';

/**
 * `flagged` maps package folder → rule IDs (empty for peers). A planted package counts as caught by
 * csmlint when the expected rule fired there, by a peer when the peer flagged the package at all.
 */
export function scoreCatches(manifest, flagged, { byRule }) {
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { planted: 0, caught: 0 }]));
  const missedKinds = new Map();
  let falsePositives = 0;
  let clean = 0;
  for (const pkg of manifest.packages) {
    const found = flagged.get(pkg.dir);
    if (!pkg.plant) {
      clean++;
      if (found) falsePositives++;
      continue;
    }
    const bucket = perCategory[pkg.plant.category];
    bucket.planted++;
    const caught = byRule ? Boolean(found?.has(pkg.plant.rule)) : Boolean(found);
    if (caught) bucket.caught++;
    else missedKinds.set(pkg.plant.kind, (missedKinds.get(pkg.plant.kind) ?? 0) + 1);
  }
  const planted = CATEGORIES.reduce((n, c) => n + perCategory[c].planted, 0);
  const caught = CATEGORIES.reduce((n, c) => n + perCategory[c].caught, 0);
  return { perCategory, planted, caught, clean, falsePositives, missedKinds: Object.fromEntries(missedKinds) };
}
