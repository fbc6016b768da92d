import { describe, expect, it } from 'vitest';
import { organizationMatcher } from './organization-matcher.ts';

describe('which organizations a written name means', () => {
  const orgs = [
    { id: '0b8c8f7e-1111-4a2b-9c3d-000000000001', name: 'Right to the City Alliance', shortName: 'RTTC' },
    { id: '0b8c8f7e-1111-4a2b-9c3d-000000000002', name: 'Unión del Barrio', shortName: null },
    { id: '0b8c8f7e-1111-4a2b-9c3d-000000000003', name: 'Union del barrio', shortName: null },
  ];
  const match = organizationMatcher(orgs);

  it('finds by id, name or short name, ignoring case, accents and punctuation', () => {
    expect(match('0B8C8F7E-1111-4A2B-9C3D-000000000001').map((o) => o.name)).toEqual(['Right to the City Alliance']);
    expect(match('rttc').map((o) => o.name)).toEqual(['Right to the City Alliance']);
    expect(match('right to the city alliance!').map((o) => o.shortName)).toEqual(['RTTC']);
  });

  it('lists every organization a name could mean, and none for an unknown one', () => {
    expect(match('UNION DEL BARRIO')).toHaveLength(2);
    expect(match('Nobody')).toEqual([]);
    expect(match('0b8c8f7e-1111-4a2b-9c3d-000000000009')).toEqual([]);
  });
});
