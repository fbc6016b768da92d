import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its function is the default export's default under Node's ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

// The 360Giving 1.4 package and grant schemas (draft 2020-12) from ../shared/conformance; absent
// in a bare clone. They declare "$schema" with http:, which Ajv does not know: read as 2020-12.
// The package schema names the grant schema by its 1.4.2 URL; the grant schema's own $id says
// 1.4.3: the reference is mapped to the local file.

export const THREESIXTY_DIR = path.resolve(process.cwd(), '../shared/conformance/360giving');
export const haveThreeSixty = existsSync(path.join(THREESIXTY_DIR, 'schema'));

const load = (file: string) => {
  const schema = JSON.parse(readFileSync(path.join(THREESIXTY_DIR, 'schema', file), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
};

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
let validate: Validate | null = null;

/** Schema errors of a 360Giving package (none: it validates). */
export function threeSixtyErrors(pkg: unknown): string[] {
  if (!validate) {
    // Not strict: the schemas carry the standard's own keywords (codelist, rollUp, openCodelist).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const grant = load('360-giving-schema.json');
    const pkgSchema = load('360-giving-package-schema.json');
    const grantRef = (pkgSchema.properties as Record<string, { items: { $ref: string } }>).grants!.items.$ref;
    ajv.addSchema({ ...grant, $id: grantRef });
    validate = ajv.compile(pkgSchema);
  }
  const check: Validate = validate;
  if (check(pkg)) return [];
  return (check.errors ?? []).map((e) => JSON.stringify(e));
}
