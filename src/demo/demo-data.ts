import type { OrganizationInput } from '../orgs/organization.schema.ts';
import type { AffiliationRole, MembershipRole, MembershipStatus, RepresentativeSeat } from '../orgs/organization.vocab.ts';

// The demo workspace, drawn from the seed documents in shared/seeds: 000 (Inter-Alliance Dialogue
// work plan, Dec 2009), 001 (USC PERE, "Connecting at the Crossroads", Dec 2010), 002 (California
// Calls strategy session, Jan 2011), 004 (National Immigrant Solidarity Network conference notes,
// July 2006). Every organization and membership carries the seed passage it rests on; where a fact
// is public knowledge rather than in the seeds, the source says so. Fields the seeds do not
// support are left out (null). The people are fictional.

export interface DemoOrganization { key: string; input: OrganizationInput; source: string }
export interface DemoMembership {
  allianceKey: string; memberKey: string; role: MembershipRole; status: MembershipStatus; startedOn?: string; source: string;
}
export interface DemoPerson {
  key: string; name: string; languages: string[]; email: string; phone: string;
  affiliations: { orgKey: string; role: AffiliationRole }[];
  seats: { allianceKey: string; memberKey: string; seat: RepresentativeSeat }[];
}

type AllianceProfile = NonNullable<OrganizationInput['alliance']>;
type Draft = Omit<Partial<OrganizationInput>, 'alliance' | 'name' | 'kind'>
  & Pick<OrganizationInput, 'name' | 'kind'> & { alliance?: Partial<AllianceProfile> };

function org(key: string, draft: Draft, source: string): DemoOrganization {
  const { alliance, ...rest } = draft;
  const input: OrganizationInput = { sectors: [], issues: [], constituencies: [], capacities: [], location: {}, ...rest };
  if (alliance) input.alliance = { functions: [], memberPowerScales: [], ...alliance };
  return { key, input, source };
}
const caps = (...keys: string[]) => keys.map((key) => ({ key }));
const at = (stateFips: string | null, countyFips: string | null = null, city: string | null = null, region: string | null = null) =>
  ({ stateFips, countyFips, city, region });

// FIPS codes used below.
const CA = '06', LA_COUNTY = '06037', SANTA_CLARA = '06085', VENTURA = '06111', ALAMEDA = '06001';
const IL = '17', COOK = '17031';
const NY = '36', BRONX = '36005', NEW_YORK_COUNTY = '36061';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // ── The Inter-Alliance Dialogue and its six member alliances ────────────────────────────────
  org('iad', {
    name: 'Inter-Alliance Dialogue', shortName: 'IAD', kind: 'alliance',
    description: 'An alliance of six national grassroots alliances, formed after the 2007 U.S. Social Forum. Its 2010 work plan: Challenging the Right, Building Political Unity and Capacity Building, with anchor alliances for each area.',
    sectors: ['community', 'labor'],
    issues: ['immigrant_rights', 'immigration_reform', 'climate_justice', 'environmental_justice', 'challenging_the_banks', 'jobs', 'health_care'],
    constituencies: ['immigrants', 'day_laborers', 'domestic_workers', 'low_income_workers', 'tenants', 'people_of_color'],
    capacities: caps('base', 'policy', 'communications'),
    location: at(null, null, null, 'National'), powerScale: 'national', foundedOn: '2008-12',
    alliance: {
      functions: ['information_sharing', 'strategic_dialogue', 'joint_action'], membershipSpectrum: 'mixed',
      memberPowerScales: ['national'], memberReach: 'Six national alliances; regional meetings in the Bay Area, DC, Providence and New York City',
      alliancePowerScale: 'national', structure: 'member_led', stage: 'formation', pathToPower: 'relational',
    },
  }, 'seed 000: “representatives from the six alliances (GGJ, JwJ, NDLO, NDWA, PBN, and RttC)”, “December 2008 - First meeting”, “IAD will continue to have twice monthly conference calls”; seed 001: “a national alliance of national alliances called the Inter-Alliance Dialogue”, “similar progressive visions … within each of their different sectors”, the IAD sent organizers to Arizona against SB 1070. Structure member_led is read from the work plan (committees of alliance representatives, no IAD staff named).'),
  org('ggj', {
    name: 'Grassroots Global Justice Alliance', shortName: 'GGJ', kind: 'alliance',
    description: 'A national alliance of grassroots organizations building a popular movement with international allies on global issues: climate and environmental justice, migration and militarization. Requires staff and leader co-representation on its coordinating committee.',
    sectors: ['community'],
    issues: ['climate_justice', 'environmental_justice', 'immigrant_rights', 'militarization', 'globalization'],
    constituencies: ['low_income', 'people_of_color', 'immigrants'],
    capacities: caps('popular_education', 'training'),
    location: at(null, null, null, 'National'), powerScale: 'national',
    alliance: {
      functions: ['information_sharing', 'strategic_dialogue', 'leadership_development'],
      memberPowerScales: ['local'], alliancePowerScale: 'national', pathToPower: 'relational',
    },
  }, 'seed 001: “a national alliance of grassroots organizations building a popular movement with international allies through working on global issues including climate justice, environmental justice, migration and militarization”; “formed a committee to develop and share a popular education curriculum”; “requiring co-representation from organizations – one staff and one leader – on their coordinating committee”; GGJ and the U.S. Social Forum as the example of the relational path.'),
  org('jwj', {
    name: 'Jobs with Justice', shortName: 'JwJ', kind: 'alliance',
    description: 'A national network of labor and community coalitions for workers’ rights; an anchoring organization of the U.S. Social Forum; in the IAD it anchors the work on challenging the banks.',
    sectors: ['labor', 'community'],
    issues: ['workers_rights', 'jobs', 'economic_justice', 'challenging_the_banks'],
    constituencies: ['low_income_workers', 'union_members'],
    capacities: caps('base', 'money'),
    location: at('11', '11001', 'Washington', 'National'), powerScale: 'national',
    alliance: { functions: ['joint_action'], alliancePowerScale: 'national' },
  }, 'seed 001: “With GGJ and JwJ as anchoring organizations of the USSF”; “Larger network organizations, such as PICO and Jobs with Justice … have had success with [membership dues and individual donor funds]”; seed 000: “RttC and JwJ anchoring on Challenging the Banks”. Washington, DC office: public knowledge.'),
  org('ndlon', {
    name: 'National Day Laborer Organizing Network', shortName: 'NDLON', kind: 'alliance',
    description: 'A national network of day laborer organizations; it was already organizing in Arizona when SB 1070 passed, and the IAD plugged organizers into its strategy. Anchors the IAD’s immigrant rights work.',
    sectors: ['community', 'labor'],
    issues: ['immigrant_rights', 'workers_rights', 'racial_profiling', 'detention_deportation'],
    constituencies: ['day_laborers', 'immigrants', 'latino', 'low_income_workers'],
    capacities: caps('base', 'training'),
    location: at(CA, LA_COUNTY, 'Los Angeles', 'National'), powerScale: 'national',
    alliance: { functions: ['joint_action'], alliancePowerScale: 'national' },
  }, 'seed 001: “NDLON was already working on immigrant rights issues in the state and had established relationships and leadership in local communities. In response to SB 1070, the IAD sent organizers … to plug directly into NDLON’s organizing strategy”; seed 000: “NDLOM anchoring on immigrants’ rights”. Los Angeles office: public knowledge.'),
  org('ndwa', {
    name: 'National Domestic Workers Alliance', shortName: 'NDWA', kind: 'alliance',
    description: 'A national alliance of domestic worker organizations, launched at the 2007 U.S. Social Forum; after SB 1070 it brought Arizona women to a congressional hearing.',
    sectors: ['community', 'labor'],
    issues: ['workers_rights', 'immigrant_rights', 'gender_justice', 'living_wage'],
    constituencies: ['domestic_workers', 'women', 'immigrants'],
    capacities: caps('base', 'communications'),
    location: at(NY, null, 'New York', 'National'), powerScale: 'national', foundedOn: '2007',
    alliance: { functions: ['joint_action'], alliancePowerScale: 'national' },
  }, 'seed 001: “with RTTC and NDWA both launching at the USSF” (2007); “The Domestic Workers Alliance (DWA) sent a delegation of women to Arizona on Mother’s Day … DWA was able to leverage a hearing with members of the U.S. Congressional Caucus on Women’s Issues”; “making great strides in promoting the rights of women”. New York office: public knowledge.'),
  org('pbn', {
    name: 'Pushback Network', shortName: 'PBN', kind: 'alliance',
    description: 'Independent local grassroots organizations in eight states building powerful alliances at the state level; members share voter engagement tools and get access to national players. Joined the IAD in July 2009.',
    sectors: ['community'],
    issues: ['civic_engagement'],
    constituencies: ['new_voters', 'low_income', 'people_of_color'],
    capacities: caps('electoral', 'training'),
    location: at(null, null, null, 'National (eight states)'), powerScale: 'national',
    alliance: {
      functions: ['information_sharing', 'joint_action'],
      memberPowerScales: ['local'], memberReach: 'Eight states, including Kentucky', alliancePowerScale: 'state',
    },
  }, 'seed 001: “The Pushback Network is comprised of independent, local grassroots organizations across eight states. While the membership is national in scope, their focus is on building powerful alliances at the state level”; KFTC “has taken the lessons learned from voter engagement tools and practices in other states”; seed 000: “PushBack Network officially joins the IAD” (July 2009).'),
  org('rttc', {
    name: 'Right to the City Alliance', shortName: 'RTTC', kind: 'alliance',
    description: 'A national alliance of local grassroots organizations fighting gentrification and displacement in nine cities; its 2010 report “We Call These Projects Home” carried public housing residents’ experience to federal policy.',
    sectors: ['community'],
    issues: ['gentrification_displacement', 'housing', 'public_housing', 'climate_justice', 'challenging_the_banks'],
    constituencies: ['tenants', 'public_housing_residents', 'low_income', 'people_of_color'],
    capacities: caps('base', 'research', 'policy'),
    location: at(null, null, null, 'National (nine cities)'), powerScale: 'national', foundedOn: '2007',
    alliance: {
      functions: ['information_sharing', 'strategic_dialogue', 'joint_action'],
      memberPowerScales: ['local', 'regional'], memberReach: 'Nine cities; in Los Angeles, New York and Boston local members also anchor regional alliances',
      alliancePowerScale: 'national', stage: 'operational',
    },
  }, 'seed 001: “Right to the City (RTTC) is made up of grassroots organizations building power individually at the local level and collectively at the national level. In three of the nine cities, Los Angeles, New York, and Boston, local organizations also anchor regional alliances”; “In May 2010, RTTC released a report, We Call These Projects Home”; “RTTC and NDWA both launching at the USSF”.'),

  // ── California ─────────────────────────────────────────────────────────────────────────────
  org('california_alliance', {
    name: 'California Alliance', kind: 'alliance',
    description: 'Twelve membership-based organizations that anchor regional coalitions of 27 community, labor and service groups in 10 counties; convened in 2003 by SCOPE. Since 2009, a tax and fiscal reform initiative to reach 500,000 new and occasional voters.',
    sectors: ['community', 'labor'],
    issues: ['tax_fiscal_reform', 'civic_engagement', 'education', 'foster_care', 'jobs', 'immigrant_rights'],
    constituencies: ['low_income', 'people_of_color', 'african_american', 'latino', 'asian_pacific_islander', 'youth', 'seniors', 'rural', 'new_voters'],
    capacities: caps('base', 'electoral', 'research', 'communications'),
    location: at(CA, null, null, 'Statewide (10 counties)'), powerScale: 'state', foundedOn: '2003',
    alliance: {
      functions: ['strategic_dialogue', 'joint_action'], membershipSpectrum: 'mostly_similar',
      memberPowerScales: ['local', 'regional'], memberReach: '10 California counties, urban to rural',
      alliancePowerScale: 'state', structure: 'anchor_hosted', stage: 'operational', pathToPower: 'relational',
    },
  }, 'seed 001: “Originally convened in 2003 by Strategic Concepts in Organizing and Policy Education (SCOPE)”; “currently comprised of 12 independent, membership-based organizations that anchor regional coalitions that involve a total of 27 community, labor, and service groups across 10 counties”; “After a five-year exploratory process, the Alliance agreed on a tax and fiscal policy reform focus”; “in its first year, has already reached 377,000 voters”. Spectrum and anchor_hosted structure are a reading of “membership-based organizations” and “convened … by SCOPE”.'),
  org('california_calls', {
    name: 'California Calls', kind: 'alliance',
    description: 'A statewide alliance assembling groups and networks from different sectors for “tipping point” change on the state’s tax and fiscal crisis; held three collaborative strategy sessions in 2011, the first hosted by its anchor group SCOPE.',
    sectors: ['community', 'labor', 'faith', 'health_human_services'],
    issues: ['tax_fiscal_reform', 'civic_engagement'],
    constituencies: ['new_voters', 'low_income', 'people_of_color'],
    capacities: caps('electoral', 'communications', 'policy'),
    location: at(CA, null, null, 'Statewide'), powerScale: 'state', foundedOn: '2009',
    alliance: {
      functions: ['strategic_dialogue', 'joint_action'], alliancePowerScale: 'state', structure: 'anchor_hosted', stage: 'operational',
    },
  }, 'seed 002: “One of California Calls’ key strategies for “tipping point” change is to assemble a vibrant mosaic of groups and networks from different sectors”; “held January 27 in South LA, hosted by alliance anchor group, SCOPE”; “Nearly 70 individuals from 44 groups participated”. Founded 2009: inferred from seed 001 (“In 2009, the California Alliance launched a multi-year initiative”), which matches California Calls’ strategy.'),

  // ── Partnership for Working Families ──────────────────────────────────────────────────────
  org('pwf', {
    name: 'Partnership for Working Families', shortName: 'PWF', kind: 'alliance',
    description: 'A national alliance of twelve local, usually metro-level, labor-affiliated think-and-action tanks reshaping the economy and urban environment through quality jobs, affordable housing and responsible development.',
    sectors: ['labor', 'community', 'advocacy'],
    issues: ['jobs', 'housing', 'community_benefits', 'economic_justice'],
    constituencies: ['low_income_workers', 'union_members'],
    capacities: caps('research', 'policy'),
    location: at(null, null, null, 'National (twelve metro areas)'), powerScale: 'national',
    alliance: {
      functions: ['strategic_dialogue'], membershipSpectrum: 'similar',
      memberPowerScales: ['local', 'regional'], memberReach: 'Twelve metro areas, including Los Angeles, San Jose, Pittsburgh, Atlanta and Denver',
      alliancePowerScale: 'national',
    },
  }, 'seed 001: “the Partnership for Working Families (PWF), a national alliance of twelve local (usually metro-level) organizations working to reshape the economy and urban environment for workers and communities through quality jobs and affordable housing. Originally composed of organizations with highly similar structures”; “Sometimes the geographic scale reaches across the nation, as with PWF”; going to a PWF meeting is like “coming home”.'),

  // ── Coalition for Clean & Safe Ports ──────────────────────────────────────────────────────
  org('ports', {
    name: 'Coalition for Clean & Safe Ports', kind: 'alliance',
    description: 'Labor, community, health and environmental groups who won clean-truck rules and good port trucking jobs at the Port of Los Angeles; NRDC’s legal team beat back the American Trucking Associations’ suit in August 2010.',
    sectors: ['labor', 'community', 'environmental', 'health_human_services'],
    issues: ['clean_air', 'environmental_justice', 'jobs', 'workers_rights'],
    constituencies: ['port_truck_drivers', 'immigrants', 'latino', 'low_income_workers'],
    capacities: caps('base', 'legal', 'policy', 'money', 'relationships'),
    location: at(CA, LA_COUNTY, 'Los Angeles', 'Port of Los Angeles'), powerScale: 'local',
    alliance: {
      functions: ['joint_action'], membershipSpectrum: 'diverse',
      memberPowerScales: ['local', 'national'], alliancePowerScale: 'local', stage: 'operational', pathToPower: 'campaign',
    },
  }, 'seed 001: “a Los Angeles example in which labor, community, health, and environmental groups united their efforts to secure environmental regulations and good port trucking jobs for low-income workers, many of them immigrants”; “National Resource Defense Council’s (NRDC) legal knowledge, Sierra Club’s policy expertise, community organizing groups’ on-the-ground knowledge and mobilizing power, and labor’s financial resources and relationships with decision-makers”; “a stunning victory in August 2010”.'),

  // ── Chicago ───────────────────────────────────────────────────────────────────────────────
  org('united_congress', {
    name: 'United Congress of Community and Religious Organizations', shortName: 'United Congress', kind: 'alliance',
    description: 'A Chicago-based, grassroots-led, multiethnic human rights alliance of African American, Latino, Muslim and immigrant communities; won 500 summer jobs for youth in 2008 and works on the census and the Prisoner Census Readjustment Act.',
    sectors: ['community', 'faith'],
    issues: ['human_rights', 'education', 'housing', 'immigrant_rights', 'criminal_justice', 'jobs', 'census_redistricting'],
    constituencies: ['african_american', 'latino', 'muslim', 'immigrants', 'youth', 'faith_communities'],
    capacities: caps('base', 'policy', 'training'),
    location: at(IL, COOK, 'Chicago'), powerScale: 'local', foundedOn: '2005',
    alliance: {
      functions: ['strategic_dialogue', 'leadership_development', 'joint_action'], membershipSpectrum: 'diverse',
      memberPowerScales: ['local'], memberReach: 'Chicago', alliancePowerScale: 'local', stage: 'operational', pathToPower: 'relational',
    },
  }, 'seed 001: “Founded in 2005, the United Congress of Community and Religious Organizations (United Congress) is a Chicago-based, grassroots-led, multiethnic human rights alliance”; “The founders engaged in “no separate peace” dialogues for a year and a half”; “In 2008 … won 500 summer jobs for youth in Chicago’s inner cities”; “their issues of education, housing, immigration and criminal justice”.'),

  // ── Other alliances named in the report ────────────────────────────────────────────────────
  org('appalachia', {
    name: 'Alliance for Appalachia', kind: 'alliance',
    description: 'Thirteen local grassroots groups from five central Appalachian states, formed in 2006 to end mountaintop removal coal mining by winning federal policy.',
    sectors: ['community', 'environmental'],
    issues: ['mountaintop_removal', 'environmental_justice'],
    constituencies: ['appalachian', 'rural'],
    capacities: caps('base', 'communications', 'legal', 'policy'),
    location: at(null, null, null, 'Central Appalachia (five states)'), powerScale: 'multi_state', foundedOn: '2006',
    alliance: {
      functions: ['joint_action'], membershipSpectrum: 'mostly_similar',
      memberPowerScales: ['local'], memberReach: 'Five states across central Appalachia', alliancePowerScale: 'national',
      stage: 'operational', pathToPower: 'campaign',
    },
  }, 'seed 001: “In 2006, thirteen local groups from five states across central Appalachia came together to form the Alliance for Appalachia to end mountaintop removal”; “comprised of local grassroots organizations located throughout the Appalachia multi-state region. Together they are working towards federal policy”; “equipping themselves with strategic communications, legal and policy expertise”.'),
  org('cpc', {
    name: 'Colorado Progressive Coalition', shortName: 'CPC', kind: 'alliance',
    description: 'A statewide alliance of diverse, cross-sector progressive organizations promoting racial, economic and environmental justice.',
    sectors: ['community'],
    issues: ['racial_justice', 'economic_justice', 'environmental_justice'],
    constituencies: ['people_of_color', 'low_income'],
    location: at('08', '08031', 'Denver'), powerScale: 'state',
    alliance: { functions: ['strategic_dialogue'], membershipSpectrum: 'diverse', alliancePowerScale: 'state' },
  }, 'seed 001: “the Colorado Progressive Coalition, a statewide alliance of diverse progressive organizations working to promote broadly racial, economic, and environmental justice, begin with a diverse base of member organizations that are cross-sector … and actively build long-term trust”. Denver: public knowledge.'),
  org('rejn', {
    name: 'Southeast Regional Economic Justice Network', shortName: 'REJN', kind: 'alliance',
    description: 'Founded in 1989 for grassroots organizations working with mostly Southern workers, women and youth to respond to global economic restructuring; a space for leadership development that models democracy, addressing gender discrimination and homophobia.',
    sectors: ['community', 'labor'],
    issues: ['globalization', 'economic_justice', 'workers_rights', 'gender_justice'],
    constituencies: ['low_income_workers', 'women', 'youth'],
    capacities: caps('training'),
    location: at('37', '37063', 'Durham', 'Southeast'), powerScale: 'multi_state', foundedOn: '1989',
    alliance: {
      functions: ['leadership_development'], memberPowerScales: ['local'], memberReach: 'The U.S. Southeast', alliancePowerScale: 'multi_state',
    },
  }, 'seed 001: “The Southeast Regional Economic Justice Network (REJN) was founded in 1989 for grassroots organizations working with mostly Southern workers, women, and youth to understand and effectively respond to global economic restructuring. REJN sees its space as an opportunity to build leadership”. Durham, NC: public knowledge (unsure).'),
  org('housing_la', {
    name: 'Housing LA', kind: 'alliance',
    description: 'A cross-sector alliance of labor, faith, community and business in Los Angeles; formed around housing policy objectives, now a space to build relationships and a broader progressive agenda for the city.',
    sectors: ['labor', 'faith', 'community', 'business'],
    issues: ['housing'],
    location: at(CA, LA_COUNTY, 'Los Angeles'), powerScale: 'local',
    alliance: {
      functions: ['strategic_dialogue', 'joint_action'], membershipSpectrum: 'diverse', alliancePowerScale: 'local', pathToPower: 'campaign',
    },
  }, 'seed 001: “Housing LA, a cross-sector alliance of labor, faith, community, and business, originally formed around specific policy objectives; however, it has now turned into a space where local organizers are building relationships and developing a broader progressive agenda for Los Angeles.”'),
  org('transform', {
    name: 'TransForm', kind: 'alliance',
    description: 'A regional advocacy alliance in the Bay Area of affordable housing advocates, environmentalists, bicycle and transit advocates, social justice groups and labor unions, united around livable communities and transit justice.',
    sectors: ['environmental', 'community', 'labor', 'advocacy'],
    issues: ['transit_justice', 'livable_communities', 'housing'],
    constituencies: ['low_income', 'immigrants'],
    capacities: caps('policy'),
    location: at(CA, ALAMEDA, 'Oakland', 'San Francisco Bay Area'), powerScale: 'regional',
    alliance: { functions: ['joint_action'], membershipSpectrum: 'diverse', alliancePowerScale: 'regional' },
  }, 'seed 001: “TransForm is a regional advocacy alliance in the Bay Area comprised of a wide range of organizations from affordable housing advocates to environmentalists to bicycle advocates”; “creating livable communities and fighting for transit justice”; “TransForm’s alliance between environmentalists, social justice and transit advocates, and labor unions”. Oakland: public knowledge.'),
  org('tirrc', {
    name: 'Tennessee Immigrant and Refugee Rights Coalition', shortName: 'TIRRC', kind: 'alliance',
    description: 'Grew out of a successful campaign for driver’s licenses for immigrants regardless of status; the statewide voice for immigrants and refugees, later building a shared vision and analysis.',
    sectors: ['community'],
    issues: ['immigrant_rights'],
    constituencies: ['immigrants', 'refugees'],
    location: at('47', '47037', 'Nashville'), powerScale: 'state',
    alliance: {
      functions: ['joint_action', 'strategic_dialogue'], alliancePowerScale: 'state', stage: 'operational', pathToPower: 'campaign',
    },
  }, 'seed 001: “in Tennessee, immigrant and refugee groups came together and led a successful campaign allowing immigrants, regardless of status, to have access to driver’s licenses. An alliance grew organically out of that shared campaign … the Tennessee Immigrant and Refugee Rights Coalition as the statewide voice for immigrants”; “double-backed to create a shared vision and analysis”. Nashville: public knowledge.'),
  org('plan', {
    name: 'Progressive Leadership Alliance of Nevada', shortName: 'PLAN', kind: 'alliance',
    description: 'A multi-racial, multi-issue statewide alliance; works with the faith community on economic issues affecting low-income families, and built a culture of trust through “Dismantling Racism” workshops.',
    sectors: ['community', 'faith'],
    issues: ['economic_justice', 'racial_justice'],
    constituencies: ['low_income', 'people_of_color', 'faith_communities'],
    location: at('32', null, null, 'Statewide'), powerScale: 'state',
    alliance: {
      functions: ['strategic_dialogue', 'leadership_development'], membershipSpectrum: 'diverse', alliancePowerScale: 'state',
    },
  }, 'seed 001: “Progressive Leadership Alliance of Nevada (PLAN) works with the faith community on economic issues that affect low-income families”; “the Progressive Leadership Alliance of Nevada (PLAN) – a multi-racial and multi-issue alliance”; “PLAN worked with the Western States Center to put together “Dismantling Racism” workshops”.'),
  org('nisn', {
    name: 'National Immigrant Solidarity Network', shortName: 'NISN', kind: 'alliance',
    description: 'A coalition of immigrant rights, labor, human rights, religious and student activist organizations; organized the July 2006 National Grassroots Immigrant Strategy Conference in Washington, DC.',
    sectors: ['community', 'labor', 'faith'],
    issues: ['immigrant_rights', 'workers_rights', 'human_rights', 'detention_deportation', 'border_communities'],
    constituencies: ['immigrants', 'students', 'union_members', 'faith_communities'],
    capacities: caps('popular_education', 'communications'),
    location: at(CA, LA_COUNTY, 'Los Angeles', 'Offices in Los Angeles, New York and Washington, DC'), powerScale: 'national',
    legalStructure: 'fiscally_sponsored',
    alliance: {
      functions: ['information_sharing', 'strategic_dialogue', 'joint_action'], membershipSpectrum: 'diverse',
      alliancePowerScale: 'national', structure: 'fiscally_sponsored',
    },
  }, 'seed 004: “The National Immigrant Solidarity Network (NISN) is a coalition of immigrant rights, labor, human rights, religious, and student activist organizations”; “From legislative letter-writing campaigns to speaker bureaus and educational materials”; donations “pay to: The Peace Center/ActionLA … Los Angeles … (All donations are tax deductible)”; “July 28-30, 2006, American University, Washington DC”.'),
  org('mira', {
    name: 'Mississippi Immigrant Rights Alliance', shortName: 'MIRA', kind: 'alliance',
    description: 'A statewide immigrant rights alliance in Mississippi, in the under-resourced Deep South.',
    sectors: ['community'],
    issues: ['immigrant_rights'],
    constituencies: ['immigrants'],
    location: at('28', '28049', 'Jackson', 'Deep South'), powerScale: 'state',
    alliance: { alliancePowerScale: 'state' },
  }, 'seed 001, Appendix B: “Executive Director, Mississippi Immigrant Rights Alliance”; the report on the Deep South as under-resourced. Jackson: public knowledge.'),
  org('nnirr', {
    name: 'National Network for Immigrant and Refugee Rights', shortName: 'NNIRR', kind: 'alliance',
    description: 'A national network for immigrant and refugee rights; recommended that the IAD convene a call of all its groups already engaged in immigration work.',
    sectors: ['community'],
    issues: ['immigrant_rights', 'immigration_reform'],
    constituencies: ['immigrants', 'refugees'],
    location: at(CA, ALAMEDA, 'Oakland', 'National'), powerScale: 'national',
    alliance: { alliancePowerScale: 'national' },
  }, 'seed 000: “Take up recommendation from NNIRR to convene a call of all IAD groups already engaged in immigration work”. Full name and Oakland office: public knowledge.'),

  // ── Member organizations ────────────────────────────────────────────────────────────────────
  org('scope', {
    name: 'Strategic Concepts in Organizing and Policy Education', shortName: 'SCOPE', kind: 'base_building',
    description: 'A South Los Angeles community organization (formerly AGENDA) that convened the California Alliance in 2003 and anchors California Calls.',
    sectors: ['community'],
    issues: ['tax_fiscal_reform', 'civic_engagement'],
    constituencies: ['low_income', 'african_american', 'latino', 'people_of_color'],
    capacities: caps('base', 'electoral'),
    location: at(CA, LA_COUNTY, 'Los Angeles', 'South Los Angeles'), powerScale: 'local',
  }, 'seed 001: “Originally convened in 2003 by Strategic Concepts in Organizing and Policy Education (SCOPE), a South Los Angeles-based community organization, the California Alliance came together”; seed 002: “hosted by alliance anchor group, SCOPE”. “Formerly AGENDA”: public knowledge.'),
  org('laane', {
    name: 'Los Angeles Alliance for a New Economy', shortName: 'LAANE', kind: 'policy',
    description: 'A labor-affiliated think-and-action tank committed to broad community alliances; a Partnership for Working Families member that runs a Ports Project.',
    sectors: ['labor', 'community', 'advocacy'],
    issues: ['jobs', 'community_benefits', 'workers_rights', 'clean_air'],
    constituencies: ['low_income_workers', 'union_members', 'port_truck_drivers'],
    capacities: caps('research', 'policy', 'communications'),
    location: at(CA, LA_COUNTY, 'Los Angeles'), powerScale: 'local',
  }, 'seed 001: “labor-affiliated think-and-action tanks with a commitment to broad community alliances such as the Los Angeles Alliance for a New Economy (LAANE)”; Appendix A: “Deputy Director and Director of Ports Project, Los Angeles Alliance for a New Economy”.'),
  org('wpusa', {
    name: 'Working Partnerships USA', kind: 'policy',
    description: 'A labor-affiliated think-and-action tank in San Jose; one of the original Partnership for Working Families members.',
    sectors: ['labor', 'community', 'advocacy'],
    issues: ['jobs', 'community_benefits', 'economic_justice'],
    constituencies: ['low_income_workers', 'union_members'],
    capacities: caps('research', 'policy'),
    location: at(CA, SANTA_CLARA, 'San Jose', 'Silicon Valley'), powerScale: 'regional',
  }, 'seed 001: “Originally composed of organizations with highly similar structures – essentially, labor-affiliated think-and-action tanks … such as the Los Angeles Alliance for a New Economy (LAANE) and Working Partnerships in San Jose”.'),
  org('pittsburgh_united', {
    name: 'Pittsburgh UNITED', kind: 'policy',
    description: 'A Pittsburgh variant of the think-and-action tank model in the Partnership for Working Families, committed to responsible development and community benefits.',
    sectors: ['labor', 'community'],
    issues: ['community_benefits', 'jobs'],
    constituencies: ['low_income_workers'],
    location: at('42', '42003', 'Pittsburgh'), powerScale: 'local',
  }, 'seed 001: “PWF has expanded to include some additional variants on that basic theme such as Pittsburgh UNITED and Georgia Stand-Up in Atlanta … all share a commitment to a new model of responsible development and community benefit”.'),
  org('georgia_standup', {
    name: 'Georgia Stand-Up', kind: 'policy',
    description: 'An Atlanta variant of the think-and-action tank model in the Partnership for Working Families, committed to responsible development and community benefits.',
    sectors: ['labor', 'community'],
    issues: ['community_benefits', 'jobs'],
    constituencies: ['low_income_workers'],
    location: at('13', '13121', 'Atlanta'), powerScale: 'local',
  }, 'seed 001: “PWF has expanded to include some additional variants on that basic theme such as Pittsburgh UNITED and Georgia Stand-Up in Atlanta”.'),
  org('fresc', {
    name: 'Front Range Economic Strategy Center', shortName: 'FRESC', kind: 'policy',
    description: 'A Denver-based Partnership for Working Families member working for economically and environmentally sustainable communities for low- and moderate-income workers and their families.',
    sectors: ['labor', 'community'],
    issues: ['jobs', 'community_benefits', 'environmental_justice'],
    constituencies: ['low_income_workers', 'families'],
    capacities: caps('research', 'policy'),
    location: at('08', '08031', 'Denver'), powerScale: 'local',
  }, 'seed 001: “FRESC, a Denver-based PWF member organization working to ensure economically and environmentally sustainable communities for the benefit of low- and moderate-income workers and their families”. Full name: public knowledge.'),
  org('nrdc', {
    name: 'Natural Resources Defense Council', shortName: 'NRDC', kind: 'environmental',
    description: 'National environmental organization; brought legal knowledge to the Coalition for Clean & Safe Ports and provided the legal team that beat the trucking industry’s challenge in 2010.',
    sectors: ['environmental', 'advocacy'],
    issues: ['clean_air', 'environmental_justice'],
    capacities: caps('legal', 'policy'),
    location: at(NY, NEW_YORK_COUNTY, 'New York', 'National'), powerScale: 'national',
  }, 'seed 001: “National Resource Defense Council’s (NRDC) legal knowledge”; “NRDC stuck with its labor allies and provided a legal team that beat back the ATA challenge”. Name as NRDC spells it and New York headquarters: public knowledge.'),
  org('sierra_club', {
    name: 'Sierra Club', kind: 'environmental',
    description: 'National environmental organization; brought policy expertise to the Coalition for Clean & Safe Ports; the Teamsters joined its opposition to Alaska oil drilling.',
    sectors: ['environmental'],
    issues: ['clean_air', 'climate_justice'],
    capacities: caps('policy', 'base'),
    location: at(CA, null, null, 'National'), powerScale: 'national',
  }, 'seed 001: “Sierra Club’s policy expertise”; “the Teamsters reversed their position on drilling for oil in Alaska and joined the Sierra Club’s opposition”.'),
  org('teamsters', {
    name: 'International Brotherhood of Teamsters', shortName: 'Teamsters', kind: 'union',
    description: 'Labor union in the Coalition for Clean & Safe Ports, bringing financial resources and relationships with decision-makers; took on new environmental positions through the alliance.',
    sectors: ['labor'],
    issues: ['workers_rights', 'jobs'],
    constituencies: ['port_truck_drivers', 'union_members'],
    capacities: caps('money', 'relationships', 'base'),
    location: at('11', '11001', 'Washington', 'National'), powerScale: 'national',
  }, 'seed 001: “labor’s financial resources and relationships with decision-makers”; “Labor is interested because such a system also facilitates unionization”; “the Teamsters reversed their position on drilling for oil in Alaska”. Washington, DC headquarters: public knowledge.'),
  org('target', {
    name: 'TARGET Area Development Corporation', shortName: 'TARGET', kind: 'base_building',
    description: 'An African American grassroots organization in Chicago; co-founder of the United Congress.',
    sectors: ['community'],
    issues: ['criminal_justice', 'jobs', 'human_rights'],
    constituencies: ['african_american', 'youth'],
    capacities: caps('base'),
    location: at(IL, COOK, 'Chicago'), powerScale: 'local',
  }, 'seed 001: “TARGET Area Development Corporation, an African American grassroots organization, and the Coalition of African, Arab, Asian, European and Latino Immigrants of Illinois (CAAAELI) launched the Congress”.'),
  org('caaaeli', {
    name: 'Coalition of African, Arab, Asian, European and Latino Immigrants of Illinois', shortName: 'CAAAELI', kind: 'base_building',
    description: 'A multiethnic immigrant organization in Chicago; co-founder of the United Congress.',
    sectors: ['community'],
    issues: ['immigrant_rights', 'human_rights'],
    constituencies: ['immigrants', 'latino'],
    capacities: caps('base'),
    location: at(IL, COOK, 'Chicago'), powerScale: 'local',
  }, 'seed 001: “the Coalition of African, Arab, Asian, European and Latino Immigrants of Illinois (CAAAELI) launched the Congress after recognizing a lingering distrust and a disconnect between their respective communities”.'),
  org('iman', {
    name: 'Inner-City Muslim Action Network', shortName: 'IMAN', kind: 'base_building',
    description: 'A Chicago Muslim community organization; an early partner of the United Congress, which it joined as a “dignified and empowering space”.',
    sectors: ['community', 'faith'],
    issues: ['human_rights', 'criminal_justice'],
    constituencies: ['muslim', 'faith_communities'],
    capacities: caps('base'),
    location: at(IL, COOK, 'Chicago'), powerScale: 'local',
  }, 'seed 001: “The early partners – TARGET, CAAAELI, Inner-City Muslim Action Network (IMAN), Ambassadors for Christ Church, and Disciples for Christ”; “he joined because it was a “dignified and empowering space””.'),
  org('ambassadors', {
    name: 'Ambassadors for Christ Church', kind: 'faith',
    description: 'A Chicago congregation; an early partner of the United Congress.',
    sectors: ['faith'],
    constituencies: ['faith_communities'],
    location: at(IL, COOK, 'Chicago'), powerScale: 'local',
  }, 'seed 001: “The early partners – TARGET, CAAAELI, Inner-City Muslim Action Network (IMAN), Ambassadors for Christ Church, and Disciples for Christ”.'),
  org('disciples', {
    name: 'Disciples for Christ', kind: 'faith',
    description: 'A Chicago faith organization; an early partner of the United Congress.',
    sectors: ['faith'],
    constituencies: ['faith_communities'],
    location: at(IL, COOK, 'Chicago'), powerScale: 'local',
  }, 'seed 001: “The early partners – TARGET, CAAAELI, Inner-City Muslim Action Network (IMAN), Ambassadors for Christ Church, and Disciples for Christ”.'),
  org('gamaliel_chicago', {
    name: 'Gamaliel of Metro Chicago', kind: 'faith',
    description: 'A local affiliate of the Gamaliel organizing network whose alliance-building work crosses sectors and constituencies.',
    sectors: ['faith', 'community'],
    constituencies: ['faith_communities'],
    capacities: caps('base', 'training'),
    location: at(IL, COOK, 'Chicago'), powerScale: 'regional',
  }, 'seed 001: “we did investigate the alliance-building work of certain local affiliates, such as LA Voice, a PICO affiliate based in Los Angeles, Gamaliel of Metro Chicago, and …”.'),
  org('kftc', {
    name: 'Kentuckians For The Commonwealth', shortName: 'KFTC', kind: 'base_building',
    description: 'A Kentucky grassroots organization that brought voter engagement tools from other Pushback Network states home to Kentucky.',
    sectors: ['community'],
    issues: ['civic_engagement', 'mountaintop_removal'],
    constituencies: ['appalachian', 'rural', 'new_voters'],
    capacities: caps('base', 'electoral'),
    location: at('21', '21125', 'London', 'Appalachian Kentucky'), powerScale: 'state',
  }, 'seed 001: “through its involvement with the Pushback Network, Kentuckians For The Commonwealth (KFTC) has taken the lessons learned from voter engagement tools and practices in other states and applied them to its home turf in Kentucky”. Mountaintop removal work and London, KY office: public knowledge.'),
  org('mom', {
    name: 'Mothers on the Move', shortName: 'MOM', kind: 'base_building',
    description: 'A Bronx-based community organization and Right to the City member working on public housing conditions in New York.',
    sectors: ['community'],
    issues: ['public_housing', 'housing', 'gentrification_displacement'],
    constituencies: ['public_housing_residents', 'tenants', 'women', 'families'],
    capacities: caps('base'),
    location: at(NY, BRONX, 'New York', 'The Bronx'), powerScale: 'local',
  }, 'seed 001: “Wanda Salaman of the Bronx-based community organization and RTTC member Mothers on the Move (MOM) spoke about how MOM could write a paper on public housing conditions in New York”.'),
  org('la_voice', {
    name: 'LA Voice', kind: 'faith',
    description: 'A PICO affiliate based in Los Angeles whose alliance-building work crosses sectors and constituencies.',
    sectors: ['faith', 'community'],
    constituencies: ['faith_communities'],
    capacities: caps('base'),
    location: at(CA, LA_COUNTY, 'Los Angeles'), powerScale: 'local',
  }, 'seed 001: “LA Voice, a PICO affiliate based in Los Angeles”.'),
  org('cause', {
    name: 'Central Coast Alliance United for a Sustainable Economy', shortName: 'CAUSE', kind: 'base_building',
    description: 'A Gamaliel affiliate in Ventura County, California, working across sectors and constituencies.',
    sectors: ['community'],
    constituencies: ['low_income', 'latino'],
    capacities: caps('base'),
    location: at(CA, VENTURA, null, 'Ventura County, Central Coast'), powerScale: 'regional',
  }, 'seed 001: “Central Coast Alliance United for a Sustainable Economy (CAUSE), a Gamaliel affiliate in Ventura, CA”.'),
  org('bro', {
    name: 'Basic Rights Oregon', shortName: 'BRO', kind: 'base_building',
    description: 'Works to end discrimination based on sexual orientation and gender identity; allied with African American churches in Portland against police brutality, and with others on reproductive freedom, worker protection, immigrant rights and racial justice.',
    sectors: ['community'],
    issues: ['lgbt_rights', 'police_brutality', 'reproductive_justice', 'workers_rights', 'immigrant_rights', 'racial_justice'],
    constituencies: ['lgbt'],
    location: at('41', '41051', 'Portland'), powerScale: 'state',
  }, 'seed 001: “Basic Rights Oregon, a group dedicated to ending discrimination based on sexual orientation and gender identity, that is working in alliance with a group of African American churches in Portland to fight police brutality”; “BRO also works with other organizations on reproductive freedom, worker protection, immigrant rights, and racial justice”.'),
  org('pcun', {
    name: 'Pineros y Campesinos Unidos del Noroeste', shortName: 'PCUN', kind: 'union',
    description: 'Oregon’s farmworker union; raises close to a million dollars from donors for its CAPACES leadership institute and works with federal agencies to change regulations that hurt farmworkers.',
    sectors: ['labor', 'community'],
    issues: ['workers_rights', 'immigrant_rights'],
    constituencies: ['farmworkers', 'immigrants', 'latino'],
    capacities: caps('base', 'training', 'money', 'policy'),
    location: at('41', '41047', 'Woodburn'), powerScale: 'state',
  }, 'seed 001: “Oregon’s Farmworker Union, Pineros y Campesinos Unidos del Noroeste, has a big donor campaign that is bringing in almost a million dollars for its CAPACES leadership institute”; “working with federal agencies, specifically the Department of Labor, Environmental Protection Agency, and US Department of Agriculture”. Woodburn: public knowledge.'),
  org('wsc', {
    name: 'Western States Center', shortName: 'WSC', kind: 'intermediary',
    description: 'An organizing intermediary working in eight generally conservative Western states, building relationships between environmentalists, labor unions, the LGBT community and immigrants.',
    sectors: ['community'],
    issues: ['racial_justice', 'gender_justice', 'lgbt_rights'],
    capacities: caps('training'),
    location: at('41', '41051', 'Portland', 'Eight Western states'), powerScale: 'multi_state',
  }, 'seed 001: “Western States Center (WSC) is an organizing intermediary that works in eight, generally conservative Western states and helps to build relationships between environmentalists, labor unions, LGBT community, and immigrants”; “Gender Justice Program and RACE Program”. Portland: public knowledge.'),
  org('mwc', {
    name: 'Miami Workers Center', kind: 'base_building',
    description: 'A Miami organization whose Circle of Consciousness training helped African Americans and immigrants see each group’s history in the context of a global economy.',
    sectors: ['community'],
    issues: ['economic_justice', 'racial_justice'],
    constituencies: ['african_american', 'immigrants', 'low_income'],
    capacities: caps('base', 'training'),
    location: at('12', '12086', 'Miami'), powerScale: 'local',
  }, 'seed 001: “the Miami Workers Center conducted a Circle of Consciousness training to help African Americans and immigrants see each groups’ history in the context of a global economy”; “Many of the organizations funded through PIP are on the forefront of alliance building, like Miami Workers’ Center”.'),
  org('rop', {
    name: 'Rural Organizing Project', shortName: 'ROP', kind: 'base_building',
    description: 'An Oregon organization building bridges in rural communities; named by Public Interest Projects among groups on the forefront of alliance building.',
    sectors: ['community'],
    constituencies: ['rural'],
    location: at('41', null, null, 'Rural Oregon'), powerScale: 'state',
  }, 'seed 001: “Many of the organizations funded through PIP are on the forefront of alliance building, like Miami Workers’ Center, Colorado Progressive Coalition, and the Rural Organizing Project”. Oregon: public knowledge.'),
  org('mrny', {
    name: 'Make the Road New York', kind: 'base_building',
    description: 'A New York City community organization interviewed for the report (“Democracy Day”).',
    sectors: ['community'],
    issues: ['immigrant_rights', 'workers_rights'],
    constituencies: ['immigrants', 'latino', 'low_income_workers'],
    capacities: caps('base'),
    location: at(NY, null, 'New York'), powerScale: 'local',
  }, 'seed 001, Appendix A: “Co-Executive Director, Make the Road New York”; photo credit “Democracy Day, Make the Road New York”. Issues and constituencies: public knowledge.'),
  org('cvh', {
    name: 'Community Voices Heard', shortName: 'CVH', kind: 'base_building',
    description: 'A New York City grassroots organization of low-income people, interviewed for the report and at its July 2010 convening.',
    sectors: ['community'],
    issues: ['public_housing', 'economic_justice'],
    constituencies: ['low_income', 'women', 'public_housing_residents'],
    capacities: caps('base'),
    location: at(NY, NEW_YORK_COUNTY, 'New York', 'East Harlem'), powerScale: 'local',
  }, 'seed 001, Appendices A and B: “Executive Director, Community Voices Heard”. Issues, constituencies and East Harlem: public knowledge.'),
  org('southern_echo', {
    name: 'Southern Echo', kind: 'base_building',
    description: 'A Mississippi organization in the Deep South, interviewed for the report and at its July 2010 convening.',
    sectors: ['community'],
    issues: ['civic_engagement', 'education', 'racial_justice'],
    constituencies: ['african_american', 'rural'],
    capacities: caps('base', 'training'),
    location: at('28', '28049', 'Jackson', 'Deep South'), powerScale: 'state',
  }, 'seed 001, Appendices A and B: “Executive Director, Southern Echo”. Jackson, issues and constituencies: public knowledge.'),
  org('project_south', {
    name: 'Project South', kind: 'base_building',
    description: 'An established Atlanta movement-building organization that has succeeded in raising membership dues and individual donations.',
    sectors: ['community'],
    issues: ['economic_justice', 'racial_justice'],
    constituencies: ['low_income', 'african_american'],
    capacities: caps('popular_education', 'money'),
    location: at('13', '13121', 'Atlanta', 'Southeast'), powerScale: 'multi_state',
  }, 'seed 001: “more established organizations, like Project South, have had success with this [membership dues and individual donor funds]”; Appendix A: “Executive Leadership Team Member, Project South”. Atlanta and popular education: public knowledge.'),
  org('swop', {
    name: 'SouthWest Organizing Project', shortName: 'SWOP', kind: 'base_building',
    description: 'An Albuquerque organization, at the report’s July 2010 convening of alliance builders.',
    sectors: ['community'],
    issues: ['environmental_justice', 'racial_justice'],
    constituencies: ['latino', 'people_of_color', 'youth'],
    capacities: caps('base'),
    location: at('35', '35001', 'Albuquerque'), powerScale: 'state',
  }, 'seed 001, Appendix B: “Executive Director, SouthWest Organizing Project”. Albuquerque, issues and constituencies: public knowledge.'),

  // ── Intermediaries, researchers and funders the seeds name ──────────────────────────────────
  org('ccc', {
    name: 'Center for Community Change', shortName: 'CCC', kind: 'intermediary',
    description: 'A national organizing intermediary; its “Black Space” project gives black leaders a safe space on the way to trust and shared vision with other communities.',
    sectors: ['community'],
    issues: ['racial_justice'],
    constituencies: ['african_american'],
    capacities: caps('training'),
    location: at('11', '11001', 'Washington', 'National'), powerScale: 'national',
  }, 'seed 001: “the Center for Community Change has launched a project called “Black Space” based on the idea that black leaders need a safe space”. Washington, DC: public knowledge.'),
  org('pip', {
    name: 'Public Interest Projects', shortName: 'PIP', kind: 'funder',
    description: 'Brings together philanthropic institutions and nonprofits; operates grantmaking, technical assistance and strategic-planning programs for donors interested in social justice and human rights. Commissioned “Connecting at the Crossroads”.',
    sectors: ['philanthropy'],
    issues: ['human_rights', 'immigrant_rights'],
    capacities: caps('money'),
    location: at(NY, NEW_YORK_COUNTY, 'New York'), powerScale: 'national',
  }, 'seed 001: “Public Interest Projects, Inc. (PIP) … operates grantmaking, technical assistance and strategic-planning programs for institutional donors interested in social justice and human rights issues”; “45 W 36th St, 6th Floor, New York, NY”; “Program Officer, Four Freedoms Fund”.'),
  org('pere', {
    name: 'USC Program for Environmental and Regional Equity', shortName: 'USC PERE', kind: 'research',
    description: 'University research program on environmental justice, regional inclusion and social movement building; authors of “Connecting at the Crossroads”.',
    sectors: ['academia'],
    issues: ['environmental_justice', 'immigrant_rights'],
    capacities: caps('research'),
    location: at(CA, LA_COUNTY, 'Los Angeles'), powerScale: 'national', foundedOn: '2007',
  }, 'seed 001: “Established in 2007, the University of Southern California’s Program for Environmental and Regional Equity (PERE) conducts research and facilitates discussions on issues of environmental justice, regional inclusion, and social movement building”; “Los Angeles, CA 90089-1291”.'),
  org('baji', {
    name: 'Black Alliance for Just Immigration', shortName: 'BAJI', kind: 'base_building',
    description: 'Builds cross-racial community alliances for immigrant rights and racial justice; published “Crossing Boundaries, Crossing Communities” (2010).',
    sectors: ['community'],
    issues: ['immigrant_rights', 'racial_justice'],
    constituencies: ['african_american', 'immigrants'],
    capacities: caps('research'),
    location: at(CA, ALAMEDA, 'Oakland'), powerScale: 'national',
  }, 'seed 001: “the Black Alliance for Just Immigration (BAJI) released Crossing Boundaries, Crossing Communities: Alliance Building for Immigrant Rights and Racial Justice (2010)”; references: “Oakland, CA”.'),
  org('kirwan', {
    name: 'Kirwan Institute for the Study of Race and Ethnicity', shortName: 'Kirwan Institute', kind: 'research',
    description: 'A research institute at The Ohio State University; published “African-American-Immigrant Alliance Building” (2009).',
    sectors: ['academia'],
    issues: ['racial_justice', 'immigrant_rights'],
    capacities: caps('research'),
    location: at('39', '39049', 'Columbus'), powerScale: 'national',
  }, 'seed 001: “the Kirwan Institute for the Study of Race and Ethnicity published African-American-Immigrant Alliance Building (2009)”; references: “Columbus, OH, Kirwan Institute … at The Ohio State University”.'),
  org('rockwood', {
    name: 'Rockwood Leadership Institute', kind: 'intermediary',
    description: 'A leadership program with a movement-building perspective whose cohorts seed long-term relationships between organizations.',
    sectors: ['community'],
    capacities: caps('training'),
    powerScale: 'national',
  }, 'seed 001: “Leadership programs with a movement-building perspective, such as Rockwood Leadership Institute and Social Justice Leadership, can also play an important role in establishing personal connections”.'),
  org('sjl', {
    name: 'Social Justice Leadership', kind: 'intermediary',
    description: 'A leadership program with a movement-building perspective that builds personal ties between leaders.',
    sectors: ['community'],
    capacities: caps('training'),
    powerScale: 'national',
  }, 'seed 001: “something that leadership programs such as Rockwood Leadership Institute and Social Justice Leadership are doing”.'),
  org('osi', {
    name: 'Open Society Institute', shortName: 'OSI', kind: 'funder',
    description: 'A large foundation the IAD asked to move resources to the networks and then to their primary constituency organizations.',
    sectors: ['philanthropy'],
    capacities: caps('money'),
    location: at(NY, NEW_YORK_COUNTY, 'New York'), powerScale: 'international',
  }, 'seed 000: “Continue to leverage strength of IAD to approach groups like OSI and Atlantic Philanthropies. The ask of OSI has been to move resources to the networks to do our day-to-day work and participate in IAD”. New York: public knowledge.'),
  org('atlantic', {
    name: 'Atlantic Philanthropies', kind: 'funder',
    description: 'A large foundation the IAD planned to approach to move money to grassroots constituency organizations.',
    sectors: ['philanthropy'],
    capacities: caps('money'),
    powerScale: 'international',
  }, 'seed 000: “approach groups like OSI and Atlantic Philanthropies … The next task is to have these large foundations move money to our primary constituency organizations”.'),
  org('fntg', {
    name: 'Funders’ Network on Trade and Globalization', shortName: 'FNTG', kind: 'funder',
    description: 'A funders’ network the IAD planned to brief in January 2010 on getting funding to local groups.',
    sectors: ['philanthropy'],
    issues: ['globalization'],
    capacities: caps('money'),
    powerScale: 'national',
  }, 'seed 000: “Briefing with the Funders’ Network on Trade and Globalization and Funder/Movement groups in late January”.'),
  org('cal_endowment', {
    name: 'The California Endowment', kind: 'funder',
    description: 'A California health foundation; supported PERE’s report “Making Change: How Social Movements Work”.',
    sectors: ['philanthropy'],
    issues: ['health_care'],
    capacities: caps('money'),
    location: at(CA, LA_COUNTY, 'Los Angeles'), powerScale: 'state',
  }, 'seed 001: “With support from The California Endowment, we published Making Change: How Social Movements Work – and How to Support Them (2009)”. Los Angeles headquarters: public knowledge.'),
];

const IAD_FORMALIZED = 'seed 000, “2009 First 6 Months”: “Formalize membership: Jobs with Justice, National Day Laborers Organizing Network, National Domestic Workers Alliance, Right to the City, GGJ”';

export const DEMO_MEMBERSHIPS: DemoMembership[] = [
  // The Inter-Alliance Dialogue: an alliance of alliances.
  { allianceKey: 'iad', memberKey: 'ggj', role: 'anchor', status: 'active', startedOn: '2009', source: `${IAD_FORMALIZED}; “GGJ and RttC anchoring on Climate/Environmental Justice”.` },
  { allianceKey: 'iad', memberKey: 'jwj', role: 'anchor', status: 'active', startedOn: '2009', source: `${IAD_FORMALIZED}; “RttC and JwJ anchoring on Challenging the Banks”.` },
  { allianceKey: 'iad', memberKey: 'ndlon', role: 'anchor', status: 'active', startedOn: '2009', source: `${IAD_FORMALIZED}; “NDLOM anchoring on immigrants’ rights”.` },
  { allianceKey: 'iad', memberKey: 'ndwa', role: 'member', status: 'active', startedOn: '2009', source: `${IAD_FORMALIZED}.` },
  { allianceKey: 'iad', memberKey: 'rttc', role: 'anchor', status: 'active', startedOn: '2009', source: `${IAD_FORMALIZED}; “GGJ and RttC anchoring on Climate/Environmental Justice”, “RttC and JwJ anchoring on Challenging the Banks”.` },
  { allianceKey: 'iad', memberKey: 'pbn', role: 'member', status: 'active', startedOn: '2009-07', source: 'seed 000, “July Strategic Planning Convening, Maryland”: “PushBack Network officially joins the IAD”.' },
  { allianceKey: 'iad', memberKey: 'nnirr', role: 'ally', status: 'active', source: 'seed 000: “Take up recommendation from NNIRR to convene a call of all IAD groups already engaged in immigration work” (an ally advising the IAD, not a member).' },

  // Alliances' own members, as the report names them.
  { allianceKey: 'rttc', memberKey: 'mom', role: 'member', status: 'active', source: 'seed 001: “the Bronx-based community organization and RTTC member Mothers on the Move (MOM)”.' },
  { allianceKey: 'pbn', memberKey: 'kftc', role: 'member', status: 'active', source: 'seed 001: “through its involvement with the Pushback Network, Kentuckians For The Commonwealth (KFTC) has taken the lessons learned from voter engagement tools”.' },
  { allianceKey: 'appalachia', memberKey: 'kftc', role: 'member', status: 'active', startedOn: '2006', source: 'Not in the seeds: public knowledge that KFTC is a founding member of the Alliance for Appalachia (seed 001 gives the alliance: “thirteen local groups from five states across central Appalachia”).' },

  { allianceKey: 'california_alliance', memberKey: 'scope', role: 'anchor', status: 'active', startedOn: '2003', source: 'seed 001: “Originally convened in 2003 by Strategic Concepts in Organizing and Policy Education (SCOPE)”.' },
  { allianceKey: 'california_calls', memberKey: 'scope', role: 'anchor', status: 'active', source: 'seed 002: “hosted by alliance anchor group, SCOPE”.' },
  { allianceKey: 'california_calls', memberKey: 'cause', role: 'member', status: 'active', source: 'Not in the seeds: public knowledge that CAUSE is California Calls’ Ventura County partner (seed 001 names CAUSE in Ventura; seed 002 speaks of “California Calls member groups”).' },

  { allianceKey: 'pwf', memberKey: 'laane', role: 'member', status: 'active', source: 'seed 001: “labor-affiliated think-and-action tanks … such as the Los Angeles Alliance for a New Economy (LAANE)” (original PWF composition).' },
  { allianceKey: 'pwf', memberKey: 'wpusa', role: 'member', status: 'active', source: 'seed 001: “… and Working Partnerships in San Jose” (original PWF composition).' },
  { allianceKey: 'pwf', memberKey: 'pittsburgh_united', role: 'member', status: 'active', source: 'seed 001: “PWF has expanded to include some additional variants on that basic theme such as Pittsburgh UNITED”.' },
  { allianceKey: 'pwf', memberKey: 'georgia_standup', role: 'member', status: 'active', source: 'seed 001: “… and Georgia Stand-Up in Atlanta”.' },
  { allianceKey: 'pwf', memberKey: 'fresc', role: 'member', status: 'active', source: 'seed 001: “FRESC, a Denver-based PWF member organization”.' },

  { allianceKey: 'ports', memberKey: 'laane', role: 'member', status: 'active', source: 'seed 001, Appendix A: “Deputy Director and Director of Ports Project, Los Angeles Alliance for a New Economy” (interviewed on the ports coalition).' },
  { allianceKey: 'ports', memberKey: 'nrdc', role: 'member', status: 'active', source: 'seed 001: “National Resource Defense Council’s (NRDC) legal knowledge … NRDC stuck with its labor allies”.' },
  { allianceKey: 'ports', memberKey: 'sierra_club', role: 'member', status: 'active', source: 'seed 001: “Sierra Club’s policy expertise”.' },
  { allianceKey: 'ports', memberKey: 'teamsters', role: 'member', status: 'active', source: 'seed 001: “Partners have taken on new issues … the Teamsters reversed their position on drilling for oil in Alaska”.' },

  { allianceKey: 'united_congress', memberKey: 'target', role: 'anchor', status: 'active', startedOn: '2005', source: 'seed 001: “TARGET Area Development Corporation … and [CAAAELI] launched the Congress”.' },
  { allianceKey: 'united_congress', memberKey: 'caaaeli', role: 'anchor', status: 'active', startedOn: '2005', source: 'seed 001: “[TARGET] and the Coalition of African, Arab, Asian, European and Latino Immigrants of Illinois (CAAAELI) launched the Congress”.' },
  { allianceKey: 'united_congress', memberKey: 'iman', role: 'member', status: 'active', source: 'seed 001: “The early partners – TARGET, CAAAELI, Inner-City Muslim Action Network (IMAN), …”.' },
  { allianceKey: 'united_congress', memberKey: 'ambassadors', role: 'member', status: 'active', source: 'seed 001: “The early partners – … Ambassadors for Christ Church, and Disciples for Christ”.' },
  { allianceKey: 'united_congress', memberKey: 'disciples', role: 'member', status: 'active', source: 'seed 001: “The early partners – … Ambassadors for Christ Church, and Disciples for Christ”.' },

  { allianceKey: 'plan', memberKey: 'wsc', role: 'ally', status: 'active', source: 'seed 001: “PLAN worked with the Western States Center to put together “Dismantling Racism” workshops for its members” (a partner intermediary, not a member).' },
];

// Fictional people. Seats follow the loader's rule: a person sits only on the memberships of the
// organization listed first in their affiliations. Some memberships deliberately have a staff
// seat and no leader seat (IAD>Pushback, IAD>Right to the City, PWF>LAANE, PWF>Working
// Partnerships, PWF>Georgia Stand-Up, United Congress>CAAAELI, California Calls>CAUSE,
// Alliance for Appalachia>KFTC), so the app can flag missing co-representation.
type Seat = DemoPerson['seats'][number];
function person(key: string, name: string, languages: string[], phone: string,
  affiliations: DemoPerson['affiliations'], seats: Seat[]): DemoPerson {
  const email = `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
  return { key, name, languages, email, phone, affiliations, seats };
}
const seat = (allianceKey: string, memberKey: string, s: RepresentativeSeat): Seat => ({ allianceKey, memberKey, seat: s });

export const DEMO_PEOPLE: DemoPerson[] = [
  // Inter-Alliance Dialogue representatives of the six alliances.
  person('teresa_olmedo', 'Teresa Olmedo', ['es', 'en'], '213-555-0101', [{ orgKey: 'ndlon', role: 'staff' }], [seat('iad', 'ndlon', 'staff')]),
  person('ramiro_castaneda', 'Ramiro Castañeda', ['es'], '213-555-0102', [{ orgKey: 'ndlon', role: 'leader' }], [seat('iad', 'ndlon', 'leader')]),
  person('beatriz_solano', 'Beatriz Solano', ['es', 'en'], '213-555-0103', [{ orgKey: 'ndlon', role: 'staff' }], [seat('iad', 'ndlon', 'alternate')]),
  person('grace_okafor', 'Grace Okafor', ['en'], '718-555-0104', [{ orgKey: 'ggj', role: 'staff' }], [seat('iad', 'ggj', 'staff')]),
  person('dolores_quintero', 'Dolores Quintero', ['es', 'en'], '718-555-0105', [{ orgKey: 'ggj', role: 'leader' }], [seat('iad', 'ggj', 'leader')]),
  person('nadia_haddad', 'Nadia Haddad', ['en', 'ar'], '202-555-0106', [{ orgKey: 'jwj', role: 'staff' }], [seat('iad', 'jwj', 'staff')]),
  person('curtis_bellamy', 'Curtis Bellamy', ['en'], '202-555-0107', [{ orgKey: 'jwj', role: 'leader' }], [seat('iad', 'jwj', 'leader')]),
  person('rosalba_mejia', 'Rosalba Mejía', ['es', 'en'], '212-555-0108', [{ orgKey: 'ndwa', role: 'leader' }], [seat('iad', 'ndwa', 'leader')]),
  person('priya_raghunathan', 'Priya Raghunathan', ['en'], '212-555-0109', [{ orgKey: 'ndwa', role: 'staff' }], [seat('iad', 'ndwa', 'staff')]),
  person('owen_tallis', 'Owen Tallis', ['en'], '505-555-0110', [{ orgKey: 'pbn', role: 'staff' }], [seat('iad', 'pbn', 'staff')]),
  person('keisha_brandon', 'Keisha Brandon', ['en'], '617-555-0111', [{ orgKey: 'rttc', role: 'staff' }], [seat('iad', 'rttc', 'staff')]),

  // California.
  person('jasmine_holloway', 'Jasmine Holloway', ['en'], '323-555-0112', [{ orgKey: 'scope', role: 'staff' }],
    [seat('california_alliance', 'scope', 'staff'), seat('california_calls', 'scope', 'staff')]),
  person('rogelio_zavala', 'Rogelio Zavala', ['es', 'en'], '323-555-0113', [{ orgKey: 'scope', role: 'leader' }],
    [seat('california_alliance', 'scope', 'leader'), seat('california_calls', 'scope', 'leader')]),
  person('gloria_benavides', 'Gloria Benavides', ['es', 'en'], '323-555-0114', [{ orgKey: 'scope', role: 'board' }], [seat('california_calls', 'scope', 'alternate')]),
  person('maricela_fuentes', 'Maricela Fuentes', ['es'], '805-555-0115', [{ orgKey: 'cause', role: 'staff' }], [seat('california_calls', 'cause', 'staff')]),

  // Partnership for Working Families and the ports coalition.
  person('hector_villasenor', 'Héctor Villaseñor', ['es', 'en'], '213-555-0116', [{ orgKey: 'laane', role: 'staff' }],
    [seat('pwf', 'laane', 'staff'), seat('ports', 'laane', 'staff')]),
  person('lorena_ibarra', 'Lorena Ibarra', ['es', 'en'], '310-555-0117', [{ orgKey: 'laane', role: 'leader' }], [seat('ports', 'laane', 'leader')]),
  person('samuel_whitaker', 'Samuel Whitaker', ['en'], '408-555-0118', [{ orgKey: 'wpusa', role: 'staff' }], [seat('pwf', 'wpusa', 'staff')]),
  person('danielle_kowalski', 'Danielle Kowalski', ['en'], '412-555-0119', [{ orgKey: 'pittsburgh_united', role: 'staff' }], [seat('pwf', 'pittsburgh_united', 'staff')]),
  person('marcus_treadwell', 'Marcus Treadwell', ['en'], '412-555-0120', [{ orgKey: 'pittsburgh_united', role: 'leader' }], [seat('pwf', 'pittsburgh_united', 'leader')]),
  person('yvette_dumont', 'Yvette Dumont', ['en', 'fr'], '404-555-0121', [{ orgKey: 'georgia_standup', role: 'staff' }], [seat('pwf', 'georgia_standup', 'staff')]),
  person('ignacio_barrera', 'Ignacio Barrera', ['es', 'en'], '303-555-0122', [{ orgKey: 'fresc', role: 'staff' }], [seat('pwf', 'fresc', 'staff')]),
  person('carmela_ruiz', 'Carmela Ruiz', ['es', 'en'], '303-555-0123', [{ orgKey: 'fresc', role: 'leader' }], [seat('pwf', 'fresc', 'leader')]),

  // United Congress, Chicago.
  person('loretta_gaines', 'Loretta Gaines', ['en'], '312-555-0124', [{ orgKey: 'target', role: 'staff' }], [seat('united_congress', 'target', 'staff')]),
  person('harold_whitfield', 'Harold Whitfield', ['en'], '773-555-0125', [{ orgKey: 'target', role: 'leader' }], [seat('united_congress', 'target', 'leader')]),
  person('esperanza_galindo', 'Esperanza Galindo', ['es', 'en'], '773-555-0126', [{ orgKey: 'caaaeli', role: 'staff' }], [seat('united_congress', 'caaaeli', 'staff')]),
  person('khalid_mansour', 'Khalid Mansour', ['en', 'ar'], '773-555-0127', [{ orgKey: 'iman', role: 'staff' }], [seat('united_congress', 'iman', 'staff')]),
  person('samira_odeh', 'Samira Odeh', ['en', 'ar'], '773-555-0128', [{ orgKey: 'iman', role: 'leader' }], [seat('united_congress', 'iman', 'leader')]),
  person('clarence_ambrose', 'Clarence Ambrose', ['en'], '773-555-0129', [{ orgKey: 'ambassadors', role: 'leader' }], [seat('united_congress', 'ambassadors', 'leader')]),

  // Kentucky and the Bronx.
  person('wendell_harlan', 'Wendell Harlan', ['en'], '606-555-0130', [{ orgKey: 'kftc', role: 'staff' }],
    [seat('pbn', 'kftc', 'staff'), seat('appalachia', 'kftc', 'staff')]),
  person('darlene_combs', 'Darlene Combs', ['en'], '606-555-0131', [{ orgKey: 'kftc', role: 'leader' }], [seat('pbn', 'kftc', 'leader')]),
  person('altagracia_pena', 'Altagracia Peña', ['es', 'en'], '718-555-0132', [{ orgKey: 'mom', role: 'leader' }], [seat('rttc', 'mom', 'leader')]),
  person('josefina_almonte', 'Josefina Almonte', ['es', 'en'], '718-555-0133', [{ orgKey: 'mom', role: 'staff' }], [seat('rttc', 'mom', 'staff')]),

  // People in organizations that are in no alliance yet (the ally finder's raw material).
  person('tomas_echeverria', 'Tomás Echeverría', ['es', 'en'], '503-555-0134', [{ orgKey: 'pcun', role: 'staff' }], []),
  person('ruth_emberly', 'Ruth Emberly', ['en'], '305-555-0135', [{ orgKey: 'mwc', role: 'leader' }], []),
];
