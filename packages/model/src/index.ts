/**
 * @module @motcua/model — the Motcua domain: pure TypeScript, no I/O.
 */
export { collectionSchemas, collectionNames, deviceCollectionNames, isCollectionName } from './schemas/index.ts';
export type { CollectionName, DeviceCollectionName } from './schemas/index.ts';
export { agencySchema } from './schemas/agency.schema.ts';
export type { Agency } from './schemas/agency.schema.ts';
export { agenciesUnder } from './agencies/tree.ts';
export { agencyWriteRefusal, procedureWriteRefusal } from './policy/catalog-policy.ts';
export type { CatalogWriter } from './policy/catalog-policy.ts';
export { checkWriteFields, WRITE_POLICY, writeRuleOf } from './policy/write-policy.ts';
export type { DocumentCollection, WriteCondition, Writer, WriteRule } from './policy/write-policy.ts';
export { procedureSchema } from './schemas/procedure.schema.ts';
export type { Procedure, ProcedureComponent, ProcedureFee, WorkflowStep } from './schemas/procedure.schema.ts';
export { dossierSchema, DOSSIER_V1_FIELDS } from './schemas/dossier.schema.ts';
export type { Dossier, DossierComponent, Applicant } from './schemas/dossier.schema.ts';
export { eventSchema } from './schemas/event.schema.ts';
export type { DossierEvent, Actor, Role } from './schemas/event.schema.ts';
export { warehouseSchema } from './schemas/warehouse.schema.ts';
export type { WarehouseDocument } from './schemas/warehouse.schema.ts';
export { summarySchema } from './schemas/summary.schema.ts';
export type { DossierSummary } from './schemas/summary.schema.ts';
export { summarizeDossier } from './dossier/summary.ts';
export { fileSchema, MAX_FILE_BYTES } from './schemas/file.schema.ts';
export type { FileMeta } from './schemas/file.schema.ts';
export { OFFICER_ROLES, isOfficer, issuesDossierCodes } from './auth/user.ts';
export type { SessionUser } from './auth/user.ts';

export { ModelError, isModelError } from './errors.ts';
export { canonicalJson } from './canonical-json.ts';

export {
  DossierStatus, ALL_STATUSES, ACTIVE_STATUSES, statusLabel, isFinal, isFinished, isActive, isDossierStatus,
} from './dossier/status.ts';
export type { DossierStatusCode, DossierStatusName } from './dossier/status.ts';
export {
  TRANSITIONS, checkTransition, checkTransitionPath, transitionPath, allowedTransitions, findTransition, roleLabel,
} from './dossier/transitions.ts';
export type { TransitionRule, TransitionCheck } from './dossier/transitions.ts';
export {
  applyDossierAction, createDossierDraft, TransitionError, DossierActionError, targetStatus, actionLabel, isDossierActionType,
  canApply, refusalOf, ratingLabel,
} from './dossier/actions.ts';
export type { ActionContext, ComponentFiles, DossierAction, DossierActionType, DraftInput, RatingLevel } from './dossier/actions.ts';
export type { IdentitySource, RegistryResult, WireAction } from './dossier/action-types.ts';
export { applyAction, isRefusal } from './dossier/apply-action.ts';
export type { ApplyContext, Applied } from './dossier/apply-action.ts';
export { contextOf, headOf, holdsEvery, listRefusal, MAX_CONFLICTS, pendingActions, takeIn, withPending } from './dossier/action-log.ts';
export { dossierForCitizen, eventForCitizen } from './dossier/read-policy.ts';
export { CONTENT_RULES, changedContentPaths, checkContentEdit, ContentPolicyError, editablePaths } from './dossier/content-policy.ts';
export {
  currentStep, nextStepIndex, roleOnTurn, stepName, isDueSoon, sortIntoQueues, QUEUE_LABELS, SOON_WORKING_HOURS,
} from './dossier/workflow.ts';
export type { QueueName, QueueInput } from './dossier/workflow.ts';
export { DossierEventType, eventHashInput, chainEvent, verifyChain, groupByDevice } from './dossier/events.ts';
export type {
  DossierEventTypeName, UnchainedEvent, ChainHead, ChainCheck, ChainProblem, Sha256Hex,
} from './dossier/events.ts';
export { isOverdue, overdueBy } from './dossier/overdue.ts';
export {
  CONTENT_FIELDS, MAX_CONTENT_BYTES, contentChange, contentMismatch, contentOf, keepsContent, projectCompleteContent, projectContent, recordContentEdit, seedContent,
  withContent, writeDossierContent,
} from './dossier/content.ts';
export type { ContentEngine, DossierContent } from './dossier/content.ts';
export { ContentFormatError, contentChanges, joinChanges } from './dossier/content-bytes.ts';

export { formatDossierCode, parseDossierCode, validateDossierCode, DossierCodeError } from './codes/dossier-code.ts';
export type { DossierCodeParts, DossierCodeErrorCode } from './codes/dossier-code.ts';
export {
  addLease,
  emptyCodeState,
  issueCode,
  leaseDays,
  needsRefill,
  provisionalCode,
  remainingFor,
  vnDate,
  LEASE_DAYS,
  LEASE_LOW_WATER,
} from './codes/code-lease.ts';
export type { CodeLease, CodeRange, DeviceCodeState, IssuedCode } from './codes/code-lease.ts';
export {
  formatProcedureCode, parseProcedureCode, validateProcedureCode, ProcedureCodeError,
} from './codes/procedure-code.ts';
export type { ProcedureCodeParts, ProcedureCodeErrorCode } from './codes/procedure-code.ts';
export {
  formatAgencyCode, parseAgencyCode, validateAgencyCode, provinceAgencyCode, AgencyCodeError,
} from './codes/agency-code.ts';
export type { AgencyCodeParts, AgencyCodeErrorCode } from './codes/agency-code.ts';
export { parseCccd, validateCccd, assertCccd, formatCccd, CccdError } from './identity/cccd.ts';
export type { CccdInfo, CccdErrorCode } from './identity/cccd.ts';
export { CCCD_PROVINCES } from './identity/provinces.ts';

export {
  VN_CALENDAR, createCalendar, isWorkingDay, nextWorkingDay, addWorkingDays, addWorkingHours, addWorkingMinutes,
  computeDueDate, workingMinutesBetween, extendDueDate,
} from './calendar/working-days.ts';
export type { WorkingCalendar, CalendarOptions } from './calendar/working-days.ts';
export {
  HOLIDAYS, HOLIDAYS_2025, HOLIDAYS_2026, HOLIDAYS_2027, CULTURE_DAYS, HOLIDAY_YEARS,
} from './calendar/holidays.ts';
export type { HolidayEntry, HolidayKind } from './calendar/holidays.ts';
export { toVnClock, fromVnClock, addVnDays, isIsoDate } from './calendar/vn-time.ts';
export type { VnClock } from './calendar/vn-time.ts';

export { foldVietnamese, matchesQuery, queryWords } from './text/search.ts';

export { computeFee, computeFeeLines, feeChannelOf } from './procedures/fees.ts';
export type { FeeChannel, FeeLine, FeeRequest } from './procedures/fees.ts';
export { seedProcedures } from './procedures/index.ts';

export {
  isStillValid, validityText, acceptsDocument, documentsForComponent, findValidResult, rescanRefusal,
} from './warehouse/validity.ts';
export {
  WarehouseInputError, proposeWarehouseForm, checkWarehouseForm, buildWarehouseDocument, proposeResultForm, resultDocTypeCode,
} from './warehouse/build.ts';
export type { WarehouseForm } from './warehouse/build.ts';
export {
  toRate, inPeriod, dossiersOfPeriod, isDigitized, hasReusedComponent, digitizationRate, reuseRate,
} from './metrics/rates.ts';
export type { Period, Rate } from './metrics/rates.ts';

export { parseCccdQr, formatCccdQr, qrDateToIso, CccdQrError } from './identity/cccd-qr.ts';
export type { CccdQrData, CccdQrErrorCode } from './identity/cccd-qr.ts';
export type { PopulationPerson } from './identity/population-person.ts';
