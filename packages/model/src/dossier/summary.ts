/**
 * The summary a province sends the nation for each dossier (`schemas/summary.schema.ts`): a pure
 * projection, so the same dossier always gives the same summary at every pass.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { DossierSummary } from '../schemas/summary.schema.ts';

export function summarizeDossier(dossier: Dossier): DossierSummary {
  return {
    id: dossier.id,
    code: dossier.code,
    agencyId: dossier.agencyId,
    procedureId: dossier.procedureId,
    procedureVersion: dossier.procedureVersion,
    status: dossier.status,
    channel: dossier.channel,
    components: dossier.components.map((c) => ({ id: c.id, files: c.fileIds.length, reused: c.reused, paperReceived: c.paperReceived })),
    resultFiles: dossier.result ? dossier.result.fileIds.length : null,
    fee: { amount: dossier.fee.amount, paid: dossier.fee.paid },
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    finishedAt: dossier.finishedAt,
    returnedAt: dossier.returnedAt,
    apologyDueAt: dossier.apology?.newDueAt ?? null,
    decisionKind: dossier.decision?.kind ?? null,
    rating: dossier.rating?.level ?? null,
    updatedAt: dossier.updatedAt,
  };
}
