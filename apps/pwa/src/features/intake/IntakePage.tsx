/**
 * "Tiếp nhận hồ sơ trực tiếp": the desk receives a dossier in person, in the four tabs of the
 * provincial systems. On "Tiếp nhận" the dossier is created on this device already received
 * (status 2) with its appointment date; the code arrives from the server on sync.
 */
import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { computeFee, type Agency, type Dossier, type Procedure } from '@motcua/model';
import { codeBookFor } from '../reception/useCodeBook.ts';
import { createQuery, toPlainOne } from '../../lib/createQuery.ts';
import { newId } from '../../lib/ids.ts';
import { auth } from '../../lib/session.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { ProblemSummary } from '../../ui/ProblemSummary.tsx';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { ComponentsTabView } from './ComponentsTabView.tsx';
import { createIdentityCheck } from './createIdentityCheck.ts';
import { FeeTabView } from './FeeTabView.tsx';
import { GeneralTabView } from './GeneralTabView.tsx';
import { IntakeDoneView } from './IntakeDoneView.tsx';
import {
  initialIntakeForm, intakeFeeLines, safeCounts, inPersonIntake, validateIntake, withCardQr, withRegistryPerson,
  type IntakeForm, type IntakeProblem,
} from './intakeForm.ts';
import { makePopulationClient } from './populationClient.ts';
import { ReturnTabView } from './ReturnTabView.tsx';
import { TabsView } from './TabsView.tsx';
import './intake.css';

type TabId = IntakeProblem['tab'];
const TABS: Array<{ id: TabId; label: string }> = [
  { id: 'general', label: 'Thông tin chung' },
  { id: 'components', label: 'Thành phần hồ sơ' },
  { id: 'fee', label: 'Lệ phí' },
  { id: 'return', label: 'Hình thức nhận kết quả' },
];

export default function IntakePage() {
  const params = useParams<{ procedureId: string }>();
  const { db, user, sync } = useDatabase();
  const writer = useDossierWriter();
  const procedure = createQuery(() => db.procedures.findOne(params.procedureId).$, (d) => toPlainOne<Procedure>(d));
  const agency = createQuery(() => db.agencies.findOne(user.agencyId ?? '').$, (d) => toPlainOne<Agency>(d));
  const [form, setForm] = createStore<IntakeForm>(initialIntakeForm({ components: [] } as unknown as Procedure));
  const [started, setStarted] = createSignal<string | null>(null);
  const [tab, setTab] = createSignal<TabId>('general');
  const [problems, setProblems] = createSignal<IntakeProblem[]>([]);
  const [saved, setSaved] = createSignal<Dossier | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  // A fresh form whenever the procedure (first) arrives.
  createMemo(() => {
    const p = procedure();
    if (p && started() !== p.id) {
      setForm(reconcile(initialIntakeForm(p)));
      setStarted(p.id);
    }
  });

  const identity = createIdentityCheck(
    makePopulationClient({ baseUrl: location.origin, getAccessToken: () => auth.getAccessToken() }),
    (query, reply) => {
      if (reply.status !== 'found') return;
      const done = saved();
      if (done && done.applicant.cccd === query.cccd) {
        // The check came back after the dossier was saved: record the confirmation on it.
        writer.apply(done.id, { type: 'checkIdentity', source: 'population_registry' }).catch((e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
        });
      } else if (!done && form.applicant.cccd.trim() === query.cccd) {
        setForm(reconcile(withRegistryPerson(structuredClone(unwrap(form)), reply.person)));
      }
    },
  );

  const lines = () => (procedure() ? intakeFeeLines(procedure()!, form) : []);
  const tabProblems = (id: TabId) => problems().filter((p) => p.tab === id);

  function check(): void {
    const query = { cccd: form.applicant.cccd.trim(), fullName: form.applicant.fullName.trim(), birthDate: form.applicant.birthDate };
    const missing = validateIntake(form).filter((p) => ['applicant-cccd', 'applicant-fullName', 'applicant-birthDate'].includes(p.field));
    setProblems(missing);
    if (missing.length === 0) void identity.check(query);
  }

  async function receive(): Promise<void> {
    const p = procedure();
    if (!p || !user.agencyId) return;
    const found = validateIntake(form);
    setProblems(found);
    if (found.length > 0) {
      setTab(found[0]!.tab);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const at = new Date();
      const { draft, actions } = inPersonIntake({
        id: newId(), procedure: p, agencyId: user.agencyId, form: structuredClone(unwrap(form)), userId: user.id, now: at,
        issued: codeBookFor(user.id, sync).issue(at),
      });
      let { dossier } = await writer.create(draft, p);
      for (const action of actions) ({ dossier } = await writer.apply(dossier.id, action));
      setSaved(dossier);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function again(): void {
    setSaved(null);
    setProblems([]);
    setTab('general');
    if (procedure()) setForm(reconcile(initialIntakeForm(procedure()!)));
  }

  return (
    <Switch>
      <Match when={procedure() === undefined}>
        <p role="status">Đang tải…</p>
      </Match>
      <Match when={procedure() === null}>
        <p class="alert warning" role="status">Chưa có thủ tục này trên máy; vui lòng chờ đồng bộ danh mục thủ tục.</p>
      </Match>
      <Match when={saved()}>
        {(d) => <IntakeDoneView dossierId={d().id} onAgain={again} />}
      </Match>
      <Match when={procedure()}>
        {(p) => (
          <article aria-labelledby="intake-title">
            <p class="breadcrumb">
              <A href="/tiep-nhan-truc-tiep">Tiếp nhận hồ sơ trực tiếp</A>
            </p>
            <h1 id="intake-title">Tiếp nhận hồ sơ</h1>
            <p class="lead">{p().name}</p>
            <p class="muted">{agency()?.name}</p>
            <ProblemSummary problems={tabProblems(tab())} />
            <TabsView label="Thông tin hồ sơ" tabs={TABS.map((t) => ({ ...t, problems: tabProblems(t.id).length }))} active={tab()} onSelect={(id) => setTab(id as TabId)}>
              <Switch>
                <Match when={tab() === 'general'}>
                  <GeneralTabView
                    form={form}
                    problems={problems()}
                    check={identity.state()}
                    onApplicant={(field, value) => setForm('applicant', field, value as never)}
                    onCard={(field, value) => setForm(field, value)}
                    onConfirm={(on) => setForm('confirmed', on)}
                    onCheck={check}
                    onScan={(data) => setForm(reconcile(withCardQr(structuredClone(unwrap(form)), data)))}
                  />
                </Match>
                <Match when={tab() === 'components'}>
                  <ComponentsTabView
                    components={form.components}
                    problems={problems()}
                    onChange={(id, patch) => setForm('components', (c) => c.id === id, patch)}
                  />
                </Match>
                <Match when={tab() === 'fee'}>
                  <FeeTabView
                    lines={lines()}
                    fee={form.fee}
                    perCopy={p().fees.some((f) => f.per === 'copy')}
                    perPage={p().fees.some((f) => f.per === 'page')}
                    onlineTotal={computeFee(p(), { channel: 'online', ...safeCounts(form.fee) })}
                    problems={problems()}
                    onChange={(patch) => setForm('fee', patch)}
                  />
                </Match>
                <Match when={tab() === 'return'}>
                  <ReturnTabView
                    returnMethod={form.returnMethod}
                    notify={form.notify}
                    problems={problems()}
                    onReturnMethod={(m) => setForm('returnMethod', m)}
                    onNotify={(channel, on) => setForm('notify', channel, on)}
                  />
                </Match>
              </Switch>
            </TabsView>
            <Show when={error()}>
              <p class="alert error" role="alert">{error()}</p>
            </Show>
            <div class="actions">
              <button type="button" class="button primary" disabled={busy()} onClick={() => void receive()}>
                Tiếp nhận
              </button>
            </div>
          </article>
        )}
      </Match>
    </Switch>
  );
}
