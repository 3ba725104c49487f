import { describe, expect, it } from 'vitest';
import { collectionSchemas, isCollectionName } from '../index.ts';

describe('collection schemas', () => {
  it('every schema is versioned, keyed and closed to unknown fields', () => {
    for (const schema of Object.values(collectionSchemas)) {
      expect(schema.version).toBeGreaterThanOrEqual(0);
      expect(schema.properties).toHaveProperty(schema.primaryKey);
      expect(schema.additionalProperties).toBe(false);
      for (const field of schema.required) expect(schema.properties).toHaveProperty(field);
    }
  });

  it('stays within the 13 collections RxDB allows open at once', () => {
    expect(Object.keys(collectionSchemas).length).toBeLessThanOrEqual(10);
    expect(isCollectionName('dossiers')).toBe(true);
    expect(isCollectionName('__proto__')).toBe(false);
  });
});
