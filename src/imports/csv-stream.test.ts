import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-file.ts';
import { csvBatches } from './csv-stream.ts';

async function all(chunks: string[], batchSize: number) {
  const batches = [];
  for await (const b of csvBatches((async function* () { for (const c of chunks) yield Buffer.from(c); })(), batchSize)) batches.push(b);
  return batches;
}

describe('reading a CSV file in batches', () => {
  it('reads what parseCsv reads, in batches numbered from the first data row, whatever the chunks', async () => {
    const text = '\uFEFFName;Kind\nCasa Latina; union \n"Make; the Road";faith\n;\nTenants;faith\n;\n;\n';
    const whole = parseCsv(text);
    const batches = await all([text.slice(0, 7), text.slice(7, 30), text.slice(30)], 2);
    expect(batches.map((b) => b.firstRowNumber)).toEqual([2, 4]);
    expect(batches.flatMap((b) => b.rows)).toEqual(whole.rows);
    expect(batches[0]!.headers).toEqual(['Name', 'Kind']);
  });

  it('names the line of a malformed row', async () => {
    await expect(all(['name,kind\na,b\n"c,d\n'], 10)).rejects.toThrow(/malformed/);
    await expect(all(['name,kind\na,b,c,d\n'], 10)).rejects.toThrow(/line 2: the row has 4 values/);
  });
});
