import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { ForcedPasswordPage } from './features/auth/ForcedPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { AppLayout } from './features/shell/AppLayout.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';

// Each area loads when first opened, so a phone on a slow line downloads only what it shows.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const FamiliesPage = lazy(() => import('./features/families/FamiliesPage.tsx'));
const FamilyDetailPage = lazy(() => import('./features/families/FamilyDetailPage.tsx'));
const ReferralsPage = lazy(() => import('./features/referrals/ReferralsPage.tsx'));
const ReferralDetailPage = lazy(() => import('./features/referrals/ReferralDetailPage.tsx'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.tsx'));
const NewImportPage = lazy(() => import('./features/imports/NewImportPage.tsx'));
const ImportWizardPage = lazy(() => import('./features/imports/ImportWizardPage.tsx'));
const DuplicatesPage = lazy(() => import('./features/duplicates/DuplicatesPage.tsx'));
const PrivacyPage = lazy(() => import('./features/privacy/PrivacyPage.tsx'));
const AgenciesPage = lazy(() => import('./features/agencies/AgenciesPage.tsx'));
const PartnersPage = lazy(() => import('./features/partners/PartnersPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const RenovationPage = lazy(() => import('./features/renovation/RenovationPage.tsx'));
const RenovationDetailPage = lazy(() => import('./features/renovation/RenovationDetailPage.tsx'));
const AccountPage = lazy(() => import('./features/auth/AccountPage.tsx'));
const TrainingPage = lazy(() => import('./features/training/TrainingPage.tsx'));
const CohortDetailPage = lazy(() => import('./features/training/CohortDetailPage.tsx'));
const TrainingReportPage = lazy(() => import('./features/training/TrainingReportPage.tsx'));
const ProgramsPage = lazy(() => import('./features/programs/ProgramsPage.tsx'));
const ProgramDetailPage = lazy(() => import('./features/programs/ProgramDetailPage.tsx'));
const DistributionPage = lazy(() => import('./features/distribution/DistributionPage.tsx'));
const RealisationPage = lazy(() => import('./features/distribution/RealisationPage.tsx'));
const CoveragePage = lazy(() => import('./features/cross-program/CoveragePage.tsx'));
const PathwaysPage = lazy(() => import('./features/pathways/PathwaysPage.tsx'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: '/ganti-kata-sandi', element: <ForcedPasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <RequirePermission permission="dashboard.read"><DashboardPage /></RequirePermission> },
          { path: 'keluarga', element: <RequirePermission permission="registry.read"><FamiliesPage /></RequirePermission> },
          { path: 'keluarga/:familyId', element: <RequirePermission permission="registry.read"><FamilyDetailPage /></RequirePermission> },
          { path: 'rujukan', element: <RequirePermission permission="referrals.read"><ReferralsPage /></RequirePermission> },
          { path: 'rujukan/:referralId', element: <RequirePermission permission="referrals.read"><ReferralDetailPage /></RequirePermission> },
          { path: 'impor', element: <RequirePermission permission="registry.write"><ImportsPage /></RequirePermission> },
          { path: 'impor/baru', element: <RequirePermission permission="registry.write"><NewImportPage /></RequirePermission> },
          { path: 'impor/:batchId', element: <RequirePermission permission="registry.write"><ImportWizardPage /></RequirePermission> },
          { path: 'data-ganda', element: <RequirePermission permission="registry.write"><DuplicatesPage /></RequirePermission> },
          { path: 'hak-subjek-data', element: <RequirePermission permission="registry.unmask"><PrivacyPage /></RequirePermission> },
          { path: 'opd', element: <RequirePermission permission="agencies.read"><AgenciesPage /></RequirePermission> },
          { path: 'mitra', element: <RequirePermission permission="partners.read"><PartnersPage /></RequirePermission> },
          { path: 'pengguna', element: <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
          { path: 'program', element: <RequirePermission permission="programs.read"><ProgramsPage /></RequirePermission> },
          { path: 'lintas-program', element: <RequirePermission permission="programs.read"><CoveragePage /></RequirePermission> },
          { path: 'program/:programId', element: <RequirePermission permission="programs.read"><ProgramDetailPage /></RequirePermission> },
          { path: 'program/:programId/penyaluran', element: <RequirePermission permission="programs.read"><DistributionPage /></RequirePermission> },
          { path: 'program/:programId/realisasi', element: <RequirePermission permission="programs.read"><RealisationPage /></RequirePermission> },
          { path: 'jalan-keluar', element: <RequirePermission permission="pathways.read"><PathwaysPage /></RequirePermission> },
          { path: 'pelatihan', element: <RequirePermission permission="training.read"><TrainingPage /></RequirePermission> },
          { path: 'pelatihan/angkatan/:cohortId', element: <RequirePermission permission="training.read"><CohortDetailPage /></RequirePermission> },
          { path: 'pelatihan/laporan', element: <RequirePermission permission="training.read"><TrainingReportPage /></RequirePermission> },
          { path: 'rumah', element: <RequirePermission permission="renovation.read"><RenovationPage /></RequirePermission> },
          { path: 'rumah/:houseId', element: <RequirePermission permission="renovation.read"><RenovationDetailPage /></RequirePermission> },
          { path: 'akun', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
