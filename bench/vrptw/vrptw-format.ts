/**
 * Reads a VRPTW instance in the TSPLIB-style text format LKH-3 uses (see the data folder's
 * README): NAME, VEHICLES, CAPACITY, SERVICE_TIME (or SERVICE_TIME_SECTION), EDGE_WEIGHT_TYPE
 * (EXACT_2D), NODE_COORD_SECTION, DEMAND_SECTION, TIME_WINDOW_SECTION, DEPOT_SECTION.
 */
export interface VrptwNode {
  /** The node's number in the file (the depot is usually 1). */
  id: number;
  x: number;
  y: number;
  demand: number;
  /** Window on the start of service, in the instance's time units. */
  ready: number;
  due: number;
  service: number;
}

export interface VrptwInstance {
  name: string;
  vehicles: number;
  capacity: number;
  depot: VrptwNode;
  customers: VrptwNode[];
}

const sections = ['NODE_COORD_SECTION', 'DEMAND_SECTION', 'TIME_WINDOW_SECTION', 'SERVICE_TIME_SECTION', 'DEPOT_SECTION'] as const;
type Section = (typeof sections)[number];

function fail(name: string, message: string): never {
  throw new Error(`${name}: ${message}`);
}

export function parseVrptw(text: string, source = 'instance'): VrptwInstance {
  const header = new Map<string, string>();
  const rows = new Map<Section, number[][]>(sections.map((s) => [s, []]));
  let section: Section | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line === 'EOF') return;
    if ((sections as readonly string[]).includes(line)) {
      section = line as Section;
      return;
    }
    const colon = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (colon) {
      header.set(colon[1] as string, (colon[2] as string).trim());
      section = null;
      return;
    }
    if (!section) fail(source, `line ${i + 1}: unexpected "${line}"`);
    const numbers = line.split(/\s+/).map(Number);
    if (numbers.some((n) => !Number.isFinite(n))) fail(source, `line ${i + 1}: expected numbers, got "${line}"`);
    rows.get(section)?.push(numbers);
  });
  const name = header.get('NAME') ?? source;
  const number = (key: string) => {
    const value = Number(header.get(key));
    if (!header.has(key) || !Number.isFinite(value)) fail(name, `missing or invalid ${key}`);
    return value;
  };
  const weights = header.get('EDGE_WEIGHT_TYPE') ?? 'EXACT_2D';
  if (weights !== 'EXACT_2D') fail(name, `EDGE_WEIGHT_TYPE ${weights} is not supported (only EXACT_2D)`);
  const byId = (s: Section) => new Map((rows.get(s) ?? []).map((r) => [r[0] as number, r.slice(1)]));
  const demands = byId('DEMAND_SECTION');
  const windows = byId('TIME_WINDOW_SECTION');
  const services = byId('SERVICE_TIME_SECTION');
  const globalService = header.has('SERVICE_TIME') ? number('SERVICE_TIME') : 0;
  const depotId = (rows.get('DEPOT_SECTION') ?? []).map((r) => r[0] as number).find((id) => id > 0) ?? 1;
  const nodes = (rows.get('NODE_COORD_SECTION') ?? []).map(([id, x, y]): VrptwNode => {
    const window = windows.get(id as number);
    if (!window || window.length < 2) fail(name, `node ${id} has no time window`);
    return {
      id: id as number,
      x: x as number,
      y: y as number,
      demand: demands.get(id as number)?.[0] ?? 0,
      ready: window[0] as number,
      due: window[1] as number,
      service: id === depotId ? 0 : (services.get(id as number)?.[0] ?? globalService),
    };
  });
  const depot = nodes.find((n) => n.id === depotId) ?? fail(name, `depot ${depotId} has no coordinates`);
  if (header.has('DIMENSION') && nodes.length !== number('DIMENSION')) fail(name, `DIMENSION ${number('DIMENSION')} but ${nodes.length} nodes`);
  return { name, vehicles: number('VEHICLES'), capacity: number('CAPACITY'), depot, customers: nodes.filter((n) => n !== depot) };
}

/** EXACT_2D: real-valued Euclidean distance. */
export function distance(a: VrptwNode, b: VrptwNode): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
