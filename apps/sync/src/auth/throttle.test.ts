import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle.ts';

describe('createLoginThrottle', () => {
  it('locks a username out after too many failures, until the window passes', () => {
    const throttle = createLoginThrottle({ maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      throttle.check('an', 1000 + i);
      throttle.fail('an', 1000 + i);
    }
    expect(() => throttle.check('an', 2000)).toThrowError(expect.objectContaining({ status: 429, code: 'too_many_attempts' }));
    expect(() => throttle.check('binh', 2000)).not.toThrow();
    expect(() => throttle.check('an', 1000 + 60_001)).not.toThrow();
  });

  it('forgets failures after a success', () => {
    const throttle = createLoginThrottle({ maxFailures: 2 });
    throttle.fail('an');
    throttle.succeed('an');
    throttle.fail('an');
    expect(() => throttle.check('an')).not.toThrow();
  });
});
