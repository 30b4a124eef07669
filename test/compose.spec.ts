import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const compose = readFileSync(resolve(__dirname, '../docker-compose.yml'), 'utf8');

/** No Docker engine runs here, so what can be checked of the compose file is checked as text. */
describe('docker-compose.yml', () => {
  it('publishes every port on 127.0.0.1 only', () => {
    const published = [...compose.matchAll(/^\s+- '([^']+:\d+)'$/gm)].map((match) => match[1]);
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('runs a KurrentDB LTS image at a fixed patch release, and checks the health of both services', () => {
    expect(compose).toMatch(/image: kurrentplatform\/kurrentdb:26\.0\.\d+$/m);
    expect(compose.match(/healthcheck:/g)).toHaveLength(2);
    expect(compose).toContain("fetch('http://127.0.0.1:3000/health/ready')");
  });
});
