import { For, Show, type JSX } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';
import { ROLE_LABELS, type Account, type Device, type NewAccount, type OfficerRole } from './adminApi.ts';

export interface AccountsViewProps {
  accounts: Account[];
  devices: Device[];
  agencyIds: string[];
  error: string | null;
  busy: boolean;
  onCreate: (account: NewAccount) => void;
  onRole: (id: string, role: OfficerRole) => void;
  onDisable: (id: string, disabled: boolean) => void;
  onRevoke: (deviceId: string) => void;
}

const ROLES = Object.keys(ROLE_LABELS) as OfficerRole[];

/** Accounts with their lock button; officers add a role column (`children`). */
function AccountTable(props: {
  caption: string;
  nameHeader: string;
  accounts: Account[];
  busy: boolean;
  onDisable: (id: string, disabled: boolean) => void;
  children?: (account: Account) => JSX.Element;
}) {
  return (
    <div class="table-wrap">
      <table class="table stack">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tên đăng nhập</th><th scope="col">{props.nameHeader}</th><th scope="col">Đơn vị</th>
            <Show when={props.children}><th scope="col">Vai trò</th></Show>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.accounts}>
            {(account) => (
              <tr>
                <td data-label="Tên đăng nhập">{account.username}</td>
                <td data-label={props.nameHeader}>{account.fullName}</td>
                <td data-label="Đơn vị">{account.agencyId}</td>
                {props.children?.(account)}
                <td data-label="Trạng thái">
                  <button type="button" class="button" disabled={props.busy} onClick={() => props.onDisable(account.id, !account.disabled)}>
                    {account.disabled ? 'Mở khóa' : 'Khóa'}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** "Quản lý tài khoản": officers, lower tiers' servers and devices of the admin's agencies (props only). */
export function AccountsView(props: AccountsViewProps) {
  let form!: HTMLFormElement;
  const officers = () => props.accounts.filter((a) => !a.service);
  const servers = () => props.accounts.filter((a) => a.service);
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  return (
    <main id="main" class="page">
      <h1>Quản lý tài khoản</h1>
      <Show when={props.error}>
        <p class="alert error" role="alert">
          {props.error}
        </p>
      </Show>
      <h2>Tài khoản cán bộ</h2>
      <AccountTable caption="Tài khoản cán bộ" nameHeader="Họ và tên" accounts={officers()} busy={props.busy} onDisable={props.onDisable}>
        {(account) => (
          <td data-label="Vai trò">
            <select aria-label={`Vai trò của ${account.fullName}`} value={account.role} disabled={props.busy} onChange={(e) => props.onRole(account.id, e.currentTarget.value as OfficerRole)}>
              <For each={ROLES}>{(role) => <option value={role}>{ROLE_LABELS[role]}</option>}</For>
            </select>
          </td>
        )}
      </AccountTable>
      <Show when={servers().length > 0}>
        <h2>Máy chủ cấp dưới</h2>
        <p class="muted">
          Máy chủ xã, tỉnh đăng nhập bằng các tài khoản này để đồng bộ lên đây. Khóa một tài khoản sẽ dừng đồng bộ của máy chủ đó; chỉ khóa khi máy chủ bị mất hoặc lộ mật khẩu.
        </p>
        <AccountTable caption="Tài khoản máy chủ cấp dưới" nameHeader="Máy chủ" accounts={servers()} busy={props.busy} onDisable={props.onDisable} />
      </Show>
      <h2>Tạo tài khoản cán bộ</h2>
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          props.onCreate({ username: value('username'), fullName: value('fullName'), role: value('role') as OfficerRole, agencyId: value('agencyId'), password: value('password') });
        }}
      >
        <div class="field"><label for="adm-username">Tên đăng nhập</label><input id="adm-username" name="username" autocomplete="off" required /></div>
        <div class="field"><label for="adm-fullName">Họ và tên</label><input id="adm-fullName" name="fullName" required /></div>
        <div class="field">
          <label for="adm-role">Vai trò</label>
          <select id="adm-role" name="role"><For each={ROLES}>{(role) => <option value={role}>{ROLE_LABELS[role]}</option>}</For></select>
        </div>
        <div class="field">
          <label for="adm-agencyId">Đơn vị</label>
          <select id="adm-agencyId" name="agencyId"><For each={props.agencyIds}>{(id) => <option value={id}>{id}</option>}</For></select>
        </div>
        <div class="field"><label for="adm-password">Mật khẩu ban đầu</label><input id="adm-password" name="password" type="password" autocomplete="new-password" required /></div>
        <button type="submit" class="button primary" disabled={props.busy}>Tạo tài khoản</button>
      </form>
      <h2>Thiết bị</h2>
      <div class="table-wrap">
        <table class="table stack">
          <caption class="visually-hidden">Thiết bị đã đăng nhập</caption>
          <thead>
            <tr><th scope="col">Mã thiết bị</th><th scope="col">Người dùng gần nhất</th><th scope="col">Lần cuối</th><th scope="col">Thu hồi</th></tr>
          </thead>
          <tbody>
            <For each={props.devices}>
              {(device) => (
                <tr>
                  <td data-label="Mã thiết bị">{device.id}</td>
                  <td data-label="Người dùng gần nhất">{props.accounts.find((a) => a.id === device.lastUserId)?.fullName ?? device.lastUserId ?? '—'}</td>
                  <td data-label="Lần cuối">{formatDateTime(new Date(device.lastSeen))}</td>
                  <td data-label="Thu hồi">
                    <Show when={!device.revokedAt} fallback={<span>Đã thu hồi</span>}>
                      <button type="button" class="button" disabled={props.busy} onClick={() => props.onRevoke(device.id)}>Thu hồi</button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </main>
  );
}
