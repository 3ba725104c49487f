/**
 * The state of the "Kiểm tra" identity check on the intake screen. Offline, the check is queued
 * and retried when the network returns (and every 20 s while the screen is open); the officer goes
 * on with what the card says meanwhile.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { PopulationQuery, PopulationReply } from './populationClient.ts';

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking'; query: PopulationQuery }
  | { kind: 'queued'; query: PopulationQuery }
  | { kind: 'done'; query: PopulationQuery; reply: Exclude<PopulationReply, { status: 'offline' }> };

export interface IdentityCheck {
  state: Accessor<CheckState>;
  check(query: PopulationQuery): Promise<void>;
}

/** Owns the retry timer; `onReply` gets every final answer, including one that arrives late. */
export function createIdentityCheck(
  ask: (query: PopulationQuery) => Promise<PopulationReply>,
  onReply: (query: PopulationQuery, reply: Exclude<PopulationReply, { status: 'offline' }>) => void,
  retryMs = 20_000,
): IdentityCheck {
  const [state, setState] = createSignal<CheckState>({ kind: 'idle' });
  let current = 0;

  async function run(query: PopulationQuery, ticket: number): Promise<void> {
    setState({ kind: 'checking', query });
    const reply = await ask(query);
    if (ticket !== current) return;
    if (reply.status === 'offline') {
      setState({ kind: 'queued', query });
      return;
    }
    setState({ kind: 'done', query, reply });
    onReply(query, reply);
  }

  const retry = () => {
    const s = state();
    if (s.kind === 'queued') void run(s.query, current);
  };
  const timer = setInterval(retry, retryMs);
  window.addEventListener('online', retry);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener('online', retry);
  });

  return {
    state,
    check: (query) => run(query, ++current),
  };
}
