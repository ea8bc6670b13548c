/**
 * An assignment of facts, as the engine evaluates it: one slot per atom (a scalar
 * fact, or one member of a set fact, `key∋member`), undefined while unknown.
 * Slots are numbered by the compiled corpus (see compiled.ts).
 */
export type Assignment = unknown[];

/** How a corpus numbers its atoms. */
export interface SlotMap {
  slot(atom: string): number;
  atoms: readonly string[];
}

export function memberAtom(setKey: string, member: unknown): string {
  return `${setKey}∋${String(member)}`;
}

/** Numbers atoms in a fixed order; unknown names get new slots (used by tests and ad-hoc conditions). */
export function slotMap(atoms: Iterable<string>): SlotMap {
  const list = [...atoms];
  const index = new Map(list.map((a, i) => [a, i]));
  return {
    atoms: list,
    slot(atom: string): number {
      let i = index.get(atom);
      if (i === undefined) {
        i = list.length;
        list.push(atom);
        index.set(atom, i);
      }
      return i;
    },
  };
}
