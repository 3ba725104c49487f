import { describe, expect, it } from 'vitest';
import { randomBytes, randomToken } from './random.ts';

describe('randomToken', () => {
  it('is base64url of 32 bytes by default', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomToken(16)));
    expect(seen.size).toBe(200);
  });

  it('refuses a silly length', () => {
    expect(() => randomBytes(0)).toThrowError(expect.objectContaining({ code: 'bad_input' }));
    expect(() => randomToken(1.5)).toThrow();
  });
});
