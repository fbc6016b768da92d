export const SPACE_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

const RANK: Record<SpaceRole, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/** Whether `role` is at least `needed`; no role, or one this app does not know, is not. */
export function roleAtLeast(role: SpaceRole | string | null | undefined, needed: SpaceRole): boolean {
  return role != null && role in RANK && RANK[role as SpaceRole] >= RANK[needed];
}

export const GRANT_SCOPES = ['profile', 'representatives', 'people'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];
