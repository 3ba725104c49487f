import type { ScopeFilter } from './types.ts';

/**
 * A `ScopeFilter` as a SQL condition on `documents`, with its parameters numbered from `first`.
 */
export function scopeWhere(scope: ScopeFilter, first: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'none':
      return { sql: 'false', params: [] };
    case 'owner':
      return { sql: `owner_cccd = $${first}`, params: [scope.cccd] };
    case 'agencies':
      return {
        sql: `agency_id = ANY($${first}::text[])${scope.hideDrafts ? ' AND NOT draft' : ''}`,
        params: [scope.agencyIds],
      };
  }
}
