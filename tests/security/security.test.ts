/**
 * The attack suite: every role against every route and collection, forged tokens, fuzzed and
 * hostile input, and the dossier write path attacked through actions, content changes and the
 * events around them. Ends with one summary line (routes × roles tried, attacks tried, breaches
 * found), then one line per breach.
 */
import { afterAll, beforeAll } from 'vitest';
import { accessSuite } from './access.suite.ts';
import { actionsSuite } from './actions.suite.ts';
import { contentSuite } from './content.suite.ts';
import { createSecurityContext, type SecurityContext } from './context.ts';
import { eventsSuite } from './events.suite.ts';
import { inputSuite } from './input.suite.ts';
import { protoKeysSuite } from './proto-keys.suite.ts';
import { breachLines, summaryLine } from './tally.ts';
import { tokensSuite } from './tokens.suite.ts';

let context: SecurityContext;
const ctx = () => context;

beforeAll(async () => {
  context = await createSecurityContext();
});
afterAll(async () => {
  process.stdout.write(`\n${summaryLine()}\n${breachLines()}`);
  await context?.t.close();
});

accessSuite(ctx);
actionsSuite(ctx);
contentSuite(ctx);
eventsSuite(ctx);
inputSuite(ctx);
protoKeysSuite(ctx);
// Last: it signs accounts out everywhere and revokes devices.
tokensSuite(ctx);
