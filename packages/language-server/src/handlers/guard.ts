/** Every handler runs guarded: an internal error is logged and answered with a neutral result, never a crash. */
import type { Session } from '../session.js';

/** Wraps a request or notification handler so that a throw (or rejection) becomes `fallback`. */
export function guard<P, R>(session: Session, name: string, handler: (params: P) => R | Promise<R>, fallback: R): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      session.log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
