// Starts the emulators' own program (scs-sandbox) on a free loopback port for one test file, and
// drives its /_sandbox control API. The official clients under test talk to it like to the real
// platform: nothing else is changed for them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// $SCS_SANDBOX_BINARY, else build/scs-sandbox of this checkout.
export function sandboxBinary() {
  const binary = process.env.SCS_SANDBOX_BINARY || join(root, 'build', 'scs-sandbox');
  if (!existsSync(binary)) {
    throw new Error(`scs-sandbox not found at ${binary}: build it first (make build)`);
  }
  return binary;
}

// Resolves once scs-sandbox prints "scs-sandbox serving http://HOST:PORT".
export async function startSandbox() {
  const child = spawn(sandboxBinary(), ['--addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const base = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`scs-sandbox did not start: ${stderr}`)), 15000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /scs-sandbox serving (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scs-sandbox exited with ${code}: ${stderr}`));
    });
  });
  child.removeAllListeners('exit');

  // One control-API call; answers {status, body} with the body parsed when it is JSON.
  async function control(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the text itself
    }
    return { status: response.status, body: parsed };
  }

  // POST /_sandbox/stores with `spec`; the created store (throws unless 201).
  async function createStore(spec) {
    const created = await control('POST', '/_sandbox/stores', spec);
    if (created.status !== 201) {
      throw new Error(`store not created (${created.status}): ${JSON.stringify(created.body)}`);
    }
    return created.body;
  }

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }

  return { base, control, createStore, stop };
}
