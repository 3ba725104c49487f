/**
 * Opens bytes in a new tab (or saves them) from a click: the tab opens inside the click so popup
 * blockers allow it, then points at the bytes once they are read.
 */
export async function openBlob(read: () => Promise<Blob>, name: string, mode: 'open' | 'download' = 'open'): Promise<void> {
  const tab = mode === 'open' ? window.open('', '_blank') : null;
  try {
    const url = URL.createObjectURL(await read());
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
