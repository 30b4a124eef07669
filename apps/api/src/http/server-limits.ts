import { createServer } from 'node:http';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';

/**
 * Express under Nest, on an HTTP server that bounds what one client may
 * hold: Node's defaults let a slow body keep a socket for five minutes,
 * check those timeouts only every 30 s, and accept connections without
 * bound. TLS ends at the municipality's proxy, so this is plain HTTP.
 */
export class LimitedExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: AppConfig['http']) {
    super();
  }

  override initHttpServer(): void {
    const server = createServer(
      {
        headersTimeout: this.limits.headersTimeoutMs,
        requestTimeout: this.limits.requestTimeoutMs,
        keepAliveTimeout: this.limits.keepAliveTimeoutMs,
        // How often the two timeouts above are checked; Node's default would let them overrun by 30 s.
        connectionsCheckingInterval: 1000,
      },
      this.getInstance(),
    );
    server.maxConnections = this.limits.maxConnections;
    this.httpServer = server;
  }
}
