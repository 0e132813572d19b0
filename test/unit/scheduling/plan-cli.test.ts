import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const run = (file: string) => spawnSync('npx', ['tsx', 'scripts/plan.ts', file], { encoding: 'utf8', timeout: 60_000 });

it('plan command prints a plan whose totals add up', () => {
  const out = JSON.parse(execFileSync('npx', ['tsx', 'scripts/plan.ts', 'test/fixtures/plan-example.json'], { encoding: 'utf8', timeout: 60_000 }));
  const input = JSON.parse(readFileSync('test/fixtures/plan-example.json', 'utf8'));
  expect(out.totals.assigned + out.totals.unassigned).toBe(input.jobs.length);
  const routeTravel = out.routes.reduce((s: number, r: { travelMinutes: number }) => s + r.travelMinutes, 0);
  expect(Math.abs(routeTravel - out.totals.travelMinutes)).toBeLessThan(0.1 * out.routes.length + 0.1);
  const planned = out.routes.flatMap((r: { stops: { kind: string }[] }) => r.stops.filter((s) => s.kind === 'planned'));
  expect(planned).toHaveLength(out.totals.assigned);
  expect(out.unassigned.every((u: { reason: string }) => u.reason.length > 0)).toBe(true);
}, 60_000);

it('plan command rejects a broken file with exit code 1, naming the field', () => {
  const input = JSON.parse(readFileSync('test/fixtures/plan-example.json', 'utf8'));
  input.jobs[3].durationMinutes = '90';
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'broken.json');
  writeFileSync(file, JSON.stringify(input));
  const result = run(file);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('jobs[3].durationMinutes');
  expect(result.stdout).toBe('');
}, 60_000);

it('plan command fails with 1 on an unreadable file and 2 without arguments', () => {
  expect(run('/nonexistent/plan.json').status).toBe(1);
  expect(spawnSync('npx', ['tsx', 'scripts/plan.ts'], { encoding: 'utf8' }).status).toBe(2);
}, 60_000);
