import { createMemo, createSignal } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { MyDossiersView } from './MyDossiersView.tsx';
import { byLatest, searchDossiers } from './searchDossiers.ts';

/** "Hồ sơ của tôi": the citizen's dossiers and drafts on this device. */
export default function MyDossiersPage() {
  const { db } = useDatabase();
  const [query, setQuery] = createSignal('');
  // A citizen's database holds only their own dossiers (and `ownerCccd` is stored encrypted).
  const mine = createQuery(() => db.dossiers.find().$, (docs) => toPlain<Dossier>(docs));
  const rows = createMemo(() => searchDossiers(mine() ?? [], query(), byLatest));
  return <MyDossiersView loading={mine() === undefined} dossiers={rows()} query={query()} onQuery={setQuery} />;
}
