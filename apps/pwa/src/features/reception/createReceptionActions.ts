/**
 * What the one-stop desk does to a dossier that arrived online: "Tiếp nhận hồ sơ" (with the
 * appointment date from the procedure's time limit), "Từ chối" (with a reason) and "Yêu cầu bổ
 * sung" (with a reason and the missing items), then "Nhận hồ sơ bổ sung" once the citizen has
 * supplied them. Each writes the dossier and a chained event.
 *
 * @remarks On reception the dossier takes the next code of this device's leased range (`codes`);
 * with none left it keeps a provisional code and the server assigns the final one when it syncs.
 */
import { computeDueDate, type Dossier, type DossierAction, type DossierEvent, type IssuedCode, type Procedure } from '@motcua/model';
import type { DossierWriter } from '../dossier/makeDossierWriter.ts';

/** Input the officer must fix before the action can run; the message names what is missing. */
export class ReceptionInputError extends Error {
  override readonly name = 'ReceptionInputError';
  constructor(
    readonly field: 'reason' | 'items' | 'procedure',
    message: string,
  ) {
    super(message);
  }
}

export interface ReceptionActionsOptions {
  writer: DossierWriter;
  getProcedure: (id: string) => Promise<Procedure | null>;
  getDossier: (id: string) => Promise<Dossier | null>;
  now?: () => Date;
  /** This device's leased codes (see `makeCodeBook.ts`); without it the server assigns every code. */
  codes?: { issue(at: Date): IssuedCode };
}

export interface ReceptionResult {
  dossier: Dossier;
  event: DossierEvent;
}

export interface ReceptionActions {
  receive(dossierId: string): Promise<ReceptionResult>;
  reject(dossierId: string, reason: string): Promise<ReceptionResult>;
  requestSupplement(dossierId: string, reason: string, items: string[]): Promise<ReceptionResult>;
  /** "Nhận hồ sơ bổ sung": back to where it was; a dossier never received gets its appointment date now. */
  acceptSupplement(dossierId: string): Promise<ReceptionResult>;
}

/** Splits a textarea of missing items, one per line, into a clean list. */
export function parseItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*\d.)]+\s*/, '').trim())
    .filter((line) => line.length > 0);
}

export function createReceptionActions(options: ReceptionActionsOptions): ReceptionActions {
  const now = options.now ?? (() => new Date());
  /** Receives with the device's next code: a leased one, else null plus a provisional code. */
  function receiveWithCode(
    dossierId: string,
    at: Date,
    build: (code: string | null) => Extract<DossierAction, { type: 'receive' | 'acceptSupplement' }>,
  ): Promise<ReceptionResult> {
    const issued = options.codes?.issue(at) ?? null;
    const action = build(issued?.kind === 'leased' ? issued.code : null);
    // The slip shows a provisional code until the server issues the final one.
    const provisional = issued?.kind === 'provisional' && action.type === 'receive' ? { provisionalCode: issued.provisionalCode } : {};
    return options.writer.apply(dossierId, { ...action, ...provisional });
  }
  return {
    async receive(dossierId) {
      const dossier = await options.getDossier(dossierId);
      const procedure = dossier ? await options.getProcedure(dossier.procedureId) : null;
      if (dossier && !procedure) {
        throw new ReceptionInputError('procedure', 'Chưa có thông tin thủ tục của hồ sơ này trên máy; vui lòng đồng bộ rồi thử lại.');
      }
      const at = now();
      const dueAt = procedure ? computeDueDate(at, procedure.timeLimit).toISOString() : at.toISOString();
      if (!dossier) return options.writer.apply(dossierId, { type: 'receive', code: null, dueAt });
      return receiveWithCode(dossierId, at, (code) => ({ type: 'receive', code, dueAt }));
    },

    async acceptSupplement(dossierId) {
      const dossier = await options.getDossier(dossierId);
      if (dossier && dossier.receivedAt === null) {
        const procedure = await options.getProcedure(dossier.procedureId);
        if (!procedure) {
          throw new ReceptionInputError('procedure', 'Chưa có thông tin thủ tục của hồ sơ này trên máy; vui lòng đồng bộ rồi thử lại.');
        }
        const at = now();
        const dueAt = computeDueDate(at, procedure.timeLimit).toISOString();
        return receiveWithCode(dossierId, at, (code) => ({ type: 'acceptSupplement', dueAt, code }));
      }
      return options.writer.apply(dossierId, { type: 'acceptSupplement' });
    },

    async reject(dossierId, reason) {
      const text = reason.trim();
      if (!text) throw new ReceptionInputError('reason', 'Vui lòng nhập lý do từ chối.');
      return options.writer.apply(dossierId, { type: 'reject', reason: text });
    },

    async requestSupplement(dossierId, reason, items) {
      const text = reason.trim();
      const list = items.map((i) => i.trim()).filter(Boolean);
      if (!text) throw new ReceptionInputError('reason', 'Vui lòng nhập lý do yêu cầu bổ sung.');
      if (list.length === 0) throw new ReceptionInputError('items', 'Vui lòng nhập ít nhất một giấy tờ cần bổ sung.');
      return options.writer.apply(dossierId, { type: 'requestSupplement', reason: text, items: list });
    },
  };
}
