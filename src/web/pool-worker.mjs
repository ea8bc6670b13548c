// Worker-thread entry of the evaluation pool. Worker threads do not inherit the
// TypeScript loader of the thread that starts them (npm start runs under tsx,
// vitest under its own), so each worker registers tsx itself, then loads the task code.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./pool-worker.ts');
export default run;
