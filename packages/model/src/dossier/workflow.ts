/**
 * @module dossier/workflow — where a dossier stands in its procedure's workflow (quy trình) and the
 * queues each role works from. Pure: the caller passes the procedures and the clock.
 *
 * @remarks Steps are `procedure.workflow` in order (receptionist → specialist → leader → desk);
 * `dossier.stepIndex` is −1 before processing starts. "Sắp đến hạn" is a due date within
 * {@link SOON_WORKING_HOURS} working hours; overdue comes from {@link isOverdue}, so weekends and
 * holidays are never counted.
 */
import { VN_CALENDAR, workingMinutesBetween, type WorkingCalendar } from '../calendar/working-days.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Role } from '../schemas/event.schema.ts';
import type { Procedure, WorkflowStep } from '../schemas/procedure.schema.ts';
import { isOverdue } from './overdue.ts';
import { DossierStatus as S, isFinished, type DossierStatusCode } from './status.ts';

/** A dossier due within this many working hours is "sắp đến hạn". */
export const SOON_WORKING_HOURS = 8;

type Workflow = Procedure['workflow'];

/** The step the dossier is at, or null before processing (or past the last step). */
export function currentStep(dossier: Pick<Dossier, 'stepIndex'>, workflow: Workflow): WorkflowStep | null {
  return dossier.stepIndex >= 0 ? (workflow[dossier.stepIndex] ?? null) : null;
}

/** The index of the step after the current one, or null at the last step. */
export function nextStepIndex(dossier: Pick<Dossier, 'stepIndex'>, workflow: Workflow): number | null {
  const next = dossier.stepIndex + 1;
  return next < workflow.length ? next : null;
}

/**
 * Whose turn it is, by role: the current step's role while processing; the desk for a dossier to
 * receive, to start, whose supplement or withdrawal awaits, or whose result is to be handed over.
 */
export function roleOnTurn(dossier: Pick<Dossier, 'status' | 'stepIndex'>, workflow: Workflow): Role | null {
  switch (dossier.status as DossierStatusCode) {
    case S.Submitted:
    case S.Received:
    case S.WithdrawalRequested:
    case S.Resolved:
      return 'receptionist';
    case S.Processing:
      return currentStep(dossier, workflow)?.role ?? null;
    default:
      return null;
  }
}

/** The step name the public lookup and the citizen see ("Bước hiện tại"). */
export function stepName(dossier: Pick<Dossier, 'status' | 'stepIndex'>, workflow: Workflow): string {
  if (dossier.status === S.Processing || dossier.status === S.Resolved) {
    const step = currentStep(dossier, workflow);
    if (step) return step.name;
  }
  if (dossier.status === S.Submitted) return 'Chờ bộ phận một cửa tiếp nhận';
  if (dossier.status === S.Received) return workflow[0]?.name ?? 'Bộ phận một cửa tiếp nhận hồ sơ';
  if (dossier.status === S.SupplementRequested) return 'Chờ công dân bổ sung hồ sơ';
  if (dossier.status === S.AwaitingPayment) return 'Chờ thực hiện nghĩa vụ tài chính';
  if (dossier.status === S.WithdrawalRequested) return 'Chờ xác nhận rút hồ sơ';
  return 'Đã kết thúc';
}

export type QueueName = 'todo' | 'dueSoon' | 'overdue' | 'awaitingReturn';

/** The queue names in Vietnamese, in the order the screens show them. */
export const QUEUE_LABELS: Readonly<Record<QueueName, string>> = {
  todo: 'Hồ sơ cần xử lý',
  dueSoon: 'Hồ sơ sắp đến hạn',
  overdue: 'Hồ sơ quá hạn',
  awaitingReturn: 'Hồ sơ chờ trả kết quả',
};

export interface QueueInput {
  dossiers: readonly Dossier[];
  /** Procedures by id (their workflows). */
  procedures: ReadonlyMap<string, Pick<Procedure, 'workflow'>>;
  role: Role;
  now: Date;
  calendar?: WorkingCalendar;
}

/** True when the dossier is open and due within {@link SOON_WORKING_HOURS} working hours. */
export function isDueSoon(dossier: Pick<Dossier, 'status' | 'dueAt' | 'finishedAt'>, now: Date, cal: WorkingCalendar = VN_CALENDAR): boolean {
  if (dossier.dueAt === null || isFinished(dossier.status as DossierStatusCode) || isOverdue(dossier, now)) return false;
  if (dossier.status === S.Submitted || dossier.status === S.SupplementRequested || dossier.status === S.Draft) return false;
  return workingMinutesBetween(now, new Date(dossier.dueAt), cal) <= SOON_WORKING_HOURS * 60;
}

/**
 * Sorts an agency's dossiers into the four queues. "Cần xử lý" holds what waits for `role`; the
 * deadline queues hold every open dossier of the agency (a leader watches them all); "chờ trả kết
 * quả" holds results ready to hand over. Each queue is ordered by due date, earliest first.
 */
export function sortIntoQueues(input: QueueInput): Record<QueueName, Dossier[]> {
  const queues: Record<QueueName, Dossier[]> = { todo: [], dueSoon: [], overdue: [], awaitingReturn: [] };
  for (const d of input.dossiers) {
    const workflow = input.procedures.get(d.procedureId)?.workflow ?? [];
    const open = !isFinished(d.status as DossierStatusCode) && d.status !== S.Draft;
    if (roleOnTurn(d, workflow) === input.role && d.status !== S.Resolved) queues.todo.push(d);
    if (open && isOverdue(d, input.now)) queues.overdue.push(d);
    else if (isDueSoon(d, input.now, input.calendar)) queues.dueSoon.push(d);
    if (d.status === S.Resolved) queues.awaitingReturn.push(d);
  }
  const byDue = (a: Dossier, b: Dossier) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');
  for (const list of Object.values(queues)) list.sort(byDue);
  return queues;
}
