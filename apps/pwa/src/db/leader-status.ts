/**
 * What the status bar shows, as every tab of one database sees it. With several tabs open, only
 * the leader replicates, so only it knows whether the server answers, when it last did and which
 * changes it has not acknowledged yet; it tells the other tabs over a BroadcastChannel and answers
 * a tab that opens later. A tab that becomes the leader (the old one was closed) shows its own.
 * @module
 */
import { BehaviorSubject, switchMap, type Observable, type Subscription } from 'rxjs';

type Message<T> = { value: T } | { ask: true };

export interface LeaderValue<T> {
  readonly value$: Observable<T>;
  stop(): void;
}

/**
 * Shares `own$` (this tab's value, meaningful once it leads) on the channel `channelName`; until
 * the leader answers, a tab shows `initial`. `leadership` resolves when this tab becomes the leader.
 */
export function shareFromLeader<T>(channelName: string, own$: Observable<T>, leadership: Promise<unknown>, initial: T): LeaderValue<T> {
  const channel = new BroadcastChannel(channelName);
  const leader = new BehaviorSubject(false);
  const heard = new BehaviorSubject(initial);
  let own = initial;
  let stopped = false;
  const post = (message: Message<T>) => {
    if (!stopped) channel.postMessage(message);
  };
  const sub: Subscription = own$.subscribe((value) => {
    own = value;
    if (leader.value) post({ value });
  });
  channel.onmessage = ({ data }: MessageEvent<Message<T> | null>) => {
    if (typeof data !== 'object' || data === null) return;
    if ('ask' in data) {
      if (leader.value) post({ value: own });
    } else if (!leader.value) {
      heard.next(data.value);
    }
  };
  void leadership.then(() => {
    if (stopped) return;
    leader.next(true);
    post({ value: own });
  });
  post({ ask: true });
  return {
    value$: leader.pipe(switchMap((leads) => (leads ? own$ : heard))),
    stop() {
      stopped = true;
      sub.unsubscribe();
      channel.close();
      leader.complete();
      heard.complete();
    },
  };
}
