import { backupCommand } from './cli/backup-command';
import { createAdminCommand } from './cli/create-admin-command';
import { parseHubOptions } from './cli/hub-options';
import { newEpochCommand } from './cli/new-epoch-command';
import { restoreCommand } from './cli/restore-command';
import { serveCommand } from './cli/serve-command';
import { technicianTokenCommand } from './cli/technician-token-command';
import { calendarFeedCommand } from './cli/calendar-feed-command';
import { technicianPhotoCommand } from './cli/technician-photo-command';
import { caldavCommand } from './cli/caldav-command';
import { OperatorError } from './operator-error';

/** `npm run hub` — see docs/hub.md. */
async function main(): Promise<void> {
  const options = parseHubOptions(process.argv.slice(2));
  if (options.command === 'create-admin') await createAdminCommand(options);
  else if (options.command === 'backup') await backupCommand(options);
  else if (options.command === 'restore') await restoreCommand(options);
  else if (options.command === 'new-epoch') await newEpochCommand(options);
  else if (options.command === 'technician-token') await technicianTokenCommand(options);
  else if (options.command === 'calendar-feed') await calendarFeedCommand(options);
  else if (options.command === 'technician-photo') await technicianPhotoCommand(options);
  else if (options.command === 'caldav') await caldavCommand(options);
  else await serveCommand(options);
}

main().catch((error: unknown) => {
  // Mistakes the operator can fix (including parseArgs' ERR_PARSE_ARGS_* errors) get their message only; anything else its stack.
  const usage = error instanceof OperatorError || (error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
  const message = error instanceof Error ? (usage ? error.message : (error.stack ?? error.message)) : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(usage ? 2 : 1);
});
