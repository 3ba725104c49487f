import { readFile, type MotcuaDatabase } from '../../db/index.ts';
import { openBlob } from '../../lib/openBlob.ts';

/**
 * Opens a dossier file in a new tab, or saves it, from the device (or the server when online).
 * Throws the db layer's `FileError` with a Vietnamese message when the bytes are not reachable.
 */
export function openDossierFile(db: MotcuaDatabase, fileId: string, name: string, mode: 'open' | 'download'): Promise<void> {
  return openBlob(() => readFile(db, fileId), name, mode);
}
