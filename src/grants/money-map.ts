// The map of the money of an alliance, pure: from the grants recorded in its space, the flows
// funder → alliance → member (re-grants), funder → member (grants straight to a member), and
// funder → someone else; amounts in minor units of one currency. "Reaching base-building groups"
// counts what ends with a member whose kind is base_building, over everything that came in
// (grants to the alliance and straight to its members). A member whose profile the reader may not
// read has no known kind: what reaches it is counted apart, never guessed.

export interface MapGrant {
  id: string; currency: string; amountMinor: number; awardDate: string; funderOrgId: string | null; funderName: string;
  recipientOrgId: string | null; recipientName: string; parentGrantId: string | null;
  beneficiaryLocations: Array<{ name: string | null }>;
}
export interface MapOrganization { id: string; name: string; kind: string; issues: string[]; constituencies: string[]; region: string | null }
export interface MoneyMapFilter { from?: string; to?: string; issue?: string; constituency?: string; region?: string; currency?: string }

export type NodeRole = 'funder' | 'alliance' | 'member' | 'other';
/** baseBuilding is null for a member whose profile the reader may not read. */
export interface MoneyNode { key: string; name: string; role: NodeRole; organizationId: string | null; baseBuilding: boolean | null }
export interface MoneyFlow { from: string; to: string; amountMinor: number; grants: number }

const lower = (s: string) => s.trim().toLowerCase();

/** Whether the organization a flow ends with fits the filter (issue, constituency, region). */
function fits(org: MapOrganization | undefined, grant: MapGrant, f: MoneyMapFilter) {
  if (f.issue && !org?.issues.includes(f.issue)) return false;
  if (f.constituency && !org?.constituencies.includes(f.constituency)) return false;
  if (f.region) {
    const region = lower(f.region);
    const inRegion = (org?.region && lower(org.region) === region) || grant.beneficiaryLocations.some((l) => l.name && lower(l.name) === region);
    if (!inRegion) return false;
  }
  return true;
}

/** The currency most of the grants are in (the map shows one at a time). */
export function mainCurrency(grants: MapGrant[]): string | null {
  const totals = new Map<string, number>();
  for (const g of grants) totals.set(g.currency, (totals.get(g.currency) ?? 0) + 1);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function moneyMap(allianceId: string, memberIds: Set<string>, orgs: Map<string, MapOrganization>, grants: MapGrant[], f: MoneyMapFilter) {
  const currency = f.currency ?? mainCurrency(grants);
  const nodes = new Map<string, MoneyNode>();
  const flows = new Map<string, MoneyFlow>();
  const byYear = new Map<string, { inMinor: number; toBaseMinor: number }>();
  const node = (orgId: string | null, name: string, role: NodeRole): string => {
    const key = orgId ?? `name:${lower(name)}`;
    if (!nodes.has(key)) {
      const org = orgId ? orgs.get(orgId) : undefined;
      nodes.set(key, { key, name: org?.name ?? name, role, organizationId: orgId, baseBuilding: org ? org.kind === 'base_building' : orgId ? null : false });
    }
    return key;
  };
  const roleOf = (orgId: string | null): NodeRole => (orgId === allianceId ? 'alliance' : orgId && memberIds.has(orgId) ? 'member' : 'other');
  // What each grant has passed on, whenever: what the alliance kept of a grant is its amount less that.
  const passedOn = new Map<string, number>();
  for (const g of grants) if (g.parentGrantId && g.currency === currency) passedOn.set(g.parentGrantId, (passedOn.get(g.parentGrantId) ?? 0) + g.amountMinor);
  let cameIn = 0;
  let toBase = 0;
  let toUnknownKind = 0;
  let regranted = 0;
  let toAlliance = 0;
  let kept = 0;
  let directToMembers = 0;
  const counted: MapGrant[] = [];
  for (const g of grants) {
    if (g.currency !== currency) continue;
    if ((f.from && g.awardDate < f.from) || (f.to && g.awardDate > f.to)) continue;
    if (!fits(g.recipientOrgId ? orgs.get(g.recipientOrgId) : undefined, g, f)) continue;
    counted.push(g);
    // Money moving inside the alliance (a re-grant, or a grant the alliance or a member made) did not come in: it came in once, upstream.
    const funderRole = roleOf(g.funderOrgId);
    const internal = g.parentGrantId !== null || funderRole !== 'other';
    const from = node(g.funderOrgId, g.funderName, funderRole === 'other' ? 'funder' : funderRole);
    const role = roleOf(g.recipientOrgId);
    const to = node(g.recipientOrgId, g.recipientName, role);
    const flowKey = `${from}→${to}`;
    const flow = flows.get(flowKey) ?? { from, to, amountMinor: 0, grants: 0 };
    flow.amountMinor += g.amountMinor;
    flow.grants++;
    flows.set(flowKey, flow);
    const year = g.awardDate.slice(0, 4);
    const y = byYear.get(year) ?? { inMinor: 0, toBaseMinor: 0 };
    if (!internal && (role === 'alliance' || role === 'member')) { cameIn += g.amountMinor; y.inMinor += g.amountMinor; }
    if (!internal && role === 'alliance') { toAlliance += g.amountMinor; kept += Math.max(0, g.amountMinor - (passedOn.get(g.id) ?? 0)); }
    if (!internal && role === 'member') directToMembers += g.amountMinor;
    if (internal && funderRole === 'alliance') regranted += g.amountMinor;
    if (role === 'member' && nodes.get(to)!.baseBuilding) { toBase += g.amountMinor; y.toBaseMinor += g.amountMinor; }
    if (role === 'member' && nodes.get(to)!.baseBuilding === null) toUnknownKind += g.amountMinor;
    byYear.set(year, y);
  }
  const sorted = [...flows.values()].sort((a, b) => b.amountMinor - a.amountMinor);
  return {
    currency,
    nodes: [...nodes.values()],
    flows: sorted,
    sankeyFlows: acyclicFlows(sorted),
    totals: { cameInMinor: cameIn, toAllianceMinor: toAlliance, regrantedMinor: regranted, keptByAllianceMinor: kept, directToMembersMinor: directToMembers,
      toBaseBuildingMinor: toBase, toMembersOfUnknownKindMinor: toUnknownKind,
      // Re-grants in the period can pass on money that came in before it: the share stops at 1.
      baseBuildingShare: cameIn > 0 ? Math.min(1, toBase / cameIn) : null, grants: counted.length },
    byYear: [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, v]) => ({ year: Number(year), ...v })),
    otherCurrencies: [...new Set(grants.map((g) => g.currency).filter((c) => c !== currency))].sort(),
  };
}

/**
 * The flows a Sankey diagram can draw: largest first, leaving out any that would close a loop
 * (a grant from an organization to itself, or money flowing back up). The table shows them all.
 */
export function acyclicFlows<F extends { from: string; to: string }>(flows: F[]): F[] {
  const next = new Map<string, string[]>();
  const reaches = (start: string, goal: string) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const at = stack.pop()!;
      if (at === goal) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(next.get(at) ?? []));
    }
    return false;
  };
  const kept: F[] = [];
  for (const f of flows) {
    if (f.from === f.to || reaches(f.to, f.from)) continue;
    next.set(f.from, [...(next.get(f.from) ?? []), f.to]);
    kept.push(f);
  }
  return kept;
}
