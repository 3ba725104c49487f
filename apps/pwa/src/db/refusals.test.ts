import { firstValueFrom, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createRefusalLog } from './refusals.ts';

const memory = () => {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
};
const refusal = (id: string, message = 'Không được phép') => ({ collection: 'dossiers' as const, id, code: 'transition_refused', message, at: 1 });

describe('the refusal log', () => {
  it('keeps one line per document across a reload, until seen', async () => {
    const storage = memory();
    const log = createRefusalLog(storage, 'motcua.refused.db1');
    log.add(refusal('a'));
    log.add(refusal('a', 'Lý do mới'));
    log.add(refusal('b'));
    expect((await firstValueFrom(log.refused$)).map((r) => [r.id, r.message])).toEqual([['a', 'Lý do mới'], ['b', 'Không được phép']]);
    const reloaded = createRefusalLog(storage, 'motcua.refused.db1');
    expect((await firstValueFrom(reloaded.refused$)).map((r) => r.id)).toEqual(['a', 'b']);
    reloaded.clear();
    expect(await firstValueFrom(reloaded.refused$)).toEqual([]);
    expect(storage.map.has('motcua.refused.db1')).toBe(false);
  });

  it('starts empty on unreadable storage', async () => {
    const storage = memory();
    storage.setItem('k', '{not json');
    expect(await firstValueFrom(createRefusalLog(storage, 'k').refused$)).toEqual([]);
  });

  it('lists what another tab added or cleared', async () => {
    const storage = memory();
    const changed = new Subject<string | null>();
    const here = createRefusalLog(storage, 'motcua.refused.db1', changed);
    const replicating = createRefusalLog(storage, 'motcua.refused.db1');
    replicating.add(refusal('a'));
    changed.next('motcua.refused.other');
    expect(await firstValueFrom(here.refused$)).toEqual([]);
    changed.next('motcua.refused.db1');
    expect((await firstValueFrom(here.refused$)).map((r) => r.id)).toEqual(['a']);
    replicating.clear();
    changed.next(null);
    expect(await firstValueFrom(here.refused$)).toEqual([]);
    here.stop();
  });
});
