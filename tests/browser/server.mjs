// Stopping and restarting the `nps serve` of scripts/test-ui.sh (server B, NPS_URL)
// from a test file, shared by ui.test.mjs and first-use.test.mjs. The script passes
//   NPS_BIN, NPS_SERVE_ARGS (one argument a line), NPS_SERVER_PID_FILE, NPS_URL.
// A restarted server outlives the test file that started it (the next file may need
// it): its output goes to a file, not a pipe, and the script stops whatever pid the pid
// file names when it ends.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.NPS_URL;
const PID_FILE = process.env.NPS_SERVER_PID_FILE;
const ARTIFACTS = process.env.NPS_ARTIFACTS ?? 'tests/artifacts';
/** How long a stop or a start may take. */
const SERVER_WAIT_MS = 20_000;

/** Whether the server answers its health check. */
export async function serverUp() {
  try {
    return (await fetch(BASE + '/api/health')).ok;
  } catch {
    return false;
  }
}

/** Stops the server of the pid file (SIGTERM, then SIGKILL after the wait). */
export async function stopServer() {
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  try { process.kill(pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + SERVER_WAIT_MS;
  for (;;) {
    try { process.kill(pid, 0); } catch { return; }
    if (Date.now() > deadline) { process.kill(pid, 'SIGKILL'); return; }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the server again with the same arguments (the same port and data directory)
 * and waits until it answers. */
export async function startServer() {
  const args = process.env.NPS_SERVE_ARGS.split('\n').filter(Boolean);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const log = fs.openSync(path.join(ARTIFACTS, 'restarted-server.log'), 'a');
  const child = spawn(process.env.NPS_BIN, args, { stdio: ['ignore', log, log], detached: true });
  child.unref();
  fs.closeSync(log);
  fs.writeFileSync(PID_FILE, String(child.pid));
  const deadline = Date.now() + SERVER_WAIT_MS;
  while (!(await serverUp())) {
    if (child.exitCode !== null) throw new Error(`nps serve exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('nps serve did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the server if a test file before stopped it. */
export async function ensureServer() {
  if (!(await serverUp())) await startServer();
}
