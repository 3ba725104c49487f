import { afterEach, describe, expect, it, vi } from 'vitest';
import { BehaviorSubject } from 'rxjs';
import { shareFromLeader, type LeaderValue } from './leader-status.ts';
import { uniqueName } from './testing.ts';

describe('a value of the leader tab, shared with the other tabs of one database', () => {
  const open: LeaderValue<number>[] = [];
  afterEach(() => open.splice(0).forEach((tab) => tab.stop()));

  /** One tab: its own count of changes waiting, and a leadership it gets when `lead` is called. */
  function tab(channel: string, leads = false) {
    const own = new BehaviorSubject(0);
    let lead = () => {};
    const leadership = leads ? Promise.resolve() : new Promise<void>((resolve) => { lead = resolve; });
    const shared = shareFromLeader(channel, own, leadership, 0);
    open.push(shared);
    const seen: number[] = [];
    shared.value$.subscribe((n) => seen.push(n));
    return { own, lead, seen, shared };
  }

  it('shows the leader tab’s count in a tab that opens later and follows it', async () => {
    const channel = uniqueName();
    const leader = tab(channel, true);
    leader.own.next(3);
    await vi.waitUntil(() => leader.seen.at(-1) === 3, { timeout: 4000 });
    const other = tab(channel); // replicates nothing itself: its own count stays 0
    await vi.waitUntil(() => other.seen.at(-1) === 3, { timeout: 4000 });
    leader.own.next(0);
    await vi.waitUntil(() => other.seen.at(-1) === 0, { timeout: 4000 });
    expect(other.seen).toEqual([0, 3, 0]);
  });

  it('counts for itself once it leads, after the leader tab closed', async () => {
    const channel = uniqueName();
    const leader = tab(channel, true);
    const other = tab(channel);
    leader.own.next(2);
    await vi.waitUntil(() => other.seen.at(-1) === 2, { timeout: 4000 });
    leader.shared.stop();
    other.own.next(5);
    other.lead();
    await vi.waitUntil(() => other.seen.at(-1) === 5, { timeout: 4000 });
    leader.own.next(0); // a closed tab says nothing any more
    await new Promise((r) => setTimeout(r, 50));
    expect(other.seen.at(-1)).toBe(5);
  });

  it('does not hear the tabs of another database', async () => {
    const leader = tab(uniqueName(), true);
    const other = tab(uniqueName());
    leader.own.next(4);
    await vi.waitUntil(() => leader.seen.at(-1) === 4, { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(other.seen).toEqual([0]);
  });
});
