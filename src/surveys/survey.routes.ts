import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { submitAnswer, answerForm } from './survey-answer.service.ts';
import { allianceTrustTies, surveyResults } from './survey-results.service.ts';
import { SurveyAnswerSchema, SurveyInputSchema, SurveyTokenParam } from './survey.schema.ts';
import * as service from './survey.service.ts';

const tags = ['surveys'];
const Any = z.looseObject({});
const json = <T>(value: T) => value as unknown as Record<string, unknown>;

export const surveyRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/surveys', tags, description: "The alliance's relationship survey waves, newest first.",
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.listAllianceSurveys(c.get('deps').db, actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/network/trust', tags, description: "The trust between pairs of members from the latest closed wave, where both agreed to show it: for weighting the ties of the alliance's map.",
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await allianceTrustTies(c.get('deps').db, actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/surveys', tags, description: 'A new wave, as a draft (administrators of the alliance).',
    request: { params: IdParam, ...jsonBody(SurveyInputSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.createSurvey(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/surveys/{id}', tags, description: 'A wave: its settings, who was invited and who answered.',
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.getSurvey(c.get('deps'), actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'put', path: '/surveys/{id}', tags, request: { params: IdParam, ...jsonBody(SurveyInputSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.updateSurvey(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/surveys/{id}', tags, description: 'Deletes a draft.', request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteSurvey(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/surveys/{id}/open', tags, description: 'Opens the wave and emails each member organization its personal link.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ invited: z.number(), emailed: z.number() })), ...problems } }),
    async (c) => c.json(await service.openSurvey(c.get('deps'), actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/surveys/{id}/remind', tags, description: 'Emails a reminder to the organizations that have not answered.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ emailed: z.number() })), ...problems } }),
    async (c) => c.json(await service.remindSurvey(c.get('deps'), actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/surveys/{id}/close', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.closeSurvey(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/surveys/{id}/results', tags, description: "A closed wave's results: responses, density, centralization, trust and value received (from three raters), pairs shown where both agreed, factors, trends over waves.",
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await surveyResults(c.get('deps').db, actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'post', path: '/surveys/{id}/my-link', tags, description: 'The answer link of the invitation the signed-in representative holds.',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ token: z.string() })), ...problems } }),
    async (c) => c.json(await service.myAnswerLink(c.get('deps'), actorOf(c), c.req.valid('param').id), 200))
  // The representative's form: the personal link is the key (no account).
  .openapi(createRoute({ method: 'get', path: '/survey-answers/{token}', tags, description: 'The form an invitation opens, with the answer already given.',
    request: { params: SurveyTokenParam }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(json(await answerForm(c.get('deps'), c.req.valid('param').token)), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/survey-answers/{token}', tags, description: "The organization's answer; it replaces the previous one until the wave closes.",
    request: { params: SurveyTokenParam, ...jsonBody(SurveyAnswerSchema) }, responses: { 200: jsonResponse(z.object({ submittedAt: z.string() })), ...problems } }),
    async (c) => c.json(await submitAnswer(c.get('deps'), c.req.valid('param').token, c.req.valid('json')), 200));
