/**
 * An incremental parser of `text/event-stream` bodies (the subset the sync server speaks):
 * feed it decoded text chunks as they arrive, it calls back once per complete message.
 * @module
 */

export interface SseMessage {
  /** The `event:` field, `message` when absent. */
  event: string;
  /** The `data:` lines of the message joined by `\n`. */
  data: string;
  /** The `id:` field, when present. */
  id: string | null;
}

export interface SseParser {
  /** Feeds a chunk of text (any split, even inside a line or a `\r\n`). */
  push(chunk: string): void;
}

/**
 * Creates a parser that reports each message to `onMessage`.
 *
 * @remarks Follows the WHATWG rules that matter here: lines end with `\n`, `\r\n` or `\r`; a blank
 * line dispatches; lines starting with `:` are comments (keep-alives); one optional space after the
 * colon is dropped; a message without any `data:` line is not dispatched.
 *
 * @example
 * const parser = createSseParser((m) => console.log(JSON.parse(m.data)));
 * parser.push('data: {"documents":[]');
 * parser.push(',"checkpoint":null}\n\n');
 */
export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let dataLines: string[] = [];
  let event = '';
  let id: string | null = null;
  let hasData = false;

  function dispatch() {
    if (hasData) onMessage({ event: event || 'message', data: dataLines.join('\n'), id });
    dataLines = [];
    event = '';
    hasData = false;
  }

  function line(text: string) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      dataLines.push(value);
      hasData = true;
    } else if (field === 'event') {
      event = value;
    } else if (field === 'id') {
      id = value;
    }
  }

  return {
    push(chunk: string) {
      buffer += chunk;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) return;
        // A lone '\r' at the very end may be the first half of '\r\n': wait for more.
        if (match[0] === '\r' && match.index === buffer.length - 1) return;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
  };
}
