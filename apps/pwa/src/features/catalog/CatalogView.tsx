import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Agency, Procedure } from '@motcua/model';
import { formatLevel, formatTimeLimit } from '../../lib/format.ts';
import type { ProcedureFilter } from './filterProcedures.ts';

export interface CatalogViewProps {
  loading: boolean;
  total: number;
  procedures: Procedure[];
  fields: Array<Procedure['field']>;
  agencies: Agency[];
  filter: ProcedureFilter;
  onFilter: (filter: ProcedureFilter) => void;
}

export function CatalogView(props: CatalogViewProps) {
  const set = (patch: Partial<ProcedureFilter>) => props.onFilter({ ...props.filter, ...patch });
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Thủ tục hành chính</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field grow">
          <label for="catalog-q">Tìm thủ tục</label>
          <input
            id="catalog-q"
            type="search"
            value={props.filter.query}
            placeholder="Ví dụ: khai sinh, chứng thực, 1.001193"
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="catalog-field">Lĩnh vực</label>
          <select id="catalog-field" value={props.filter.fieldCode} onChange={(e) => set({ fieldCode: e.currentTarget.value })}>
            <option value="">Tất cả lĩnh vực</option>
            <For each={props.fields}>
              {(f) => (
                <option value={f.code} selected={f.code === props.filter.fieldCode}>
                  {f.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="catalog-agency">Cơ quan thực hiện</label>
          <select id="catalog-agency" value={props.filter.agencyId} onChange={(e) => set({ agencyId: e.currentTarget.value })}>
            <option value="">Tất cả cơ quan</option>
            <For each={props.agencies}>
              {(a) => (
                <option value={a.id} selected={a.id === props.filter.agencyId}>
                  {a.name}
                </option>
              )}
            </For>
          </select>
        </div>
      </form>
      <Show
        when={!props.loading && props.total > 0}
        fallback={
          <p role="status" class="muted">
            {props.loading ? 'Đang tải danh mục thủ tục…' : 'Danh mục thủ tục chưa được đồng bộ về máy. Vui lòng kết nối mạng.'}
          </p>
        }
      >
        <p class="muted" role="status">
          Tìm thấy {props.procedures.length} thủ tục
        </p>
        <ul class="card-list">
          <For each={props.procedures}>
            {(p) => (
              <li class="card">
                <h2 class="card-title">
                  <A href={`/thu-tuc/${encodeURIComponent(p.id)}`}>{p.name}</A>
                </h2>
                <p class="meta">
                  <span>Mã: {p.id}</span>
                  <span>Lĩnh vực: {p.field.name}</span>
                  <span>Thời hạn: {formatTimeLimit(p.timeLimit)}</span>
                  <span class="tag">{formatLevel(p.level)}</span>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
