/**
 * @module slips — the one-stop slips (Mẫu 01–04) as versioned data, and the pure code that fills them.
 */
export type {
  RenderedSlip, SlipBlock, SlipInput, SlipKind, SlipLayout, SlipRow, SlipTemplate, SlipValues,
} from './types.ts';
export { A4_LAYOUT, TT01_2018 } from './tt01-2018.ts';
export { TT03_2025 } from './tt03-2025.ts';
export { SLIP_TEMPLATES, SlipError, fillText, formatSlipDate, formatSlipDateTime, renderSlip, selectSlipTemplate } from './render.ts';
export { dossierSlipInput, formatTimeLimit, formatVnd } from './values.ts';
export type { DossierSlipContext } from './values.ts';
