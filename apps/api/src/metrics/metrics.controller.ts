import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Allow, OPERATORS, ScrapeToken } from '../identity/actor';
import { Metrics } from './metrics';

/** Prometheus text format; for the operator, or a scraper holding METRICS_TOKEN. Nothing in it names a case or a person. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get('metrics')
  @Allow(...OPERATORS)
  @ScrapeToken()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
