#!/usr/bin/env node
// The `disclosure-report` command (see `disclosure-report --help`). Built by `npm run build` into dist/cli.js.
// main() owns stdout and stderr: a write that fails (the reader of a pipe went away, a full disk) is
// handled there and reflected in the exit code it returns, never thrown.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
