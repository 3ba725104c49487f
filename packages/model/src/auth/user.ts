import type { Role } from '../schemas/event.schema.ts';

/** Who a signed-in person is, as the server's login answer and access token carry it. */
export interface SessionUser {
  id: string;
  /** Login name: an officer's username, or a citizen's CCCD number. */
  username: string;
  fullName: string;
  role: Exclude<Role, 'system'>;
  /** The officer's agency; null for citizens. */
  agencyId: string | null;
  /** The citizen's CCCD; null for officers. */
  cccd: string | null;
}

export const OFFICER_ROLES = ['receptionist', 'specialist', 'leader', 'admin'] as const;

export function isOfficer(user: Pick<SessionUser, 'role'>): boolean {
  return (OFFICER_ROLES as readonly string[]).includes(user.role);
}

/**
 * True for who receives dossiers and so issues their codes, offline from leased ranges: the
 * one-stop desk. Only they lease numbers, so no other device can use up a commune's daily sequence.
 */
export function issuesDossierCodes(user: Pick<SessionUser, 'role' | 'agencyId'>): boolean {
  return user.role === 'receptionist' && user.agencyId !== null;
}
