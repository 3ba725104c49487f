/**
 * The suite's count of what it tried: route × role pairs, attacks, and breaches (an attempt the
 * server let through). Every check both counts and asserts, so a breach also fails its test; the
 * assertion is soft, so the attacks after a breach still run and every breach is counted.
 */
import { expect } from 'vitest';

export const tally = { routeRoles: 0, attacks: 0, breaches: [] as string[] };

/** Counts one forbidden attempt; `refused` false is a breach. */
export function attempt(kind: 'route-role' | 'attack', label: string, refused: boolean, detail = ''): void {
  if (kind === 'route-role') tally.routeRoles++;
  else tally.attacks++;
  if (!refused) tally.breaches.push(`${label} ${detail}`);
  expect.soft(refused, `${label} was let through ${detail}`).toBe(true);
}

/** Counts a forbidden request: refused when its status is one of `statuses`. */
export async function refusedWith(
  kind: 'route-role' | 'attack',
  label: string,
  response: Response,
  statuses: number[],
): Promise<void> {
  const body = await response.text();
  attempt(kind, label, statuses.includes(response.status), `(${response.status} ${body.slice(0, 200)})`);
}

export function summaryLine(): string {
  return `routes × roles tried: ${tally.routeRoles}, attacks tried: ${tally.attacks}, breaches found: ${tally.breaches.length}`;
}

/** Every breach, one line each (empty when there is none). */
export function breachLines(): string {
  return tally.breaches.map((b) => `  breach: ${b}\n`).join('');
}
