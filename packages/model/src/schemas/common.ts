/**
 * Building blocks shared by the collection schemas.
 *
 * @remarks Every replicated document carries `updatedAt` (client clock, ms) for display only; the
 * server stamps the replication order itself, so client clocks never decide anything.
 */
export const idField = { type: 'string', maxLength: 64 } as const;
export const isoDate = { type: 'string', maxLength: 32 } as const;
export const nullableIsoDate = { type: ['string', 'null'], maxLength: 32 } as const;
export const timestampMs = { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 } as const;
export const cccdField = { type: 'string', maxLength: 12, pattern: '^[0-9]{12}$' } as const;
export const shortText = { type: 'string', maxLength: 500 } as const;
export const longText = { type: 'string', maxLength: 5000 } as const;
