import { createHash } from 'node:crypto';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { dossierSchema } from '../schemas/dossier.schema.ts';
import { eventSchema } from '../schemas/event.schema.ts';
import type { Actor, DossierEvent } from '../schemas/event.schema.ts';
import { applyDossierAction, type DossierAction } from './actions.ts';
import { chainEvent } from './events.ts';
import { actors, ctx, draft } from './fixtures.test-helpers.ts';

const ajv = new Ajv({ allErrors: true });
ajv.addVocabulary(['version', 'primaryKey', 'indexes']);
const validDossier = ajv.compile(dossierSchema);
const validEvent = ajv.compile(eventSchema);
const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('what the model produces fits the collection schemas', () => {
  it('drafts, reduced dossiers and chained events', async () => {
    let d = draft();
    expect(validDossier(d), ajv.errorsText(validDossier.errors)).toBe(true);
    const steps: [Actor, DossierAction][] = [
      [actors.citizen, { type: 'submit' }],
      [actors.receptionist, { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' }],
      [actors.receptionist, { type: 'requestSupplement', reason: 'Thiếu', items: ['Giấy chứng sinh'] }],
      [actors.citizen, { type: 'supplement', components: [{ id: 'giay-chung-sinh', fileIds: ['f1'] }] }],
      [actors.receptionist, { type: 'acceptSupplement' }],
      [actors.system, { type: 'startProcessing', stepIndex: 1 }],
      [actors.leader, { type: 'resolve' }],
      [actors.receptionist, { type: 'returnResult' }],
    ];
    let prev: DossierEvent | null = null;
    for (const [actor, action] of steps) {
      const r = applyDossierAction(d, action, ctx(actor));
      d = r.dossier;
      const ev = await chainEvent(r.event, prev, sha256Hex);
      prev = ev;
      expect(validDossier(d), `${action.type}: ${ajv.errorsText(validDossier.errors)}`).toBe(true);
      expect(validEvent(ev), `${action.type}: ${ajv.errorsText(validEvent.errors)}`).toBe(true);
    }
    expect(d.status).toBe(10);
  });
});
