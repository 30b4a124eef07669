import { ConfigError, loadConfig, type AppConfig } from './config/app-config';

/**
 * Runs an operations command on the app's configuration: a bad setting or a
 * failure prints one line to stderr and exits 1; otherwise the task's exit code.
 */
export function runCli(
  what: string,
  task: (config: AppConfig, report: (line: string) => void) => Promise<number>,
): void {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  task(config, (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      process.stderr.write(`${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
