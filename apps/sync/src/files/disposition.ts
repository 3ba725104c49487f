/**
 * A Content-Disposition header that is safe whatever the uploader named the file: an ASCII
 * fallback plus the exact UTF-8 name (RFC 6266 / RFC 5987).
 */
export function contentDisposition(name: string, kind: 'inline' | 'attachment' = 'inline'): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .slice(0, 150) || 'tep';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The client's `X-File-Name` (encodeURIComponent of the name), cleaned; a default when absent or bad. */
export function fileNameFromHeader(header: string | undefined): string {
  let name = 'tep';
  if (header) {
    try {
      name = decodeURIComponent(header);
    } catch {
      name = header;
    }
  }
  // eslint-disable-next-line no-control-regex -- control characters are what a file name may not hold
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 255);
  return cleaned || 'tep';
}
