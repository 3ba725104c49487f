/**
 * @module dossier/action-input — the errors of the dossier reducer and the checks of an action's input.
 */
import { ModelError } from '../errors.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { ActionContext, ComponentFiles } from './action-types.ts';

/** The move is not allowed for this role from this status (code `transition_refused`). */
export class TransitionError extends ModelError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('transition_refused', message, details);
    this.name = 'TransitionError';
  }
}

/** The action itself is malformed: empty reason, bad date, unknown component (code `invalid_action`). */
export class DossierActionError extends ModelError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('invalid_action', message, details);
    this.name = 'DossierActionError';
  }
}

export const text = (value: unknown, what: string, max = 5000): string => {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw new DossierActionError(`Thiếu ${what}.`, { field: what });
  if (v.length > max) throw new DossierActionError(`${what} quá dài (tối đa ${max} ký tự).`, { field: what });
  return v;
};

export const isoInstant = (value: unknown, what: string): string => {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new DossierActionError(`${what} không phải ngày giờ hợp lệ: ${String(value)}.`, { field: what });
  return new Date(t).toISOString();
};

export const stepIndex = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 99) {
    throw new DossierActionError(`Bước xử lý không hợp lệ: ${String(value)}.`, { field: 'stepIndex' });
  }
  return value;
};

export const decision = (kind: NonNullable<Dossier['decision']>['kind'], reason: string, items: string[], ctx: ActionContext) => ({
  kind,
  reason,
  items,
  at: ctx.now.toISOString(),
  by: ctx.actor.name,
});

export function addFiles(components: Dossier['components'], updates: ComponentFiles[]): Dossier['components'] {
  for (const u of updates) {
    if (!components.some((c) => c.id === u.id)) {
      throw new DossierActionError(`Hồ sơ không có thành phần "${u.id}".`, { componentId: u.id });
    }
  }
  return components.map((c) => {
    const mine = updates.filter((u) => u.id === c.id);
    if (mine.length === 0) return c;
    const fileIds = [...new Set([...c.fileIds, ...mine.flatMap((u) => u.fileIds)])];
    const doc = mine.map((u) => u.warehouseDocId).find((d) => d !== undefined);
    return doc === undefined ? { ...c, fileIds } : { ...c, fileIds, warehouseDocId: doc, reused: doc !== null };
  });
}

