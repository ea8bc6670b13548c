#!/usr/bin/env node
// The `lexflow` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { run } = await import(fileURLToPath(new URL('./main.ts', import.meta.url)));
process.exitCode = run(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
