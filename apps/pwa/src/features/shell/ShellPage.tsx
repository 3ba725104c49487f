/**
 * The signed-in frame: opens the person's encrypted database once their data key is unlocked,
 * starts replication, provides both to the screens, and shows the header, the navigation and the
 * always-visible sync status bar. Locked (idle time, new tab), it shows the unlock screen.
 */
import { Navigate, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Match, Show, Switch, createResource, createSignal, onCleanup, untrack, type JSX } from 'solid-js';
import { isOfficer, issuesDossierCodes, type SessionUser } from '@motcua/model';
import { browserDeviceChain } from '../../lib/deviceChain.ts';
import { auth, session } from '../../lib/session.ts';
import { lock, unlocked, unlocking } from '../../lib/unlocked.ts';
import { createIdleLock, lockAfterMs } from '../lock/createIdleLock.ts';
import { LockPage } from '../lock/LockPage.tsx';
import { DatabaseContext, type DatabaseContextValue } from '../../lib/useDatabase.ts';
import { codeBookFor, startCodeRefill } from '../reception/useCodeBook.ts';
import { createConflictCount } from '../conflicts/createConflictCount.ts';
import { createSyncStatus } from './createSyncStatus.ts';
import { closeCurrentDatabase, openUserDatabase } from './openUserDatabase.ts';
import { ShellView } from './ShellView.tsx';
import { StatusBarView } from './StatusBarView.tsx';
import '../../styles/app.css';

export default function ShellPage(props: RouteSectionProps) {
  return (
    <Show when={session()?.user.id} keyed fallback={<Navigate href="/dang-nhap" />}>
      {(userId: string) => <UserShell user={untrack(() => session()!.user)} userId={userId}>{props.children}</UserShell>}
    </Show>
  );
}

function UserShell(props: { user: SessionUser; userId: string; children?: JSX.Element }) {
  const navigate = useNavigate();

  /** Signs out; on a shared PC ("Máy dùng chung") also wipes the person's data from the device. */
  async function logout(pending: number) {
    const { isSharedDevice } = await import('../lock/signInOnDevice.ts');
    const shared = isSharedDevice(props.user.username);
    const question = shared
      ? `Còn ${pending} thay đổi chưa đồng bộ. Đây là máy dùng chung: đăng xuất sẽ xóa chúng khỏi máy này. Vẫn đăng xuất?`
      : `Còn ${pending} thay đổi chưa đồng bộ. Dữ liệu vẫn được giữ trên máy này và sẽ gửi lên khi bạn đăng nhập lại. Đăng xuất?`;
    if (pending > 0 && !window.confirm(question)) return;
    lock();
    if (shared) {
      const { wipeUserData } = await import('../lock/wipeUserData.ts');
      await wipeUserData(props.user);
    } else {
      await closeCurrentDatabase();
    }
    await auth.logout();
    navigate('/dang-nhap', { replace: true });
  }

  return (
    <Show
      when={unlocked()?.userId === props.userId ? unlocked()!.key : null}
      keyed
      fallback={
        <Show when={!unlocking()} fallback={<p role="status" class="loading">Đang mở dữ liệu trên máy…</p>}>
          <LockPage user={props.user} onLogout={() => void logout(0)} />
        </Show>
      }
    >
      {(key: string) => (
        <OpenShell user={props.user} encryptionKey={key} onLogout={logout}>
          {props.children}
        </OpenShell>
      )}
    </Show>
  );
}

function OpenShell(props: {
  user: SessionUser;
  encryptionKey: string;
  onLogout: (pending: number) => void;
  children?: JSX.Element;
}) {
  const [opened, { refetch }] = createResource(() => openUserDatabase(props.user, auth, props.encryptionKey));
  createIdleLock({
    idleMs: lockAfterMs(),
    onIdle: () => {
      lock();
      void closeCurrentDatabase();
    },
  });

  return (
    <Switch>
      <Match when={opened.error as unknown}>
        <main id="main" class="page narrow">
          <h1>Không mở được dữ liệu trên máy</h1>
          <p class="alert error" role="alert">
            {opened.error instanceof Error ? opened.error.message : String(opened.error)}
          </p>
          <button type="button" class="button primary" onClick={() => void refetch()}>
            Thử lại
          </button>
        </main>
      </Match>
      <Match when={opened()}>{(ctx) => <Ready ctx={ctx()} onLogout={props.onLogout}>{props.children}</Ready>}</Match>
      <Match when={opened.loading}>
        <main id="main" class="page narrow">
          <p role="status" class="loading">
            Đang mở dữ liệu trên máy…
          </p>
        </main>
      </Match>
    </Switch>
  );
}

function Ready(props: { ctx: DatabaseContextValue; onLogout: (pending: number) => void; children?: JSX.Element }) {
  const status = createSyncStatus(props.ctx.sync);
  const location = useLocation();
  // Device signing certificate: enrolled in the background once online (loaded on demand).
  void import('../signing/enrollOnSignIn.ts').then((m) => m.enrollWhenOnline(props.ctx.user, auth));
  const conflictCount = createConflictCount(props.ctx);
  // Offline dossier codes: the desk keeps a leased range filled and is warned before it runs out.
  const [codeWarning, setCodeWarning] = createSignal<string | null>(null);
  if (issuesDossierCodes(props.ctx.user)) {
    const book = codeBookFor(props.ctx.user.id, props.ctx.sync);
    const check = () => setCodeWarning(book.warning());
    const refill = startCodeRefill(book, props.ctx.sync, check);
    const timer = setInterval(check, 30_000);
    check();
    onCleanup(() => {
      refill.unsubscribe();
      clearInterval(timer);
    });
  }
  if (isOfficer(props.ctx.user)) {
    // Identity checks queued at the desk while offline are made once the link is back (loaded on demand).
    let followUp: { unsubscribe(): void } | undefined;
    let closed = false;
    void Promise.all([import('../intake/runRegistryFollowUp.ts'), import('../intake/populationClient.ts')]).then(([run, population]) => {
      if (closed) return;
      const ask = population.makePopulationClient({ baseUrl: window.location.origin, getAccessToken: () => auth.getAccessToken() });
      followUp = run.startRegistryFollowUp({ db: props.ctx.db, user: props.ctx.user, ask, chain: browserDeviceChain() }, props.ctx.sync);
    });
    onCleanup(() => {
      closed = true;
      followUp?.unsubscribe();
    });
  }
  return (
    <DatabaseContext.Provider value={props.ctx}>
      <ShellView
        user={props.ctx.user}
        screen={location.pathname}
        onLogout={() => props.onLogout(status.pending())}
        counts={{ '/xung-dot': conflictCount() }}
        statusBar={
          <StatusBarView
            online={status.online()}
            pending={status.pending()}
            lastSyncedAt={status.lastSyncedAt()}
            error={status.lastError()?.message ?? null}
            initialSync={status.initialSync()}
            codeWarning={codeWarning()}
            refused={status.refused()}
            onDismissRefused={() => props.ctx.sync.clearRefused()}
            onSyncNow={() => props.ctx.sync.reSync()}
          />
        }
      >
        <ErrorBoundary
          fallback={(error, reset) => (
            <div class="alert error" role="alert">
              <p>Đã xảy ra lỗi khi hiển thị trang này: {error instanceof Error ? error.message : String(error)}</p>
              <button type="button" class="button small" onClick={reset}>
                Thử lại
              </button>
            </div>
          )}
        >
          {props.children}
        </ErrorBoundary>
      </ShellView>
    </DatabaseContext.Provider>
  );
}
