/**
 * Who is calling, as far as the server can tell: the device id the client sends in `X-Device-Id`
 * and the network address of the connection.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { badRequest } from '../errors.ts';
import type { ClientContext } from './sessions.ts';

export const DEVICE_HEADER = 'X-Device-Id';
const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The `X-Device-Id` header, validated (400 `invalid_device_id`), or null when absent. */
export function deviceIdOf(c: Context): string | null {
  const raw = c.req.header(DEVICE_HEADER);
  if (raw === undefined || raw === '') return null;
  if (!DEVICE_ID.test(raw)) throw badRequest('invalid_device_id', 'Mã thiết bị không hợp lệ');
  return raw;
}

/** The connection's remote address; null in-process (tests call `app.request`). */
export function addressOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function clientOf(c: Context): ClientContext {
  return { deviceId: deviceIdOf(c), address: addressOf(c) };
}
