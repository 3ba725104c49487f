/**
 * Formatters for what the screens show: dates in Vietnam time as dd/mm/yyyy, money in đồng,
 * file sizes, procedure time limits. Pure and independent of the host's time zone and locale.
 */
import type { Procedure } from '@motcua/model';

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function vnParts(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + VN_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy` in Vietnam time; an empty value gives "—". */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = vnParts(value);
  if (!d) return '—';
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `dd/mm/yyyy HH:mm` in Vietnam time. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = vnParts(value);
  if (!d) return '—';
  return `${formatDate(value)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Groups thousands with dots, the Vietnamese way: 200000 → "200.000". */
export function groupThousands(n: number): string {
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (n < 0 ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** 8000 → "8.000 đ"; 0 → "Miễn phí". */
export function formatMoney(amount: number): string {
  return amount === 0 ? 'Miễn phí' : `${groupThousands(amount)} đ`;
}

/** 1536 → "1,5 KB", with a decimal comma. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded.replace('.', ',')} ${units[unit]}`;
}

/** "Trong ngày", "3 ngày làm việc", "4 giờ làm việc". */
export function formatTimeLimit(limit: Procedure['timeLimit']): string {
  switch (limit.unit) {
    case 'same_day':
      return 'Trong ngày';
    case 'hours':
      return `${limit.value} giờ làm việc`;
    default:
      return `${limit.value} ngày làm việc`;
  }
}

/** Online service level: "Toàn trình" or "Một phần". */
export function formatLevel(level: Procedure['level']): string {
  return level === 'toan_trinh' ? 'Toàn trình' : 'Một phần';
}

/** What one fee line costs: "8.000 đ/bản", "Miễn phí". */
export function formatFee(fee: Procedure['fees'][number]): string {
  if (fee.amount === 0) return 'Miễn phí';
  const per = fee.per === 'copy' ? '/bản' : fee.per === 'page' ? '/trang' : '/hồ sơ';
  const channel = fee.channel === 'online' ? ' (nộp trực tuyến)' : fee.channel === 'direct' ? ' (nộp trực tiếp)' : '';
  return `${formatMoney(fee.amount)}${per}${channel}`;
}

/** "nam" → "Nam", "nu" → "Nữ". */
export function formatGender(gender: string | undefined): string {
  return gender === 'nam' ? 'Nam' : gender === 'nu' ? 'Nữ' : gender === 'khac' ? 'Khác' : '—';
}

/** `dd/mm/yyyy` → `yyyy-mm-dd`, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
