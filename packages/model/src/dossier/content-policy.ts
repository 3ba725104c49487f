/**
 * @module dossier/content-policy — which part of a dossier's declared content each role may edit at
 * each status: the one table the server enforces on every content change an action carries, and
 * that devices check before they record one.
 *
 * @remarks A content change is read as the paths it touches, diffed from the projection before and
 * after it: `applicant.phone`, `summary`, `notify.sms`, `components.*.fileIds` (every component by
 * its slot, whatever its id). Adding or removing a component slot (`components.*`) is no edit: the
 * slots are the procedure's. What identifies or routes a dossier (agency, procedure, channel,
 * status, code, dates, handler, fee, result, conflicts) is not content at all: only the reducer
 * writes it, from actions.
 */
import { canonicalJson } from '../canonical-json.ts';
import { ModelError } from '../errors.ts';
import type { Role } from '../schemas/event.schema.ts';
import { CONTENT_FIELDS, type DossierContent } from './content.ts';
import { DossierStatus as S, statusLabel, type DossierStatusCode } from './status.ts';

/** A content edit the policy does not allow (code `content_refused`). */
export class ContentPolicyError extends ModelError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('content_refused', message, details);
    this.name = 'ContentPolicyError';
  }
}

/** Paths of a component the applicant fills: which files, from the warehouse or not. */
const FILES = ['components.*.fileIds', 'components.*.warehouseDocId', 'components.*.reused'] as const;
const APPLICANT = [
  'applicant.cccd', 'applicant.fullName', 'applicant.birthDate', 'applicant.gender', 'applicant.phone', 'applicant.email',
  'applicant.address',
] as const;
const CHOICES = ['returnMethod', 'notify.sms', 'notify.email', 'notify.zalo'] as const;
/** Everything a desk officer may correct while receiving: the declared content and the papers taken. */
const INTAKE = [
  ...APPLICANT, 'summary', ...FILES, 'components.*.paperReceived', 'components.*.originals', 'components.*.copies', ...CHOICES,
] as const;

export type ContentPath = (typeof INTAKE)[number];

interface ContentRule {
  roles: readonly Role[];
  statuses: readonly DossierStatusCode[];
  paths: readonly ContentPath[];
}

/**
 * Who may edit what, at which status. A path not granted here for the role at the status is refused:
 * no one edits a finished dossier (3, 8, 10), a citizen edits their draft and, when asked for a
 * supplement, the files of its components.
 */
export const CONTENT_RULES: readonly ContentRule[] = [
  { roles: ['citizen'], statuses: [S.Draft], paths: [...APPLICANT, 'summary', ...FILES, ...CHOICES] },
  { roles: ['citizen'], statuses: [S.SupplementRequested], paths: FILES },
  { roles: ['receptionist'], statuses: [S.Draft, S.Submitted, S.Received, S.SupplementRequested], paths: INTAKE },
  { roles: ['receptionist'], statuses: [S.Processing, S.AwaitingPayment], paths: [...FILES, 'components.*.paperReceived', ...CHOICES] },
  { roles: ['receptionist'], statuses: [S.Resolved], paths: CHOICES },
  { roles: ['specialist', 'leader'], statuses: [S.Processing, S.AwaitingPayment], paths: FILES },
];

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths an edit from `before` to `after` touches, components by slot (`components.*.x`). */
export function changedContentPaths(before: DossierContent, after: DossierContent): string[] {
  const paths = new Set<string>();
  for (const key of CONTENT_FIELDS) {
    if (key === 'components') continue;
    const a: unknown = before[key];
    const b: unknown = after[key];
    if (same(a, b)) continue;
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!same(a[k], b[k])) paths.add(`${key}.${k}`);
    } else {
      paths.add(key);
    }
  }
  const old = new Map(before.components.map((c) => [c.id, c as Record<string, unknown>]));
  const ids = new Set(after.components.map((c) => c.id));
  if (before.components.some((c) => !ids.has(c.id)) || after.components.some((c) => !old.has(c.id))) paths.add('components.*');
  else if (!same(before.components.map((c) => c.id), after.components.map((c) => c.id))) paths.add('components.*');
  for (const c of after.components as Record<string, unknown>[]) {
    const prev = old.get(c.id as string);
    if (!prev) continue;
    for (const k of new Set([...Object.keys(prev), ...Object.keys(c)])) if (!same(prev[k], c[k])) paths.add(`components.*.${k}`);
  }
  return [...paths].sort();
}

/** The paths `role` may edit at `status`. */
export function editablePaths(role: Role, status: DossierStatusCode): ReadonlySet<string> {
  return new Set(CONTENT_RULES.filter((r) => r.roles.includes(role) && r.statuses.includes(status)).flatMap((r) => r.paths));
}

/**
 * Checks an edit of the declared content against {@link CONTENT_RULES}.
 * @throws ContentPolicyError naming the first path the role may not edit at this status.
 */
export function checkContentEdit(role: Role, status: DossierStatusCode, before: DossierContent, after: DossierContent): void {
  const allowed = editablePaths(role, status);
  const refused = changedContentPaths(before, after).find((p) => !allowed.has(p));
  if (refused === undefined) return;
  throw new ContentPolicyError(`Không được sửa "${refused}" của hồ sơ ở trạng thái «${statusLabel(status)}» với vai trò này.`, {
    path: refused,
    status,
    role,
  });
}
