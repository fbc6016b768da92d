import type { Db } from '../db/database.ts';
import { insertDonations, saveSettings } from '../donations/donation.repository.ts';
import { seededRandom } from '../network/analytics/seeded-random.ts';

// Five fiscal years of fictional giving for a demo organization: a July fiscal year, some donors
// giving every year, some lapsing, some coming back, and a few larger gifts — so the donor report
// has new, retained, recaptured, LYBUNT and SYBUNT donors to show.

const AMOUNTS = [1_000, 2_500, 2_500, 5_000, 5_000, 10_000, 25_000, 50_000, 100_000];
const FUNDS = ['general', 'general', 'organizing', 'legal defense'];

export async function loadDemoDonations(db: Db, spaceId: string, seed: number) {
  await saveSettings(db, spaceId, { fiscalYearStartMonth: 7, currency: 'USD' });
  const donors = await db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).orderBy('id').limit(600).execute();
  const r = seededRandom(seed);
  const rows = [];
  for (const [i, { id }] of donors.entries()) {
    // Each donor gives from a first year on, with a chance of skipping years.
    const firstYear = 2022 + Math.floor(r() * 5);
    const loyalty = r();
    for (let fy = firstYear; fy <= 2026; fy++) {
      if (fy > firstYear && r() > loyalty) continue;
      const month = 1 + Math.floor(r() * 12);
      const calendarYear = month >= 7 ? fy - 1 : fy;
      const day = 1 + Math.floor(r() * 28);
      const receivedOn = `${calendarYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (receivedOn > '2026-12-06') continue;
      rows.push({ spaceId, contactId: id, amountMinor: AMOUNTS[Math.floor(r() * AMOUNTS.length)]!, currency: 'USD', receivedOn, method: r() < 0.6 ? 'card' : 'check',
        fund: FUNDS[Math.floor(r() * FUNDS.length)]!, campaign: fy === 2025 ? 'Spring 2025 appeal' : null, source: 'demo', receiptId: `demo-${seed}-${i}-${fy}` });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await insertDonations(db, rows.slice(i, i + 500));
}
