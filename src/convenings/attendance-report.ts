// Pure: who came to a convening — organizations, staff and grassroots leaders, first-timers.

export interface AttendanceRow {
  organizationId: string | null; organizationName: string | null; capacity: string; registered: boolean; attended: boolean; firstTime: boolean;
}

export function attendanceReport(rows: AttendanceRow[]) {
  const came = rows.filter((r) => r.attended);
  const byOrganization = new Map<string, { organizationId: string; name: string; staff: number; leaders: number; others: number; firstTime: number }>();
  for (const r of came) {
    if (!r.organizationId) continue;
    const entry = byOrganization.get(r.organizationId) ?? { organizationId: r.organizationId, name: r.organizationName ?? '', staff: 0, leaders: 0, others: 0, firstTime: 0 };
    if (r.capacity === 'staff') entry.staff++;
    else if (r.capacity === 'leader') entry.leaders++;
    else entry.others++;
    if (r.firstTime) entry.firstTime++;
    byOrganization.set(r.organizationId, entry);
  }
  return {
    attended: came.length,
    registered: rows.filter((r) => r.registered).length,
    registeredButAbsent: rows.filter((r) => r.registered && !r.attended).length,
    organizations: byOrganization.size,
    staff: came.filter((r) => r.capacity === 'staff').length,
    leaders: came.filter((r) => r.capacity === 'leader').length,
    firstTime: came.filter((r) => r.firstTime).length,
    withoutOrganization: came.filter((r) => !r.organizationId).length,
    byOrganization: [...byOrganization.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
