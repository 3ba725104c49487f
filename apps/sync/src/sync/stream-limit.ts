/**
 * Caps the live pull streams one device and one person hold open, so that nobody can tie up the
 * server's connections with streams: a device opens one per streamed collection (four), with room
 * for a reconnect that overlaps the stream it replaces; a person's cap is high enough for every
 * device and browser they might sign in on.
 */
import { HttpError } from '../errors.ts';

export const MAX_STREAMS_PER_DEVICE = 8;
export const MAX_STREAMS_PER_USER = 1000;

export interface StreamLimit {
  /** Counts one stream of `userId` on `deviceId`; returns its release, or throws 429 `too_many_streams`. */
  acquire(userId: string, deviceId: string | null): () => void;
}

export function createStreamLimit(perDevice = MAX_STREAMS_PER_DEVICE, perUser = MAX_STREAMS_PER_USER): StreamLimit {
  const open = new Map<string, number>();
  const change = (key: string, by: number) => {
    const n = (open.get(key) ?? 0) + by;
    if (n > 0) open.set(key, n);
    else open.delete(key);
  };
  return {
    acquire(userId, deviceId) {
      const user = `u:${userId}`;
      const device = `d:${userId}:${deviceId ?? ''}`;
      if ((open.get(device) ?? 0) >= perDevice || (open.get(user) ?? 0) >= perUser) {
        throw new HttpError(429, 'too_many_streams', 'Quá nhiều kết nối đồng bộ đang mở; hãy đóng bớt các thẻ hoặc thiết bị.');
      }
      change(user, 1);
      change(device, 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        change(user, -1);
        change(device, -1);
      };
    },
  };
}
