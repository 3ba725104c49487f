/**
 * An officer's view of one dossier: applicant, components and files, history, the desk's actions
 * "Tiếp nhận hồ sơ", "Từ chối" and "Yêu cầu bổ sung" where the state machine allows them, and the
 * workflow's actions, "Xem quy trình" and "Xem lịch sử cập nhật".
 */
import { A, useLocation, useParams } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { allowedTransitions, issuesDossierCodes, type Dossier, type Procedure } from '@motcua/model';
import { createQuery, toPlainOne } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { formatDate } from '../../lib/format.ts';
import { DossierDetailsView } from '../dossier/DossierDetailsView.tsx';
import { createDeskTools } from '../warehouse/createDeskTools.ts';
import { ResultWarehouseButton } from '../warehouse/ResultWarehouseButton.tsx';
import { createDossierData } from '../dossier/createDossierData.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { DossierOutcomeView } from '../dossier/DossierOutcomeView.tsx';
import { ProcessingPanel } from '../processing/ProcessingPanel.tsx';
import { WorkflowSections } from '../processing/WorkflowSections.tsx';
import { createReceptionActions, ReceptionInputError } from './createReceptionActions.ts';
import { ReceptionActionsView, type ActionOutcome } from './ReceptionActionsView.tsx';
import { SlipActions } from '../slips/SlipActions.tsx';
import { ConflictPanel } from '../conflicts/ConflictPanel.tsx';
import { codeBookFor } from './useCodeBook.ts';

export default function ReceptionDossierPage() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const { db, user, sync } = useDatabase();
  const data = createDossierData(() => params.id);
  const actions = createReceptionActions({
    writer: useDossierWriter(),
    getDossier: async (id) => ((await db.dossiers.findOne(id).exec())?.toMutableJSON() as Dossier | undefined) ?? null,
    getProcedure: async (id) => ((await db.procedures.findOne(id).exec())?.toMutableJSON() as Procedure | undefined) ?? null,
    codes: issuesDossierCodes(user) ? codeBookFor(user.id, sync) : undefined,
  });
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<ActionOutcome | null>(null);
  const fromLookup = () => location.pathname.startsWith('/tra-cuu');
  const fromQueues = () => location.pathname.startsWith('/xu-ly');
  const procedure = createQuery(
    () => {
      const id = data.dossier()?.procedureId;
      return id ? db.procedures.findOne(id).$ : null;
    },
    (doc) => toPlainOne<Procedure>(doc),
  );

  const deskTools = createDeskTools({ dossier: data.dossier, procedure, agencyName: data.agencyName });

  async function run(task: () => Promise<{ dossier: Dossier }>, done: (d: Dossier) => string) {
    setBusy(true);
    setOutcome(null);
    try {
      const { dossier } = await task();
      setOutcome({ kind: 'ok', text: done(dossier) });
      return true;
    } catch (e) {
      setOutcome({ kind: 'error', field: e instanceof ReceptionInputError ? e.field : null, text: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const allowed = (d: Dossier) => allowedTransitions(d.status as Parameters<typeof allowedTransitions>[0], user.role);

  return (
    <Show
      when={data.dossier()}
      fallback={<p role="status">{data.dossier() === undefined ? 'Đang tải…' : 'Không tìm thấy hồ sơ này trên máy.'}</p>}
    >
      {(d) => (
        <article aria-labelledby="dossier-title">
          <p class="breadcrumb">
            <Show when={fromLookup()} fallback={<A href={fromQueues() ? '/xu-ly' : '/tiep-nhan'}>{fromQueues() ? 'Hồ sơ cần xử lý' : 'Hồ sơ chờ tiếp nhận'}</A>}>
              <A href="/tra-cuu">Tra cứu hồ sơ</A>
            </Show>
          </p>
          <h1 id="dossier-title">
            {d().summary} — {d().applicant.fullName}
          </h1>
          <ReceptionActionsView
            components={d().components.map((c) => c.name)}
            canReceive={d().status !== 5 && allowed(d()).includes(2)}
            canAcceptSupplement={d().status === 5 && (allowed(d()).includes(2) || allowed(d()).includes(4))}
            canReject={allowed(d()).includes(3)}
            canRequestSupplement={allowed(d()).includes(5)}
            busy={busy()}
            outcome={outcome()}
            onReceive={() =>
              run(
                () => actions.receive(d().id),
                (next) => `Đã tiếp nhận hồ sơ. Ngày hẹn trả: ${formatDate(next.dueAt)}. Mã hồ sơ sẽ được cấp khi đồng bộ.`,
              )
            }
            onAcceptSupplement={() =>
              run(
                () => actions.acceptSupplement(d().id),
                (next) =>
                  `Đã nhận hồ sơ bổ sung. Ngày hẹn trả: ${formatDate(next.dueAt)}.${next.code ? '' : ' Mã hồ sơ sẽ được cấp khi đồng bộ.'}`,
              )
            }
            onReject={(reason) => run(() => actions.reject(d().id, reason), () => 'Đã từ chối tiếp nhận hồ sơ.')}
            onRequestSupplement={(reason, items) =>
              run(() => actions.requestSupplement(d().id, reason, items), () => 'Đã gửi yêu cầu bổ sung hồ sơ.')
            }
          />
          <SlipActions dossier={d()} />
          <ConflictPanel dossier={d()} />
          <Show when={procedure()}>{(p) => <ProcessingPanel dossier={d()} procedure={p()} />}</Show>
          <WorkflowSections dossier={d()} procedure={procedure() ?? null} events={data.events()} files={data.files()} onFile={data.onFile} />
          <DossierOutcomeView dossier={d()} files={data.files()} onFile={data.onFile} />
          <ResultWarehouseButton dossier={d()} procedure={procedure() ?? null} agencyName={data.agencyName()} />
          <DossierDetailsView
            dossier={d()}
            agencyName={data.agencyName()}
            files={data.files()}
            events={data.events()}
            fileError={data.fileError()}
            onFile={data.onFile}
            componentTools={d().status !== 0 ? deskTools : undefined}
          />
        </article>
      )}
    </Show>
  );
}
