/**
 * Generates the demo lobby map (sites/demo-ward/map/{lobby.pgm,map.yaml}): the ground floor of a ward
 * Public Administration Service Centre, 30 x 20 m at 0.05 m per cell. Deterministic: same input, same
 * bytes. Run: `npx tsx packages/nav/scripts/generate-demo-lobby.ts [outDir]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePgm } from '../src/map/image.ts';

const WIDTH_M = 30;
const HEIGHT_M = 20;
const RES = 0.05;
const FREE = 254;
const OCCUPIED = 0;

type Rect = readonly [x0: number, y0: number, x1: number, y1: number];
type Circle = { readonly cx: number; readonly cy: number; readonly r: number };

const WALL = 0.25;
const walls: Rect[] = [
  // Outer walls; the south wall has the entrance doors (x 13.5-16.5) and the exit door (x 24-26).
  [0, 0, 13.5, WALL],
  [16.5, 0, 24, WALL],
  [26, 0, WIDTH_M, WALL],
  [0, HEIGHT_M - WALL, WIDTH_M, HEIGHT_M],
  [0, 0, WALL, HEIGHT_M],
  [WIDTH_M - WALL, 0, WIDTH_M, HEIGHT_M],
  // Restroom corridor along the west wall: inner wall, and the restroom wall with a 0.9 m door.
  [2.5, 10.5, 2.65, HEIGHT_M],
  [WALL, 17.0, 1.0, 17.15],
  [1.9, 17.0, 2.5, 17.15],
  // Counter row: a continuous desk from x 4 to 24, closed at the west by a cabinet, staff room wall east.
  [4.0, 15.2, 24.0, 16.0],
  [2.65, 15.2, 4.0, 16.0],
  [24.0, 16.9, 24.15, HEIGHT_M],
  [24.0, 15.2, 24.15, 16.0],
  // Partitions between the 8 counter booths (2.5 m pitch).
  ...Array.from({ length: 7 }, (_, i): Rect => [
    4 + 2.5 * (i + 1) - 0.05,
    14.5,
    4 + 2.5 * (i + 1) + 0.05,
    15.2,
  ]),
  // Waiting seats: four rows of benches either side of a 3 m central aisle.
  ...[7.0, 8.6, 10.2, 11.8].flatMap((y): Rect[] => [
    [6.5, y - 0.25, 13.5, y + 0.25],
    [16.5, y - 0.25, 23.5, y + 0.25],
  ]),
  // Information desk west of the entrance, staff behind it.
  [9.5, 1.6, 12.0, 2.4],
  // Pillars (0.6 m square).
  ...[
    [7.5, 4.5],
    [22.5, 4.5],
    [4.5, 12.5],
    [25.5, 12.5],
  ].map(([x = 0, y = 0]): Rect => [x - 0.3, y - 0.3, x + 0.3, y + 0.3]),
  // Photocopier and water dispenser against the east wall; the charging dock against the south wall.
  [27.6, 6.0, WIDTH_M - WALL, 7.0],
  [29.3, 10.0, WIDTH_M - WALL, 10.6],
  [18.6, WALL, 19.4, 0.5],
];
const plants: Circle[] = [
  { cx: 12.9, cy: 0.8, r: 0.3 },
  { cx: 17.1, cy: 0.8, r: 0.3 },
];

function rasterize(): Uint8Array {
  const w = Math.round(WIDTH_M / RES);
  const h = Math.round(HEIGHT_M / RES);
  const data = new Uint8Array(w * h).fill(FREE);
  for (let row = 0; row < h; row++) {
    const y = HEIGHT_M - (row + 0.5) * RES;
    for (let col = 0; col < w; col++) {
      const x = (col + 0.5) * RES;
      const hit =
        walls.some(([x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1) ||
        plants.some((p) => Math.hypot(x - p.cx, y - p.cy) <= p.r);
      if (hit) data[row * w + col] = OCCUPIED;
    }
  }
  return data;
}

const f = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n * 10000) / 10000));
const pose = (x: number, y: number, theta: number): string =>
  `{ x: ${f(x)}, y: ${f(y)}, theta: ${f(theta)} }`;
const HALF_PI = Math.PI / 2;

function places(): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 8; i++) {
    const x = 4 + 2.5 * (i - 1) + 1.25;
    out.push(
      `  - id: counter_${i}`,
      `    name: Counter ${i}`,
      '    kind: counter',
      `    pose: ${pose(x, 15.6, -HALF_PI)}`,
      `    approach: ${pose(x, 14.1, HALF_PI)}`,
    );
  }
  const simple: [string, string, string, number, number, number, [number, number, number]?][] = [
    ['entrance', 'Main entrance', 'entrance', 15.0, 1.5, HALF_PI],
    ['exit', 'Exit', 'exit', 25.0, 1.0, -HALF_PI, [25.0, 1.2, -HALF_PI]],
    ['home', 'Robot home', 'home', 18.0, 2.2, HALF_PI],
    ['dock', 'Charging dock', 'dock', 19.0, 0.4, HALF_PI, [19.0, 1.0, -HALF_PI]],
    ['waiting_area', 'Waiting area', 'waiting_area', 15.0, 9.4, -HALF_PI, [15.0, 5.9, HALF_PI]],
    ['information_desk', 'Information desk', 'information', 10.75, 2.0, HALF_PI, [10.75, 3.2, -HALF_PI]],
    ['restroom', 'Restrooms', 'facility', 1.45, 17.6, HALF_PI, [1.45, 16.2, HALF_PI]],
    ['photocopy', 'Photocopy service', 'facility', 28.7, 6.5, 0, [28.6, 7.8, -HALF_PI]],
    ['drinking_water', 'Drinking water', 'facility', 29.5, 10.3, 0, [28.6, 10.3, 0]],
  ];
  for (const [id, name, kind, x, y, theta, approach] of simple) {
    out.push(`  - id: ${id}`, `    name: ${name}`, `    kind: ${kind}`, `    pose: ${pose(x, y, theta)}`);
    if (approach) out.push(`    approach: ${pose(...approach)}`);
  }
  return out;
}

const poly = (pts: readonly (readonly [number, number])[]): string =>
  `[${pts.map(([x, y]) => `[${f(x)}, ${f(y)}]`).join(', ')}]`;
const box = (x0: number, y0: number, x1: number, y1: number): string =>
  poly([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);

function yamlText(): string {
  const junctions: [string, number, number][] = [
    ['j_entrance', 15.0, 3.4],
    ['j_west', 4.5, 8.5],
    ['j_east', 25.8, 8.5],
    ['j_counters_w', 9.0, 13.6],
    ['j_counters_e', 21.0, 13.6],
    ['j_aisle_n', 15.0, 13.0],
  ];
  const edges: [string, string][] = [
    ['entrance', 'j_entrance'],
    ['home', 'j_entrance'],
    ['home', 'dock'],
    ['exit', 'j_entrance'],
    ['information_desk', 'j_entrance'],
    ['waiting_area', 'j_entrance'],
    ['waiting_area', 'j_aisle_n'],
    ['j_entrance', 'j_west'],
    ['j_entrance', 'j_east'],
    ['j_west', 'j_counters_w'],
    ['j_east', 'j_counters_e'],
    ['j_aisle_n', 'j_counters_w'],
    ['j_aisle_n', 'j_counters_e'],
    ['j_west', 'restroom'],
    ['j_east', 'photocopy'],
    ['j_east', 'drinking_water'],
    ['counter_1', 'j_counters_w'],
    ['counter_2', 'j_counters_w'],
    ['counter_3', 'j_counters_w'],
    ['counter_4', 'j_aisle_n'],
    ['counter_5', 'j_aisle_n'],
    ['counter_6', 'j_counters_e'],
    ['counter_7', 'j_counters_e'],
    ['counter_8', 'j_counters_e'],
  ];
  return [
    '# Demo ward lobby: generated by packages/nav/scripts/generate-demo-lobby.ts (do not edit by hand).',
    '# The map_server keys below describe the ground floor, so ROS tools read this file unchanged.',
    'version: 1',
    'name: Demo ward Public Administration Service Centre, ground floor lobby',
    'image: lobby.pgm',
    `resolution: ${RES}`,
    'origin: [0.0, 0.0, 0.0]',
    'occupied_thresh: 0.65',
    'free_thresh: 0.196',
    'negate: 0',
    'floor: { id: ground, name: Ground floor, level: 0 }',
    '# Poses in metres/radians, map frame (x east, y north). Counters: pose = desk facing the citizen,',
    '# approach = where the robot stops, facing the counter.',
    'places:',
    ...places(),
    'zones:',
    '  - { id: staff_area, kind: keepout, polygon: ' + box(2.65, 16.0, 24.15, 19.75) + ' }',
    '  - { id: information_staff, kind: keepout, polygon: ' + box(9.5, 0.25, 12.0, 1.6) + ' }',
    '  - { id: doorway, kind: slow, speed_limit: 0.3, cost: 20, polygon: ' + box(12.5, 0.0, 17.5, 2.8) + ' }',
    '  - { id: waiting_seats, kind: slow, speed_limit: 0.4, cost: 40, polygon: ' +
      box(6.0, 6.3, 24.0, 12.4) +
      ' }',
    '  - { id: counter_front, kind: slow, speed_limit: 0.4, polygon: ' + box(4.0, 13.3, 24.0, 15.2) + ' }',
    '  - { id: restroom_corridor, kind: quiet, polygon: ' + box(0.25, 10.5, 2.5, 19.75) + ' }',
    'routes:',
    '  nodes:',
    ...junctions.map(([id, x, y]) => `    - { id: ${id}, x: ${f(x)}, y: ${f(y)} }`),
    '  edges:',
    ...edges.map(([a, b]) => `    - { from: ${a}, to: ${b} }`),
    '',
  ].join('\n');
}

const outDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../sites/demo-ward/map'));
mkdirSync(outDir, { recursive: true });
const data = rasterize();
const image = { width: Math.round(WIDTH_M / RES), height: Math.round(HEIGHT_M / RES), data };
writeFileSync(join(outDir, 'lobby.pgm'), encodePgm(image, 'demo ward lobby, 0.05 m/px, generated'));
writeFileSync(join(outDir, 'map.yaml'), yamlText());
process.stdout.write(`wrote ${join(outDir, 'map.yaml')} and lobby.pgm (${image.width} x ${image.height})\n`);
