import { ContactImportPage } from './pages/contacts/ContactImportPage.tsx';
import { ContactsPage } from './pages/contacts/ContactsPage.tsx';
import { SegmentsPage } from './pages/contacts/SegmentsPage.tsx';
import { FieldAssignmentPage } from './field/FieldAssignmentPage.tsx';
import { MyAssignmentsPage } from './field/MyAssignmentsPage.tsx';
import { EffortsPage } from './pages/outreach/EffortsPage.tsx';
import { LadderPage } from './pages/outreach/LadderPage.tsx';
import { LeadershipPage } from './pages/leadership/LeadershipPage.tsx';
import { DonationsPage } from './pages/donations/DonationsPage.tsx';
import { FundingPage } from './pages/funding/FundingPage.tsx';
import { MetricsPage } from './pages/alliance/MetricsPage.tsx';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AlliancePage } from './pages/AlliancePage.tsx';
import { DirectoryPage } from './pages/DirectoryPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { OrganizationEditPage, OrganizationNewPage } from './pages/OrganizationFormPage.tsx';
import { OrganizationPage } from './pages/OrganizationPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SpacePage } from './pages/SpacePage.tsx';
import { SpacesPage } from './pages/SpacesPage.tsx';
import { VocabulariesPage } from './pages/VocabulariesPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { CommitteesPage } from './pages/decisions/CommitteesPage.tsx';
import { DecisionLogPage } from './pages/decisions/DecisionLogPage.tsx';
import { ProposalNewPage } from './pages/decisions/ProposalNewPage.tsx';
import { ProposalPage } from './pages/decisions/ProposalPage.tsx';
import { ProposalsPage } from './pages/decisions/ProposalsPage.tsx';
import { ConveningPage } from './pages/convenings/ConveningPage.tsx';
import { ConveningsPage } from './pages/convenings/ConveningsPage.tsx';
import { FollowUpsPage } from './pages/convenings/FollowUps.tsx';
import { SignInSheetPage } from './pages/convenings/SignInSheetPage.tsx';
import { GoalPage } from './pages/plans/GoalPage.tsx';
import { GoalsPage } from './pages/plans/GoalsPage.tsx';
import { WorkPlanPage } from './pages/plans/WorkPlanPage.tsx';
import { WorkPlansPage } from './pages/plans/WorkPlansPage.tsx';
import { AlertPage, AlertsPage } from './pages/alliance/AlertsPage.tsx';
import { CharterPage } from './pages/alliance/CharterPage.tsx';
import { CampaignPage } from './pages/campaigns/CampaignPage.tsx';
import { CampaignsPage } from './pages/campaigns/CampaignsPage.tsx';
import { NetworkPage } from './pages/network/NetworkPage.tsx';
import { FieldPage } from './pages/field/FieldPage.tsx';
import { AlliesPage } from './pages/field/AlliesPage.tsx';
import { PowerMapPage, PowerMapsPage } from './pages/power-maps/PowerMapsPage.tsx';
import { SessionProvider, useSession } from './session.tsx';

function Routed() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) return <p className="p-4" role="status">{t('common.loading')}</p>;
  if (!me) return <SignInPage />;
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<DirectoryPage />} />
        <Route path="/organizations/new" element={<OrganizationNewPage />} />
        <Route path="/organizations/:id" element={<OrganizationPage />} />
        <Route path="/organizations/:id/edit" element={<OrganizationEditPage />} />
        <Route path="/alliances/:id" element={<AlliancePage />} />
        <Route path="/alliances/:id/decisions" element={<ProposalsPage />} />
        <Route path="/alliances/:id/proposals/new" element={<ProposalNewPage />} />
        <Route path="/alliances/:id/decision-log" element={<DecisionLogPage />} />
        <Route path="/alliances/:id/committees" element={<CommitteesPage />} />
        <Route path="/proposals/:id" element={<ProposalPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/organizations/:id/convenings" element={<ConveningsPage />} />
        <Route path="/organizations/:id/follow-ups" element={<FollowUpsPage />} />
        <Route path="/organizations/:id/goals" element={<GoalsPage />} />
        <Route path="/organizations/:id/work-plans" element={<WorkPlansPage />} />
        <Route path="/convenings/:id" element={<ConveningPage />} />
        <Route path="/convenings/:id/sign-in-sheet" element={<SignInSheetPage />} />
        <Route path="/goals/:id" element={<GoalPage />} />
        <Route path="/work-plans/:id" element={<WorkPlanPage />} />
        <Route path="/organizations/:id/campaigns" element={<CampaignsPage />} />
        <Route path="/campaigns/:id" element={<CampaignPage />} />
        <Route path="/alliances/:id/charter" element={<CharterPage />} />
        <Route path="/alliances/:id/alerts" element={<AlertsPage />} />
        <Route path="/alerts/:id" element={<AlertPage />} />
        <Route path="/alliances/:id/network" element={<NetworkPage />} />
        <Route path="/field" element={<FieldPage />} />
        <Route path="/alliances/:id/allies" element={<AlliesPage />} />
        <Route path="/organizations/:id/power-maps" element={<PowerMapsPage />} />
        <Route path="/power-maps/:id" element={<PowerMapPage />} />
        <Route path="/spaces" element={<SpacesPage />} />
        <Route path="/spaces/:id" element={<SpacePage />} />
        <Route path="/spaces/:id/people" element={<PeoplePage />} />
        <Route path="/spaces/:id/import" element={<ImportPage />} />
        <Route path="/spaces/:id/contacts" element={<ContactsPage />} />
        <Route path="/spaces/:id/contacts/import" element={<ContactImportPage />} />
        <Route path="/spaces/:id/segments" element={<SegmentsPage />} />
        <Route path="/outreach" element={<MyAssignmentsPage />} />
        <Route path="/spaces/:id/efforts" element={<EffortsPage />} />
        <Route path="/spaces/:id/ladder" element={<LadderPage />} />
        <Route path="/spaces/:id/leadership" element={<LeadershipPage />} />
        <Route path="/spaces/:id/donations" element={<DonationsPage />} />
        <Route path="/spaces/:id/funding" element={<FundingPage />} />
        <Route path="/alliances/:id/metrics" element={<MetricsPage />} />
        <Route path="/outreach/assignments/:id" element={<FieldAssignmentPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/vocabularies" element={<VocabulariesPage />} />
        <Route path="*" element={<p>{t('common.notFound')}</p>} />
      </Routes>
    </Layout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routed />
    </SessionProvider>
  );
}
