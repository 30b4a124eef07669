/**
 * Child process for the read models' crash test: follows the log at
 * `<dir>/events.sqlite` into `<dir>/read-models.sqlite`, printing
 * `applied <n>` whenever the committed count moves, until it is killed.
 */
import 'reflect-metadata';
import { SqliteEventStore } from '@app/event-store';
import { ProjectionRunner } from '../projection-runner';
import { startReadModels } from './read-models-module';

async function main(dir: string): Promise<void> {
  const module = await startReadModels(new SqliteEventStore({ filename: `${dir}/events.sqlite` }), {
    filename: `${dir}/read-models.sqlite`,
  });
  const runner = module.get(ProjectionRunner);
  let reported = -1;
  setInterval(() => {
    const applied = runner.status().eventsApplied;
    if (applied !== reported) process.stdout.write(`applied ${(reported = applied)}\n`);
  }, 2);
}

void main(process.argv[2]);
