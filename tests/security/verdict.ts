/**
 * The verdict on an attack made through actions. It is refused when the server answers 4xx and
 * stores nothing, or keeps every event as refused (200, `outcome.status === 'refused'`) and changes
 * the dossiers only by listing the refusal (`conflicts`) and the device's head (`heads`). In both
 * cases no event may reach the citizen's notification outbox. Anything else is a breach: an
 * applied action, a changed field, a new dossier, a notification, a 5xx.
 */
import { notified, same, stored, type Doc, type SecurityContext } from './context.ts';
import type { Pushed } from './device.ts';
import { attempt } from './tally.ts';

/** Fields a refused action may change: its refusal listed, the device's last event taken in. */
const BOOKKEEPING = ['conflicts', 'heads'];

const strip = (d: Doc | null) => (d ? Object.fromEntries(Object.entries(d).filter(([k]) => !BOOKKEEPING.includes(k))) : null);

/** Fields that change with every applied action: named, their values not shown. */
const NOISE = ['content', 'updatedAt'];

/** The fields of `before` that differ in `after` (bookkeeping aside), with their new values. */
function changed(before: Doc | null, after: Doc | null): string {
  if (!before || !after) return before === after ? '' : `${before ? 'gone' : 'created'}`;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.includes(k) && !same(before[k], after[k]));
  const shown = keys.filter((k) => !NOISE.includes(k)).map((k) => `${k}: ${JSON.stringify(before[k])?.slice(0, 60)} → ${JSON.stringify(after[k])?.slice(0, 80)}`);
  return [...shown, ...keys.filter((k) => NOISE.includes(k))].join(', ');
}

/**
 * Counts one attack: `send` pushes it; `dossierIds` are the dossiers it aims at (a new one's id for
 * `create`). `expect` narrows what counts as refused: `'4xx'` (the push refused whole) or
 * `'kept'` (kept as refused); both by default.
 */
export async function refusedAction(
  ctx: SecurityContext,
  label: string,
  dossierIds: string[],
  send: () => Promise<Pushed>,
  expect: 'either' | '4xx' | 'kept' = 'either',
): Promise<void> {
  const { t } = ctx;
  const before = new Map<string, Doc | null>();
  for (const id of dossierIds) before.set(id, await stored(t, 'dossiers', id));
  const seq = await t.store.documents.maxSeq();
  const { response, events, answer } = await send();
  const problems: string[] = [];
  const status = response.status;
  const body = answer ? '' : (await response.clone().text()).slice(0, 160);
  if (status >= 500) problems.push(`answered ${status} ${body}`);
  else if (status >= 400) {
    if (expect === 'kept') problems.push(`refused whole (${status}) instead of kept as refused`);
    if ((await t.store.documents.maxSeq()) !== seq) problems.push(`stored something on a ${status}`);
  } else if (status === 200 && answer) {
    if (expect === '4xx') problems.push('taken (200) instead of refused whole');
    for (const e of answer) {
      const outcome = e.outcome as { status?: string; code?: string } | undefined;
      if (outcome?.status !== 'refused') problems.push(`${String(e.type)} ${outcome?.status ?? 'without outcome'}`);
    }
  } else problems.push(`answered ${status} ${body}`);
  for (const id of dossierIds) {
    const after = await stored(t, 'dossiers', id);
    if (!same(strip(before.get(id) ?? null), strip(after))) problems.push(`dossier ${id.slice(0, 12)}… changed: ${changed(before.get(id) ?? null, after)}`);
  }
  for (const e of events) if (await notified(t, e.id)) problems.push(`notification enqueued for ${e.type}`);
  const detail = status === 200 ? JSON.stringify(answer?.map((e) => e.outcome)).slice(0, 200) : `${status} ${body}`;
  attempt('attack', label, problems.length === 0, `[${problems.join('; ')}] (${detail})`);
}
