/**
 * The routes. Only the sign-in screen is in the first load; the shell (database, replication)
 * and every feature screen are loaded when first visited.
 */
import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Show, lazy, type Component } from 'solid-js';
import LoginPage from './features/login/LoginPage.tsx';
import { homePath, session } from './lib/session.ts';
import { UpdateBanner } from './ui/UpdateBanner.tsx';

const ShellPage = lazy(() => import('./features/shell/ShellPage.tsx'));
const CatalogPage = lazy(() => import('./features/catalog/CatalogPage.tsx'));
const ProcedurePage = lazy(() => import('./features/catalog/ProcedurePage.tsx'));
const SubmitPage = lazy(() => import('./features/submit/SubmitPage.tsx'));
const MyDossiersPage = lazy(() => import('./features/dossier/MyDossiersPage.tsx'));
const DossierPage = lazy(() => import('./features/dossier/DossierPage.tsx'));
const ReceptionQueuePage = lazy(() => import('./features/reception/ReceptionQueuePage.tsx'));
const ReceptionDossierPage = lazy(() => import('./features/reception/ReceptionDossierPage.tsx'));
const LookupPage = lazy(() => import('./features/reception/LookupPage.tsx'));
const QueuesPage = lazy(() => import('./features/processing/QueuesPage.tsx'));
const PublicLookupPage = lazy(() => import('./features/lookup/PublicLookupPage.tsx'));
const MyWarehousePage = lazy(() => import('./features/warehouse/MyWarehousePage.tsx'));
const StatsPage = lazy(() => import('./features/stats/StatsPage.tsx'));
const IntakeListPage = lazy(() => import('./features/intake/IntakeListPage.tsx'));
const IntakePage = lazy(() => import('./features/intake/IntakePage.tsx'));
const ConflictsPage = lazy(() => import('./features/conflicts/ConflictsPage.tsx'));
const RegisterPage = lazy(() => import('./features/register/RegisterPage.tsx'));
const AccountsPage = lazy(() => import('./features/admin/AccountsPage.tsx'));
const ActivationPage = lazy(() => import('./features/activation/ActivationPage.tsx'));

function Root(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <UpdateBanner />
      {props.children}
    </>
  );
}

function Home() {
  return (
    <Show when={session()} fallback={<Navigate href="/dang-nhap" />}>
      {(s) => <Navigate href={homePath(s().user.role)} />}
    </Show>
  );
}

/** Renders the screen only for the given kind of account; others go to their home. */
function only(kind: 'citizen' | 'officer', Screen: Component<RouteSectionProps>): Component<RouteSectionProps> {
  return (props) => (
    <Show
      when={session() && (session()!.user.role === 'citizen') === (kind === 'citizen')}
      fallback={<Navigate href={session() ? homePath(session()!.user.role) : '/dang-nhap'} />}
    >
      <Screen {...props} />
    </Show>
  );
}

function NotFound() {
  return (
    <main id="main" class="page narrow">
      <h1>Không tìm thấy trang</h1>
      <p>
        <a href="/">Về trang chủ</a>
      </p>
    </main>
  );
}

export default function App() {
  return (
    <Router root={Root}>
      <Route path="/dang-nhap" component={LoginPage} />
      <Route path="/tra-cuu-ho-so" component={PublicLookupPage} />
      <Route path="/dang-ky" component={RegisterPage} />
      <Route path="/" component={ShellPage}>
        <Route path="/" component={Home} />
        <Route path="/thu-tuc" component={CatalogPage} />
        <Route path="/thu-tuc/:id" component={ProcedurePage} />
        <Route path="/nop-ho-so/:procedureId" component={only('citizen', SubmitPage)} />
        <Route path="/ho-so-cua-toi" component={only('citizen', MyDossiersPage)} />
        <Route path="/ho-so-cua-toi/:id" component={only('citizen', DossierPage)} />
        <Route path="/kho-du-lieu" component={only('citizen', MyWarehousePage)} />
        <Route path="/thong-ke" component={only('officer', StatsPage)} />
        <Route path="/tiep-nhan" component={only('officer', ReceptionQueuePage)} />
        <Route path="/tiep-nhan/:id" component={only('officer', ReceptionDossierPage)} />
        <Route path="/tiep-nhan-truc-tiep" component={only('officer', IntakeListPage)} />
        <Route path="/tiep-nhan-truc-tiep/:procedureId" component={only('officer', IntakePage)} />
        <Route path="/tra-cuu" component={only('officer', LookupPage)} />
        <Route path="/cap-ma-kich-hoat" component={only('officer', ActivationPage)} />
        <Route path="/tra-cuu/:id" component={only('officer', ReceptionDossierPage)} />
        <Route path="/xu-ly" component={only('officer', QueuesPage)} />
        <Route path="/xu-ly/:id" component={only('officer', ReceptionDossierPage)} />
        <Route path="/xung-dot" component={only('officer', ConflictsPage)} />
        <Route path="/quan-tri/tai-khoan" component={only('officer', AccountsPage)} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
