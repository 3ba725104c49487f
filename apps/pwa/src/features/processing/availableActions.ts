/**
 * Which workflow buttons an officer gets on a dossier: only at their role's step, and only the
 * moves the state machine allows them.
 */
import { canApply, currentStep, nextStepIndex, type Dossier, type Procedure, type Role } from '@motcua/model';
import type { ProcessingKind } from './ProcessingActionsView.tsx';

/** The workflow actions `role` may take on `dossier` now. */
export function availableActions(dossier: Dossier, workflow: Procedure['workflow'], role: Role): Record<ProcessingKind, boolean> {
  const step = currentStep(dossier, workflow);
  const mine = dossier.status === 4 && step?.role === role;
  const next = nextStepIndex(dossier, workflow);
  // The last step (the desk hands the result over) is reached by the leader's approval, not by "Chuyển bước".
  const nextIsReturn = next !== null && next === workflow.length - 1 && workflow[next]?.role === 'receptionist';
  return {
    forward: (dossier.status === 2 && canApply(dossier, 'startProcessing', role)) || (mine && next !== null && !nextIsReturn && canApply(dossier, 'moveStep', role)),
    back: mine && dossier.stepIndex > 0 && canApply(dossier, 'returnStep', role),
    result: mine && canApply(dossier, 'attachResult', role),
    approve: mine && canApply(dossier, 'resolve', role),
    return: canApply(dossier, 'returnResult', role),
    withdraw: canApply(dossier, 'confirmWithdrawal', role),
    apology: canApply(dossier, 'apologize', role) && (dossier.status !== 4 || mine),
    stop: mine && canApply(dossier, 'stop', role),
  };
}
