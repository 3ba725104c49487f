/**
 * POST /api/public/lookup { code, cccd }: "Tra cứu hồ sơ" without signing in. Answers only the
 * status, the current step's name and the appointment date, and only when the CCCD is the dossier
 * owner's. A wrong CCCD gets exactly the answer an unknown code gets, so the endpoint tells nothing
 * about whether a code exists. Rate-limited per client address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { stepName, statusLabel, type Dossier, type DossierStatusCode, type Procedure } from '@motcua/model';
import { Hono, type Context } from 'hono';
import { badRequest, notFound } from '../errors.ts';
import { KB, limitBody, readJson } from '../http/body.ts';
import { createRateLimit, type RateLimit } from '../public/rate-limit.ts';
import type { SyncStore } from '../store/types.ts';

export interface LookupAnswer {
  code: string;
  status: number;
  statusLabel: string;
  stepName: string;
  /** The appointment date in force: the apology's new date when there is one. */
  dueAt: string | null;
}

export interface LookupOptions {
  store: SyncStore;
  limit?: RateLimit;
  /** The client address the limit counts by (the socket's address by default). */
  addressOf?: (c: Context) => string;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const NOT_FOUND = 'Không tìm thấy hồ sơ với mã hồ sơ và số CCCD đã nhập';

/** Finds the dossier with `code` among those owned by `cccd` (never looks at anyone else's). */
async function findOwned(store: SyncStore, code: string, cccd: string): Promise<Dossier | null> {
  for (let after = 0; ; ) {
    const page = await store.documents.pull('dossiers', { kind: 'owner', cccd }, after, 500);
    const hit = page.find((doc) => !doc.deleted && doc.data.code === code && doc.data.status !== 0);
    if (hit) return hit.data as unknown as Dossier;
    if (page.length < 500) return null;
    after = page[page.length - 1]!.seq;
  }
}

export function lookupRoutes(options: LookupOptions) {
  const limit = options.limit ?? createRateLimit();
  const addressOf = options.addressOf ?? socketAddress;
  return new Hono().post('/', limitBody(4 * KB), async (c) => {
    limit.hit(addressOf(c));
    const body = (await readJson(c)) as { code?: unknown; cccd?: unknown } | null;
    const code = typeof body?.code === 'string' ? body.code.trim() : '';
    const cccd = typeof body?.cccd === 'string' ? body.cccd.trim() : '';
    if (!code || code.length > 64 || !/^\d{12}$/.test(cccd)) {
      throw badRequest('invalid_lookup', 'Cần nhập mã hồ sơ và số CCCD gồm 12 chữ số');
    }
    const dossier = await findOwned(options.store, code, cccd);
    if (!dossier) throw notFound('dossier_not_found', NOT_FOUND);
    const procedure = await options.store.documents.get('procedures', dossier.procedureId);
    const workflow = (procedure?.data as Procedure | undefined)?.workflow ?? [];
    const answer: LookupAnswer = {
      code,
      status: dossier.status,
      statusLabel: statusLabel(dossier.status as DossierStatusCode),
      stepName: stepName(dossier, workflow),
      dueAt: dossier.apology?.newDueAt ?? dossier.dueAt,
    };
    return c.json(answer);
  });
}
