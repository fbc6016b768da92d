// The convenings API's answers, as the web app reads them (assembled in convenings/convening.service.ts).

export interface FollowUpView {
  id: string; text: string; ownerOrganizationId: string | null; ownerOrganizationName: string | null; ownerName: string | null;
  dueOn: string | null; doneAt: string | null; conveningId: string | null; conveningTitle: string | null;
}

export interface ConveningView {
  id: string; organizationId: string; organizationName: string; role: string | null; title: string; kind: string;
  startsAt: string; endsAt: string; timeZone: string; place: string | null; callLink: string | null; description: string | null;
  hosts: { id: string; name: string }[]; invited: { id: string; name: string }[];
  participants: { id: string; name: string; organizationId: string | null; organizationName: string | null; capacity: string; registered: boolean; attended: boolean; firstTime: boolean }[];
  sessions: { id: string; title: string; facilitator: string | null; notes: string | null; items: { id: string; kind: 'goal' | 'proposal'; text: string; goalId: string | null; proposalId: string | null }[] }[];
  followUps: FollowUpView[];
  report: { attended: number; registered: number; registeredButAbsent: number; organizations: number; staff: number; leaders: number; firstTime: number;
    byOrganization: { organizationId: string; name: string; staff: number; leaders: number; others: number; firstTime: number }[] };
}
