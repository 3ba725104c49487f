/**
 * The two disclosures of an officer's dossier screen: "Xem quy trình" and "Xem lịch sử cập nhật"
 * (the history is checked against the devices' hash chains in the local database).
 */
import { Show, createResource, createSignal } from 'solid-js';
import { sha256Hex } from '@motcua/crypto';
import { isFinished, type Dossier, type DossierEvent, type DossierStatusCode, type FileMeta, type Procedure } from '@motcua/model';
import { toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { HistoryView } from './HistoryView.tsx';
import { verifyHistory } from './verifyHistory.ts';
import { WorkflowView } from './WorkflowView.tsx';
import './processing.css';

export interface WorkflowSectionsProps {
  dossier: Dossier;
  procedure: Procedure | null;
  events: DossierEvent[];
  files: Map<string, FileMeta>;
  onFile: (file: FileMeta, mode: 'open' | 'download') => void;
}

export function WorkflowSections(props: WorkflowSectionsProps) {
  const { db } = useDatabase();
  const [open, setOpen] = createSignal<'workflow' | 'history' | null>(null);
  const [check] = createResource(
    () => (open() === 'history' ? props.events : null),
    (events) =>
      verifyHistory(
        events,
        async (deviceId) => toPlain<DossierEvent>(await db.events.find({ selector: { deviceId } }).exec()),
        (t) => sha256Hex(t),
      ),
  );
  const toggle = (which: 'workflow' | 'history') => setOpen(open() === which ? null : which);
  return (
    <section class="panel" aria-label="Quy trình và lịch sử">
      <div class="actions">
        <button type="button" class="button" aria-expanded={open() === 'workflow'} aria-controls="workflow-section" onClick={() => toggle('workflow')}>
          Xem quy trình
        </button>
        <button type="button" class="button" aria-expanded={open() === 'history'} aria-controls="history-section" onClick={() => toggle('history')}>
          Xem lịch sử cập nhật
        </button>
      </div>
      <Show when={open() === 'workflow'}>
        <div id="workflow-section">
          <h2>Quy trình xử lý</h2>
          <Show when={props.procedure} fallback={<p class="muted">Chưa có thông tin thủ tục trên máy.</p>}>
            {(p) => (
              <WorkflowView
                workflow={p().workflow}
                stepIndex={props.dossier.status === 2 ? 0 : props.dossier.stepIndex}
                finished={isFinished(props.dossier.status as DossierStatusCode)}
              />
            )}
          </Show>
        </div>
      </Show>
      <Show when={open() === 'history'}>
        <div id="history-section">
          <h2>Lịch sử cập nhật</h2>
          <HistoryView events={props.events} check={check.loading ? undefined : check()} files={props.files} onFile={props.onFile} />
        </div>
      </Show>
    </section>
  );
}
