/**
 * @module text/search — accent-insensitive search for Vietnamese, so "dang ky khai sinh" finds
 * "Đăng ký khai sinh" and a citizen typing without diacritics still finds the procedure.
 */

/**
 * Folds Vietnamese text for comparison: strips tone and vowel marks, đ → d, lower case, runs of
 * whitespace collapsed.
 * @example foldVietnamese('Đăng ký KHAI SINH') // 'dang ky khai sinh'
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  const folded = foldVietnamese(query);
  return folded ? folded.split(' ') : [];
}

/**
 * True when every word of `query` appears in `text`, ignoring marks and case (in any order, as
 * parts of words too). A blank query matches everything.
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return queryWords(query).every((w) => haystack.includes(w));
}
