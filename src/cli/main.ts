/**
 * `bin/targum`: the command-line tool (contract: docs/cli.md). Data goes to stdout, messages to stderr;
 * bad input exits non-zero with one line starting `targum: `.
 */
import { buffer } from 'node:stream/consumers';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  env: process.env,
});
