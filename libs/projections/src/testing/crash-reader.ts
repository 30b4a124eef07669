/**
 * Child process for the read models' crash test: follows the log at
 * `<dir>/events.sqlite` into `<dir>/read-models.sqlite`, printing
 * `applied <n>` whenever the committed count moves, until it is killed.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { ProcessRegistry } from '@app/engine';
import { EVENT_STORE, SqliteEventStore } from '@app/event-store';
import { createProcessRegistry } from '@app/processes';
import { ProjectionRunner } from '../projection-runner';
import { ProjectionsModule } from '../projections.module';
import { storedTypeEventIdProvider } from '../stored-event-message';

async function main(dir: string): Promise<void> {
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: new SqliteEventStore({ filename: `${dir}/events.sqlite` }) },
      { provide: ProcessRegistry, useFactory: createProcessRegistry },
    ],
    exports: [EVENT_STORE, ProcessRegistry],
  })
  class Log {}
  const module = await Test.createTestingModule({
    imports: [
      { module: Log, global: true },
      CqrsModule.forRoot({ eventIdProvider: storedTypeEventIdProvider, rethrowUnhandled: true }),
      ProjectionsModule.forRoot({ filename: `${dir}/read-models.sqlite` }),
    ],
  }).compile();
  await module.init();
  const runner = module.get(ProjectionRunner);
  let reported = -1;
  setInterval(() => {
    const applied = runner.status().eventsApplied;
    if (applied !== reported) process.stdout.write(`applied ${(reported = applied)}\n`);
  }, 2);
}

void main(process.argv[2]);
