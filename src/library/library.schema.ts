import { z } from '@hono/zod-openapi';

const list = z.array(z.string().trim().min(1).max(60)).max(30).default([]);
export const LibraryItemSchema = z.object({
  title: z.string().trim().min(1, 'give the resource a title').max(300),
  description: z.string().trim().max(5000).default(''),
  language: z.enum(['en', 'es', 'other']).default('en'),
  tags: list, issues: list, constituencies: list,
}).openapi('LibraryItem');
export type LibraryItemInput = z.infer<typeof LibraryItemSchema>;
export const FileQuery = z.object({ name: z.string().trim().min(1, 'give the file its name, e.g. report.pdf').max(255) });
export const LibraryQuery = z.object({ q: z.string().trim().max(200).optional() });
export const VersionParams = z.object({
  id: z.uuid('not a valid id').openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce.number().int().min(1).max(100_000).openapi({ param: { name: 'version', in: 'path' } }),
});
