import { describe, expect, it } from 'vitest';
import * as model from './index.ts';
import * as procedures from './procedures/index.ts';

describe('public surface', () => {
  it('exports the names other packages rely on', () => {
    const names = [
      'DossierStatus', 'statusLabel', 'isFinal', 'checkTransition', 'allowedTransitions', 'applyDossierAction',
      'createDossierDraft', 'TransitionError', 'DossierEventType', 'eventHashInput', 'chainEvent', 'verifyChain',
      'isOverdue', 'applyAction', 'formatDossierCode', 'parseDossierCode', 'DossierCodeError', 'parseCccd',
      'validateCccd', 'CccdError', 'parseProcedureCode', 'formatProcedureCode', 'parseAgencyCode', 'formatAgencyCode',
      'addWorkingDays', 'computeDueDate', 'HOLIDAYS', 'foldVietnamese', 'matchesQuery', 'ModelError', 'computeFee',
      'seedProcedures', 'collectionSchemas', 'dossierSchema', 'isOfficer',
    ];
    for (const name of names) expect(model, name).toHaveProperty(name);
    expect(procedures.seedProcedures).toBe(model.seedProcedures);
    expect(procedures).toHaveProperty('computeFee');
  });
});
