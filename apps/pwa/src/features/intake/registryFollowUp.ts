/**
 * The registry check a desk could not make at reception (no network), made later: which dossiers
 * an officer received on what the citizen's card said and has not yet checked against the national
 * population registry, and what the registry's answer records. Pure.
 *
 * @remarks The answer is kept in the append-only history as a `v1.IdentityChecked` event, whatever
 * it is; a match also marks the dossier's identity as checked against the registry. A dossier that
 * has such an event is not checked again.
 */
import type { Dossier, DossierAction } from '@motcua/model';
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
 * The action that records the answer: a `checkIdentity` with the registry's result, kept in the
 * history whatever it is; a match marks the identity as checked by the registry.
 */
export function registryAction(answer: RegistryAnswer): DossierAction {
  return {
    type: 'checkIdentity', source: 'population_registry', result: answer.status, registry: answer.source, comment: COMMENTS[answer.status],
  };
}
