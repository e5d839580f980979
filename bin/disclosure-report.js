#!/usr/bin/env node
// The `disclosure-report` command (see `disclosure-report --help`). Built by `npm run build` into dist/cli.js.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
