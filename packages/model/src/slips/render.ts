/**
 * @module slips/render — picks the form in force on a date and fills its placeholders.
 */
import { ModelError } from '../errors.ts';
import { toVnClock } from '../calendar/vn-time.ts';
import { TT01_2018 } from './tt01-2018.ts';
import { TT03_2025 } from './tt03-2025.ts';
import type { RenderedSlip, SlipInput, SlipKind, SlipRow, SlipTemplate, SlipValues } from './types.ts';

/** Every known form of every circular, oldest first. */
export const SLIP_TEMPLATES: readonly SlipTemplate[] = [...TT01_2018, ...TT03_2025];

/** No form of this kind is in force on that date, or a placeholder has no value. */
export class SlipError extends ModelError {
  constructor(code: 'slip_no_template' | 'slip_missing_value', message: string) {
    super(code, message);
    this.name = 'SlipError';
  }
}

/**
 * The template of `kind` in force on `at` (Vietnam date).
 * @example selectSlipTemplate('receipt', new Date('2026-03-02')).circular // 'TT 03/2025/TT-VPCP'
 */
export function selectSlipTemplate(kind: SlipKind, at: Date, templates: readonly SlipTemplate[] = SLIP_TEMPLATES): SlipTemplate {
  const day = toVnClock(at).date;
  const found = templates
    .filter((t) => t.kind === kind && t.effectiveFrom <= day && (t.effectiveTo === null || day <= t.effectiveTo))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!found) throw new SlipError('slip_no_template', `Không có mẫu phiếu "${kind}" áp dụng cho ngày ${day}.`);
  return found;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Replaces `{name}` by `values[name]`; throws when a name has no value (a wording typo must not print). */
export function fillText(text: string, values: SlipValues): string {
  return text
    .replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new SlipError('slip_missing_value', `Thiếu giá trị "${name}" để in phiếu.`);
      return value;
    })
    .normalize('NFC');
}

function rowCells(rows: SlipRow[]): string[][] {
  return rows.map((row, i) => [String(i + 1), row.name, String(row.originals), String(row.copies)]);
}

/** Fills a template: the result holds only text, ready to be drawn. */
export function renderSlip(template: SlipTemplate, input: SlipInput): RenderedSlip {
  const v = input.values;
  const blocks: RenderedSlip['blocks'] = [];
  for (const block of template.blocks) {
    if (block.type === 'text') {
      if (block.requires?.some((name) => !v[name])) continue;
      blocks.push({ ...block, text: fillText(block.text, v) });
    } else if (block.type === 'table') {
      blocks.push({ type: 'table', columns: block.columns, rows: rowCells(block.source === 'components' ? input.components : input.items) });
    } else if (block.type === 'lookupQr') {
      blocks.push({ type: 'lookupQr', size: block.size, caption: fillText(block.caption, v), text: input.lookupText });
    } else {
      const fill = (box: typeof block.left) =>
        box && { title: fillText(box.title, v), note: fillText(box.note, v), name: box.name ? fillText(box.name, v) : '' };
      blocks.push({ type: 'signatures', left: fill(block.left), right: fill(block.right) });
    }
  }
  const header = template.header;
  return {
    template: { kind: template.kind, form: template.form, circular: template.circular, layout: template.layout },
    header: {
      left: [...header.left, { text: fillText(header.numberLine, v) }].map((l) => ({ ...l, text: fillText(l.text, v) })),
      right: [...header.right, { text: fillText(header.placeDateLine, v) }].map((l) => ({ ...l, text: fillText(l.text, v) })),
    },
    title: template.title.map((t) => fillText(t, v)),
    blocks,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "09 giờ 30 phút, ngày 24 tháng 11 năm 2026" in Vietnam time. */
export function formatSlipDateTime(at: Date): string {
  const clock = toVnClock(at);
  const minute = Math.floor(clock.minute);
  return `${pad(Math.floor(minute / 60))} giờ ${pad(minute % 60)} phút, ${formatSlipDate(at)}`;
}

/** "ngày 24 tháng 11 năm 2026" in Vietnam time. */
export function formatSlipDate(at: Date): string {
  const [y, m, d] = toVnClock(at).date.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}
