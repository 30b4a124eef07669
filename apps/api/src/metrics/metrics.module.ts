import { Global, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ProjectionRunner } from '@app/projections';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** At most this many events are counted for the lag gauge: beyond it, "very far behind" is enough. */
const LAG_COUNTED = 100_000;

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }],
  exports: [Metrics],
})
export class MetricsModule {}

/** The read models' figures: lag asked at each scrape, batches as they commit. Provided where the runner is. */
@Injectable()
export class ProjectionMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: Metrics,
    private readonly runner: ProjectionRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.measureProjectionLag(() => this.runner.lag(LAG_COUNTED));
    this.runner.batches.subscribe(({ events, seconds }) => {
      this.metrics.projectionBatch.observe(seconds);
      this.metrics.projectionEvents.inc(events);
    });
  }
}
