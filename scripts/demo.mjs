#!/usr/bin/env node
// `npm run demo` (after `npm run build`): bundles the app examples, then serves every example
// from 127.0.0.1 on one port, with the examples index at `/`.
import { buildExamples } from '../examples/app/build.mjs';
import { startServer } from './server.mjs';

await buildExamples();
const port = Number(process.env.PORT ?? 4173);
const { url } = await startServer({ port, index: '/examples/index.html' }).catch((error) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is busy: PORT=4174 npm run demo`);
  throw error;
});
console.log(`\n  Instria Consent demo: ${url}/\n`);
for (const [path, what] of [
  ['/examples/playground/', 'playground: try the options on the real banner, copy the code'],
  ['/examples/website/', 'website: script tag, gated GA4 stand-in and embed, Consent Mode'],
  ['/examples/app/', 'app frontend: npm import, live state atom, whenGranted'],
  ['/examples/headless/', 'headless: your own UI from @instria/consent/core'],
  ['/examples/quick-start/', 'the README quick start, as a page'],
]) {
  console.log(`  ${`${url}${path}`.padEnd(44)} ${what}`);
}
console.log(`\n  Another language: the "Language" list of each page, or ?lang=de (${url}/examples/website/?lang=de).`);
console.log('\n  Press Ctrl+C to stop.\n');
