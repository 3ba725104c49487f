/** What a chaos scenario injected and found, and how it prints. */
import type { FaultCounts } from './faulty-fetch.ts';
import type { ServerMode } from './server-under-test.ts';

export interface ChaosReport {
  seed: number;
  modes: { commune: ServerMode; upper: ServerMode };
  communes: Array<{ name: string; province: string; devices: string[] }>;
  operations: Record<string, number>;
  deviceFaults: FaultCounts & { partitions: number; weekOffline: number };
  /** Faults on the links between tiers; `cuts`: partitions per link. */
  tierFaults: FaultCounts & { cuts: Record<string, number> };
  /** Server kills (child: SIGKILL; in-process: close) per tier. */
  kills: Record<string, number>;
  killedMidPush: number;
  /** Pushes the servers refused, by error code, on the device and tier links. */
  refusals: Record<string, number>;
  /** What became of the devices' actions at the communes: `applied`, or `refused <code>`. */
  outcomes: Record<string, number>;
  convergeMs: number;
  problems: string[];
}

const MODE = { child: 'child processes (SIGKILL)', inproc: 'in-process (close/start)' } as const;
const counts = (f: FaultCounts) =>
  `${f.dropped} dropped, ${f.lostAnswers} answers lost, ${f.duplicated} duplicated, ${f.delayed} delayed, ${f.refusedOffline} refused while cut`;
const tally = (record: Record<string, number>) => Object.entries(record).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';

/** A few lines per scenario for the console. */
export function formatReport(report: ChaosReport): string {
  const ops = Object.entries(report.operations).map(([k, v]) => `${k}×${v}`).join(' ');
  const provinces = [...new Set(report.communes.map((c) => c.province))].map((p) =>
    `${p} ← ${report.communes.filter((c) => c.province === p).map((c) => `${c.name} [${c.devices.join(', ')}]`).join(', ')}`);
  const kills = Object.values(report.kills).reduce((a, b) => a + b, 0);
  const d = report.deviceFaults;
  const t = report.tierFaults;
  return [
    `seed ${report.seed} · communes: ${MODE[report.modes.commune]} · provinces, nation: ${MODE[report.modes.upper]}`,
    `  nation ← ${provinces.join('; ')}`,
    `  operations: ${ops || 'none'}`,
    `  outcomes: ${tally(report.outcomes)}`,
    `  device links: ${d.partitions} partitions, ${d.weekOffline} week offline, ${counts(d)}`,
    `  tier links: partitions ${tally(t.cuts)}; ${counts(t)}`,
    `  server kills: ${tally(report.kills)} (${report.killedMidPush} of ${kills} mid-push) · pushes refused: ${tally(report.refusals)}`,
    `  converged in ${report.convergeMs} ms · ${report.problems.length === 0 ? 'all invariants hold' : `${report.problems.length} problems: ${report.problems.slice(0, 8).join('; ')}`}`,
  ].join('\n');
}
