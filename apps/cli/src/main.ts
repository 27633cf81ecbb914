import { runCli } from './cli.js';

// The operator CLI (`npm run cli -- <command>`); the commands are listed in commands.ts.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
