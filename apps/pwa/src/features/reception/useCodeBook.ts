/**
 * The signed-in officer's code book on this device, and its background refill: on sign-in, each
 * time the server becomes reachable, and every ten minutes while online.
 */
import type { CodeLease } from '@motcua/model';
import { filter, interval, merge, type Subscription } from 'rxjs';
import type { SyncHandle } from '../../db/index.ts';
import { browserDeviceChain } from '../../lib/deviceChain.ts';
import { makeCodeBook, type CodeBook } from './makeCodeBook.ts';

const books = new Map<string, CodeBook>();

/** One book per officer and device, shared by every screen. */
export function codeBookFor(userId: string, sync: Pick<SyncHandle, 'client'>): CodeBook {
  let book = books.get(userId);
  if (!book) {
    book = makeCodeBook({
      storage: localStorage,
      userId,
      deviceId: browserDeviceChain().deviceId,
      requestLease: (body) =>
        sync.client.json<CodeLease>('/api/codes/lease', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
    });
    books.set(userId, book);
  }
  return book;
}

/** Keeps the book filled while online; `onChange` runs after each refill. Returns the subscription. */
export function startCodeRefill(book: CodeBook, sync: Pick<SyncHandle, 'online$'>, onChange: () => void): Subscription {
  const refill = () => void book.refill().then((changed) => changed && onChange());
  return merge(sync.online$.pipe(filter(Boolean)), interval(10 * 60_000)).subscribe(refill);
}
