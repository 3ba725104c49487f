/**
 * This device's identity and the head of its event chain, kept in `localStorage`.
 *
 * @remarks Every event a device writes carries its `deviceId`, the next `deviceSeq` and the previous
 * event's hash. Appends run one at a time (a Web Lock across tabs), and the head moves only after the
 * event is stored, so the chain never forks or skips on this device.
 */
import type { ChainHead } from '@motcua/model';
import type { DossierEvent } from '@motcua/model';
import type { KeyValueStorage } from './auth.ts';
import { newId } from './ids.ts';

export const DEVICE_ID_KEY = 'motcua.deviceId';
export const CHAIN_HEAD_KEY = 'motcua.chainHead';

export interface DeviceChain {
  readonly deviceId: string;
  head(): ChainHead;
  /**
   * Builds the next event from the current head, stores it with `write`, then moves the head.
   * If `write` fails the head stays, and the next event takes the same place.
   */
  append(build: (prev: ChainHead) => Promise<DossierEvent>, write: (event: DossierEvent) => Promise<void>): Promise<DossierEvent>;
}

export interface DeviceChainOptions {
  storage: KeyValueStorage;
  withLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export function makeDeviceChain(options: DeviceChainOptions): DeviceChain {
  const { storage } = options;
  const withLock = options.withLock ?? ((task) => task());
  let deviceId = storage.getItem(DEVICE_ID_KEY);
  if (!deviceId) {
    deviceId = newId();
    storage.setItem(DEVICE_ID_KEY, deviceId);
  }
  let queue: Promise<unknown> = Promise.resolve();

  function head(): ChainHead {
    try {
      const raw = storage.getItem(CHAIN_HEAD_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as { deviceSeq?: unknown; hash?: unknown };
      return typeof parsed.deviceSeq === 'number' && typeof parsed.hash === 'string'
        ? { deviceSeq: parsed.deviceSeq, hash: parsed.hash }
        : null;
    } catch {
      return null;
    }
  }

  return {
    deviceId,
    head,
    append(build, write) {
      const run = () =>
        withLock(async () => {
          const event = await build(head());
          await write(event);
          storage.setItem(CHAIN_HEAD_KEY, JSON.stringify({ deviceSeq: event.deviceSeq, hash: event.hash }));
          return event;
        });
      const next = queue.then(run, run);
      // The caller gets `next`'s error; the queue itself goes on to the next append.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

let browserChain: DeviceChain | null = null;

/** The browser's chain over `localStorage`, shared by every tab through a Web Lock. */
export function browserDeviceChain(): DeviceChain {
  browserChain ??= makeDeviceChain({
    storage: localStorage,
    withLock: <T,>(task: () => Promise<T>) =>
      navigator.locks ? (navigator.locks.request('motcua-event-chain', task) as Promise<T>) : task(),
  });
  return browserChain;
}
