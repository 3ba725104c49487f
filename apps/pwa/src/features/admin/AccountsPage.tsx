import { createResource, createSignal, Show } from 'solid-js';
import { auth, session } from '../../lib/session.ts';
import { makeAdminApi, type NewAccount, type OfficerRole } from './adminApi.ts';
import { AccountsView } from './AccountsView.tsx';

/** "Quản lý tài khoản" (route `/quan-tri/tai-khoan`, loaded on demand), for agency administrators. */
export default function AccountsPage() {
  const api = makeAdminApi(() => auth.getAccessToken());
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [accounts, { refetch: reloadAccounts }] = createResource(() => api.accounts().catch((e: Error) => (setError(e.message), [])));
  const [devices, { refetch: reloadDevices }] = createResource(() => api.devices().catch((e: Error) => (setError(e.message), [])));
  const agencyIds = () => [...new Set([session()?.user.agencyId, ...(accounts() ?? []).map((a) => a.agencyId)].filter((id): id is string => !!id))];

  async function run(task: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await task();
      await Promise.all([reloadAccounts(), reloadDevices()]);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Không thực hiện được');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={session()?.user.role === 'admin'} fallback={<main id="main" class="page"><p class="alert warning">Chỉ quản trị viên dùng được trang này.</p></main>}>
      <AccountsView
        accounts={accounts() ?? []}
        devices={devices() ?? []}
        agencyIds={agencyIds()}
        error={error()}
        busy={busy()}
        onCreate={(account: NewAccount) => run(() => api.create(account))}
        onRole={(id: string, role: OfficerRole) => run(() => api.update(id, { role }))}
        onDisable={(id: string, disabled: boolean) => {
          const server = accounts()?.find((a) => a.id === id && a.service);
          if (disabled && server && !window.confirm(`Khóa tài khoản "${server.username}" sẽ dừng đồng bộ của máy chủ ${server.fullName}. Tiếp tục?`)) return;
          void run(() => api.update(id, { disabled }));
        }}
        onRevoke={(id: string) => run(() => api.revokeDevice(id))}
      />
    </Show>
  );
}
