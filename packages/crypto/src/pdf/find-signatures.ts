/**
 * Finds the signatures of a PDF in its raw bytes: every signature dictionary with a numeric
 * /ByteRange, its /Contents, /M, /SubFilter and the Motcua signing method.
 * @module
 */
import { hexToBytes } from '../encoding.ts';

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The /Contents bytes: the CMS followed by zero padding. */
  cms: Uint8Array;
  subFilter: string | null;
  /** /M, when present and readable. */
  signedAt: Date | null;
  method: string | null;
  /** Empty when the range itself is malformed (the caller reports it). */
  problem: string | null;
}

const latin1 = new TextDecoder('latin1');
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** All signature dictionaries, in file order (earlier revisions first). */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = latin1.decode(pdf);
  const found: FoundSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const objStart = Math.max(0, text.lastIndexOf(' obj', match.index));
    const objEnd = text.indexOf('endobj', match.index);
    const dict = text.slice(objStart, objEnd < 0 ? text.length : objEnd);
    found.push({
      byteRange: range,
      subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? null,
      signedAt: parsePdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1]),
      method: /\/Method\s*\/([A-Za-z0-9.-]+)/.exec(dict)?.[1] ?? null,
      ...contentsOf(text, range),
    });
  }
  return found;
}

function contentsOf(text: string, [a, b, c, d]: [number, number, number, number]): { cms: Uint8Array; problem: string | null } {
  const empty = new Uint8Array(0);
  if (a !== 0 || b <= 0 || c <= b || c + d > text.length) return { cms: empty, problem: 'range' };
  if (text[b] !== '<' || text[c - 1] !== '>') return { cms: empty, problem: 'range' };
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9A-Fa-f\s]*$/.test(hex)) return { cms: empty, problem: 'range' };
  return { cms: hexToBytes(hex.replace(/\s+/g, '')), problem: null };
}

/** `D:YYYYMMDDHHmmSSOHH'mm'` (PDF §7.9.4), any tail may be missing. */
export function parsePdfDate(value: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +s);
  const offset = (+oh * 60 + +om) * 60_000;
  const date = new Date(sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc);
  return Number.isNaN(date.getTime()) ? null : date;
}
