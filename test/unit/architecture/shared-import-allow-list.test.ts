import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lints a file that does not exist on disk, as if it sat at `file`, with the project's own config. */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('shared/ imports only the packages on its allow-list', () => {
  it.each([
    ["import WebSocket from 'ws';\nexport const s = WebSocket;"],
    ["import Database from 'better-sqlite3';\nexport const d = Database;"],
    ["import type { Server } from 'ws';\nexport type S = Server;"],
    ["export { z as zed } from 'zodiac';"],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ["import { app } from 'electron';\nexport const a = app;"],
  ])('refuses %s', async (code) => {
    const errors = await importErrors('shared/domain/lint-probe.ts', code);
    expect(errors).toContainEqual(expect.stringMatching(/may import only zod, temporal-polyfill/));
  });

  it('refuses a dynamic import()', async () => {
    const errors = await importErrors('shared/domain/lint-probe.ts', "export const load = () => import('zod');");
    expect(errors).toEqual([expect.stringMatching(/import it statically/)]);
  });

  it('accepts zod, temporal-polyfill, their subpaths and its own files', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { z as z4 } from 'zod/v4';",
      "import { Temporal } from 'temporal-polyfill';",
      "import { EmailSchema } from '../domain/common';",
      "import { hubRoutes } from './hub-http';",
      'export const all = [z, z4, Temporal, EmailSchema, hubRoutes];',
    ].join('\n');
    expect(await importErrors('shared/contract/lint-probe.ts', code)).toEqual([]);
  });

  it('does not restrict the hub, which may use ws', async () => {
    expect(await importErrors('server/http/lint-probe.ts', "import WebSocket from 'ws';\nexport const s = WebSocket;")).toEqual([]);
  });
});
