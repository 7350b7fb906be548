// `npm start [-- <folder>]`: starts Electron with the built dist/main.js (the npm script builds
// first). Electron's binary is found the way its package records it, without requiring the
// package: `require('electron')` tries to download a missing binary, and this must never reach
// the network. When the binary is missing, one sentence says so and what to run instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'main.js');
const electronPackage = join(root, 'node_modules', 'electron');

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronPackage, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const candidate = override
    ? join(override, executable || 'electron')
    : executable
      ? join(electronPackage, 'dist', executable)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();
if (binary === null) {
  process.stderr.write(
    'Electron\'s binary is not installed (node_modules/electron has no dist/), so the desktop app cannot start here; read an archive in your browser instead with "node dist/cli.js serve <folder> --open".\n',
  );
  process.exit(1);
}
if (!existsSync(main)) {
  process.stderr.write(`${main} is missing: run "npm run build" first (npm start does).\n`);
  process.exit(1);
}

const env = { ...process.env };
// Set by some tools; it would make Electron behave as plain Node and ignore the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [main, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
