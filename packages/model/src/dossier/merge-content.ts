/**
 * @module dossier/merge-content — the merge the server (on push) and the devices (in the conflict
 * handler) both run: {@link mergeDossier}'s rules for status and the rest, with the two content
 * documents merged by Automerge and the editable fields projected from the merged document.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import { containsContent, unionContent } from './content-bytes.ts';
import { projectContent, withContent, writeDossierContent, type ContentEngine } from './content.ts';
import { mergeDossier } from './merge.ts';

/**
 * Merges two versions of a dossier so that both sides' content edits survive. Symmetric, and
 * idempotent: merging the result with either side again returns the result.
 *
 * @remarks Versions written before content existed: when neither side has content, the earlier
 * rules of {@link mergeDossier} apply as they are (file ids united; content is seeded at the next
 * write). When one side lacks it, its edits are recorded over the content of `base` (seeded if need
 * be) by a derived actor, so they merge field by field; without `base` that side is seeded alone.
 *
 * @throws when a content cannot be loaded (not Automerge, or changes that contradict each other).
 * @example
 * const merged = mergeDossierContent(Automerge, master, fork, assumedMaster);
 */
export function mergeDossierContent(am: ContentEngine, master: Dossier, fork: Dossier, base?: Dossier | null): Dossier {
  if (typeof master.content !== 'string' && typeof fork.content !== 'string') return mergeDossier(master, fork, base);
  const lift = (d: Dossier) =>
    typeof d.content === 'string' || !base ? withContent(am, d) : writeDossierContent(am, base, d);
  const m = lift(master);
  const f = lift(fork);
  const merged = mergeDossier(m, f, base);
  if (merged.content !== undefined && containsContent(merged.content, m.content) && containsContent(merged.content, f.content)) return merged;
  const content = unionContent(m.content, f.content);
  return { ...merged, ...projectContent(am, content), content };
}
