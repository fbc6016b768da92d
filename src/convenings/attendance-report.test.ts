import { describe, expect, it } from 'vitest';
import { attendanceReport } from './attendance-report.ts';

const row = (org: string | null, capacity: string, attended = true, firstTime = false, registered = false) =>
  ({ organizationId: org, organizationName: org ? org.toUpperCase() : null, capacity, attended, firstTime, registered });

describe('attendance report', () => {
  it('counts organizations, staff and leaders, first-timers, and registrations that did not come', () => {
    const report = attendanceReport([row('scope', 'staff', true, false, true), row('scope', 'leader', true, true, true), row('cause', 'leader', true, true),
      row('cause', 'staff', false, false, true), row(null, 'guest', true, true)]);
    expect(report).toMatchObject({ attended: 4, registered: 3, registeredButAbsent: 1, organizations: 2, staff: 1, leaders: 2, firstTime: 3, withoutOrganization: 1 });
    expect(report.byOrganization).toEqual([
      { organizationId: 'cause', name: 'CAUSE', staff: 0, leaders: 1, others: 0, firstTime: 1 },
      { organizationId: 'scope', name: 'SCOPE', staff: 1, leaders: 1, others: 0, firstTime: 1 },
    ]);
  });

  it('is empty for a convening no one came to', () => {
    expect(attendanceReport([row('x', 'staff', false, false, true)])).toMatchObject({ attended: 0, organizations: 0, registeredButAbsent: 1 });
  });
});
