/**
 * Property tests explore new random cases on every local run; in CI they replay one fixed seed so a
 * landing never depends on luck. `FC_SEED=N` replays a reported failure's seed anywhere.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261204' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
