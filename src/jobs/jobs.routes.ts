import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { notFound } from '../server/problem.ts';

// A caller follows and cancels its own analysis jobs; anyone else's job is not found.

const Job = z.any().openapi('AnalysisJob');
const tags = ['jobs'];

export const jobRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/jobs/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Job), ...problems } }), (c) => {
    const job = c.get('jobs').get(c.req.valid('param').id, actorOf(c).userId);
    if (!job) throw notFound('job');
    return c.json(job, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/jobs/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Job), ...problems } }), (c) => {
    const job = c.get('jobs').cancel(c.req.valid('param').id, actorOf(c).userId);
    if (!job) throw notFound('job');
    return c.json(job, 200);
  });
