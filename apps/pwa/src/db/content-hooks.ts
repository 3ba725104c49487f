/**
 * The one place where a local write of a dossier becomes an Automerge change: every insert and
 * save of the `dossiers` collection (submit, supplement, intake, components, warehouse reuse, any
 * screen) records the edited content fields as a change diffed from the previous version, and sets
 * `content` and the plain fields to match. Whatever `content` a screen passes is ignored.
 *
 * @remarks RxDB runs these hooks for the app's writes only; documents the replication pulls or the
 * conflict handler resolves are written as they come (the server and the merge made them).
 * @module
 */
import type { RxCollection } from 'rxdb';
import { keepsContent, writeDossierContent, type ContentEngine, type Dossier } from '@motcua/model';

export interface ContentHookOptions {
  /** Loads Automerge (lazily in the browser). */
  engine: () => Promise<ContentEngine>;
  /** This database's actor id (hex). */
  actor: string;
}

export function installContentHooks(dossiers: RxCollection<Dossier>, options: ContentHookOptions): void {
  dossiers.preInsert(async (data: Dossier) => {
    const am = await options.engine();
    // A new dossier is seeded; one that comes with a loadable content (a copy of a replica's) keeps it.
    let written: Dossier;
    try {
      written = writeDossierContent(am, typeof data.content === 'string' ? data : null, data, options.actor);
    } catch {
      written = writeDossierContent(am, null, data, options.actor);
    }
    Object.assign(data, written);
  }, false);
  dossiers.preSave(async (data: Dossier, previous: unknown) => {
    // Most saves move a status or set a date: no Automerge to load for those.
    if (keepsContent(previous as Dossier, data)) {
      data.content = (previous as Dossier).content;
      return;
    }
    const am = await options.engine();
    Object.assign(data, writeDossierContent(am, previous as Dossier, data, options.actor));
  }, false);
}
