/**
 * /api/sync/:collection — RxDB's HTTP replication: pull, push and the live pull stream, for every
 * collection of the model.
 */
import { isCollectionName, type CollectionName } from '@motcua/model';
import { Hono, type Context } from 'hono';
import { bearerToken, type AuthEnv } from '../auth/middleware.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { notFound } from '../errors.ts';
import { MB, limitBody, readJson } from '../http/body.ts';
import type { Logger } from '../log.ts';
import type { SyncStore } from '../store/types.ts';
import type { ChangeBus } from '../sync/change-bus.ts';
import { parseCheckpoint, parseLimit, pullDocuments } from '../sync/pull.ts';
import { applyPush } from '../sync/push.ts';
import { parsePushBody } from '../sync/push-body.ts';
import { readScope } from '../sync/scope.ts';
import { pullStream } from '../sync/stream.ts';
import { createStreamLimit } from '../sync/stream-limit.ts';

export const MAX_PUSH_BYTES = 5 * MB;

function collectionOf(c: Context): CollectionName {
  const name = c.req.param('collection') ?? '';
  if (!isCollectionName(name)) throw notFound('unknown_collection', `Không có tập dữ liệu "${name.slice(0, 64)}"`);
  return name;
}

export function syncRoutes(deps: { store: SyncStore; bus: ChangeBus; log: Logger; tokens: AccessTokens }) {
  const { store, bus, log, tokens } = deps;
  const app = new Hono<AuthEnv>();
  const streams = createStreamLimit();

  app.get('/:collection/pull', async (c) => {
    const collection = collectionOf(c);
    const checkpoint = parseCheckpoint(c.req.query('checkpoint'));
    const limit = parseLimit(c.req.query('limit'));
    const scope = await readScope(store, c.get('user'), collection);
    return c.json(await pullDocuments(store, collection, scope, checkpoint, limit, c.get('user')));
  });

  app.get('/:collection/pull/stream', async (c) => {
    const collection = collectionOf(c);
    const scope = await readScope(store, c.get('user'), collection);
    const token = bearerToken(c.req.header('Authorization')) ?? '';
    const stillValid = () => tokens.check(token).then(() => true, () => false);
    const release = streams.acquire(c.get('user').id, c.req.header('X-Device-Id') ?? null);
    return pullStream(c, { store, bus, log, collection, scope, reader: c.get('user'), stillValid, onClose: release });
  });

  app.post('/:collection/push', limitBody(MAX_PUSH_BYTES), async (c) => {
    const collection = collectionOf(c);
    const rows = parsePushBody(await readJson(c));
    const conflicts = await applyPush({ store, bus, user: c.get('user'), collection, deviceId: c.req.header('X-Device-Id') ?? null }, rows);
    log.debug('push', { collection, rows: rows.length, conflicts: conflicts.length, userId: c.get('user').id });
    return c.json(conflicts);
  });

  return app;
}
