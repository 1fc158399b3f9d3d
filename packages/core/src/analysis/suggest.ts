/** "Did you mean": the close candidates for a misspelt name. */
import { distance } from 'fastest-levenshtein';
import { maxSuggestionDistance } from '../conventions.js';

/** Candidates within the edit distance allowed for `word`, closest first (ties by name). */
export function closeMatches(word: string, candidates: Iterable<string>): string[] {
  const limit = maxSuggestionDistance(word);
  const scored: Array<[string, number]> = [];
  const lower = word.toLowerCase();
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const d = Math.min(distance(word, candidate), distance(lower, candidate.toLowerCase()) + 0.5);
    if (d <= limit) scored.push([candidate, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}
