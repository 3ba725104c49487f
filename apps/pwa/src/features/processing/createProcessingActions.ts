/**
 * What officers do to a dossier after reception, step by step through the procedure's workflow:
 * "Chuyển bước" with a processing opinion and attachments, "Trả lại bước trước", "Dừng xử lý",
 * the result (the specialist uploads it, the leader approves it, the desk returns it), the desk's
 * confirmation of a withdrawal, and the apology with a new appointment date. Each writes the
 * dossier and a chained event through the dossier writer, so it works offline.
 */
import { fromVnClock, nextStepIndex, type Dossier, type DossierEvent, type Procedure } from '@motcua/model';
import type { DossierWriter } from '../dossier/makeDossierWriter.ts';

/** Input the officer must fix; `field` names the input to show the message beside. */
export class ProcessingInputError extends Error {
  override readonly name = 'ProcessingInputError';
  constructor(
    readonly field: 'opinion' | 'reason' | 'files' | 'date' | 'step' | 'procedure' | 'name',
    message: string,
  ) {
    super(message);
  }
}

export type ReturnMethod = Dossier['returnMethod'];

export interface ProcessingActionsOptions {
  writer: DossierWriter;
  getDossier: (id: string) => Promise<Dossier | null>;
  getProcedure: (id: string) => Promise<Procedure | null>;
  /** Keeps picked files on the device (and queues their upload); returns their `files` ids. */
  saveFiles: (dossier: Dossier, files: readonly File[]) => Promise<string[]>;
  /** Signs the result files with the approver's key on this device; returns the signed copies' ids. */
  signResult?: (dossier: Dossier) => Promise<string[]>;
}

export interface ProcessingResult {
  dossier: Dossier;
  event: DossierEvent;
}

export interface ProcessingActions {
  /** "Chuyển bước": to the next step; from "Được tiếp nhận" this starts processing. */
  forward(dossierId: string, opinion: string, files: readonly File[]): Promise<ProcessingResult>;
  /** "Trả lại bước trước": to an earlier step, with the reason. */
  back(dossierId: string, stepIndex: number, reason: string, files: readonly File[]): Promise<ProcessingResult>;
  stop(dossierId: string, reason: string): Promise<ProcessingResult>;
  attachResult(dossierId: string, input: { name: string; number: string; files: readonly File[] }): Promise<ProcessingResult>;
  /** The leader approves and signs the result: "Đã xử lý xong", on to the desk's return step. */
  approve(dossierId: string, opinion: string): Promise<ProcessingResult>;
  returnResult(dossierId: string, method: ReturnMethod): Promise<ProcessingResult>;
  confirmWithdrawal(dossierId: string, opinion: string): Promise<ProcessingResult>;
  /** The apology slip's data: a reason and a new date (`YYYY-MM-DD`, due at 17:00 that day). */
  apologize(dossierId: string, reason: string, newDate: string): Promise<ProcessingResult>;
}

const comment = (text: string) => (text.trim() ? { comment: text.trim() } : {});

export function createProcessingActions(options: ProcessingActionsOptions): ProcessingActions {
  async function load(id: string): Promise<{ dossier: Dossier; procedure: Procedure }> {
    const dossier = await options.getDossier(id);
    const procedure = dossier ? await options.getProcedure(dossier.procedureId) : null;
    if (!dossier || !procedure) {
      throw new ProcessingInputError('procedure', 'Chưa có hồ sơ hoặc thủ tục này trên máy; vui lòng đồng bộ rồi thử lại.');
    }
    return { dossier, procedure };
  }
  const files = async (dossier: Dossier, list: readonly File[]) => (list.length > 0 ? options.saveFiles(dossier, list) : []);

  return {
    async forward(id, opinion, picked) {
      const { dossier, procedure } = await load(id);
      if (!opinion.trim()) throw new ProcessingInputError('opinion', 'Vui lòng nhập ý kiến xử lý.');
      const next = nextStepIndex(dossier, procedure.workflow) ?? (dossier.stepIndex < 0 ? 0 : null);
      if (next === null) throw new ProcessingInputError('step', 'Hồ sơ đang ở bước cuối của quy trình.');
      const fileIds = await files(dossier, picked);
      const type = dossier.status === 2 ? 'startProcessing' : 'moveStep';
      // Reception is the workflow's first step: sending a received dossier on starts at the second.
      const stepIndex = type === 'startProcessing' ? Math.min(1, procedure.workflow.length - 1) : next;
      return options.writer.apply(id, { type, stepIndex, fileIds, ...comment(opinion) });
    },

    async back(id, stepIndex, reason, picked) {
      const { dossier } = await load(id);
      if (!(stepIndex >= 0 && stepIndex < dossier.stepIndex)) throw new ProcessingInputError('step', 'Vui lòng chọn bước trước để trả lại.');
      if (!reason.trim()) throw new ProcessingInputError('reason', 'Vui lòng nhập lý do trả lại.');
      const fileIds = await files(dossier, picked);
      return options.writer.apply(id, { type: 'returnStep', stepIndex, reason: reason.trim(), fileIds });
    },

    async stop(id, reason) {
      if (!reason.trim()) throw new ProcessingInputError('reason', 'Vui lòng nhập lý do dừng xử lý.');
      return options.writer.apply(id, { type: 'stop', reason: reason.trim() });
    },

    async attachResult(id, input) {
      const { dossier } = await load(id);
      if (!input.name.trim()) throw new ProcessingInputError('name', 'Vui lòng nhập tên kết quả giải quyết.');
      if (input.files.length === 0) throw new ProcessingInputError('files', 'Vui lòng chọn tệp kết quả (PDF, JPEG hoặc PNG).');
      const fileIds = await files(dossier, input.files);
      return options.writer.apply(id, { type: 'attachResult', name: input.name.trim(), number: input.number.trim(), fileIds });
    },

    async approve(id, opinion) {
      const { dossier, procedure } = await load(id);
      if (!dossier.result || dossier.result.fileIds.length === 0) {
        throw new ProcessingInputError('files', 'Chưa có tệp kết quả: chuyên viên cần tải lên kết quả trước khi phê duyệt.');
      }
      const last = procedure.workflow.length - 1;
      const signedFileIds = options.signResult ? await options.signResult(dossier) : undefined;
      return options.writer.apply(id, { type: 'resolve', stepIndex: Math.max(dossier.stepIndex, last), signedFileIds, ...comment(opinion) });
    },

    returnResult: (id, method) => options.writer.apply(id, { type: 'returnResult', method }),

    confirmWithdrawal: (id, opinion) => options.writer.apply(id, { type: 'confirmWithdrawal', ...comment(opinion) }),

    async apologize(id, reason, newDate) {
      if (!reason.trim()) throw new ProcessingInputError('reason', 'Vui lòng nhập lý do xin lỗi.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) throw new ProcessingInputError('date', 'Vui lòng chọn ngày hẹn trả mới.');
      const newDueAt = fromVnClock(newDate, 17 * 60).toISOString();
      try {
        return await options.writer.apply(id, { type: 'apologize', reason: reason.trim(), newDueAt });
      } catch (e) {
        if (e instanceof Error && (e as { code?: string }).code === 'invalid_action') throw new ProcessingInputError('date', e.message);
        throw e;
      }
    },
  };
}
