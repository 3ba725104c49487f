/**
 * Connects the workflow buttons to the local database: which actions the signed-in officer may take
 * on this dossier now (their role's step, the state machine), and running them with the files saved
 * on the device first.
 */
import { createSignal } from 'solid-js';
import { currentStep, nextStepIndex, type Dossier, type Procedure } from '@motcua/model';
import { availableActions } from './availableActions.ts';
import { saveLocalFile } from '../../db/index.ts';
import { formatDate } from '../../lib/format.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { signResultOnDevice } from './signResultOnDevice.ts';
import { createProcessingActions, ProcessingInputError, type ReturnMethod } from './createProcessingActions.ts';
import { ProcessingActionsView, type ProcessingKind, type ProcessingOutcome } from './ProcessingActionsView.tsx';

const FIELD_OF: Record<string, string> = { opinion: 'text', reason: 'text', files: 'files', date: 'date', step: 'step', name: 'name' };

export function ProcessingPanel(props: { dossier: Dossier; procedure: Procedure }) {
  const { db, user } = useDatabase();
  const actions = createProcessingActions({
    writer: useDossierWriter(),
    getDossier: async (id) => ((await db.dossiers.findOne(id).exec())?.toMutableJSON() as Dossier | undefined) ?? null,
    getProcedure: async (id) => ((await db.procedures.findOne(id).exec())?.toMutableJSON() as Procedure | undefined) ?? null,
    saveFiles: async (d, files) => {
      const ids: string[] = [];
      for (const file of files) {
        const meta = await saveLocalFile(db, file, { id: newId(), ownerCccd: d.ownerCccd, agencyId: d.agencyId, dossierId: d.id, uploadedBy: user.id });
        ids.push(meta.id);
      }
      return ids;
    },
    signResult: (d) => signResultOnDevice(db, d, user),
  });
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<ProcessingOutcome | null>(null);
  const workflow = () => props.procedure.workflow;

  async function onSubmit(kind: ProcessingKind, form: FormData): Promise<boolean> {
    const id = props.dossier.id;
    const text = String(form.get('text') ?? '');
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    const tasks: Record<ProcessingKind, () => Promise<{ dossier: Dossier }>> = {
      forward: () => actions.forward(id, text, files),
      back: () => actions.back(id, Number(form.get('step')), text, files),
      result: () => actions.attachResult(id, { name: String(form.get('name') ?? ''), number: String(form.get('number') ?? ''), files }),
      approve: () => actions.approve(id, text),
      return: () => actions.returnResult(id, String(form.get('method') ?? 'desk') as ReturnMethod),
      withdraw: () => actions.confirmWithdrawal(id, text),
      apology: () => actions.apologize(id, text, String(form.get('date') ?? '')),
      stop: () => actions.stop(id, text),
    };
    setBusy(true);
    setOutcome(null);
    try {
      const { dossier } = await tasks[kind]();
      const step = currentStep(dossier, workflow());
      const done: Record<ProcessingKind, string> = {
        forward: `Đã chuyển hồ sơ sang bước «${step?.name ?? ''}».`,
        back: `Đã trả hồ sơ về bước «${step?.name ?? ''}».`,
        result: 'Đã lưu kết quả giải quyết; tệp sẽ được gửi lên khi có mạng.',
        approve: 'Đã phê duyệt kết quả. Hồ sơ đã xử lý xong, chờ trả kết quả.',
        return: 'Đã trả kết quả cho công dân.',
        withdraw: 'Đã xác nhận rút hồ sơ.',
        apology: `Đã lưu phiếu xin lỗi, hẹn lại ngày trả kết quả: ${formatDate(dossier.apology?.newDueAt ?? null)}.`,
        stop: 'Đã dừng xử lý hồ sơ.',
      };
      setOutcome({ kind: 'ok', text: done[kind] });
      return true;
    } catch (e) {
      const field = e instanceof ProcessingInputError ? (FIELD_OF[e.field] ?? null) : null;
      setOutcome({ kind: 'error', field, text: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const next = () => nextStepIndex(props.dossier, workflow()) ?? 0;
  return (
    <ProcessingActionsView
      available={availableActions(props.dossier, workflow(), user.role)}
      nextStepName={props.dossier.status === 2 ? (workflow()[1]?.name ?? null) : (workflow()[next()]?.name ?? null)}
      earlierSteps={workflow().slice(0, Math.max(0, props.dossier.stepIndex)).map((s, index) => ({ index, name: s.name }))}
      resultName={props.dossier.result?.name ?? props.procedure.resultName}
      returnMethod={props.dossier.returnMethod}
      busy={busy()}
      outcome={outcome()}
      onSubmit={onSubmit}
    />
  );
}
