/**
 * Amendments in rule files. A later version of a provision is written the way an
 * amending act reads: an entry `"amends": "<id>"` with its own `inForce` and only the
 * fields that changed. Each field it names replaces the amended version's field whole
 * (a changed condition is restated in full, never patched inside); `null` removes an
 * optional field. The loader expands every amendment here into a whole provision, so
 * nothing past the loader knows amendments exist.
 */
import type { Provision } from '../engine/types.ts';
import type { Problem } from './errors.ts';
import { didYouMean } from './suggest.ts';

/** A provision as written in a rule file: the loader adds instrument, jurisdiction and origin. */
export type WrittenProvision = Omit<Provision, 'instrument' | 'jurisdiction' | 'origin'>;

/** An entry of a rule file's "provisions": a whole provision or an amendment of one. */
export type Entry = WrittenProvision | Amendment;

export interface Amendment {
  /** The id of the provision amended; the amendment applies to its latest version above it in the file. */
  amends: string;
  inForce: Provision['inForce'];
  [field: string]: unknown;
}

export function isAmendment(entry: Entry): entry is Amendment {
  return typeof (entry as Amendment).amends === 'string';
}

/** A whole provision and the pointer of the entry that wrote it. */
export interface Expanded {
  provision: WrittenProvision;
  pointer: string;
}

/**
 * Every entry as a whole provision, in file order. An amendment
 * builds on the version nearest above it with that id, which may itself be an amendment,
 * so a provision's history reads top to bottom like its amending acts.
 */
export function expandAmendments(entries: readonly Entry[], file: string): { provisions: Expanded[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const provisions: Expanded[] = [];
  const latest = new Map<string, WrittenProvision>();
  entries.forEach((entry, i) => {
    const at = `/provisions/${i}`;
    if (!isAmendment(entry)) {
      provisions.push({ provision: entry, pointer: at });
      latest.set(entry.id, entry);
      return;
    }
    const { amends, ...changes } = entry;
    const base = latest.get(amends);
    if (!base) {
      problems.push({ file, path: `${at}/amends`, message: `amends ${amends}, which no entry above it in this file defines${didYouMean(amends, latest.keys())}` });
      return;
    }
    // A copy, so that versions never share condition or example objects.
    const version: Record<string, unknown> = structuredClone(base);
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) {
        if (!(field in version)) problems.push({ file, path: `${at}/${field}`, message: `${amends}: removes "${field}", which the version it amends does not have` });
        delete version[field];
      } else if (JSON.stringify(value) === JSON.stringify(version[field])) {
        problems.push({ file, path: `${at}/${field}`, message: `${amends}: "${field}" is the same as in the version it amends; an amendment lists only what changed` });
      } else {
        version[field] = value;
      }
    }
    const whole = version as unknown as WrittenProvision;
    provisions.push({ provision: whole, pointer: at });
    latest.set(amends, whole);
  });
  return { provisions, problems };
}
