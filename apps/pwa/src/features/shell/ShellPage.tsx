/**
 * The signed-in frame: opens the person's database, starts replication, provides both to the
 * screens, and shows the header, the navigation and the always-visible sync status bar.
 */
import { Navigate, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Match, Show, Switch, createResource, untrack, type JSX } from 'solid-js';
import type { SessionUser } from '@motcua/model';
import { auth, session } from '../../lib/session.ts';
import { DatabaseContext, type DatabaseContextValue } from '../../lib/useDatabase.ts';
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
  const [opened, { refetch }] = createResource(() => openUserDatabase(props.user, auth));

  async function logout(pending: number) {
    if (
      pending > 0 &&
      !window.confirm(
        `Còn ${pending} thay đổi chưa đồng bộ. Dữ liệu vẫn được giữ trên máy này và sẽ gửi lên khi bạn đăng nhập lại. Đăng xuất?`,
      )
    ) {
      return;
    }
    await closeCurrentDatabase();
    await auth.logout();
    navigate('/dang-nhap', { replace: true });
  }

  return (
    <Switch>
      <Match when={opened.error}>
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
      <Match when={opened()}>{(ctx) => <Ready ctx={ctx()} onLogout={logout}>{props.children}</Ready>}</Match>
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
  return (
    <DatabaseContext.Provider value={props.ctx}>
      <ShellView
        user={props.ctx.user}
        screen={location.pathname}
        onLogout={() => props.onLogout(status.pending())}
        statusBar={
          <StatusBarView
            online={status.online()}
            pending={status.pending()}
            lastSyncedAt={status.lastSyncedAt()}
            error={status.lastError()?.message ?? null}
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
