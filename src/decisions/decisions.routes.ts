import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import * as committees from './committee.service.ts';
import { decisionLogCsv, decisionLogPopolo } from './decision-export.ts';
import * as records from './decision-record.service.ts';
import {
  AmendmentSchema, BallotInputSchema, CloseInputSchema, CommentSchema, CommitteeInputSchema, CommitteeSeatInputSchema,
  ConsultationEntrySchema, OutcomeStatementSchema, ProposalInputSchema, ReopenInputSchema,
} from './decision.schema.ts';
import * as proposals from './proposal.service.ts';
import * as votes from './vote.service.ts';

// Thin routes of the decisions feature: proposals and their process, votes, the decision log,
// committees. Records are assembled by the services; these only validate and respond.

const Anything = z.any().openapi('DecisionRecord');
const ok = { 200: jsonResponse(Anything), 409: problems[422], ...problems };
const created = { 201: jsonResponse(Anything), 409: problems[422], ...problems };
const byId = { params: IdParam };
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });

export const decisionRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/proposals', tags: ['decisions'], request: byId, responses: ok }), async (c) =>
    c.json(await proposals.listProposals(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/proposals', tags: ['decisions'], request: withBody(ProposalInputSchema), responses: created }), async (c) =>
    c.json(await proposals.createProposal(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/proposals/{id}', tags: ['decisions'], request: byId, responses: ok }), async (c) =>
    c.json(await records.getProposalPage(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/proposals/{id}/versions', tags: ['decisions'], request: withBody(AmendmentSchema), responses: created }), async (c) =>
    c.json(await proposals.amendProposal(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/proposals/{id}/comments', tags: ['decisions'], request: withBody(CommentSchema), responses: created }), async (c) =>
    c.json(await proposals.addComment(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').body), 201))
  .openapi(createRoute({ method: 'post', path: '/proposals/{id}/advance', tags: ['decisions'], request: byId, responses: ok }), async (c) =>
    c.json(await proposals.advanceProposal(c.get('deps'), actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/proposals/{id}/decide', tags: ['decisions'], request: withBody(OutcomeStatementSchema), responses: ok }), async (c) =>
    c.json(await proposals.decideProposal(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').statement), 200))
  .openapi(createRoute({ method: 'post', path: '/proposals/{id}/withdraw', tags: ['decisions'], request: byId, responses: ok }), async (c) => {
    await proposals.withdrawProposal(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/steps/{id}/entries', tags: ['decisions'], request: withBody(ConsultationEntrySchema), responses: created }), async (c) =>
    c.json(await proposals.recordConsultation(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/votes/{id}/ballots', tags: ['decisions'], request: withBody(BallotInputSchema), responses: created }), async (c) =>
    c.json(await votes.castBallot(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/votes/{id}/close', tags: ['decisions'], request: withBody(CloseInputSchema), responses: ok }), async (c) =>
    c.json({ outcome: await votes.closeVote(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  .openapi(createRoute({ method: 'post', path: '/votes/{id}/reopen', tags: ['decisions'], request: withBody(ReopenInputSchema), responses: ok }), async (c) => {
    await votes.reopenVote(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/decisions', tags: ['decisions'], request: byId, responses: ok }), async (c) =>
    c.json(await records.getDecisionLog(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/decisions.popolo.json', tags: ['decisions'], request: byId, responses: ok }), async (c) => {
    const log = await records.getDecisionLog(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    c.header('content-disposition', 'attachment; filename="decisions.popolo.json"');
    return c.json(decisionLogPopolo(log), 200);
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/decisions.csv', tags: ['decisions'], request: byId, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The decision log, a row per vote' }, ...problems } }), async (c) => {
    const log = await records.getDecisionLog(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.body(decisionLogCsv(log), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="decisions.csv"' }) as never;
  })
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/committees', tags: ['decisions'], request: byId, responses: ok }), async (c) =>
    c.json(await committees.listCommittees(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/committees', tags: ['decisions'], request: withBody(CommitteeInputSchema), responses: created }), async (c) =>
    c.json(await committees.createCommittee(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/committees/{id}/seats', tags: ['decisions'], request: withBody(CommitteeSeatInputSchema), responses: created }), async (c) =>
    c.json(await committees.seatOnCommittee(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'delete', path: '/committee-seats/{id}', tags: ['decisions'], request: byId, responses: ok }), async (c) => {
    await committees.removeCommitteeSeat(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
