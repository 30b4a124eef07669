import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectionRunner, type RunnerStatus } from '@app/projections';
import { AppModule } from './app.module';
import { runCli } from './cli';
import type { AppConfig } from './config/app-config';

function progressLine(status: RunnerStatus): string {
  const target = status.rebuild?.target ? BigInt(status.rebuild.target) : undefined;
  const position = status.position ? BigInt(status.position) : 0n;
  const percent = target ? Number((position * 100n) / target) : 100;
  return `rebuilding read models: ${status.eventsApplied} events applied (${percent} % of the log)`;
}

/**
 * Empties every read model in DATA_DIR and replays the whole log into them,
 * reporting progress every second. Run it with the app stopped; a running
 * app rebuilds itself through POST /api/admin/projections/rebuild.
 */
export async function rebuildProjections(
  config: AppConfig,
  report: (line: string) => void,
): Promise<{ events: number; seconds: number }> {
  const context = await NestFactory.createApplicationContext(
    AppModule.forConfig({ ...config, deadlineWorkerIntervalMs: 0 }, { autoStartProjections: false }),
    { logger: ['error', 'warn'] },
  );
  const started = process.hrtime.bigint();
  try {
    const runner = context.get(ProjectionRunner);
    const { done } = await runner.rebuild();
    const timer = setInterval(() => report(progressLine(runner.status())), 1000);
    const finished = await done.finally(() => clearInterval(timer));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    report(`rebuilt every read model from ${finished.eventsApplied} events in ${seconds.toFixed(1)} s`);
    return { events: finished.eventsApplied, seconds };
  } finally {
    await context.close();
  }
}

if (require.main === module) {
  runCli('rebuild', async (config, report) => {
    await rebuildProjections(config, report);
    return 0;
  });
}
