import { Agent, request } from 'node:http';

/**
 * A light HTTP client for benchmarks: node:http with keep-alive, nothing
 * parsed but what is asked for, so the client costs little of the two cores
 * the server also runs on (fetch costs 1-2 ms of CPU per request here).
 */
export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly base: string) {}

  send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string> = {},
    body?: object,
  ): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const call = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: payload === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
