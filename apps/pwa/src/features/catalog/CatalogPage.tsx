import { useSearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';
import type { Agency, Procedure } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { CatalogView } from './CatalogView.tsx';
import { fieldsOf, filterProcedures } from './filterProcedures.ts';

/** "Thủ tục hành chính": the catalog, searched and filtered locally. */
export default function CatalogPage() {
  const { db } = useDatabase();
  const [params, setParams] = useSearchParams<{ q?: string; linhVuc?: string; coQuan?: string }>();
  const procedures = createQuery(() => db.procedures.find().$, (docs) => toPlain<Procedure>(docs));
  const agencies = createQuery(
    () => db.agencies.find({ selector: { level: 'commune' } }).$,
    (docs) => toPlain<Agency>(docs).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  );
  const filter = () => ({ query: params.q ?? '', fieldCode: params.linhVuc ?? '', agencyId: params.coQuan ?? '' });
  const results = createMemo(() => filterProcedures(procedures() ?? [], filter()));

  return (
    <CatalogView
      loading={procedures() === undefined}
      total={procedures()?.length ?? 0}
      procedures={results()}
      fields={fieldsOf(procedures() ?? [])}
      agencies={agencies() ?? []}
      filter={filter()}
      onFilter={(next) =>
        setParams(
          { q: next.query || undefined, linhVuc: next.fieldCode || undefined, coQuan: next.agencyId || undefined },
          { replace: true },
        )
      }
    />
  );
}
