import { A } from '@solidjs/router';
import { For, Show, createEffect, on, type JSX } from 'solid-js';
import type { SessionUser } from '@motcua/model';
import { OverdueBanner } from '../processing/OverdueBanner.tsx';

const ROLE_NAMES: Record<SessionUser['role'], string> = {
  citizen: 'Công dân',
  receptionist: 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  admin: 'Quản trị',
};

export interface ShellViewProps {
  user: SessionUser;
  statusBar: JSX.Element;
  /** Changes when the person moves to another screen (the path). */
  screen: string;
  onLogout: () => void;
  /** A count shown beside a navigation item, by its path (e.g. conflicts to review). */
  counts?: Record<string, number>;
  children?: JSX.Element;
}

function navFor(role: SessionUser['role']): Array<{ href: string; label: string }> {
  if (role === 'citizen') {
    return [
      { href: '/thu-tuc', label: 'Thủ tục hành chính' },
      { href: '/ho-so-cua-toi', label: 'Hồ sơ của tôi' },
      { href: '/kho-du-lieu', label: 'Kho dữ liệu của tôi' },
    ];
  }
  return [
    { href: '/xu-ly', label: 'Hồ sơ cần xử lý' },
    { href: '/tiep-nhan', label: 'Hồ sơ chờ tiếp nhận' },
    ...(role === 'receptionist'
      ? [{ href: '/tiep-nhan-truc-tiep', label: 'Tiếp nhận trực tiếp' }, { href: '/cap-ma-kich-hoat', label: 'Cấp mã kích hoạt tài khoản' }]
      : []),
    { href: '/tra-cuu', label: 'Tra cứu hồ sơ' },
    { href: '/xung-dot', label: 'Hồ sơ có xung đột' },
    { href: '/thu-tuc', label: 'Thủ tục hành chính' },
    { href: '/thong-ke', label: 'Thống kê' },
    ...(role === 'admin' ? [{ href: '/quan-tri/tai-khoan', label: 'Quản lý tài khoản' }] : []),
  ];
}

/** Header, navigation, status bar and the page's main region. */
export function ShellView(props: ShellViewProps) {
  let main: HTMLElement | undefined;
  // After moving to another screen, start reading and tabbing from its content.
  createEffect(on(() => props.screen, () => main?.focus(), { defer: true }));
  return (
    <div class="shell">
      <header class="shell-header">
        <a class="brand" href="/" aria-label="Motcua — Một cửa điện tử, về trang chủ">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>
            <span class="brand-name">Motcua</span>
            <span class="brand-sub">Một cửa điện tử</span>
          </span>
        </a>
        <nav class="shell-nav" aria-label="Chức năng chính">
          <ul>
            <For each={navFor(props.user.role)}>
              {(item) => (
                <li>
                  <A href={item.href} activeClass="active">
                    {item.label}
                    <Show when={props.counts?.[item.href]}>
                      {(n) => <span class="nav-count" aria-label={`${n()} hồ sơ`}> ({n()})</span>}
                    </Show>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <div class="shell-user">
          <span>
            <span class="user-name">{props.user.fullName}</span>
            <span class="user-role">{ROLE_NAMES[props.user.role]}</span>
          </span>
          <button type="button" class="button small" onClick={() => props.onLogout()}>
            Đăng xuất
          </button>
        </div>
      </header>
      {props.statusBar}
      <main id="main" class="page" tabindex="-1" ref={main}>
        {props.user.role !== 'citizen' && <OverdueBanner />}
        {props.children}
      </main>
    </div>
  );
}
