/**
 * The leader's view of the two digitization indicators (domain.md §8, 5 and 6) for their agency
 * and a period: computed on the server when online, else on the device from local data.
 */
import { Show, createResource, createSignal } from 'solid-js';
import {
  digitizationRate, reuseRate, addVnDays, fromVnClock, summarizeDossier, toVnClock, type Dossier, type Procedure, type Rate,
} from '@motcua/model';
import { fileRemoteOf } from '../../db/index.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
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
  const agencyId = user.agencyId ?? '';

  async function local(period: { from: string; to: string }): Promise<Rates> {
    const dossiers = (await db.dossiers.find().exec()).map((d) => summarizeDossier(d.toMutableJSON() as Dossier));
    const procedures = (await db.procedures.find().exec()).map((d) => d.toMutableJSON() as Procedure);
    const range = { from: fromVnClock(period.from, 0), to: fromVnClock(addVnDays(period.to, 1), 0) };
    return {
      digitization: digitizationRate(dossiers, procedures, range, [agencyId]),
      reuse: reuseRate(dossiers, range, [agencyId]),
      source: 'Tính trên máy này từ dữ liệu đã đồng bộ (đang ngoại tuyến).',
    };
  }

  const [rates] = createResource(
    () => ({ from: from(), to: to() }),
    async (period): Promise<Rates> => {
      const remote = fileRemoteOf(db);
      if (remote) {
        try {
          const q = new URLSearchParams({ agencyId, from: period.from, to: period.to });
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
        <label for="stats-from">Từ ngày</label>
        <input id="stats-from" type="date" value={from()} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
        <label for="stats-to">Đến ngày</label>
        <input id="stats-to" type="date" value={to()} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />
      </div>
      <Show when={rates()} fallback={<p role="status">Đang tính…</p>}>
        {(r) => <RatesView digitization={r().digitization} reuse={r().reuse} source={r().source} />}
      </Show>
    </section>
  );
}
