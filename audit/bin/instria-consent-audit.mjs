#!/usr/bin/env node
// `instria-consent-audit <url> [options]`: see ../README.md or `--help`.
import { main } from '../src/cli.mjs';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
