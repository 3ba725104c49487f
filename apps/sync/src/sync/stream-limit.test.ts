import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { createStreamLimit } from './stream-limit.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof HttpError ? `${error.status} ${error.code}` : String(error);
  }
};

describe('live streams per device and per person', () => {
  it('refuses a stream over a device’s cap until one of its streams ends, leaving other devices alone', () => {
    const limit = createStreamLimit(2, 3);
    const first = limit.acquire('u-an', 'phone');
    limit.acquire('u-an', 'phone');
    expect(refusal(() => limit.acquire('u-an', 'phone'))).toBe('429 too_many_streams');
    expect(refusal(() => limit.acquire('u-binh', 'phone'))).toBeNull();
    first();
    first(); // released once, however many times the stream reports its end
    expect(refusal(() => limit.acquire('u-an', 'phone'))).toBeNull();
    expect(refusal(() => limit.acquire('u-an', 'pc'))).toBeNull();
    // Three streams open on An's two devices: the person's cap.
    expect(refusal(() => limit.acquire('u-an', 'pc'))).toBe('429 too_many_streams');
  });
});
