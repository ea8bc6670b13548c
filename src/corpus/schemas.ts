/**
 * The published JSON Schemas (rules/schemas/) compiled once with Ajv, and their
 * errors turned into problems that name the path inside the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { misnamed, type Finding, type Problem } from './errors.ts';


export type SchemaName = 'instrument' | 'scenario' | 'vocabulary' | 'jurisdictions';

const compiled = new Map<string, ValidateFunction>();

export function schemaDir(rulesDir: string): string {
  return join(rulesDir, 'schemas');
}

function validator(rulesDir: string, name: SchemaName): ValidateFunction {
  const file = join(schemaDir(rulesDir), `${name}.schema.json`);
  const hit = compiled.get(file);
  if (hit) return hit;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  compiled.set(file, v);
  return v;
}

/** An Ajv error as a problem; only a value of the wrong form is an invalid value, the rest is the input's shape. */
function describe(e: ErrorObject): { path: string } & Finding {
  const path = e.instancePath || '/';
  const shape = (message: string) => ({ path, kind: 'invalid_scenario' as const, message });
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((e.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {});
    return { path: `${path === '/' ? '' : path}/${extra}`, ...misnamed('invalid_scenario', `unknown field "${extra}"`, extra, allowed) };
  }
  if (e.keyword === 'required') return shape(`missing required field "${(e.params as { missingProperty: string }).missingProperty}"`);
  if (e.keyword === 'enum') return shape(`must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`);
  if (e.keyword === 'pattern') return { path, kind: 'invalid_value', message: `has the wrong form (expected ${(e.params as { pattern: string }).pattern})` };
  return shape(e.message ?? 'is invalid');
}

export function validateAgainst(rulesDir: string, name: SchemaName, data: unknown, file?: string): Problem[] {
  const v = validator(rulesDir, name);
  if (v(data)) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of v.errors ?? []) {
    // The branch taken (amendment or whole provision) reports its own errors; "must match then" adds nothing.
    if (e.keyword === 'if') continue;
    const d = describe(e);
    const key = `${d.path}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, ...d });
  }
  return out;
}
