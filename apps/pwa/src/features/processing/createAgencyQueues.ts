/**
 * The signed-in officer's queues, live from the local database, re-sorted every minute so that a
 * dossier turns "quá hạn" while the screen is open.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { sortIntoQueues, type Dossier, type Procedure, type QueueName } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';

export interface AgencyQueues {
  loading: Accessor<boolean>;
  queues: Accessor<Record<QueueName, Dossier[]>>;
}

export function createAgencyQueues(): AgencyQueues {
  const { db, user } = useDatabase();
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  const scope = user.agencyId && user.role !== 'admin' ? { agencyId: user.agencyId } : {};
  const dossiers = createQuery(() => db.dossiers.find({ selector: { status: { $gte: 1 }, ...scope } }).$, (docs) => toPlain<Dossier>(docs));
  const procedures = createQuery(
    () => db.procedures.find().$,
    (docs) => new Map(toPlain<Procedure>(docs).map((p) => [p.id, p])),
  );
  const queues = createMemo(() =>
    sortIntoQueues({ dossiers: dossiers() ?? [], procedures: procedures() ?? new Map(), role: user.role, now: now() }),
  );
  return { loading: () => dossiers() === undefined, queues };
}
