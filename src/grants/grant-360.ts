import { currencyDigits } from '../shared/currency.ts';

// Stored grants written as a 360Giving 1.4 package, pure. Amounts go back to major units of the
// grant's currency; an organization without a published org-id gets the one its directory record
// implies ("360G-crossroads-<id>", the standard's form for identifiers a publisher makes), or one
// made from its name, since the standard requires an id for every organization.

export interface StoredGrant {
  identifier: string; title: string; description: string; currency: string; amountMinor: number; awardDate: string;
  plannedStart: string | null; plannedEnd: string | null; durationMonths: number | null;
  funderIdentifier: string | null; funderName: string; funderOrgId: string | null;
  recipientIdentifier: string | null; recipientName: string; recipientOrgId: string | null;
  programmeCode: string | null; programmeTitle: string | null;
  beneficiaryLocations: Array<{ name: string | null; countryCode: string | null; geoCode: string | null; geoCodeType: string | null }>;
  regrantType: string | null; url: string | null; dataSource: string | null; parentIdentifier: string | null;
}

const orgIdOf = (identifier: string | null, orgId: string | null, name: string) =>
  identifier ?? (orgId ? `360G-crossroads-${orgId}` : `360G-crossroads-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed'}`);

const definedOnly = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export function toThreeSixtyGiving(grants: StoredGrant[]) {
  return {
    version: '1.4',
    grants: grants.map((g) => {
      const planned = definedOnly({ startDate: g.plannedStart, endDate: g.plannedEnd, duration: g.durationMonths });
      return definedOnly({
        id: g.identifier,
        title: g.title,
        description: g.description || g.title,
        currency: g.currency,
        amountAwarded: g.amountMinor / 10 ** currencyDigits(g.currency),
        awardDate: g.awardDate,
        url: g.url,
        plannedDates: Object.keys(planned).length ? [planned] : null,
        recipientOrganization: [{ id: orgIdOf(g.recipientIdentifier, g.recipientOrgId, g.recipientName), name: g.recipientName }],
        fundingOrganization: [{ id: orgIdOf(g.funderIdentifier, g.funderOrgId, g.funderName), name: g.funderName }],
        grantProgramme: g.programmeCode ? [definedOnly({ code: g.programmeCode, title: g.programmeTitle })] : null,
        beneficiaryLocation: g.beneficiaryLocations.length ? g.beneficiaryLocations.map((l) => definedOnly(l)) : null,
        regrantType: g.regrantType,
        // A re-grant points at the grant it passes on.
        relatedActivity: g.parentIdentifier ? [g.parentIdentifier] : null,
        dataSource: g.dataSource,
      });
    }),
  };
}
