/**
 * @module dossier/draft — a new dossier, as a citizen (or the desk, for in-person intake) starts it.
 */
import { computeFee, feeChannelOf } from '../procedures/fees.ts';
import { DOSSIER_V1_FIELDS, type Applicant, type Dossier } from '../schemas/dossier.schema.ts';
import type { Procedure } from '../schemas/procedure.schema.ts';

export interface DraftInput {
  id: string;
  procedure: Procedure;
  applicant: Applicant;
  ownerCccd: string;
  agencyId: string;
  now: Date;
  userId: string;
  /** 1 trực tiếp, 2 trực tuyến (default), 3 bưu chính công ích. */
  channel?: 1 | 2 | 3;
  returnMethod?: Dossier['returnMethod'];
}

/**
 * A draft (status 0) with one empty component slot per procedure component, the procedure's version
 * pinned, and the base fee for one copy on the chosen channel.
 */
export function createDossierDraft(input: DraftInput): Dossier {
  const { procedure, now } = input;
  const channel = input.channel ?? 2;
  return {
    id: input.id,
    code: null,
    agencyId: input.agencyId,
    ownerCccd: input.ownerCccd,
    procedureId: procedure.id,
    procedureVersion: procedure.version,
    status: 0,
    channel,
    applicant: { ...input.applicant },
    summary: procedure.name,
    components: procedure.components.map((c) => ({
      id: c.id,
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      fileIds: [],
      warehouseDocId: null,
      reused: false,
      paperReceived: false,
    })),
    returnMethod: input.returnMethod ?? (channel === 2 ? 'online' : 'desk'),
    notify: { sms: true, email: false, zalo: false },
    fee: { amount: computeFee(procedure, { channel: feeChannelOf(channel) }), paid: 'none' },
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    decision: null,
    ...DOSSIER_V1_FIELDS,
    stepIndex: -1,
    assigneeId: null,
    conflicts: [],
    heads: [],
    createdAt: now.toISOString(),
    updatedAt: now.getTime(),
    updatedBy: input.userId,
  };
}
