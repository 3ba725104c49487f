/**
 * Checks a dossier's history against the hash chains of the devices that wrote it: every event's
 * hash must match its content and each device's events must follow one another without a gap.
 */
import { groupByDevice, verifyChain, type DossierEvent, type Sha256Hex } from '@motcua/model';

export type HistoryCheck = { ok: true; devices: number } | { ok: false; problems: string[] };

/**
 * @param dossierEvents the dossier's events.
 * @param deviceEvents every local event of a device (its whole chain, other dossiers included).
 */
export async function verifyHistory(
  dossierEvents: readonly DossierEvent[],
  deviceEvents: (deviceId: string) => Promise<DossierEvent[]>,
  sha256Hex: Sha256Hex,
): Promise<HistoryCheck> {
  const problems: string[] = [];
  const devices = [...groupByDevice(dossierEvents).keys()];
  for (const deviceId of devices) {
    const check = await verifyChain(await deviceEvents(deviceId), sha256Hex);
    if (!check.ok) problems.push(check.message);
  }
  return problems.length === 0 ? { ok: true, devices: devices.length } : { ok: false, problems };
}
