/**
 * The parent's side of `device-host.ts`: starts the process holding one commune's devices and
 * sends it commands. A device is named by its index within the host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../apps/sync/src/config.ts';
import type { DeviceInfo, HostCommand } from './device-host.ts';

export interface DeviceHost {
  /** Filled by `open()`. */
  readonly devices: DeviceInfo[];
  /** Opens the devices and starts their replication. */
  open(command: Extract<HostCommand, { op: 'open' }>): Promise<void>;
  send<T = unknown>(command: HostCommand): Promise<T>;
  /** Closes the devices and ends the process. */
  close(): Promise<void>;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Starts a host process (its devices are opened by `open()`); loading takes a few seconds. */
export async function startDeviceHost(): Promise<DeviceHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/chaos/device-process.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void gone.then(() => {
    for (const { reject } of waiting.values()) reject(new Error(`device host exited: ${stderr}`));
    waiting.clear();
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void gone.then(() => reject(new Error(`device host exited: ${stderr}`)));
  });
  child.on('message', (answer: Answer) => {
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.ok) pending?.resolve(answer.value);
    else pending?.reject(new Error(`device host: ${answer.error}`));
  });
  const send = <T>(command: HostCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, command });
    });
  const host: DeviceHost = {
    devices: [],
    async open(command) {
      host.devices.push(...(await send<DeviceInfo[]>(command)));
    },
    send,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A host that died before answering is `gone`.
      await Promise.race([send({ op: 'close' }).catch(() => undefined), gone]);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  return host;
}
