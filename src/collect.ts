/**
 * A full garbage collection on demand, where V8 allows one: the evaluation worker gives back
 * the heap a large answer grew to before its next task, and the bench starts each row clean so
 * no row pays for the garbage of the one before. Where V8 refuses, it does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();
