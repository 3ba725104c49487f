import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse.ts';

function parseAll(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((m) => out.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('createSseParser', () => {
  it('dispatches one message per blank line', () => {
    const out = parseAll(['data: {"a":1}\n\ndata: "RESYNC"\n\n']);
    expect(out.map((m) => JSON.parse(m.data))).toEqual([{ a: 1 }, 'RESYNC']);
    expect(out[0]).toEqual({ event: 'message', data: '{"a":1}', id: null });
  });

  it('reassembles messages split anywhere, also inside \\r\\n', () => {
    const text = 'data: {"documents":[],"checkpoint":{"seq":3}}\r\n\r\ndata: x\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const out = parseAll([text.slice(0, cut), text.slice(cut)]);
      expect(out.map((m) => m.data)).toEqual(['{"documents":[],"checkpoint":{"seq":3}}', 'x']);
    }
    const byChar = parseAll([...text]);
    expect(byChar).toHaveLength(2);
  });

  it('joins multi-line data, skips comments, reads event and id, ignores data-less blocks', () => {
    const out = parseAll([': keep-alive\n\n', 'event: change\nid: 7\ndata: one\ndata:two\n\n', 'retry: 5\n\n']);
    expect(out).toEqual([{ event: 'change', data: 'one\ntwo', id: '7' }]);
  });

  it('holds an unfinished message until its blank line', () => {
    const out: SseMessage[] = [];
    const parser = createSseParser((m) => out.push(m));
    parser.push('data: half');
    parser.push('\n');
    expect(out).toHaveLength(0);
    parser.push('\n');
    expect(out).toHaveLength(1);
  });
});
