import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotRateLimited } from '../http/rate-limits';
import { Public } from '../identity/actor';
import { ReadinessRegistry } from './readiness.registry';

@Public()
@NotRateLimited()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  /** The process is up and serving HTTP; says nothing about its dependencies. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** 200 when every registered dependency answers, 503 with the failing ones otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const { ready, checks } = await this.readiness.run();
    response.status(ready ? 200 : 503);
    return { status: ready ? 'up' : 'down', checks };
  }
}
