import { parseArgs } from 'node:util';
import { OPEN_LINK_PATH } from './browser-host';

/**
 * `npm run open-link -- --port 5199 dispatch-desk://work-order/WO-00123`
 * Hands a link to a running browser host, as a second launch of the desktop app hands it to the
 * first window. Exits 0 when the console took it, 1 with the reason otherwise.
 */
const { values, positionals } = parseArgs({ options: { port: { type: 'string', default: '5199' } }, allowPositionals: true });
const url = positionals[0];
if (!url) {
  console.error('Usage: npm run open-link -- [--port 5199] dispatch-desk://work-order/WO-00123');
  process.exit(2);
}
try {
  const response = await fetch(`http://127.0.0.1:${Number(values.port)}${OPEN_LINK_PATH}`, { method: 'POST', body: JSON.stringify({ url }) });
  const answer = (await response.json()) as { ok: boolean; message?: string };
  if (!answer.ok) {
    console.error(answer.message ?? `The console answered ${response.status}.`);
    process.exit(1);
  }
  console.log(`Opened ${url}`);
} catch (error) {
  console.error(`No console answers on port ${values.port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
