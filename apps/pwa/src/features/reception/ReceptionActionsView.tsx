import { For, Match, Show, Switch, createSignal } from 'solid-js';
import { parseItems } from './createReceptionActions.ts';
import { StaleFormNotice } from '../../ui/StaleFormNotice.tsx';

export type ActionOutcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; field: string | null };

export interface ReceptionActionsViewProps {
  components: string[];
  canReceive: boolean;
  canAcceptSupplement: boolean;
  canReject: boolean;
  canRequestSupplement: boolean;
  busy: boolean;
  outcome: ActionOutcome | null;
  onReceive: () => void;
  onAcceptSupplement: () => void;
  /** Resolve true when done, so the form closes. */
  onReject: (reason: string) => Promise<boolean>;
  onRequestSupplement: (reason: string, items: string[]) => Promise<boolean>;
}

/** The desk's buttons, with inline forms for a rejection reason and a supplement request. */
export function ReceptionActionsView(props: ReceptionActionsViewProps) {
  const [open, setOpen] = createSignal<'reject' | 'supplement' | null>(null);
  const [missing, setMissing] = createSignal<string[]>([]);
  const error = (field: string) => {
    const o = props.outcome;
    return o?.kind === 'error' && o.field === field ? o.text : null;
  };
  const anything = () => props.canReceive || props.canAcceptSupplement || props.canReject || props.canRequestSupplement;

  return (
    <Show when={anything() || props.outcome || open()}>
      <section class="panel actions-panel" aria-label="Xử lý hồ sơ">
        <Show when={props.outcome && (props.outcome.kind === 'ok' || !props.outcome.field)}>
          <p class={`alert ${props.outcome!.kind === 'ok' ? 'ok' : 'error'}`} role={props.outcome!.kind === 'ok' ? 'status' : 'alert'}>
            {props.outcome!.text}
          </p>
        </Show>
        <Show when={anything()}>
          <div class="actions">
            <Show when={props.canReceive}>
              <button type="button" class="button primary" disabled={props.busy} onClick={() => props.onReceive()}>
                Tiếp nhận hồ sơ
              </button>
            </Show>
            <Show when={props.canAcceptSupplement}>
              <button type="button" class="button primary" disabled={props.busy} onClick={() => props.onAcceptSupplement()}>
                Nhận hồ sơ bổ sung
              </button>
            </Show>
            <Show when={props.canRequestSupplement}>
              <button
                type="button"
                class="button"
                aria-expanded={open() === 'supplement'}
                aria-controls="supplement-form"
                onClick={() => setOpen(open() === 'supplement' ? null : 'supplement')}
              >
                Yêu cầu bổ sung
              </button>
            </Show>
            <Show when={props.canReject}>
              <button
                type="button"
                class="button danger"
                aria-expanded={open() === 'reject'}
                aria-controls="reject-form"
                onClick={() => setOpen(open() === 'reject' ? null : 'reject')}
              >
                Từ chối
              </button>
            </Show>
          </div>
        </Show>

        <Switch>
          <Match when={open() === 'reject'}>
            <form
              id="reject-form"
              class="subform"
              novalidate
              onSubmit={async (e) => {
                e.preventDefault();
                const reason = (e.currentTarget.elements.namedItem('reject-reason') as HTMLTextAreaElement).value;
                if (await props.onReject(reason)) setOpen(null);
              }}
            >
              <h2>Từ chối tiếp nhận hồ sơ</h2>
              <StaleFormNotice when={!props.canReject} />
              <ReasonField id="reject-reason" label="Lý do từ chối" error={error('reason')} />
              <div class="actions">
                <button type="submit" class="button danger" disabled={props.busy || !props.canReject}>
                  Xác nhận từ chối
                </button>
                <button type="button" class="button" onClick={() => setOpen(null)}>
                  Hủy
                </button>
              </div>
            </form>
          </Match>
          <Match when={open() === 'supplement'}>
            <form
              id="supplement-form"
              class="subform"
              novalidate
              onSubmit={async (e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const reason = (form.elements.namedItem('supplement-reason') as HTMLTextAreaElement).value;
                const others = parseItems((form.elements.namedItem('supplement-others') as HTMLTextAreaElement).value);
                if (await props.onRequestSupplement(reason, [...missing(), ...others])) {
                  setMissing([]);
                  setOpen(null);
                }
              }}
            >
              <h2>Yêu cầu bổ sung hồ sơ</h2>
              <StaleFormNotice when={!props.canRequestSupplement} />
              <ReasonField id="supplement-reason" label="Lý do yêu cầu bổ sung" error={error('reason')} />
              <fieldset class="checks" aria-describedby={error('items') ? 'supplement-items-error' : undefined}>
                <legend>Giấy tờ cần bổ sung</legend>
                <For each={props.components}>
                  {(name, i) => (
                    <div class="check">
                      <input
                        type="checkbox"
                        id={`missing-${i()}`}
                        checked={missing().includes(name)}
                        onChange={(e) =>
                          setMissing((list) => (e.currentTarget.checked ? [...list, name] : list.filter((n) => n !== name)))
                        }
                      />
                      <label for={`missing-${i()}`}>{name}</label>
                    </div>
                  )}
                </For>
                <div class="field">
                  <label for="supplement-others">Giấy tờ khác (mỗi dòng một giấy tờ)</label>
                  <textarea id="supplement-others" name="supplement-others" />
                </div>
                <Show when={error('items')}>
                  <p class="field-error" id="supplement-items-error" role="alert">
                    {error('items')}
                  </p>
                </Show>
              </fieldset>
              <div class="actions">
                <button type="submit" class="button primary" disabled={props.busy || !props.canRequestSupplement}>
                  Gửi yêu cầu bổ sung
                </button>
                <button type="button" class="button" onClick={() => setOpen(null)}>
                  Hủy
                </button>
              </div>
            </form>
          </Match>
        </Switch>
      </section>
    </Show>
  );
}

/** A required reason, with its error announced and tied to the field. */
function ReasonField(props: { id: string; label: string; error: string | null }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.id}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
