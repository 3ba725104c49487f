/**
 * The chaos suite, short run (a long one: `npm run chaos`; CHAOS_RUNS, CHAOS_STEPS, CHAOS_SEED,
 * CHAOS_SERVER and CHAOS_UPPER size and shape it): a nation, two provinces and three communes, each a real server;
 * random people's actions on devices at every commune under partitions, dropped, duplicated,
 * delayed and reordered requests, cut links between the tiers, servers killed mid-push and a week
 * offline; then every invariant, at every tier.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseEmptyDataDir } from '../chaos/country.ts';
import { formatReport, runScenario, SHAPE } from '../chaos/scenario.ts';
import { stepsArbitrary } from '../chaos/operations.ts';

const RUNS = Number(process.env.CHAOS_RUNS ?? 1);
const STEPS = Number(process.env.CHAOS_STEPS ?? 24);
/** `child` runs the commune servers as processes killed with SIGKILL; `inproc` closes and starts them here. */
const COMMUNES = process.env.CHAOS_SERVER === 'inproc' ? 'inproc' : 'child';
/** The same for the provinces and the nation (`CHAOS_UPPER`; in this process unless `child`). */
const UPPER = process.env.CHAOS_UPPER === 'child' ? 'child' : 'inproc';

describe('chaos', () => {
  afterAll(releaseEmptyDataDir);

  it(`${RUNS} scenario(s) of up to ${STEPS} steps keep every invariant across the tiers`, async () => {
    await fc.assert(
      fc.asyncProperty(stepsArbitrary(SHAPE, STEPS), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (steps, seed) => {
        const report = await runScenario(steps, seed, { communeMode: COMMUNES, upperMode: UPPER });
        console.log(formatReport(report));
        expect(report.problems).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true, seed: process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : undefined },
    );
  }, RUNS * 180_000);
});
