/**
 * The little SQL surface both adapters provide; the store logic in `sql-store.ts` sees only this.
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDriver extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on throw). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for each NOTIFY on `channel` (from any connection); resolves to the unlisten. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
