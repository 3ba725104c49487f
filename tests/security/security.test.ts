/**
 * The attack suite: every role against every route and collection, forged tokens, fuzzed and
 * hostile input. Ends with one summary line: routes × roles tried, attacks tried, breaches found.
 */
import { afterAll, beforeAll } from 'vitest';
import { accessSuite } from './access.suite.ts';
import { createSecurityContext, type SecurityContext } from './context.ts';
import { inputSuite } from './input.suite.ts';
import { summaryLine } from './tally.ts';
import { tokensSuite } from './tokens.suite.ts';

let context: SecurityContext;
const ctx = () => context;

beforeAll(async () => {
  context = await createSecurityContext();
});
afterAll(async () => {
  process.stdout.write(`\n${summaryLine()}\n`);
  await context?.t.close();
});

accessSuite(ctx);
tokensSuite(ctx);
inputSuite(ctx);
