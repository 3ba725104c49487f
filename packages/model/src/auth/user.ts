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
