#!/usr/bin/env node
// Serves dist/ on http://127.0.0.1:8080 (loopback only) with the same static server the e2e tests use.
//   node scripts/serve.mjs [--port N] [--gzip]
import { startServer } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 8080);
const server = await startServer({ port, gzip: args.includes('--gzip') });
console.log(`GroupLab: serving dist/ on ${server.origin}/  (Ctrl-C to stop)`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
