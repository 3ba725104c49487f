import { A, useParams, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { stepName, type Procedure } from '@motcua/model';
import { createQuery, toPlainOne } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { CitizenActions } from './CitizenActions.tsx';
import { DossierOutcomeView } from './DossierOutcomeView.tsx';
import { DossierDetailsView } from './DossierDetailsView.tsx';
import { createDossierData } from './createDossierData.ts';
import { createSupplement } from './createSupplement.ts';
import { SupplementView } from './SupplementView.tsx';

/**
 * A citizen's dossier: status, current step, code, appointment date, the result to download,
 * components, the timeline; supplementing, withdrawing and rating where they apply.
 */
export default function DossierPage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ moiNop?: string }>();
  const data = createDossierData(() => params.id);
  const { db } = useDatabase();
  const procedure = createQuery(
    () => {
      const id = data.dossier()?.procedureId;
      return id ? db.procedures.findOne(id).$ : null;
    },
    (doc) => toPlainOne<Procedure>(doc),
  );
  return (
    <Show
      when={data.dossier()}
      fallback={<p role="status">{data.dossier() === undefined ? 'Đang tải…' : 'Không tìm thấy hồ sơ này trên máy.'}</p>}
    >
      {(d) => (
        <article aria-labelledby="dossier-title">
          <p class="breadcrumb">
            <A href="/ho-so-cua-toi">Hồ sơ của tôi</A>
          </p>
          <h1 id="dossier-title">{d().summary}</h1>
          <Show when={d().status >= 1}>
            <p class="lead">
              Bước hiện tại: <strong>{stepName(d(), procedure()?.workflow ?? [])}</strong>
            </p>
          </Show>
          <Show when={search.moiNop && d().status === 1}>
            <p class="alert ok" role="status">
              Đã nộp hồ sơ. {navigator.onLine ? 'Hồ sơ đang được gửi đến bộ phận một cửa.' : 'Máy đang ngoại tuyến: hồ sơ sẽ được gửi đi khi có mạng.'}
            </p>
          </Show>
          <Show when={d().status === 0}>
            <p class="alert info">
              Đây là hồ sơ nháp, chưa được nộp.{' '}
              <A href={`/nop-ho-so/${encodeURIComponent(d().procedureId)}?nhap=${d().id}`}>Tiếp tục soạn hồ sơ</A>
            </p>
          </Show>
          <Show when={d().status === 5}>
            {(() => {
              const supplement = createSupplement(d);
              return (
                <SupplementView
                  request={d().decision?.kind === 'supplement' ? d().decision : null}
                  components={d().components}
                  picked={supplement.picked}
                  files={data.files()}
                  busy={supplement.busy()}
                  message={supplement.message()}
                  onUpload={supplement.upload}
                  onRemove={supplement.remove}
                  onSend={supplement.send}
                />
              );
            })()}
          </Show>
          <DossierOutcomeView dossier={d()} files={data.files()} onFile={data.onFile} approvedOnly />
          <CitizenActions dossier={d()} />
          <DossierDetailsView
            dossier={d()}
            agencyName={data.agencyName()}
            files={data.files()}
            events={data.events()}
            fileError={data.fileError()}
            onFile={data.onFile}
          />
        </article>
      )}
    </Show>
  );
}
