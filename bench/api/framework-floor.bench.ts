/**
 * What the HTTP stack alone allows on this machine: requests per second of
 * the framework floor (`framework-floor-server.ts`, a child process) at the
 * concurrencies issue 14 names, through the same node:http client as the
 * API bench. It sets the ceiling for the command path: at 1,500 commands/s
 * a command may cost the server 1/1500 s in all, and the floor's share of
 * that is printed beside it.
 */
import { spawn } from 'node:child_process';
import { BenchClient } from '../http-client';
import { waitFor } from '../wait-for';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3950);
const GOAL_PER_SECOND = 1500;
const BODY = { event: 'ImpulsRegistered', payload: { reason: 'Enligt plan' } };

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api/framework-floor-server.ts'], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const client = new BenchClient(`http://127.0.0.1:${PORT}`);
  try {
    await waitFor(
      async () =>
        (await client.send('POST', '/api/step', {}, BODY).catch(() => ({ status: 0 }))).status === 201,
      'the framework floor server',
    );
    console.log(
      `framework floor: Nest on Express with the ValidationPipe, ${REQUESTS} POSTs per concurrency`,
    );
    console.log(
      '| concurrency | requests/s | time per request (server and client on the same cores) | share of a 1,500/s command budget |',
    );
    console.log('|---|---|---|---|');
    for (const concurrency of [4, 16]) {
      let sent = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (sent++ < REQUESTS) await client.send('POST', '/api/step', {}, BODY);
        }),
      );
      const perSecond = REQUESTS / (Number(process.hrtime.bigint() - started) / 1e9);
      console.log(
        `| ${concurrency} | ${Math.round(perSecond)} | ${(1000 / perSecond).toFixed(2)} ms | ${((100 * GOAL_PER_SECOND) / perSecond).toFixed(0)} % |`,
      );
    }
  } finally {
    client.close();
    child.kill();
  }
}

void main();
