import { describe, expect, it } from 'vitest';
import { CccdError } from './identity/cccd.ts';
import { isModelError, ModelError } from './errors.ts';

describe('ModelError', () => {
  it('carries a stable code, a message and details', () => {
    const e = new ModelError('some_code', 'Có lỗi', { value: 1 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'some_code', message: 'Có lỗi', details: { value: 1 }, name: 'ModelError' });
  });

  it('is the base of the typed errors', () => {
    const e = new CccdError('cccd_length', 'Sai độ dài');
    expect(e).toBeInstanceOf(ModelError);
    expect(isModelError(e)).toBe(true);
    expect(isModelError(e, 'cccd_length')).toBe(true);
    expect(isModelError(e, 'other')).toBe(false);
    expect(isModelError(new Error('x'))).toBe(false);
  });
});
