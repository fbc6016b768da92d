import { describe, expect, it } from 'vitest';
import { changedFields } from './api.ts';

describe('what someone else changed', () => {
  it('lists the fields whose values differ, with their new values', () => {
    const before = { organization: { name: 'Tenants United', kind: 'base_building', issues: ['housing'] }, role: 'member' };
    const after = { organization: { name: 'Tenants United LA', kind: 'base_building', issues: ['housing', 'transit'] }, role: 'member' };
    expect(changedFields(before, after)).toEqual([{ field: 'name', value: 'Tenants United LA' }, { field: 'issues', value: '["housing","transit"]' }]);
    expect(changedFields({ organization: { name: 'A', updatedAt: '1' } }, { organization: { name: 'A', updatedAt: '2' } })).toEqual([]);
    expect(changedFields(before, before)).toEqual([]);
  });
});
