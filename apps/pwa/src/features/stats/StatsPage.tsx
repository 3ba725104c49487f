/**
 * The leader's view of the two digitization indicators (domain.md §8, 5 and 6) for their agency
 * and a period: computed on the server when online, else on the device from local data. An admin
 * picks any agency under theirs (a province admin, each commune).
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import {
  agenciesUnder, digitizationRate, reuseRate, addVnDays, fromVnClock, isIsoDate, summarizeDossier, toVnClock,
  type Agency, type Dossier, type Procedure, type Rate,
} from '@motcua/model';
import { fileRemoteOf } from '../../db/index.ts';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { RatesView } from './RatesView.tsx';
import '../warehouse/warehouse.css';

interface Rates {
  digitization: Rate;
  reuse: Rate;
  source: string;
}

export default function StatsPage() {
  const { db, user } = useDatabase();
  const today = toVnClock(new Date()).date;
  const [from, setFrom] = createSignal(`${today.slice(0, 8)}01`);
  const [to, setTo] = createSignal(today);
  const [agencyId, setAgencyId] = createSignal(user.agencyId ?? '');
  // Live: on a new device the directory may still be arriving.
  const agencies = createQuery(
    () => db.agencies.find().$,
    (docs) => {
      const all = toPlain<Agency>(docs);
      const ids = user.role === 'admin' && user.agencyId ? agenciesUnder(all, user.agencyId) : [user.agencyId ?? ''];
      return ids.map((id) => all.find((a) => a.id === id) ?? { id, name: id });
    },
  );

  async function local(period: { from: string; to: string; agencyId: string }): Promise<Rates> {
    const dossiers = (await db.dossiers.find().exec()).map((d) => summarizeDossier(d.toMutableJSON() as Dossier));
    const procedures = (await db.procedures.find().exec()).map((d) => d.toMutableJSON() as Procedure);
    const range = { from: fromVnClock(period.from, 0), to: fromVnClock(addVnDays(period.to, 1), 0) };
    return {
      digitization: digitizationRate(dossiers, procedures, range, [period.agencyId]),
      reuse: reuseRate(dossiers, range, [period.agencyId]),
      source: 'Tính trên máy này từ dữ liệu đã đồng bộ (đang ngoại tuyến).',
    };
  }

  /** Why the typed period is not one yet (the last rates stay on screen meanwhile), or null. */
  const problem = () =>
    !isIsoDate(from()) || !isIsoDate(to())
      ? 'Nhập ngày dạng dd/mm/yyyy, ví dụ 01/11/2026.'
      : from() > to() ? '"Từ ngày" phải trước hoặc trùng "Đến ngày".' : null;

  const [rates] = createResource(
    () => (problem() ? null : { from: from(), to: to(), agencyId: agencyId() }),
    async (period): Promise<Rates> => {
      const remote = fileRemoteOf(db);
      if (remote) {
        try {
          const q = new URLSearchParams(period);
          const response = await remote.client.request(`/api/stats/rates?${q}`);
          if (response.ok) return { ...((await response.json()) as Omit<Rates, 'source'>), source: 'Số liệu từ máy chủ.' };
        } catch {
          // Offline: fall through to the device's own data.
        }
      }
      return local(period);
    },
  );

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">Thống kê số hóa</h1>
      <div class="filters">
        <Show when={(agencies() ?? []).length > 1}>
          <div class="field">
            <label for="stats-agency">Đơn vị</label>
            <select id="stats-agency" value={agencyId()} onChange={(e) => setAgencyId(e.currentTarget.value)}>
              <For each={agencies()}>{(agency) => <option value={agency.id}>{agency.name}</option>}</For>
            </select>
          </div>
        </Show>
        <div class="field">
          <label for="stats-from">Từ ngày (dd/mm/yyyy)</label>
          <DateInput id="stats-from" autocomplete="off" value={from()} onChange={setFrom} invalid={!!problem()} describedBy={problem() ? 'stats-period-error' : undefined} />
        </div>
        <div class="field">
          <label for="stats-to">Đến ngày (dd/mm/yyyy)</label>
          <DateInput id="stats-to" autocomplete="off" value={to()} onChange={setTo} invalid={!!problem()} describedBy={problem() ? 'stats-period-error' : undefined} />
        </div>
      </div>
      <Show when={problem()}>
        <p id="stats-period-error" class="field-error" role="alert">{problem()}</p>
      </Show>
      <Show when={rates()} fallback={<p role="status">Đang tính…</p>}>
        {(r) => <RatesView digitization={r().digitization} reuse={r().reuse} source={r().source} />}
      </Show>
    </section>
  );
}
