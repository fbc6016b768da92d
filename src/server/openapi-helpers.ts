import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { fieldErrorsFromZod, invalid } from './problem.ts';

/** A router whose validation failures become 422 problems naming the field. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(fieldErrorsFromZod(result.error as never));
    },
  });
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } }, description,
});

const ProblemSchema = z.object({
  type: z.string(), title: z.string(), status: z.number(), detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

/** The problem answers every route can give, declared once for the OpenAPI document. */
export const problems = {
  401: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Not signed in' },
  403: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Your role in this space does not allow it' },
  404: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No such record, or not visible to you' },
  422: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Invalid input; errors name the fields' },
} as const;

export const IdParam = z.object({ id: z.uuid('not a valid id').openapi({ param: { name: 'id', in: 'path' } }) });
export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');
