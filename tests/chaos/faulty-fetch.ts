/**
 * A device's network link for the chaos suite: a `fetch` that can be cut (partition: every request
 * and open stream fails), and that otherwise drops requests before or after the server saw them,
 * sends them twice and delays them at random (so concurrent requests arrive out of order). It notes
 * the error code of every push the server refused (`refusals`), answer lost or not.
 */

export interface FaultCounts {
  dropped: number;
  lostAnswers: number;
  duplicated: number;
  delayed: number;
  refusedOffline: number;
}

export interface Link {
  readonly fetch: typeof fetch;
  readonly counts: FaultCounts;
  online: boolean;
  /** Random faults on (the link is up but flaky). */
  faulty: boolean;
  /** Push requests sent and not answered yet (to kill a server mid-push). */
  pushesInFlight(): number;
  /** How often the server refused a push, by its error code (`transition_refused`, `app_outdated`…). */
  readonly refusals: Record<string, number>;
  /** Cuts the link: open streams break and new requests fail until `heal()`. */
  cut(): void;
  heal(): void;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A link over the global fetch, with faults drawn from `random`. */
export function createLink(random: () => number): Link {
  const open = new Set<AbortController>();
  let pushes = 0;
  const counts: FaultCounts = { dropped: 0, lostAnswers: 0, duplicated: 0, delayed: 0, refusedOffline: 0 };
  const refusals: Record<string, number> = {};
  const offline = () => new TypeError('fetch failed (network partition)');
  /** Notes the code of a refused push (`{ error: { code } }`), read from a copy of the answer. */
  const note = (res: Response) => {
    if (res.ok) return;
    void res.clone().text().then((text) => {
      let code = `http_${res.status}`;
      try {
        const body = JSON.parse(text) as { error?: { code?: unknown } } | null;
        if (typeof body?.error?.code === 'string') code = body.error.code;
      } catch {
        // Not JSON: named by its status.
      }
      refusals[code] = (refusals[code] ?? 0) + 1;
    }, () => undefined);
  };

  const send = (input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> => {
    const controller = new AbortController();
    open.add(controller);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const push = String(input).includes('/push');
    if (push) pushes++;
    const answer = fetch(input, { ...init, signal });
    if (push) void answer.then(note, () => undefined);
    return answer.finally(() => {
      if (push) pushes--;
      // Streams stay registered while their body is read; they are few and cut() aborts them.
      if (!String(input).includes('/pull/stream')) open.delete(controller);
    });
  };

  const link: Link = {
    counts,
    refusals,
    online: true,
    faulty: true,
    pushesInFlight: () => pushes,
    cut() {
      link.online = false;
      for (const controller of open) controller.abort(offline());
      open.clear();
    },
    heal() {
      link.online = true;
    },
    async fetch(input, init) {
      if (!link.online) {
        counts.refusedOffline++;
        throw offline();
      }
      const stream = String(input).includes('/pull/stream');
      if (!link.faulty || stream) return send(input, init);
      const r = random();
      if (r < 0.06) {
        counts.dropped++;
        throw new TypeError('fetch failed (request dropped)');
      }
      if (r < 0.11) {
        counts.lostAnswers++;
        // The request reaches the server; whatever it answered, or its failure, is what gets lost.
        await send(input, init).then((res) => res.arrayBuffer()).catch(() => undefined);
        throw new TypeError('fetch failed (answer lost)');
      }
      if (r < 0.16) {
        counts.duplicated++;
        // The first copy's answer is dropped, as a retried request's would be.
        await send(input, init).then((res) => res.arrayBuffer()).catch(() => undefined);
        return send(input, init);
      }
      counts.delayed++;
      await sleep(Math.floor(random() * 60));
      if (!link.online) throw offline();
      return send(input, init);
    },
  } as Link;
  return link;
}
