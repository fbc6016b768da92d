import { FieldAssignmentPage } from './field/FieldAssignmentPage.tsx';
import { MyAssignmentsPage } from './field/MyAssignmentsPage.tsx';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { DirectoryPage } from './pages/DirectoryPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SessionProvider, useSession } from './session.tsx';

// Pages load with their route (the directory and sign-in come with the app; a volunteer's turf
// pages too, since they must open with no signal): a person downloads what they open.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const ContactImportPage = page(() => import('./pages/contacts/ContactImportPage.tsx'), 'ContactImportPage');
const ContactsPage = page(() => import('./pages/contacts/ContactsPage.tsx'), 'ContactsPage');
const SegmentsPage = page(() => import('./pages/contacts/SegmentsPage.tsx'), 'SegmentsPage');
const EffortsPage = page(() => import('./pages/outreach/EffortsPage.tsx'), 'EffortsPage');
const LadderPage = page(() => import('./pages/outreach/LadderPage.tsx'), 'LadderPage');
const LeadershipPage = page(() => import('./pages/leadership/LeadershipPage.tsx'), 'LeadershipPage');
const DonationsPage = page(() => import('./pages/donations/DonationsPage.tsx'), 'DonationsPage');
const FundingPage = page(() => import('./pages/funding/FundingPage.tsx'), 'FundingPage');
const OverlapPage = page(() => import('./pages/overlap/OverlapPage.tsx'), 'OverlapPage');
const PersonConsentPage = page(() => import('./pages/consent/PersonConsentPage.tsx'), 'PersonConsentPage');
const SurveyAnswerPage = page(() => import('./pages/surveys/SurveyAnswerPage.tsx'), 'SurveyAnswerPage');
const SurveysPage = page(() => import('./pages/surveys/SurveysPage.tsx'), 'SurveysPage');
const SurveyPage = page(() => import('./pages/surveys/SurveyPage.tsx'), 'SurveyPage');
const ThreadsPage = page(() => import('./pages/discussions/ThreadsPage.tsx'), 'ThreadsPage');
const DiscussionSearchPage = page(() => import('./pages/discussions/ThreadsPage.tsx'), 'DiscussionSearchPage');
const ThreadPage = page(() => import('./pages/discussions/ThreadPage.tsx'), 'ThreadPage');
const UpdatesPage = page(() => import('./pages/discussions/UpdatesPage.tsx'), 'UpdatesPage');
const LibraryPage = page(() => import('./pages/library/LibraryPage.tsx'), 'LibraryPage');
const MetricsPage = page(() => import('./pages/alliance/MetricsPage.tsx'), 'MetricsPage');
const AccountPage = page(() => import('./pages/AccountPage.tsx'), 'AccountPage');
const AlliancePage = page(() => import('./pages/AlliancePage.tsx'), 'AlliancePage');
const ImportPage = page(() => import('./pages/ImportPage.tsx'), 'ImportPage');
const OrganizationEditPage = page(() => import('./pages/OrganizationFormPage.tsx'), 'OrganizationEditPage');
const OrganizationNewPage = page(() => import('./pages/OrganizationFormPage.tsx'), 'OrganizationNewPage');
const OrganizationPage = page(() => import('./pages/OrganizationPage.tsx'), 'OrganizationPage');
const PeoplePage = page(() => import('./pages/PeoplePage.tsx'), 'PeoplePage');
const SpacePage = page(() => import('./pages/SpacePage.tsx'), 'SpacePage');
const SpacesPage = page(() => import('./pages/SpacesPage.tsx'), 'SpacesPage');
const VocabulariesPage = page(() => import('./pages/VocabulariesPage.tsx'), 'VocabulariesPage');
const NotificationsPage = page(() => import('./pages/NotificationsPage.tsx'), 'NotificationsPage');
const CommitteesPage = page(() => import('./pages/decisions/CommitteesPage.tsx'), 'CommitteesPage');
const DecisionLogPage = page(() => import('./pages/decisions/DecisionLogPage.tsx'), 'DecisionLogPage');
const ProposalNewPage = page(() => import('./pages/decisions/ProposalNewPage.tsx'), 'ProposalNewPage');
const ProposalPage = page(() => import('./pages/decisions/ProposalPage.tsx'), 'ProposalPage');
const ProposalsPage = page(() => import('./pages/decisions/ProposalsPage.tsx'), 'ProposalsPage');
const ConveningPage = page(() => import('./pages/convenings/ConveningPage.tsx'), 'ConveningPage');
const ConveningsPage = page(() => import('./pages/convenings/ConveningsPage.tsx'), 'ConveningsPage');
const FollowUpsPage = page(() => import('./pages/convenings/FollowUps.tsx'), 'FollowUpsPage');
const SignInSheetPage = page(() => import('./pages/convenings/SignInSheetPage.tsx'), 'SignInSheetPage');
const GoalPage = page(() => import('./pages/plans/GoalPage.tsx'), 'GoalPage');
const GoalsPage = page(() => import('./pages/plans/GoalsPage.tsx'), 'GoalsPage');
const WorkPlanPage = page(() => import('./pages/plans/WorkPlanPage.tsx'), 'WorkPlanPage');
const WorkPlansPage = page(() => import('./pages/plans/WorkPlansPage.tsx'), 'WorkPlansPage');
const AlertPage = page(() => import('./pages/alliance/AlertsPage.tsx'), 'AlertPage');
const AlertsPage = page(() => import('./pages/alliance/AlertsPage.tsx'), 'AlertsPage');
const CharterPage = page(() => import('./pages/alliance/CharterPage.tsx'), 'CharterPage');
const CampaignPage = page(() => import('./pages/campaigns/CampaignPage.tsx'), 'CampaignPage');
const CampaignsPage = page(() => import('./pages/campaigns/CampaignsPage.tsx'), 'CampaignsPage');
const NetworkPage = page(() => import('./pages/network/NetworkPage.tsx'), 'NetworkPage');
const FieldPage = page(() => import('./pages/field/FieldPage.tsx'), 'FieldPage');
const AlliesPage = page(() => import('./pages/field/AlliesPage.tsx'), 'AlliesPage');
const PowerMapPage = page(() => import('./pages/power-maps/PowerMapsPage.tsx'), 'PowerMapPage');
const PowerMapsPage = page(() => import('./pages/power-maps/PowerMapsPage.tsx'), 'PowerMapsPage');

function Routed() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) return <p className="p-4" role="status">{t('common.loading')}</p>;
  if (!me) return <SignInPage />;
  return (
    <Layout>
      <Suspense fallback={<p className="p-4" role="status">{t('common.loading')}</p>}>
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
        <Route path="/spaces/:id/overlap" element={<OverlapPage />} />
        <Route path="/alliances/:id/metrics" element={<MetricsPage />} />
        <Route path="/alliances/:id/surveys" element={<SurveysPage />} />
        <Route path="/surveys/:id" element={<SurveyPage />} />
        <Route path="/discussions/search" element={<DiscussionSearchPage />} />
        <Route path="/discussions/:kind/:id" element={<ThreadsPage />} />
        <Route path="/threads/:id" element={<ThreadPage />} />
        <Route path="/alliances/:id/updates" element={<UpdatesPage />} />
        <Route path="/spaces/:id/library" element={<LibraryPage />} />
        <Route path="/outreach/assignments/:id" element={<FieldAssignmentPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/vocabularies" element={<VocabulariesPage />} />
        <Route path="*" element={<p>{t('common.notFound')}</p>} />
      </Routes>
      </Suspense>
    </Layout>
  );
}

export function App() {
  const { t } = useTranslation();
  // A person's own consent page and a survey invitation open from a link, with no account: outside the signed-in app.
  const { pathname } = useLocation();
  if (pathname.startsWith('/consent/') || pathname.startsWith('/survey/')) {
    return (<Suspense fallback={<p className="p-4" role="status">{t('common.loading')}</p>}>
      <Routes>
        <Route path="/consent/:token" element={<PersonConsentPage />} />
        <Route path="/survey/:token" element={<SurveyAnswerPage />} />
      </Routes>
    </Suspense>);
  }
  return (
    <SessionProvider>
      <Routed />
    </SessionProvider>
  );
}
