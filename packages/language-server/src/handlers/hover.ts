/** textDocument/hover. */
import { fileOf } from '../features/locate.js';
import { hoverAt, toHover } from '../features/hover.js';
import type { Session } from '../session.js';
import { guard } from './guard.js';

export function registerHover(session: Session): void {
  session.connection.onHover(guard(session, 'hover', ({ textDocument, position }) =>
    session.withContext(textDocument.uri, (context) => {
      const lines = fileOf(context, textDocument.uri)!.lines;
      const result = hoverAt(context, textDocument.uri, session.codec.fromClient(lines, position));
      return result ? toHover(result.markdown, session.codec.rangeToClient(lines, result.range)) : null;
    }) ?? null, null));
}
