/**
 * What a tier sends up compared with what its parent holds of it, on canonical JSON: one line per
 * document missing above, different above, or held above only. Both the live convergence check and
 * the final tier invariants read through it.
 */

/** Differences between `below` and `above` (id → canonical JSON), each line prefixed with `what`. */
export function holdingDifferences(what: string, below: Map<string, string>, above: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [id, json] of below) {
    const there = above.get(id);
    if (there === undefined) problems.push(`${what}: ${id} missing above`);
    else if (there !== json) problems.push(`${what}: ${id} differs above`);
  }
  for (const id of above.keys()) if (!below.has(id)) problems.push(`${what}: ${id} above only`);
  return problems;
}
