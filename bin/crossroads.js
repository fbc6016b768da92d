#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, in this process (no second Node to start), so that
// `npx crossroads` works without a build step and answers quickly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
