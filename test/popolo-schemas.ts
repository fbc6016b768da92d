import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Schema, Validator } from 'jsonschema';

// The Popolo v1.0.1 JSON Schemas (draft-03) from ../shared/conformance; absent in a bare clone.
export const POPOLO_DIR = path.resolve(process.cwd(), '../shared/conformance/popolo');
export const havePopolo = existsSync(path.join(POPOLO_DIR, 'schemas'));

let validator: Validator | null = null;
const byName = new Map<string, Schema>();

function load() {
  if (validator) return validator;
  validator = new Validator();
  const dir = path.join(POPOLO_DIR, 'schemas');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Schema;
    validator.addSchema(schema, schema.id);
    byName.set(file.replace(/\.json$/, ''), schema);
  }
  return validator;
}

/** Schema errors of one object against a Popolo schema ('organization', 'person', 'membership', 'area'). */
export function popoloErrors(kind: string, value: unknown): string[] {
  const v = load();
  return v.validate(value, byName.get(kind)!).errors.map((e) => `${kind} ${e.property}: ${e.message}`);
}
