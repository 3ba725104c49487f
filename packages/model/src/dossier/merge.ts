/**
 * @module dossier/merge — resolves two concurrent versions of one dossier (the server's and a
 * device's) into one, the same way on every device.
 *
 * @remarks Rules:
 * - **Status**: the version whose status ranks higher in {@link STATUS_RANK} wins, with the fields
 *   that go with it (dates, decision, previous status, step, assignee, fee, a signed result). Ranks follow the state machine: a final
 *   outcome beats an open one, and among open statuses the one further along (or the one that asks
 *   something of the citizen) wins. Equal statuses fall back to the scalar rule below.
 * - The losing status change is added to `conflicts` for an officer to resolve, never dropped;
 *   `conflicts` is kept sorted by `eventId` (for lost changes: `<updatedAt>:<updatedBy>`) so that
 *   both argument orders give the same list.
 *   Give `base` (the common ancestor, RxDB's assumed master state) to skip flagging a side that did
 *   not change the status at all.
 * - **Editable content** (applicant, summary, components, return method, notifications): when the
 *   dossiers carry `content` (an Automerge document, `content.ts`), the side whose content holds all
 *   of the other's changes gives content and fields; when each holds changes the other lacks, this
 *   pure function keeps the newer side's, and `mergeDossierContent` (which has Automerge) merges the
 *   two documents instead. Dossiers without content: component file ids are unioned, a paper once
 *   received stays received.
 * - A side that already **absorbed** the other (holds all its content changes and conflict notes, is
 *   at least as recent and at least as far along) wins as it is, so merging again changes nothing.
 * - **Other scalar fields**: the later `updatedAt` wins, ties broken by the greater `updatedBy`, and
 *   finally by the canonical JSON text, so the result does not depend on argument order.
 */
import { canonicalJson } from '../canonical-json.ts';
import type { Dossier, DossierComponent } from '../schemas/dossier.schema.ts';
import { containsContent } from './content-bytes.ts';
import { CONTENT_FIELDS } from './content.ts';
import { statusLabel, type DossierStatusCode } from './status.ts';

/** Higher wins a concurrent status change. */
export const STATUS_RANK: Readonly<Record<DossierStatusCode, number>> = {
  0: 0, // draft
  1: 10, // submitted
  2: 20, // received
  4: 30, // processing
  5: 40, // supplement requested: a demand on the citizen outranks routine step moves
  6: 50, // awaiting payment
  7: 60, // withdrawal requested
  3: 70, // rejected
  8: 80, // stopped
  9: 90, // resolved
  10: 100, // returned: the result is in the citizen's hands
};

const MAX_CONFLICTS = 100;

const rank = (d: Dossier): number => STATUS_RANK[d.status as DossierStatusCode] ?? -1;

/** Total order for last-writer-wins: later updatedAt, then greater updatedBy, then content. */
function compareRecency(a: Dossier, b: Dossier): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  if (a.updatedBy !== b.updatedBy) return a.updatedBy < b.updatedBy ? -1 : 1;
  const ja = canonicalJson(a);
  const jb = canonicalJson(b);
  return ja === jb ? 0 : ja < jb ? -1 : 1;
}

/** True when `whole` holds every change of `part` (false when either content is missing or malformed). */
function holdsContent(whole: Dossier, part: Dossier): boolean {
  if (typeof whole.content !== 'string' || typeof part.content !== 'string') return false;
  try {
    return containsContent(whole.content, part.content);
  } catch {
    return false;
  }
}

/**
 * `x` already holds everything `y` would add to it: `y`'s content changes and conflict notes, and
 * `y`'s status (the same, or its losing change already noted); `x` is as recent and as far along.
 */
function absorbs(x: Dossier, y: Dossier): boolean {
  const recent = x.updatedAt !== y.updatedAt ? x.updatedAt > y.updatedAt : x.updatedBy >= y.updatedBy;
  const statusHeld = x.status === y.status || x.conflicts.some((c) => c.eventId === lostChangeId(y));
  return recent && rank(x) >= rank(y) && statusHeld
    && y.conflicts.every((c) => x.conflicts.some((k) => k.eventId === c.eventId && k.note === c.note))
    && holdsContent(x, y);
}

const CONTENT_KEYS = [...CONTENT_FIELDS, 'content'] as const;

/** The editable content of the merge, taken whole from one side so that fields and `content` agree. */
function mergeContentFields(newer: Dossier, older: Dossier): Partial<Dossier> {
  if (newer.content === undefined && older.content === undefined) return { components: mergeComponents(newer, older) };
  const from = !holdsContent(newer, older) && holdsContent(older, newer) ? older : newer;
  return Object.fromEntries(CONTENT_KEYS.map((key) => [key, from[key]]));
}

function mergeComponents(winner: Dossier, other: Dossier): DossierComponent[] {
  const others = new Map(other.components.map((c) => [c.id, c]));
  const merged = winner.components.map((c) => {
    const o = others.get(c.id);
    if (!o) return c;
    const doc = c.warehouseDocId ?? o.warehouseDocId;
    return {
      ...c,
      fileIds: [...new Set([...c.fileIds, ...o.fileIds])],
      warehouseDocId: doc,
      reused: c.warehouseDocId !== null ? c.reused : o.reused,
      paperReceived: c.paperReceived || o.paperReceived,
    };
  });
  const seen = new Set(winner.components.map((c) => c.id));
  return [...merged, ...other.components.filter((c) => !seen.has(c.id))];
}

function mergeConflicts(a: Dossier['conflicts'], b: Dossier['conflicts'], extra: Dossier['conflicts']): Dossier['conflicts'] {
  const byKey = new Map<string, Dossier['conflicts'][number]>();
  for (const c of [...a, ...b, ...extra]) byKey.set(`${c.eventId}\u0000${c.note}`, c);
  const sorted = [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, c]) => c);
  return sorted.slice(-MAX_CONFLICTS);
}

/** The id a lost status change is noted under; time first, so the sorted list reads in order. */
const lostChangeId = (loser: Dossier): string => `${loser.updatedAt}:${loser.updatedBy}`.slice(0, 64);

function conflictNote(loser: Dossier, winner: Dossier): Dossier['conflicts'][number] {
  const at = new Date(loser.updatedAt).toISOString();
  return {
    eventId: lostChangeId(loser),
    note:
      `Thay đổi trạng thái sang «${statusLabel(loser.status as DossierStatusCode)}» của ${loser.updatedBy} lúc ${at} ` +
      `không được áp dụng vì trùng với thay đổi sang «${statusLabel(winner.status as DossierStatusCode)}» ` +
      `của ${winner.updatedBy}; cần cán bộ xem xét.`,
  };
}

/**
 * Merges two versions of the same dossier. Deterministic and symmetric: `mergeDossier(a, b)` and
 * `mergeDossier(b, a)` give the same result.
 * @param base the common ancestor when known; a side whose status equals it made no status change.
 */
export function mergeDossier(master: Dossier, fork: Dossier, base?: Dossier | null): Dossier {
  const recency = compareRecency(master, fork);
  if (recency === 0) return master;
  const masterAbsorbs = absorbs(master, fork);
  if (masterAbsorbs !== absorbs(fork, master)) return masterAbsorbs ? master : fork;
  const [older, newer] = recency < 0 ? [master, fork] : [fork, master];
  const rankDiff = rank(master) - rank(fork);
  const statusWinner = rankDiff > 0 ? master : rankDiff < 0 ? fork : newer;
  const statusLoser = statusWinner === newer ? older : newer;

  const extra: Dossier['conflicts'] = [];
  const loserChangedStatus = !base || base.status !== statusLoser.status;
  if (statusWinner.status !== statusLoser.status && loserChangedStatus) extra.push(conflictNote(statusLoser, statusWinner));

  const merged: Dossier = {
    ...newer,
    ...mergeContentFields(newer, older),
    status: statusWinner.status,
    code: statusWinner.code ?? statusLoser.code,
    submittedAt: statusWinner.submittedAt ?? statusLoser.submittedAt,
    receivedAt: statusWinner.receivedAt,
    dueAt: statusWinner.dueAt,
    finishedAt: statusWinner.finishedAt,
    returnedAt: statusWinner.returnedAt,
    decision: statusWinner.decision,
    previousStatus: statusWinner.previousStatus,
    // The leader's signature goes with the approval (status 9); an unsigned draft never replaces it.
    result: statusWinner.result?.issuedAt ? statusWinner.result : (newer.result ?? statusWinner.result),
    stepIndex: statusWinner.stepIndex,
    assigneeId: statusWinner.assigneeId,
    fee: statusWinner.fee,
    conflicts: mergeConflicts(master.conflicts, fork.conflicts, extra),
    updatedAt: newer.updatedAt,
    updatedBy: newer.updatedBy,
  };
  if (merged.content === undefined) delete merged.content;
  return merged;
}
