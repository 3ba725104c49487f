/**
 * The link between two tiers for the chaos suite: an HTTP proxy in this process that the lower
 * tier's server uses as its `UPSTREAM_URL`, forwarding to the parent through a faulty `Link`. Cut,
 * it breaks every connection and refuses new ones (a partition between the tiers); up, it drops,
 * loses answers of, duplicates and delays requests like a device's link.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLink, type Link } from './faulty-fetch.ts';

export interface TierLink {
  /** "commune → province" and so on, for the report. */
  readonly name: string;
  /** What the lower tier calls. */
  readonly url: string;
  readonly link: Link;
  /** How many times the link was cut. */
  cuts: number;
  /** Partitions the tiers: open connections die, new ones are refused until `heal()`. */
  cut(): void;
  heal(): void;
  close(): Promise<void>;
}

/** Headers that describe one hop, or a body `fetch` has already decoded. */
const HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** The request body as text (the replication protocol speaks JSON). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** Starts a proxy to `target` (an origin) on a free port. */
export async function startTierLink(name: string, target: () => string, random: () => number): Promise<TierLink> {
  const link = createLink(random);
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !HOP.has(k) && typeof v === 'string')) as Record<string, string>;
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const answer = await link.fetch(`${target()}${req.url ?? '/'}`, { method: req.method, headers, body });
      const bytes = Buffer.from(await answer.arrayBuffer());
      const out = Object.fromEntries([...answer.headers].filter(([k]) => !HOP.has(k)));
      res.writeHead(answer.status, { ...out, 'content-length': String(bytes.length) });
      res.end(bytes);
    } catch {
      // The lower tier sees what a broken network looks like: the connection dies.
      req.socket.destroy();
    }
  };
  const server = createServer((req, res) => void forward(req, res));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tier: TierLink = {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    link,
    cuts: 0,
    cut() {
      tier.cuts++;
      link.cut();
      for (const socket of sockets) socket.destroy();
    },
    heal: () => link.heal(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return tier;
}
