/**
 * @module slips/types — the one-stop slips (phiếu) as data: a template is a page layout, a header,
 * a title and a list of blocks whose text holds `{placeholders}`. Rendering a slip fills the
 * placeholders ({@link renderSlip}); drawing it is the app's job and knows nothing of the wording.
 */

/** The slips the desk prints (domain.md §3 "Notices"). */
export type SlipKind = 'receipt' | 'supplement' | 'rejection' | 'apology';

/** Page geometry in PDF points (1 pt = 1/72 in) and font sizes. */
export interface SlipLayout {
  /** A4 portrait: 595.28 × 841.89. */
  pageWidth: number;
  pageHeight: number;
  margin: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
  titleSize: number;
  headerSize: number;
  lineGap: number;
}

/** A paragraph; `{name}` placeholders are replaced by the slip's values. */
export interface TextBlock {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Left indent in points. */
  indent?: number;
  /** Omit the paragraph when any of these values is empty. */
  requires?: string[];
}

/** A table of dossier components or of items to supply (TT | name | bản chính | bản sao). */
export interface TableBlock {
  type: 'table';
  source: 'components' | 'items';
  columns: Array<{ title: string; width: number; align?: 'left' | 'center' }>;
}

/** The QR code (and the code in text under it) a citizen scans to look the dossier up. */
export interface LookupQrBlock {
  type: 'lookupQr';
  size: number;
  caption: string;
}

export interface SignatureBox {
  title: string;
  note: string;
  /** Placeholder text printed under the signing space, e.g. `{officerName}`. */
  name?: string;
}

export interface SignaturesBlock {
  type: 'signatures';
  left: SignatureBox | null;
  right: SignatureBox | null;
}

export type SlipBlock = TextBlock | TableBlock | LookupQrBlock | SignaturesBlock;

/** One form of one circular. A new circular adds templates; the code stays. */
export interface SlipTemplate {
  kind: SlipKind;
  /** Form number in the circular's appendix: "01". */
  form: string;
  /** "TT 01/2018/TT-VPCP". */
  circular: string;
  /** First and last day (YYYY-MM-DD, inclusive; null = open) the form applies to. */
  effectiveFrom: string;
  effectiveTo: string | null;
  layout: SlipLayout;
  header: {
    /** Lines of the left column: parent agency, receiving body (bold), then the number. */
    left: Array<{ text: string; bold?: boolean }>;
    numberLine: string;
    right: Array<{ text: string; bold?: boolean }>;
    placeDateLine: string;
  };
  title: string[];
  blocks: SlipBlock[];
}

/** A component or item row of a slip's table. */
export interface SlipRow {
  name: string;
  originals: number;
  copies: number;
}

/** The facts a slip is filled with; everything is plain text already formatted for print. */
export interface SlipValues {
  [name: string]: string;
}

export interface SlipInput {
  values: SlipValues;
  components: SlipRow[];
  items: SlipRow[];
  /** The text the lookup QR encodes (a lookup URL or the code). */
  lookupText: string;
}

/** A template with its placeholders filled: what a PDF writer draws. */
export interface RenderedSlip {
  template: Pick<SlipTemplate, 'kind' | 'form' | 'circular' | 'layout'>;
  header: { left: Array<{ text: string; bold?: boolean }>; right: Array<{ text: string; bold?: boolean }> };
  title: string[];
  blocks: Array<
    | (TextBlock & { text: string })
    | { type: 'table'; columns: TableBlock['columns']; rows: string[][] }
    | { type: 'lookupQr'; size: number; caption: string; text: string }
    | { type: 'signatures'; left: SignatureBox | null; right: SignatureBox | null }
  >;
}
