import { describe, expect, it } from 'vitest';
import { parseCsv } from '../imports/csv-file.ts';
import { mapTieRows } from './tie-rows.ts';

const rowsOf = (csv: string) => { const p = parseCsv(csv); return mapTieRows(p.headers, p.rows); };

describe('rows of a ties CSV', () => {
  it('reads our export, Kumu connection sheets and Spanish headers, kinds in either language', () => {
    const ours = rowsOf('from,to,kind,strength,started_on,ended_on,note\nA,B,formal_partnership,4,2009,,MOU\n');
    expect(ours.results[0]).toEqual({ rowNumber: 2, ok: true, value: { fromName: 'A', toName: 'B', kind: 'formal_partnership', strength: 4, startedOn: '2009', endedOn: null, note: 'MOU' } });
    const kumu = rowsOf('From,To,Type,Strength,Description\nA,B,Campaigned together,,ports\n');
    expect(kumu.results[0]).toMatchObject({ ok: true, value: { kind: 'co_campaigned', strength: 3, note: 'ports' } });
    const spanish = rowsOf('Origen;Destino;Tipo;Fuerza\nA;B;Conflicto;2\n');
    expect(spanish.results[0]).toMatchObject({ ok: true, value: { kind: 'conflict', strength: 2 } });
  });

  it('names the row and the column of every problem', () => {
    const r = rowsOf('from,to,kind,strength,started_on,ended_on\nA,,friends,9,2010-02-30,\nA,a,funds,,2012,2011\n');
    expect(r.results[0]).toEqual({ rowNumber: 2, ok: false, errors: [
      { field: 'to', message: 'name the second organization' },
      { field: 'kind', message: '"friends" is not a kind of tie (co_campaigned, formal_partnership, funds, conflict, introduced, shared_members)' },
      { field: 'strength', message: 'a whole number from 1 to 5' },
      { field: 'started_on', message: 'use YYYY, YYYY-MM, YYYY-MM-DD or MM/DD/YYYY' },
    ] });
    expect(r.results[1]).toMatchObject({ rowNumber: 3, ok: false, errors: [{ field: 'to', message: 'a tie joins two different organizations' }, { field: 'ended_on', message: 'ends before it starts' }] });
  });

  it('says which required columns are missing', () => {
    expect(rowsOf('source,weight\nA,1\n').missing).toEqual(['to', 'kind']);
  });
});
