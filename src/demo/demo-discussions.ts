import type { Db } from '../db/database.ts';
import { receiveReply } from '../discussions/inbound-mail.ts';
import { replyAddress } from '../discussions/reply-address.ts';
import { replyAddressIds } from '../discussions/update.repository.ts';
import { sendUpdate } from '../discussions/update.service.ts';
import type { AppDeps } from '../server/context.ts';
import { addPost, startThread } from '../discussions/discussion.service.ts';
import type { Actor } from '../spaces/access.ts';
import { DEMO_PEOPLE } from './demo-data.ts';
import { WORK_PLAN_TITLE } from './demo-convenings.ts';

// Discussions the IAD's representatives would have had (fictional words, real subjects from seed
// 000): who anchors which strategy area of the 2010 work plan, the call NNIRR recommended, and
// the coordinator's update on Arizona with two representatives' replies by email (received as the
// app's SMTP server would receive them).

async function actorOf(db: Db, personKey: string): Promise<Actor> {
  const email = DEMO_PEOPLE.find((p) => p.key === personKey)!.email;
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: user.id, isWorkspaceAdmin: false };
}

export async function loadDemoDiscussions(deps: Pick<AppDeps, 'db' | 'box' | 'mailer' | 'config'>, ctx: { iadId: string; coordinator: Actor; attach: string }) {
  const { db } = deps;
  const plan = await db.selectFrom('work_plans').select('id').where('title', '=', WORK_PLAN_TITLE).executeTakeFirstOrThrow();
  const [nadia, keisha, teresa, grace] = await Promise.all(['nadia_haddad', 'keisha_brandon', 'teresa_olmedo', 'grace_okafor'].map((k) => actorOf(db, k)));
  const banks = await startThread(db, nadia!, 'work_plan', plan.id, {
    title: 'Challenging the Banks: who anchors what',
    body: 'Jobs with Justice can hold the **national call schedule** for the banks work.\n\nProposal:\n- JwJ: calls and the toolkit\n- RttC: local foreclosure fights\n\nDoes that match what we said in December? The proposal from the meeting is attached.',
    attachments: [ctx.attach],
  });
  await addPost(db, keisha!, banks.id, { body: `Yes. Right to the City takes the local fights; we can bring three cities by March. @[Nadia Haddad](user:${nadia!.userId}) can we share the toolkit draft before the regional meetings?` });
  await addPost(db, teresa!, banks.id, { body: 'Desde NDLON: las reuniones regionales deben tener **interpretación** al español. ¿Quién la organiza en Providence?' });
  const arizona = await startThread(db, grace!, 'alliance', ctx.iadId, {
    title: 'Call of all IAD groups working on immigration',
    body: 'NNIRR recommended a call of every IAD group already engaged in immigration work. Proposed dates: the week of the 18th. Reply with the times that work for your alliance.',
  });
  await addPost(db, teresa!, arizona.id, { body: 'El martes o el jueves en la tarde nos funciona. Podemos presentar lo que estamos haciendo en Arizona.' });

  const update = await sendUpdate(deps, ctx.coordinator, ctx.iadId, { audience: 'representatives', title: 'Arizona: organizers to Phoenix',
    body: 'NDLON asks the IAD to send organizers to Phoenix to plug into its organizing against SB 1070.\n\n**Reply to this email** with how many organizers your alliance can send, and from when.' });
  for (const [key, text] of [['keisha_brandon', 'Right to the City can send two organizers from the 15th.\n\nKeisha\n\nOn Monday the IAD wrote:\n> NDLON asks the IAD to send organizers'],
    ['dolores_quintero', 'GGJ manda un organizador la próxima semana.\n\n-- \nDolores Quintero\nGrassroots Global Justice']] as const) {
    const person = DEMO_PEOPLE.find((p) => p.key === key)!;
    const actor = await actorOf(db, key);
    const [addressId] = (await replyAddressIds(db, update.threadId, (await db.selectFrom('threads').select('space_id').where('id', '=', update.threadId).executeTakeFirstOrThrow()).space_id, [actor.userId])).values();
    await receiveReply(deps, { to: replyAddress(addressId!, deps.config.inboundDomain, deps.box.sign), envelopeFrom: person.email, from: person.email, text });
  }
}
