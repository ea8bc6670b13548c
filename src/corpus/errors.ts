/**
 * Problems found in data files or user input, each naming where it is: the file,
 * the path inside it (JSON pointer or dotted fact key) and what is wrong.
 */
export interface Problem {
  file?: string;
  path: string;
  message: string;
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
