/**
 * The chaos suite, short run (a long one: `npm run chaos`; CHAOS_RUNS, CHAOS_STEPS and CHAOS_SERVER
 * size and shape it):
 * random people's actions on several devices under partitions, dropped, duplicated, delayed and
 * reordered requests, server restarts on the same data and a week offline; then every invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReport, runScenario, DEVICE_USERS } from '../chaos/scenario.ts';
import { stepsArbitrary } from '../chaos/operations.ts';

const RUNS = Number(process.env.CHAOS_RUNS ?? 1);
const STEPS = Number(process.env.CHAOS_STEPS ?? 24);
/** `child` kills a server process with SIGKILL; `inproc` closes and starts it in this process. */
const SERVER = process.env.CHAOS_SERVER === 'inproc' ? 'inproc' : 'child';

describe('chaos', () => {
  it(`${RUNS} scenario(s) of up to ${STEPS} steps keep every invariant`, async () => {
    await fc.assert(
      fc.asyncProperty(stepsArbitrary(DEVICE_USERS.length, STEPS), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (steps, seed) => {
        const report = await runScenario(steps, seed, { server: SERVER });
        console.log(formatReport(report));
        expect(report.problems).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true, seed: process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : undefined },
    );
  }, RUNS * 120_000);
});
