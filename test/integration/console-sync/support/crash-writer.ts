import { randomUUID } from 'node:crypto';
import { startConsoleServices } from '../../../../electron/main/services';

/**
 * Child process of crash-recovery.test.ts: opens a replica whose hub is down and creates work
 * orders in a loop, printing each committed mutation as one JSON line, until it is killed.
 */
const dataFile = process.argv[2];
if (!dataFile) throw new Error('usage: crash-writer <replica file>');
const services = startConsoleServices({ dataFile, appVersion: '0.0.0-crash', runtime: 'browser-host', seedDemo: false, autoSync: false });
const db = services.db;
const accounts = db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 50').pluck().all() as string[];
const type = db.prepare('SELECT id FROM incident_types ORDER BY id LIMIT 1').pluck().get() as string;

for (let i = 0; ; i++) {
  const workOrderId = `wo-crash-${randomUUID()}`;
  const answer = await services.sync.runMutation('createWorkOrder', { workOrderId, accountId: accounts[i % accounts.length], incidentTypeId: type, summary: `crash test ${i}` });
  if (answer.outcome.status !== 'applied' || !answer.queued) throw new Error(`mutation ${i} was not queued: ${JSON.stringify(answer)}`);
  process.stdout.write(`${JSON.stringify({ mutationId: answer.mutationId, workOrderId })}\n`);
}
