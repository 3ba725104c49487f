/**
 * "Nộp hồ sơ": the citizen fills the applicant, picks the commune, uploads a file per component,
 * and either saves a draft ("Lưu nháp", kept on the device) or submits. Both work offline.
 */
import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Match, Switch, createComputed, createResource, createSignal, untrack } from 'solid-js';
import { createTaskRunner } from '../../lib/createTaskRunner.ts';
import { createStore, reconcile } from 'solid-js/store';
import { createDossierDraft, type Agency, type Applicant, type Dossier, type FileMeta, type Procedure, type WarehouseDocument } from '@motcua/model';
import { saveLocalFile } from '../../db/index.ts';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { agenciesFor } from '../catalog/filterProcedures.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { applyForm, formFromDossier, initialForm, validateForm, type DraftForm, type FormProblem } from './draftForm.ts';
import { SubmitView } from './SubmitView.tsx';
import { CitizenComponentSources } from '../warehouse/CitizenComponentSources.tsx';
import { markReused, reuseWarehouseFile } from '../warehouse/reuseDocument.ts';

interface Loaded {
  procedure: Procedure | null;
  draft: Dossier | null;
  form: DraftForm | null;
}

export default function SubmitPage() {
  const params = useParams<{ procedureId: string }>();
  const [search, setSearch] = useSearchParams<{ nhap?: string }>();
  const navigate = useNavigate();
  const { db, user } = useDatabase();
  const writer = useDossierWriter();
  const draftId = untrack(() => search.nhap) ?? newId();

  const [form, setForm] = createStore<DraftForm>({ applicant: {} as Applicant, agencyId: '', files: {} });
  const [problems, setProblems] = createSignal<FormProblem[]>([]);
  const { busy, message, setMessage, run } = createTaskRunner();

  const agencies = createQuery(() => db.agencies.find({ selector: { level: 'commune' } }).$, (d) => toPlain<Agency>(d));
  const files = createQuery(
    () => db.files.find({ selector: { dossierId: draftId } }).$,
    (docs) => new Map(toPlain<FileMeta>(docs).map((f) => [f.id, f])),
  );

  // The catalog may still be syncing right after sign-in: wait for the procedure to arrive.
  const procedureId = createQuery(() => db.procedures.findOne(params.procedureId).$, (doc) => (doc ? doc.primary : null));
  const [loaded] = createResource<Loaded, string>(
    () => procedureId() ?? false,
    async (id) => {
      const procedureDoc = await db.procedures.findOne(id).exec();
      const procedure = procedureDoc ? (procedureDoc.toMutableJSON() as Procedure) : null;
      const draftDoc = await db.dossiers.findOne(draftId).exec();
      const draft = draftDoc ? (draftDoc.toMutableJSON() as Dossier) : null;
      if (!procedure) return { procedure, draft, form: null };
      if (draft) return { procedure, draft, form: formFromDossier(draft) };
      const previous = await db.dossiers.find().exec();
      const last = previous.map((d) => d.toMutableJSON() as Dossier).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const communes = agenciesFor(procedure, (await db.agencies.find().exec()).map((d) => d.toMutableJSON() as Agency));
      const agencyId = communes.find((a) => a.id === last?.agencyId)?.id ?? communes[0]?.id ?? '';
      return { procedure, draft: null, form: initialForm(user, procedure, last?.applicant ?? null, agencyId) };
    },
  );

  createComputed(() => {
    const l = loaded();
    if (l?.form) setForm(reconcile(structuredClone(l.form)));
  });
  const ready = loaded;

  /** Creates or updates the draft dossier from the form; returns it. */
  async function saveDraftDoc(procedure: Procedure): Promise<Dossier> {
    const now = new Date();
    const existing = await db.dossiers.findOne(draftId).exec();
    const base =
      (existing?.toMutableJSON() as Dossier | undefined) ??
      createDossierDraft({
        id: draftId,
        procedure,
        applicant: form.applicant,
        ownerCccd: user.cccd ?? form.applicant.cccd,
        agencyId: form.agencyId,
        now,
        userId: user.id,
      });
    if (base.status !== 0) throw new Error('Hồ sơ này đã được nộp, không sửa như bản nháp được nữa.');
    const next = applyForm(base, form, now, user.id);
    await writer.saveDraft(next);
    if (!search.nhap) setSearch({ nhap: draftId }, { replace: true });
    return next;
  }

  function draftProblems(): FormProblem[] {
    const out: FormProblem[] = [];
    if (!form.applicant.fullName.trim()) out.push({ field: 'applicant-fullName', message: 'Vui lòng nhập họ và tên người nộp.' });
    if (!/^[0-9]{12}$/.test(form.applicant.cccd.trim())) {
      out.push({ field: 'applicant-cccd', message: 'Số CCCD phải có đúng 12 chữ số.' });
    }
    return out;
  }


  /** Keeps picked files on the device and attaches them to the component. */
  const upload = (procedure: Procedure, componentId: string, picked: File[]) =>
    run(async () => {
      const added: string[] = [];
      const errors: string[] = [];
      for (const file of picked) {
        try {
          if (added.length === 0 && !search.nhap) await saveDraftDoc(procedure);
          const meta = await saveLocalFile(db, file, {
            id: newId(),
            ownerCccd: user.cccd ?? form.applicant.cccd,
            agencyId: form.agencyId,
            dossierId: draftId,
            uploadedBy: user.id,
          });
          added.push(meta.id);
        } catch (e) {
          errors.push(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      if (added.length) {
        setForm('files', componentId, (list) => [...(list ?? []), ...added]);
        await saveDraftDoc(procedure);
      }
      if (errors.length) throw new Error(`Không tải được tệp. ${errors.join(' ')}`);
    });

  /** Fills a component with a document of the citizen's warehouse (tái sử dụng). */
  const reuse = (procedure: Procedure, componentId: string, doc: WarehouseDocument, file: FileMeta) =>
    run(async () => {
      const draft = await saveDraftDoc(procedure);
      const fileId = await reuseWarehouseFile(db, { dossier: draft, componentId, doc, file, userId: user.id });
      setForm('files', componentId, [fileId]);
      const saved = await saveDraftDoc(procedure);
      await writer.saveDraft(markReused(saved, componentId, fileId, doc.id));
    });

  const time = () => new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });

  return (
    <Switch>
      <Match when={procedureId() === undefined || ready.loading}>
        <p role="status">Đang tải…</p>
      </Match>
      <Match when={procedureId() === null}>
        <p class="alert warning" role="status">
          Chưa có thủ tục này trên máy. Nếu vừa đăng nhập, vui lòng chờ đồng bộ danh mục thủ tục (cần có mạng).
        </p>
      </Match>
      <Match when={ready()?.draft && ready()!.draft!.status !== 0}>
        <p class="alert info" role="status">
          Hồ sơ này đã được nộp. <a href={`/ho-so-cua-toi/${draftId}`}>Xem hồ sơ</a>
        </p>
      </Match>
      <Match when={ready()?.procedure}>
        {(procedure) => (
          <SubmitView
            procedure={procedure()}
            agencies={agenciesFor(procedure(), agencies() ?? [])}
            form={form}
            files={files() ?? new Map()}
            problems={problems()}
            message={message()}
            busy={busy()}
            isDraftSaved={!!search.nhap}
            onApplicant={(field, value) => setForm('applicant', field, value as never)}
            onAgency={(id) => setForm('agencyId', id)}
            onUpload={(componentId, picked) => upload(procedure(), componentId, picked)}
            componentSources={(componentId, componentName) => (
              <CitizenComponentSources
                componentId={componentId}
                componentName={componentName}
                busy={busy()}
                onChoose={(doc, file) => reuse(procedure(), componentId, doc, file)}
                onUpload={(picked) => upload(procedure(), componentId, picked)}
                onError={(text) => setMessage({ kind: 'error', text })}
              />
            )}
            onRemoveFile={(componentId, fileId) =>
              run(async () => {
                setForm('files', componentId, (list) => (list ?? []).filter((id) => id !== fileId));
                await saveDraftDoc(procedure());
              })
            }
            onSaveDraft={() =>
              run(async () => {
                const found = draftProblems();
                setProblems(found);
                if (found.length) return;
                await saveDraftDoc(procedure());
                setMessage({ kind: 'ok', text: `Đã lưu nháp lúc ${time()}. Bản nháp được giữ trên máy này.` });
              })
            }
            onSubmit={() =>
              run(async () => {
                const found = validateForm(form, procedure());
                setProblems(found);
                if (found.length) return;
                const draft = await saveDraftDoc(procedure());
                // Files picked before the commune was chosen must follow the dossier to its agency.
                const ids = draft.components.flatMap((c) => c.fileIds);
                const fileDocs = await db.files.findByIds(ids).exec();
                for (const doc of fileDocs.values()) {
                  if (doc.agencyId !== draft.agencyId) await doc.incrementalPatch({ agencyId: draft.agencyId, updatedAt: Date.now() });
                }
                // The draft goes up only now: created from this device's content, then submitted.
                await writer.create(draft, procedure());
                await writer.apply(draftId, { type: 'submit' });
                navigate(`/ho-so-cua-toi/${draftId}?moiNop=1`, { replace: true });
              })
            }
          />
        )}
      </Match>
    </Switch>
  );
}
