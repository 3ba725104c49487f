import { sha256Hex } from '@motcua/crypto';
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
    sha256Hex: (text) => sha256Hex(text),
    newId,
  });
}
