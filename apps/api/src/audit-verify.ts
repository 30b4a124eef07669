import { verifyChains, type ChainReport } from '@app/event-store';
import { runCli } from './cli';
import type { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/event-store.module';

/**
 * Walks every stream's hash chain in the configured store and reports the
 * first event that was altered, removed or inserted behind the app's back.
 * Read-only; safe while the app runs.
 */
export async function auditVerify(config: AppConfig, report: (line: string) => void): Promise<ChainReport> {
  const store = openEventStore(config);
  try {
    const result = await verifyChains(store, (events) => report(`checked ${events} events`));
    if (result.ok) {
      report(`hash chains intact: ${result.events} events in ${result.streams} streams`);
    } else {
      const at = result.firstBreak;
      report(
        `hash chain BROKEN at ${at?.streamName} revision ${at?.revision} (log position ${at?.position}, event ${at?.eventId}): ${at?.reason}`,
      );
    }
    return result;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runCli('audit verify', async (config, report) => ((await auditVerify(config, report)).ok ? 0 : 2));
}
