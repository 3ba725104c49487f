import { describe, expect, it } from 'vitest';
import { Subject, firstValueFrom, filter } from 'rxjs';
import { trackSyncProgress } from './sync-progress.ts';
import { initialSyncRows } from '../features/shell/createSyncStatus.ts';

function fakeReplication() {
  const received$ = new Subject<unknown>();
  let done!: () => void;
  const initial = new Promise<void>((resolve) => (done = resolve));
  return { received$, awaitInitialReplication: () => initial, done };
}

describe('first sync progress', () => {
  it('counts documents pulled per collection until every collection has caught up', async () => {
    const dossiers = fakeReplication();
    const warehouse = fakeReplication();
    const seen: Array<{ pulled: Record<string, number | undefined>; initialDone: boolean }> = [];
    const sub = trackSyncProgress({ dossiers, warehouse } as never).subscribe((p) => seen.push(p));
    dossiers.received$.next({});
    dossiers.received$.next({});
    warehouse.received$.next({});
    expect(seen.at(-1)).toEqual({ pulled: { dossiers: 2, warehouse: 1 }, initialDone: false });
    expect(initialSyncRows(seen.at(-1)!, 100)).toBeNull();
    expect(initialSyncRows(seen.at(-1)!, 1)).toEqual([{ label: 'hồ sơ', count: 2 }, { label: 'giấy tờ trong kho', count: 1 }]);
    dossiers.done();
    warehouse.done();
    const last = await firstValueFrom(trackSyncProgress({ dossiers, warehouse } as never).pipe(filter((p) => p.initialDone)));
    expect(initialSyncRows(last)).toBeNull();
    sub.unsubscribe();
  });
});
