import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReadinessRegistry } from '../health/readiness.registry';

/** Not ready while the read models fail, rebuild, or lag the log by more than PROJECTION_MAX_LAG events. */
@Injectable()
export class ProjectionsReadiness {
  constructor(runner: ProjectionRunner, readiness: ReadinessRegistry, @Inject(APP_CONFIG) config: AppConfig) {
    const bound = config.projectionMaxLag;
    readiness.register('projections', async () => {
      const status = runner.status();
      if (status.state === 'failed') throw new Error(status.failure ?? 'a projection failed');
      if (status.state === 'rebuilding')
        throw new Error(`rebuilding: ${status.eventsApplied} events applied`);
      if (status.state === 'stopped') throw new Error('not following the log');
      const lag = await runner.lag(bound);
      if (lag > bound) throw new Error(`behind the log by more than ${bound} events`);
      return { position: status.position, eventsApplied: status.eventsApplied, lag };
    });
  }
}
