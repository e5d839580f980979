#!/usr/bin/env node
// The `disclosure-report` command (see `disclosure-report --help`). Built by `npm run build` into dist/cli.js.
import { main } from '../dist/cli.js';

// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
process.exitCode = await main(process.argv.slice(2));
