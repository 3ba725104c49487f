/**
 * A process holding the simulated devices of one commune (RxDB allows 13 open collections per
 * process and each device opens three), each behind its own faulty link to the commune server.
 * Started by `device-hosts.ts` (through `device-process.ts`); it answers the commands of
 * `HostCommand` over the IPC channel, one at a time.
 */
import type { Procedure } from '@motcua/model';
import { openClient, type TestClient } from '../integration/clients.ts';
import { createLink, seededRandom, type FaultCounts, type Link } from './faulty-fetch.ts';
import { divergence, ownEvents, scopeLeaks, type OwnEvents } from './invariants.ts';
import { act } from './operations.ts';

export type HostCommand =
  | { op: 'open'; url: string; users: string[]; firstIndex: number; seed: number; procedure: Procedure; agencyId: string }
  | { op: 'act'; device: number; action: number; pick: number }
  | { op: 'week'; device: number; actions: number }
  | { op: 'cut' | 'heal'; device: number }
  | { op: 'pushesInFlight' | 'healAll' | 'reSync' | 'divergence' | 'scopeLeaks' | 'ownEvents' | 'counts' | 'refusals' | 'stop' | 'close' };

/** A device as the parent process knows it. */
export interface DeviceInfo {
  label: string;
  deviceId: string;
}

/** What actions did: their labels, the events the device accepted and the warehouse documents the server did. */
export interface ActResult {
  labels: string[];
  acked: string[];
  stored: string[];
}

const devices: Array<{ client: TestClient; link: Link }> = [];
let random = Math.random;
let context: { procedure: Procedure; agencyId: string };

async function actOn(device: number, action: number, pick: number, now: Date, result: ActResult): Promise<void> {
  const [acked, stored] = [new Map<string, string>(), new Map<string, string>()];
  const { client, link } = devices[device]!;
  const label = await act(client, action, pick, { ...context, acked, stored, fetch: link.fetch, now });
  if (label) result.labels.push(label);
  result.acked.push(...acked.keys());
  result.stored.push(...stored.keys());
}

async function handle(command: HostCommand): Promise<unknown> {
  switch (command.op) {
    case 'open': {
      random = seededRandom(command.seed);
      context = { procedure: command.procedure, agencyId: command.agencyId };
      for (const [i, username] of command.users.entries()) {
        const link = createLink(random);
        const client = await openClient(command.url, username, `d${command.firstIndex + i}-${username}`, { fetch: link.fetch, collections: ['dossiers', 'events'] });
        client.startSync({ retryTimeMs: 100, backoff: { initialMs: 50, maxMs: 400 } });
        devices.push({ client, link });
      }
      return devices.map(({ client }): DeviceInfo => ({ label: client.label, deviceId: client.deviceId }));
    }
    case 'act': {
      const result: ActResult = { labels: [], acked: [], stored: [] };
      await actOn(command.device, command.action, command.pick, new Date(), result);
      return result;
    }
    case 'week': {
      // Away for a week: offline, acting with the clock of each day, then back.
      const result: ActResult = { labels: [], acked: [], stored: [] };
      const { link } = devices[command.device]!;
      link.cut();
      const weekAgo = Date.now() - 7 * 86_400_000;
      for (let k = 0; k < command.actions; k++) {
        await actOn(command.device, k % 3, Math.floor(random() * 1000), new Date(weekAgo + (k * 7 * 86_400_000) / command.actions), result);
      }
      link.heal();
      return result;
    }
    case 'cut':
      return devices[command.device]!.link.cut();
    case 'heal':
      return devices[command.device]!.link.heal();
    case 'pushesInFlight':
      return devices.reduce((n, d) => n + d.link.pushesInFlight(), 0);
    case 'healAll':
      for (const { link } of devices) {
        link.faulty = false;
        link.heal();
      }
      return undefined;
    case 'reSync':
      for (const { client } of devices) client.sync?.reSync();
      return undefined;
    case 'divergence':
      return (await Promise.all(devices.map((d) => divergence(d.client)))).flat();
    case 'scopeLeaks':
      return (await Promise.all(devices.map((d) => scopeLeaks(d.client)))).flat();
    case 'ownEvents':
      return Promise.all(devices.map((d): Promise<OwnEvents> => ownEvents(d.client)));
    case 'counts':
      return devices.map((d): FaultCounts => d.link.counts);
    case 'refusals':
      return devices.map((d) => d.link.refusals);
    case 'stop':
      for (const { client } of devices) await client.stopSync();
      return undefined;
    case 'close':
      // Closing at the end: a device whose database is gone has nothing left to close.
      for (const { client } of devices) await client.close().catch(() => undefined);
      setImmediate(() => process.exit(0));
      return undefined;
  }
}

// One command at a time, in the order they came.
let queue = Promise.resolve();
process.on('message', (message: { id: number; command: HostCommand }) => {
  queue = queue.then(async () => {
    try {
      process.send!({ id: message.id, ok: true, value: await handle(message.command) });
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
    }
  });
});
process.send!({ ready: true });
