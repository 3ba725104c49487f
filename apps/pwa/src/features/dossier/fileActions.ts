import { readFile, type MotcuaDatabase } from '../../db/index.ts';

/**
 * Opens a dossier file in a new tab, or saves it, from the device (or the server when online).
 * Throws the db layer's `FileError` with a Vietnamese message when the bytes are not reachable.
 */
export async function openDossierFile(db: MotcuaDatabase, fileId: string, name: string, mode: 'open' | 'download'): Promise<void> {
  // Open the tab inside the click so popup blockers allow it, then point it at the bytes.
  const tab = mode === 'open' ? window.open('', '_blank') : null;
  try {
    const blob = await readFile(db, fileId);
    const url = URL.createObjectURL(blob);
    if (tab) {
      tab.location.href = url;
    } else {
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
