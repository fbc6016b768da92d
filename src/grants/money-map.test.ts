import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diversification, herfindahl } from './diversification.ts';
import { acyclicFlows, type MapGrant, type MapOrganization, moneyMap } from './money-map.ts';

// The map of the money and diversification on small records computed by hand.

const org = (id: string, kind: string, extra: Partial<MapOrganization> = {}): MapOrganization => ({ id, name: id.toUpperCase(), kind, issues: [], constituencies: [], region: null, ...extra });
const grant = (id: string, funder: string | null, recipient: string | null, amountMinor: number, awardDate: string, extra: Partial<MapGrant> = {}): MapGrant => ({
  id, currency: 'USD', amountMinor, awardDate, funderOrgId: funder, funderName: funder ? funder.toUpperCase() : 'Unlisted Fund',
  recipientOrgId: recipient, recipientName: recipient ? recipient.toUpperCase() : 'Someone', parentGrantId: null, beneficiaryLocations: [], ...extra,
});

describe('moneyMap', () => {
  const orgs = new Map([org('ford', 'funder'), org('iad', 'alliance'), org('scope', 'base_building', { issues: ['tax'], region: 'Central Valley' }),
    org('policy', 'policy', { issues: ['tax'] })].map((o) => [o.id, o]));
  const members = new Set(['scope', 'policy']);
  const grants = [
    grant('g1', 'ford', 'iad', 100_000, '2010-01-15'),
    grant('r1', 'iad', 'scope', 30_000, '2010-03-01', { parentGrantId: 'g1' }),
    grant('r2', 'iad', 'policy', 20_000, '2010-03-01', { parentGrantId: 'g1' }),
    grant('g2', null, 'scope', 50_000, '2011-06-01'),
    grant('g3', 'ford', null, 70_000, '2011-06-01', { recipientName: 'Outsider' }),
    grant('g4', 'ford', 'iad', 9_000, '2011-01-01', { currency: 'GBP' }),
  ];

  it('follows funder → alliance → member and counts what reaches base-building groups', () => {
    const map = moneyMap('iad', members, orgs, grants, {});
    expect(map.currency).toBe('USD');
    expect(map.flows).toEqual([
      { from: 'ford', to: 'iad', amountMinor: 100_000, grants: 1 },
      { from: 'ford', to: 'name:outsider', amountMinor: 70_000, grants: 1 },
      { from: 'name:unlisted fund', to: 'scope', amountMinor: 50_000, grants: 1 },
      { from: 'iad', to: 'scope', amountMinor: 30_000, grants: 1 },
      { from: 'iad', to: 'policy', amountMinor: 20_000, grants: 1 },
    ]);
    // In: 100,000 to the IAD + 50,000 straight to SCOPE; to base-building: 30,000 + 50,000.
    expect(map.totals).toEqual({ cameInMinor: 150_000, toAllianceMinor: 100_000, regrantedMinor: 50_000, keptByAllianceMinor: 50_000, directToMembersMinor: 50_000,
      toBaseBuildingMinor: 80_000, toMembersOfUnknownKindMinor: 0, baseBuildingShare: 80_000 / 150_000, grants: 5 });
    expect(map.byYear).toEqual([{ year: 2010, inMinor: 100_000, toBaseMinor: 30_000 }, { year: 2011, inMinor: 50_000, toBaseMinor: 50_000 }]);
    expect(map.otherCurrencies).toEqual(['GBP']);
    expect(map.nodes.find((n) => n.key === 'scope')).toMatchObject({ role: 'member', baseBuilding: true });
  });

  it('counts money moving inside the alliance once, where it came in', () => {
    // The alliance's own published grant to a member (no parent) and a member passing money back: inside, not new money.
    const inside = [...grants, grant('a1', 'iad', 'policy', 5_000, '2010-05-01'), grant('b1', 'scope', 'iad', 1_000, '2010-06-01')];
    const map = moneyMap('iad', members, orgs, inside, {});
    expect(map.totals).toMatchObject({ cameInMinor: 150_000, toAllianceMinor: 100_000, regrantedMinor: 55_000, keptByAllianceMinor: 50_000 });
    // The loop IAD → SCOPE → IAD is in the table, not in the diagram.
    expect(map.flows.some((f) => f.from === 'scope' && f.to === 'iad')).toBe(true);
    expect(map.sankeyFlows.some((f) => f.from === 'scope' && f.to === 'iad')).toBe(false);
  });

  it('filters by period, issue and region', () => {
    expect(moneyMap('iad', members, orgs, grants, { from: '2011-01-01', to: '2011-12-31' }).totals.cameInMinor).toBe(50_000);
    const tax = moneyMap('iad', members, orgs, grants, { issue: 'tax' });
    expect(tax.flows.map((f) => `${f.from}→${f.to}`)).toEqual(['name:unlisted fund→scope', 'iad→scope', 'iad→policy']);
    expect(moneyMap('iad', members, orgs, grants, { region: 'central valley' }).totals.toBaseBuildingMinor).toBe(80_000);
    expect(moneyMap('iad', members, orgs, grants, { currency: 'GBP' }).totals.toAllianceMinor).toBe(9_000);
  });
});

describe('acyclicFlows', () => {
  it('leaves out self-loops and flows back up, largest first kept', () => {
    const flows = [{ from: 'f', to: 'a' }, { from: 'a', to: 'm' }, { from: 'm', to: 'a' }, { from: 'a', to: 'a' }, { from: 'm', to: 'x' }];
    expect(acyclicFlows(flows)).toEqual([{ from: 'f', to: 'a' }, { from: 'a', to: 'm' }, { from: 'm', to: 'x' }]);
  });
});

describe('diversification', () => {
  it('shares, HHI and the largest funder, by hand', () => {
    const d = diversification([
      { source: 'individuals', amountMinor: 40_000 },
      { source: 'foundation', amountMinor: 30_000, funderKey: 'ford', funderName: 'Ford' },
      { source: 'foundation', amountMinor: 10_000, funderKey: 'kellogg', funderName: 'Kellogg' },
      { source: 'earned', amountMinor: 20_000 },
    ]);
    expect(d.totalMinor).toBe(100_000);
    expect(d.sources.find((s) => s.source === 'foundation')).toEqual({ source: 'foundation', amountMinor: 40_000, share: 0.4 });
    // 0.4² + 0.4² + 0.2² = 0.36
    expect(d.hhi).toBeCloseTo(0.36, 12);
    expect(d.largestFunder).toEqual({ name: 'Ford', amountMinor: 30_000, share: 0.3 });
    expect(d.foundationShare).toBe(0.4);
    expect(diversification([]).hhi).toBeNull();
  });

  it('keeps the HHI between 1/n and 1 for n sources', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 8 }), (amounts) => {
      const h = herfindahl(amounts)!;
      return h <= 1 + 1e-12 && h >= 1 / amounts.length - 1e-12;
    }));
    expect(herfindahl([5])).toBe(1);
    expect(herfindahl([1, 1, 1, 1])).toBeCloseTo(0.25, 12);
  });
});
