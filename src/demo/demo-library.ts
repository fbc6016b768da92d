import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import { LibraryItemSchema } from '../library/library.schema.ts';
import { addItem, uploadFile } from '../library/library.service.ts';
import type { Actor } from '../spaces/access.ts';

// The source documents themselves in the IAD's library (copied from shared/seeds into ./seeds, as
// they were given: plain text extracted from the originals), each described as seeds/README.md does.

const SEEDS = [
  { file: '000_75b6953666dfea95.txt', title: 'IAD proposal to member alliances regarding joint work in 2010', description: 'From the December 14–15, 2009 planning meeting: strategy areas, anchors, the funders committee and the ratification process.', tags: ['work plan', 'IAD'] },
  { file: '001_30434eef17b9607c.txt', title: 'Connecting at the Crossroads: Alliance Building and Social Change in Tough Times', description: 'USC PERE research report (December 2010) built on interviews with 29 organizations: five dimensions of alliances, stages, connect–cement–scale.', tags: ['report', 'research'] },
  { file: '002_83bf24167fc7ab60.txt', title: 'California Calls: collaborative strategy session, January 2011', description: 'About 70 people from 44 groups: the proposals a session produced.', tags: ['convening', 'California'] },
  { file: '003_45c1dafc80dbb3c5.txt', title: 'Alliance building training hand-out', description: 'Five foundational blocks, spectrum of allies, power analysis, SWOT, SMARTIE goals and the success sheet.', tags: ['curriculum', 'training'] },
  { file: '004_8bf6ec8ab37e31ed.txt', title: 'National Immigrant Solidarity Network: strategy sessions, July 2006', description: 'Notes of a national grassroots conference: the goals each session identified.', tags: ['convening', 'immigrant rights'] },
];

/** Loads the seeds; returns the id of the IAD's 2010 proposal, which the work plan's thread attaches. */
export async function loadDemoLibrary(db: Db, ctx: { coordinator: Actor; iadSpaceId: string }) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds');
  const ids = [];
  for (const seed of SEEDS) {
    const item = await addItem(db, ctx.coordinator, ctx.iadSpaceId, LibraryItemSchema.parse({ title: seed.title, description: seed.description, language: 'en', tags: seed.tags }));
    await uploadFile(db, ctx.coordinator, item.id, seed.file, new Uint8Array(await readFile(path.join(dir, seed.file))));
    ids.push(item.id);
  }
  return { proposalId: ids[0]! };
}
