#!/usr/bin/env node
// `npm run demo`: serves every example from 127.0.0.1 on one port (after `npm run build`).
import { startServer } from './server.mjs';

const port = Number(process.env.PORT ?? 4173);
const { url } = await startServer({ port, index: '/examples/index.html' }).catch((error) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is busy: PORT=4174 npm run demo`);
  throw error;
});
console.log(`\n  Instria Consent demo: ${url}/\n`);
console.log('  Press Ctrl+C to stop.\n');
