/**
 * @module procedures/fees — what a dossier costs under a procedure's fee list.
 *
 * @remarks The procedure schema holds flat fees (per case, copy or page, by channel). Tiered page
 * fees such as certified copies (2,000 đ for each of the first two pages, 1,000 đ from the third,
 * at most 200,000 đ per copy — TT 226/2016/TT-BTC) cannot be written in it, so they live in
 * {@link PAGE_FEE_TIERS}, keyed by national procedure code.
 */
import type { Procedure, ProcedureFee } from '../schemas/procedure.schema.ts';

/** How the dossier is filed: online, or in person / by post (both count as direct). */
export type FeeChannel = 'online' | 'direct';

export interface FeeRequest {
  channel: FeeChannel;
  /** Number of copies asked for (bản sao, trích lục); default 1. */
  copies?: number;
  /** Pages of the document, per copy; default 1. */
  pages?: number;
}

export interface FeeLine {
  name: string;
  kind: ProcedureFee['kind'];
  amount: number;
}

export interface PageFeeTier {
  /** Pages charged at the fee's own amount. */
  fullRatePages: number;
  /** Amount per page after those. */
  laterPageAmount: number;
  /** Cap per copy. */
  maxPerCopy: number;
}

/** Tiered page fees the schema cannot express, by national procedure code. */
export const PAGE_FEE_TIERS: Readonly<Record<string, PageFeeTier>> = {
  '2.000815': { fullRatePages: 2, laterPageAmount: 1000, maxPerCopy: 200_000 },
};

function count(n: number | undefined, what: string): number {
  const v = n ?? 1;
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`Số ${what} không hợp lệ: ${String(n)}.`);
  return v;
}

function appliesTo(fee: ProcedureFee, channel: FeeChannel): boolean {
  return fee.channel === 'any' || fee.channel === channel;
}

/** The fee lines that apply to a request, each with its computed amount (VND). */
export function computeFeeLines(
  procedure: Pick<Procedure, 'nationalCode' | 'fees'>,
  request: FeeRequest,
): FeeLine[] {
  const copies = count(request.copies, 'bản');
  const pages = count(request.pages, 'trang');
  const tier = PAGE_FEE_TIERS[procedure.nationalCode];
  return procedure.fees
    .filter((fee) => appliesTo(fee, request.channel))
    .map((fee) => {
      let amount = fee.amount;
      if (fee.per === 'copy') amount = fee.amount * copies;
      if (fee.per === 'page') {
        const perCopy = tier
          ? Math.min(
              tier.maxPerCopy,
              Math.min(pages, tier.fullRatePages) * fee.amount + Math.max(0, pages - tier.fullRatePages) * tier.laterPageAmount,
            )
          : pages * fee.amount;
        amount = perCopy * copies;
      }
      return { name: fee.name, kind: fee.kind, amount };
    });
}

/**
 * Total fee in VND for a request.
 * @example computeFee(chungThucBanSao, { channel: 'direct', copies: 2, pages: 4 }) // 2 × (2×2000 + 2×1000) = 12000
 */
export function computeFee(procedure: Pick<Procedure, 'nationalCode' | 'fees'>, request: FeeRequest): number {
  return computeFeeLines(procedure, request).reduce((sum, line) => sum + line.amount, 0);
}

/** The fee channel of a dossier's `channel` (1 trực tiếp, 2 trực tuyến, 3 bưu chính). */
export function feeChannelOf(dossierChannel: 1 | 2 | 3): FeeChannel {
  return dossierChannel === 2 ? 'online' : 'direct';
}
