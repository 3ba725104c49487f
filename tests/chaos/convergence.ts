/**
 * Convergence of the whole country, read over HTTP as the replication itself sees it: every device
 * equals its commune server's view of its scope; each commune server's documents (as its tier
 * account sends them up) equal what its province holds of that commune; each province's warehouse
 * and dossier summaries (what it sends up) equal what the nation holds of that province.
 */
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import { replicationPlan } from '../../apps/sync/src/upstream/plan.ts';
import { login } from '../helpers/server.ts';
import { holdingDifferences } from './holdings.ts';
import type { Country, TierNode } from './country.ts';
import type { DeviceHost } from './device-hosts.ts';
import { serverView } from './invariants.ts';
import { PASSWORD } from './http-actor.ts';

/** Signs tier accounts in once per server and reuses the tokens (they survive restarts). */
export function createSessions() {
  const tokens = new Map<string, Promise<string>>();
  return (node: TierNode, username: string): Promise<string> => {
    const key = `${node.name}/${username}`;
    let token = tokens.get(key);
    if (!token) {
      token = login(node.server.url(), username, PASSWORD).then((s) => s.accessToken);
      // A failed sign-in is not kept, so the next call retries; its error reaches the caller.
      token.catch(() => tokens.delete(key));
      tokens.set(key, token);
    }
    return token;
  };
}

type Sessions = ReturnType<typeof createSessions>;

const agencyOf = (json: string) => (JSON.parse(json) as { agencyId?: unknown }).agencyId;
const mine = (map: Map<string, string>, agencyIds: string[]) => new Map([...map].filter(([, json]) => agencyIds.includes(agencyOf(json) as string)));

/** What the tier's replication plan sends up, compared with what its parent holds of it. */
async function tierDivergence(node: TierNode, sessions: Sessions): Promise<string[]> {
  const parent = node.parent!;
  const problems: string[] = [];
  for (const { from, to, project } of replicationPlan(node.tier).push) {
    const held = await serverView(node.server.url(), await sessions(node, node.tierAccount), from);
    const below = project ? new Map([...held].map(([id, json]) => [id, canonical(project(JSON.parse(json)))])) : held;
    const above = await serverView(parent.server.url(), await sessions(parent, node.tierAccount), to);
    problems.push(...holdingDifferences(`${node.name} → ${parent.name}: ${to}`, mine(below, node.agencyIds), mine(above, node.agencyIds)));
  }
  return problems;
}

/** Every difference left in the country (empty when it has converged); unreachable servers count as differences. */
export async function countryDivergence(country: Country, hosts: DeviceHost[], sessions: Sessions): Promise<string[]> {
  const guard = (what: string, probe: Promise<string[]>) => probe.catch((error: unknown) => [`${what}: ${(error as Error).message}`]);
  const parts = await Promise.all([
    ...hosts.map((h, i) => guard(`devices of ${country.communes[i]!.name}`, h.send<string[]>({ op: 'divergence' }))),
    ...[...country.communes, ...country.provinces].map((node) => guard(node.name, tierDivergence(node, sessions))),
  ]);
  return parts.flat();
}
