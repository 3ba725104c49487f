import { sha256Hex } from '@motcua/crypto';
import { loadContentEngine, newActorId } from '../../db/content-engine.ts';
import { browserDeviceChain } from '../../lib/deviceChain.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { makeDossierWriter, type DossierWriter } from './makeDossierWriter.ts';
import { makeRxDossierStore } from './makeRxDossierStore.ts';

/** The dossier writer of the signed-in person on this device. */
export function useDossierWriter(): DossierWriter {
  const { db, user } = useDatabase();
  return makeDossierWriter({
    store: makeRxDossierStore(db),
    chain: browserDeviceChain(),
    actor: { userId: user.id, name: user.fullName, role: user.role },
    ownerCccd: user.cccd,
    engine: loadContentEngine,
    sha256Hex: (text) => sha256Hex(text),
    newId,
    newActor: newActorId,
  });
}
