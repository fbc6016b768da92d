import { z } from '@hono/zod-openapi';

export const SUBJECT_KINDS = ['alliance', 'committee', 'campaign', 'proposal', 'convening', 'work_plan'] as const;
export const REACTIONS = ['thumbs_up', 'heart', 'raised_fist', 'celebrate', 'pray', 'eyes'] as const;
export const MAX_POST = 20_000;

export const MAX_ATTACHMENTS = 10;
const body = z.string().trim().min(1, 'write something').max(MAX_POST, `at most ${MAX_POST} characters`);
// Resources of the library of the thread's space; on an edit, left out means unchanged.
const attachments = z.array(z.uuid('not a valid id')).max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`)
  .refine((ids) => new Set(ids).size === ids.length, 'a resource is attached twice').optional()
  .openapi({ description: "ids of resources in the library of the thread's space" });
export const PostInputSchema = z.object({ body, attachments }).openapi('PostInput');
export const ThreadInputSchema = z.object({ title: z.string().trim().min(1, 'give the thread a title').max(200), body, attachments }).openapi('ThreadInput');
export const ReactionSchema = z.object({ reaction: z.enum(REACTIONS) });
export const SubscriptionSchema = z.object({ subscribed: z.boolean() });
export const SubjectParams = z.object({
  kind: z.enum(SUBJECT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }),
  id: z.uuid('not a valid id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const SearchQuery = z.object({ q: z.string().trim().min(2, 'at least 2 characters').max(200) });
export const PageQuery = z.object({ after: z.iso.datetime({ offset: true, message: 'a date and time, e.g. 2010-02-20T23:00:00Z' }).optional() });
export const UpdateInputSchema = z.object({
  title: z.string().trim().min(1, 'give the update a title').max(200),
  body,
  audience: z.enum(['representatives', 'followers']).default('representatives'),
  attachments,
}).openapi('UpdateInput');
export const DigestSchema = z.object({ digest: z.boolean() });
