import type { Dossier, DossierEvent } from '@motcua/model';
import type { MotcuaDatabase } from '../../db/index.ts';
import type { DossierStore } from './makeDossierWriter.ts';

/** The dossier store over the local RxDB database. */
export function makeRxDossierStore(db: MotcuaDatabase): DossierStore {
  return {
    async getDossier(id) {
      const doc = await db.dossiers.findOne(id).exec();
      return doc ? (doc.toMutableJSON() as Dossier) : null;
    },
    async putDossier(dossier) {
      await db.dossiers.incrementalUpsert(dossier);
    },
    async addEvent(event: DossierEvent) {
      await db.events.insert(event);
    },
  };
}
