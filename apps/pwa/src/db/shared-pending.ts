/**
 * The pending count as every tab of one database shows it. With several tabs open, only the
 * leader replicates, so only it knows which changes the server has not acknowledged yet; it tells
 * the other tabs over a BroadcastChannel and answers a tab that opens later. A tab that becomes
 * the leader (the old one was closed) counts for itself from then on.
 * @module
 */
import { BehaviorSubject, distinctUntilChanged, switchMap, type Observable, type Subscription } from 'rxjs';

type Message = { count: number } | { ask: true };

export interface SharedPending {
  readonly count$: Observable<number>;
  stop(): void;
}

/**
 * Shares `own$` (this tab's count, meaningful once it leads) on the channel `channelName`.
 * `leadership` resolves when this tab becomes the leader.
 */
export function sharePending(channelName: string, own$: Observable<number>, leadership: Promise<unknown>): SharedPending {
  const channel = new BroadcastChannel(channelName);
  const leader = new BehaviorSubject(false);
  const heard = new BehaviorSubject(0);
  let own = 0;
  let stopped = false;
  const post = (message: Message) => {
    if (!stopped) channel.postMessage(message);
  };
  const sub: Subscription = own$.subscribe((n) => {
    own = n;
    if (leader.value) post({ count: n });
  });
  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if ('ask' in data) {
      if (leader.value) post({ count: own });
    } else if (!leader.value && typeof data.count === 'number') {
      heard.next(data.count);
    }
  };
  void leadership.then(() => {
    if (stopped) return;
    leader.next(true);
    post({ count: own });
  });
  post({ ask: true });
  return {
    count$: leader.pipe(switchMap((leads) => (leads ? own$ : heard)), distinctUntilChanged()),
    stop() {
      stopped = true;
      sub.unsubscribe();
      channel.close();
      leader.complete();
      heard.complete();
    },
  };
}
