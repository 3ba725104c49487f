import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { createIdleLock, lockAfterMs } from './createIdleLock.ts';

afterEach(() => vi.useRealTimers());

describe('createIdleLock', () => {
  it('locks after the idle time, and input postpones it', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const onIdle = vi.fn();
    const dispose = createRoot((dispose) => {
      createIdleLock({ idleMs: 1000, onIdle, target });
      return dispose;
    });
    vi.advanceTimersByTime(900);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
    dispose();
  });

  it('stops with its owner', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    createRoot((dispose) => {
      createIdleLock({ idleMs: 1000, onIdle, target: new EventTarget() });
      dispose();
    });
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('lockAfterMs', () => {
  it('reads the device setting in minutes, 10 by default, ignoring nonsense', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(lockAfterMs(storage(null))).toBe(600_000);
    expect(lockAfterMs(storage('3'))).toBe(180_000);
    expect(lockAfterMs(storage('0'))).toBe(600_000);
    expect(lockAfterMs(storage('abc'))).toBe(600_000);
  });
});
