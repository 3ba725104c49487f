/**
 * The registry check a desk could not make at reception (no network), made later: which dossiers
 * an officer received on what the citizen's card said and has not yet checked against the national
 * population registry, and what the registry's answer records. Pure.
 *
 * @remarks The answer is kept in the append-only history as a `v1.IdentityChecked` event, whatever
 * it is; a match also marks the dossier's identity as checked against the registry. A dossier that
 * has such an event is not checked again.
 */
import { DossierEventType, type Dossier, type UnchainedEvent } from '@motcua/model';
import type { DossierStep } from '../dossier/makeDossierWriter.ts';
import type { PopulationReply } from './populationClient.ts';

/** How long after reception a queued check is still worth making. */
export const FOLLOW_UP_DAYS = 30;

const CARD_SOURCES: ReadonlySet<string> = new Set(['card_qr', 'card_visual']);

/** The registry's final answers (not "offline" or an error, which leave the check queued). */
export type RegistryAnswer = Extract<PopulationReply, { status: 'found' | 'mismatch' | 'not_found' }>;

/** Dossiers `officerName` received on the card alone and not yet checked, oldest first. */
export function awaitingRegistryCheck(dossiers: readonly Dossier[], checked: ReadonlySet<string>, officerName: string): Dossier[] {
  return dossiers
    .filter((d) => d.identityCheck && CARD_SOURCES.has(d.identityCheck.source) && d.identityCheck.by === officerName && !checked.has(d.id))
    .sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? ''));
}

const COMMENTS: Record<RegistryAnswer['status'], string> = {
  found: 'Đã đối chiếu với Cơ sở dữ liệu quốc gia về dân cư: thông tin khớp.',
  mismatch: 'Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư: họ tên hoặc ngày sinh không khớp với số CCCD. Cần kiểm tra lại giấy tờ của công dân.',
  not_found: 'Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư: không tìm thấy số CCCD. Cần kiểm tra lại giấy tờ của công dân.',
};

/**
 * The step that records the answer (see `DossierWriter.record`): its history event, and the dossier
 * to store when it changes (a match).
 */
export function recordRegistryAnswer(answer: RegistryAnswer): DossierStep {
  return (d, { actor, now, eventId, deviceId }) => {
    const event: UnchainedEvent = {
      id: eventId,
      dossierId: d.id,
      agencyId: d.agencyId,
      ownerCccd: d.ownerCccd,
      type: DossierEventType.IdentityChecked,
      fromStatus: d.status,
      toStatus: d.status,
      actor,
      deviceId,
      at: now.toISOString(),
      comment: COMMENTS[answer.status],
      data: { result: answer.status, source: answer.source, cardSource: d.identityCheck?.source ?? null },
    };
    if (answer.status !== 'found') return { dossier: null, event };
    const dossier: Dossier = {
      ...d,
      identityCheck: { source: 'population_registry', at: now.toISOString(), by: actor.name },
      updatedAt: Math.max(now.getTime(), d.updatedAt + 1),
      updatedBy: actor.userId,
    };
    return { dossier, event };
  };
}
