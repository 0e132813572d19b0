/** Fixed reference data of the demo company: a heating, cooling and building-services firm in Chicago. */

export const DEMO_TIME_ZONE = 'America/Chicago';

export interface DemoTerritory {
  id: string;
  name: string;
  /** Bounding box of real neighbourhoods, used to place accounts and homes. */
  box: { south: number; north: number; west: number; east: number };
  streets: readonly string[];
}

export const demoTerritories: readonly DemoTerritory[] = [
  {
    id: 'ter-north',
    name: 'North Side',
    box: { south: 41.93, north: 42.02, west: -87.76, east: -87.65 },
    streets: ['N Clark St', 'N Broadway', 'W Lawrence Ave', 'N Western Ave', 'W Foster Ave', 'N Lincoln Ave', 'W Irving Park Rd', 'N Sheridan Rd'],
  },
  {
    id: 'ter-central',
    name: 'Downtown & Lakefront',
    box: { south: 41.86, north: 41.93, west: -87.67, east: -87.61 },
    streets: ['N Michigan Ave', 'W Madison St', 'S State St', 'W Randolph St', 'N LaSalle St', 'W Division St', 'N Halsted St', 'S Wabash Ave'],
  },
  {
    id: 'ter-west',
    name: 'West Suburbs',
    box: { south: 41.83, north: 41.92, west: -87.9, east: -87.74 },
    streets: ['W Roosevelt Rd', 'Lake St', 'W North Ave', 'S Harlem Ave', 'W Cermak Rd', 'Madison St', 'S Oak Park Ave', 'W 22nd St'],
  },
  {
    id: 'ter-south',
    name: 'South Side',
    box: { south: 41.72, north: 41.84, west: -87.7, east: -87.57 },
    streets: ['S Cottage Grove Ave', 'E 55th St', 'S Halsted St', 'E 63rd St', 'S King Dr', 'S Western Ave', 'E 79th St', 'S Stony Island Ave'],
  },
];

export const demoCharacteristics = [
  ['chr-hvac', 'HVAC'],
  ['chr-electrical', 'Electrical'],
  ['chr-plumbing', 'Plumbing'],
  ['chr-refrigeration', 'Refrigeration'],
  ['chr-gas', 'Gas safety'],
  ['chr-boiler', 'Boilers'],
  ['chr-heatpump', 'Heat pumps'],
  ['chr-controls', 'Controls & BMS'],
  ['chr-fire', 'Fire safety'],
  ['chr-water', 'Water treatment'],
  ['chr-solar', 'Solar PV'],
  ['chr-backflow', 'Backflow testing'],
] as const;

type Req = readonly (readonly [string, number])[];
export interface DemoIncidentType {
  id: string;
  name: string;
  durationMinutes: number;
  required: Req;
  portalName: string | null;
  workOrderType: string;
  changeNoticeHours: number | null;
}

export const demoIncidentTypes: readonly DemoIncidentType[] = [
  { id: 'inc-furnace-tuneup', name: 'Furnace tune-up', durationMinutes: 60, required: [['chr-hvac', 2]], portalName: 'Furnace tune-up', workOrderType: 'Maintenance', changeNoticeHours: 24 },
  { id: 'inc-ac-repair', name: 'Air conditioner repair', durationMinutes: 90, required: [['chr-hvac', 3], ['chr-refrigeration', 2]], portalName: 'AC not cooling', workOrderType: 'Repair', changeNoticeHours: 12 },
  { id: 'inc-boiler-service', name: 'Boiler annual service', durationMinutes: 120, required: [['chr-boiler', 3], ['chr-gas', 3]], portalName: 'Boiler service', workOrderType: 'Maintenance', changeNoticeHours: 24 },
  { id: 'inc-gas-leak', name: 'Gas leak investigation', durationMinutes: 60, required: [['chr-gas', 4]], portalName: null, workOrderType: 'Emergency', changeNoticeHours: null },
  { id: 'inc-heatpump-install', name: 'Heat pump installation', durationMinutes: 240, required: [['chr-heatpump', 4], ['chr-electrical', 2]], portalName: null, workOrderType: 'Installation', changeNoticeHours: 48 },
  { id: 'inc-heatpump-service', name: 'Heat pump service', durationMinutes: 90, required: [['chr-heatpump', 2]], portalName: 'Heat pump check', workOrderType: 'Maintenance', changeNoticeHours: 24 },
  { id: 'inc-panel-upgrade', name: 'Electrical panel upgrade', durationMinutes: 180, required: [['chr-electrical', 4]], portalName: null, workOrderType: 'Installation', changeNoticeHours: 48 },
  { id: 'inc-outlet-repair', name: 'Outlet and circuit repair', durationMinutes: 45, required: [['chr-electrical', 2]], portalName: 'Electrical repair', workOrderType: 'Repair', changeNoticeHours: 12 },
  { id: 'inc-water-heater', name: 'Water heater replacement', durationMinutes: 150, required: [['chr-plumbing', 3], ['chr-gas', 2]], portalName: 'Water heater replacement', workOrderType: 'Installation', changeNoticeHours: 24 },
  { id: 'inc-leak-repair', name: 'Pipe leak repair', durationMinutes: 60, required: [['chr-plumbing', 2]], portalName: 'Leak repair', workOrderType: 'Repair', changeNoticeHours: 6 },
  { id: 'inc-walkin-cooler', name: 'Walk-in cooler repair', durationMinutes: 120, required: [['chr-refrigeration', 4]], portalName: null, workOrderType: 'Repair', changeNoticeHours: null },
  { id: 'inc-bms-fault', name: 'Building controls fault', durationMinutes: 90, required: [['chr-controls', 3], ['chr-electrical', 2]], portalName: null, workOrderType: 'Repair', changeNoticeHours: null },
  { id: 'inc-fire-inspection', name: 'Fire system inspection', durationMinutes: 75, required: [['chr-fire', 3]], portalName: 'Fire safety inspection', workOrderType: 'Inspection', changeNoticeHours: 24 },
  { id: 'inc-backflow-test', name: 'Backflow preventer test', durationMinutes: 45, required: [['chr-backflow', 2], ['chr-plumbing', 1]], portalName: 'Backflow test', workOrderType: 'Inspection', changeNoticeHours: 24 },
  { id: 'inc-solar-check', name: 'Solar inverter check', durationMinutes: 60, required: [['chr-solar', 3], ['chr-electrical', 2]], portalName: 'Solar system check', workOrderType: 'Maintenance', changeNoticeHours: 24 },
];

export const demoReasonCodes = [
  ['customer-request', 'Customer request'],
  ['no-access', 'No access to site'],
  ['duplicate', 'Duplicate booking'],
  ['weather', 'Weather'],
  ['parts-unavailable', 'Parts unavailable'],
  ['technician-unavailable', 'Technician unavailable'],
] as const;

export const firstNames = ['Anna', 'Marcus', 'Priya', 'Diego', 'Chen', 'Fatima', 'Jamal', 'Olga', 'Liam', 'Sofia', 'Kwame', 'Hannah', 'Mateo', 'Aisha', 'Noah', 'Yuki', 'Grace', 'Omar', 'Elena', 'Samuel', 'Ines', 'Tomasz', 'Layla', 'Ethan', 'Rosa', 'Ibrahim', 'Maya', 'Lucas', 'Zoe', 'Andre'];
export const lastNames = ['Park', 'Johnson', 'Patel', 'Ramirez', 'Wei', 'Haddad', 'Washington', 'Novak', 'Murphy', 'Rossi', 'Mensah', 'Schmidt', 'Garcia', 'Khan', 'Okafor', 'Tanaka', 'Kowalski', 'Nguyen', 'Fischer', 'Brooks', 'Silva', 'Lindqvist', 'Cohen', 'Reyes', 'Olsen', 'Dubois', 'Moreau', 'Ivanova', 'Sato', 'Hughes'];
export const businessWords = ['Lakeside', 'Prairie', 'Harbor', 'Union', 'Maple', 'Northpoint', 'Riverside', 'Cornerstone', 'Midway', 'Pioneer', 'Grand', 'Elm', 'Summit', 'Beacon', 'Heritage', 'Parkview'];
export const businessKinds = ['Bakery', 'Dental Clinic', 'Apartments', 'Cafe', 'Fitness', 'Library Branch', 'Veterinary', 'Print Shop', 'Hotel', 'Grocery', 'Daycare', 'Brewery', 'Family Residence', 'Condominiums', 'Auto Care', 'Church'];
export const assetModels = ['Carrier Infinity 96 furnace', 'Trane XR16 condenser', 'Viessmann Vitodens 200 boiler', 'Rheem ProTerra water heater', 'Mitsubishi Hyper-Heat heat pump', 'Square D QO panel', 'Honeywell T6 controller', 'Watts 909 backflow preventer', 'Kidde fire panel', 'SolarEdge SE7600 inverter', 'True walk-in cooler', 'Bradford White water heater'];
