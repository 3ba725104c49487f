/**
 * Blind indexes: a keyed, deterministic token of a value (HMAC-SHA-256 under a subkey of the data
 * key), so a local database can find records by a value it stores only encrypted. Equal values give
 * equal tokens; without the key a token tells nothing of its value, even for a value as guessable
 * as a 12-digit CCCD number.
 * @module
 */
import { CryptoError } from '../errors.ts';
import { hexToBytes, toBytes, toHex } from '../encoding.ts';

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

/**
 * The token function of one `purpose` under the data key (hex, as `exportDataKeyHex` gives it):
 * each purpose has its own subkey, so tokens of one index never match another's.
 */
export async function blindIndexer(dataKeyHex: string, purpose: string): Promise<(value: string) => Promise<string>> {
  if (!/^(?:[0-9a-f]{2})+$/i.test(dataKeyHex)) throw new CryptoError('bad_input', 'expected a hex key');
  const master = await crypto.subtle.importKey('raw', hexToBytes(dataKeyHex) as BufferSource, HMAC, false, ['sign']);
  const subkey = await crypto.subtle.sign('HMAC', master, toBytes(`motcua/blind-index/${purpose}`) as BufferSource);
  const key = await crypto.subtle.importKey('raw', subkey, HMAC, false, ['sign']);
  // 128 bits: collisions stay out of reach for any number of citizens.
  return async (value) => toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, toBytes(value) as BufferSource))).slice(0, 32);
}
