import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

// Who may change whose role: admins manage members and viewers; only owners change owners, and a
// space always keeps one.

describe.each(ENGINES)('space roles on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'owner-r@example.org', { admin: true });
    admin = await signedIn(t, 'admin-r@example.org');
    await signedIn(t, 'second-owner-r@example.org');
    await signedIn(t, 'member-r@example.org');
    spaceId = (await owner.post('/api/organizations', { ownSpace: true, organization: { name: 'Roles Workers Center', kind: 'base_building' } })).json.ownSpaceId;
    expect((await owner.put(`/api/spaces/${spaceId}/roles`, { email: 'admin-r@example.org', role: 'admin' })).status).toBe(200);
    expect((await owner.put(`/api/spaces/${spaceId}/roles`, { email: 'second-owner-r@example.org', role: 'owner' })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  const roleOf = async (email: string) => ((await owner.get(`/api/spaces/${spaceId}/roles`)).json as { email: string; role: string }[]).find((r) => r.email === email)?.role;

  it('refuses an admin who demotes or removes an owner, and lets an owner do it', async () => {
    const demoted = await admin.put(`/api/spaces/${spaceId}/roles`, { email: 'second-owner-r@example.org', role: 'viewer' });
    expect(demoted.status).toBe(403);
    expect(await roleOf('second-owner-r@example.org')).toBe('owner');
    const ownerId = ((await owner.get(`/api/spaces/${spaceId}/roles`)).json as { email: string; userId: string }[]).find((r) => r.email === 'second-owner-r@example.org')!.userId;
    expect((await admin.delete(`/api/spaces/${spaceId}/roles/${ownerId}`)).status).toBe(403);
    expect(await roleOf('second-owner-r@example.org')).toBe('owner');
    // An admin still manages members.
    expect((await admin.put(`/api/spaces/${spaceId}/roles`, { email: 'member-r@example.org', role: 'member' })).status).toBe(200);
    expect((await admin.put(`/api/spaces/${spaceId}/roles`, { email: 'member-r@example.org', role: 'viewer' })).status).toBe(200);
    // An owner changes another owner.
    expect((await owner.put(`/api/spaces/${spaceId}/roles`, { email: 'second-owner-r@example.org', role: 'admin' })).status).toBe(200);
    expect(await roleOf('second-owner-r@example.org')).toBe('admin');
  });

  it('keeps the last owner', async () => {
    const last = await owner.put(`/api/spaces/${spaceId}/roles`, { email: 'owner-r@example.org', role: 'admin' });
    expect(last.status).toBe(409);
    expect(await roleOf('owner-r@example.org')).toBe('owner');
  });
});
