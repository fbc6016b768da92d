import { z } from '@hono/zod-openapi';
import { emailAddress } from '../shared/email.ts';

export const LOCALES = ['en', 'es'] as const;

export const LoginSchema = z.object({
  email: emailAddress().max(200),
  password: z.string().min(1, 'enter your password').max(200),
}).openapi('Login');

export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'use at least 10 characters').max(200),
}).openapi('PasswordChange');

export const MePatchSchema = z.object({
  locale: z.enum(LOCALES).optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
}).openapi('MePatch');

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  isWorkspaceAdmin: z.boolean(),
  // Updates by a daily digest rather than one email each.
  digest: z.boolean(),
  spaces: z.array(z.object({
    id: z.string(), kind: z.enum(['organization', 'alliance']), name: z.string(),
    role: z.enum(['owner', 'admin', 'member', 'viewer']), organizationId: z.string().nullable(),
  })),
}).openapi('Me');
export type Me = z.infer<typeof MeSchema>;
