/**
 * Problems found in data files or user input, each naming where it is: the file,
 * the path inside it (JSON pointer or dotted fact key) and what is wrong.
 */
import { nearest } from './suggest.ts';

/**
 * What is wrong, for programs: the web API's error code is the kind of the first
 * problem, so rewording a message never changes a code.
 */
export type ProblemKind =
  /** A fact key the vocabulary does not declare. */
  | 'unknown_fact'
  /** A jurisdiction code the index does not have. */
  | 'unknown_jurisdiction'
  /** A declared fact (or field) given a value of the wrong type or outside its domain. */
  | 'invalid_value'
  /** Anything else wrong with a scenario's shape or references. */
  | 'invalid_scenario';

export interface Problem {
  file?: string;
  path: string;
  /** Set on every problem of a scenario (what users send); problems in rule files, read only by their authors, may leave it out. */
  kind?: ProblemKind;
  message: string;
  /** For a mistyped name: the nearest valid one (the message ends "; did you mean <suggestion>?"). */
  suggestion?: string;
}

/** What a problem says, apart from where it is. */
export type Finding = Required<Pick<Problem, 'kind' | 'message'>> & Pick<Problem, 'suggestion'>;

/** A finding about a mistyped name: the nearest candidate is its suggestion and ends its message. */
export function misnamed(kind: ProblemKind, message: string, name: string, candidates: Iterable<string>): Finding {
  const suggestion = nearest(name, candidates);
  return suggestion ? { kind, message: `${message}; did you mean ${suggestion}?`, suggestion } : { kind, message };
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.path].filter(Boolean).join(p.file && p.path.startsWith('/') ? '#' : ': ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** Thrown when data cannot be loaded; nothing of it is used (no half-loaded corpus). */
export class LoadError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LoadError';
  }
}
