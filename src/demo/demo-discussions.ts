import type { Db } from '../db/database.ts';
import { addPost, startThread } from '../discussions/discussion.service.ts';
import type { Actor } from '../spaces/access.ts';
import { DEMO_PEOPLE } from './demo-data.ts';
import { WORK_PLAN_TITLE } from './demo-convenings.ts';

// Discussions the IAD's representatives would have had (fictional words, real subjects from seed
// 000): who anchors which strategy area of the 2010 work plan, and the call NNIRR recommended.

async function actorOf(db: Db, personKey: string): Promise<Actor> {
  const email = DEMO_PEOPLE.find((p) => p.key === personKey)!.email;
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: user.id, isWorkspaceAdmin: false };
}

export async function loadDemoDiscussions(db: Db, ctx: { iadId: string }) {
  const plan = await db.selectFrom('work_plans').select('id').where('title', '=', WORK_PLAN_TITLE).executeTakeFirstOrThrow();
  const [nadia, keisha, teresa, grace] = await Promise.all(['nadia_haddad', 'keisha_brandon', 'teresa_olmedo', 'grace_okafor'].map((k) => actorOf(db, k)));
  const banks = await startThread(db, nadia!, 'work_plan', plan.id, {
    title: 'Challenging the Banks: who anchors what',
    body: 'Jobs with Justice can hold the **national call schedule** for the banks work.\n\nProposal:\n- JwJ: calls and the toolkit\n- RttC: local foreclosure fights\n\nDoes that match what we said in December?',
  });
  await addPost(db, keisha!, banks.id, { body: `Yes. Right to the City takes the local fights; we can bring three cities by March. @[Nadia Haddad](user:${nadia!.userId}) can we share the toolkit draft before the regional meetings?` });
  await addPost(db, teresa!, banks.id, { body: 'Desde NDLON: las reuniones regionales deben tener **interpretación** al español. ¿Quién la organiza en Providence?' });
  const arizona = await startThread(db, grace!, 'alliance', ctx.iadId, {
    title: 'Call of all IAD groups working on immigration',
    body: 'NNIRR recommended a call of every IAD group already engaged in immigration work. Proposed dates: the week of the 18th. Reply with the times that work for your alliance.',
  });
  await addPost(db, teresa!, arizona.id, { body: 'El martes o el jueves en la tarde nos funciona. Podemos presentar lo que estamos haciendo en Arizona.' });
}
