import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

const RectangleSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
export type Rectangle = z.infer<typeof RectangleSchema>;

export const WindowStateSchema = z.object({ bounds: RectangleSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
/** At least this much of the title bar must be on a screen to drag the window back. */
const GRAB = 80;

/**
 * Where to open the window: the saved bounds when enough of them is on a connected display,
 * shrunk to fit it; otherwise centred on the primary display. A monitor unplugged since last
 * time must not leave the window off screen.
 */
export function placeWindow(saved: WindowState | null, displays: readonly Rectangle[], primary: Rectangle): WindowState {
  const centred = (area: Rectangle): Rectangle => {
    const width = Math.min(DEFAULT_SIZE.width, area.width);
    const height = Math.min(DEFAULT_SIZE.height, area.height);
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(primary), maximized: false };
  const home = displays.find((area) => titleBarVisible(saved.bounds, area));
  if (!home) return { bounds: centred(primary), maximized: saved.maximized };
  const width = Math.max(Math.min(saved.bounds.width, home.width), Math.min(MIN_SIZE.width, home.width));
  const height = Math.max(Math.min(saved.bounds.height, home.height), Math.min(MIN_SIZE.height, home.height));
  const x = clamp(saved.bounds.x, home.x, home.x + home.width - width);
  const y = clamp(saved.bounds.y, home.y, home.y + home.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

function titleBarVisible(bounds: Rectangle, area: Rectangle): boolean {
  const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const titleY = bounds.y;
  return overlapX >= GRAB && titleY >= area.y && titleY < area.y + area.height - GRAB / 2;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** window-state.json beside the replica: read leniently (anything unreadable means "no saved state"), written atomically. */
export class WindowStateStore {
  constructor(private readonly file: string) {}

  static beside(dataFile: string): WindowStateStore {
    return new WindowStateStore(path.join(path.dirname(dataFile), WINDOW_STATE_FILE_NAME));
  }

  read(): WindowState | null {
    try {
      const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(state: WindowState): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(WindowStateSchema.parse(state))}\n`);
    renameSync(temporary, this.file);
  }
}
