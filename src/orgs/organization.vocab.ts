// The closed lists of the Organization model (DESIGN.md §3). Open lists (issues,
// constituencies, sectors, capacities) are per-workspace vocabularies instead.
export const ORGANIZATION_KINDS = [
  'base_building', 'union', 'faith', 'environmental', 'policy', 'legal', 'research',
  'intermediary', 'funder', 'government', 'business', 'alliance',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const POWER_SCALES = ['local', 'regional', 'state', 'multi_state', 'national', 'international'] as const;
export type PowerScale = (typeof POWER_SCALES)[number];

export const LEGAL_STRUCTURES = ['informal', '501c3', '501c4', 'fiscally_sponsored'] as const;
export type LegalStructure = (typeof LEGAL_STRUCTURES)[number];

export const BUDGET_BANDS = ['under_100k', '100k_500k', '500k_1m', '1m_5m', 'over_5m'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];

// Alliance profile (the report's five dimensions and stages).
export const ALLIANCE_FUNCTIONS = [
  'information_sharing', 'strategic_dialogue', 'leadership_development', 'joint_action',
] as const;
export type AllianceFunction = (typeof ALLIANCE_FUNCTIONS)[number];

export const MEMBERSHIP_SPECTRA = ['similar', 'mostly_similar', 'mixed', 'mostly_diverse', 'diverse'] as const;
export type MembershipSpectrum = (typeof MEMBERSHIP_SPECTRA)[number];

// "less formal bodies led by member organizations" ↔ "independent non-profit with independent staff".
export const ALLIANCE_STRUCTURES = ['member_led', 'anchor_hosted', 'fiscally_sponsored', 'independent_nonprofit'] as const;
export type AllianceStructure = (typeof ALLIANCE_STRUCTURES)[number];

// The report's five stages of development (Figure 4).
export const ALLIANCE_STAGES = ['strategy_development', 'outreach', 'formation', 'operational', 'institutionalization'] as const;
export type AllianceStage = (typeof ALLIANCE_STAGES)[number];

export const PATHS_TO_POWER = ['campaign', 'relational'] as const;
export type PathToPower = (typeof PATHS_TO_POWER)[number];

// Membership of an organization or an alliance in an alliance.
export const MEMBERSHIP_ROLES = ['anchor', 'member', 'ally', 'observer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const MEMBERSHIP_STATUSES = ['prospect', 'invited', 'active', 'lapsed', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const REPRESENTATIVE_SEATS = ['staff', 'leader', 'alternate'] as const;
export type RepresentativeSeat = (typeof REPRESENTATIVE_SEATS)[number];

// Person affiliations.
export const AFFILIATION_ROLES = ['staff', 'leader', 'member', 'board'] as const;
export type AffiliationRole = (typeof AFFILIATION_ROLES)[number];

export const VOCABULARY_KINDS = ['issue', 'constituency', 'sector', 'capacity'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];
