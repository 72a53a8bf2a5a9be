import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { MapLoadError } from '../errors.ts';
import { decodePgm, decodePngGrey, type GreyImage } from './image.ts';
import { siteMapSchema, type SiteMapFile } from './schema.ts';
import {
  OCC_FREE,
  OCC_OCCUPIED,
  OCC_UNKNOWN,
  worldToCell,
  type Floor,
  type Place,
  type RouteGraph,
  type SiteMap,
  type Zone,
} from './site-map.ts';

type OccupancyKeys = Pick<
  SiteMapFile,
  'image' | 'resolution' | 'origin' | 'occupied_thresh' | 'free_thresh' | 'negate' | 'mode'
>;

/**
 * Reads a site map YAML (ROS map_server keys for the first floor at the top level, plus `version`,
 * `floors`, `places`, `zones`, `routes`) and its images. Every problem is a `MapLoadError` that names
 * the file and the field, e.g. `map.yaml: places[3].pose.x: expected number`.
 */
export function loadSiteMap(path: string): SiteMap {
  const file = resolve(path);
  const yamlBytes = readBytes(file, undefined);
  const doc = parseDocument(new TextDecoder().decode(yamlBytes), { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) throw new MapLoadError(file, undefined, `YAML syntax: ${yamlError.message}`);
  const parsed = siteMapSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MapLoadError(file, issue ? formatPath(issue.path) : undefined, issue?.message ?? 'invalid');
  }
  const spec = parsed.data;
  const hash = createHash('sha256').update(yamlBytes);
  const dir = dirname(file);

  const primaryId = spec.floor?.id ?? 'ground';
  const floorSpecs: { id: string; name: string; level: number; keys: OccupancyKeys; field: string }[] = [
    {
      id: primaryId,
      name: spec.floor?.name ?? primaryId,
      level: spec.floor?.level ?? 0,
      keys: spec,
      field: 'image',
    },
    ...spec.floors.map((f, i) => ({
      id: f.id,
      name: f.name ?? f.id,
      level: f.level,
      keys: f,
      field: `floors[${i}].image`,
    })),
  ];
  const floors: Floor[] = [];
  for (const [i, fs] of floorSpecs.entries()) {
    if (floors.some((f) => f.id === fs.id)) {
      throw new MapLoadError(
        file,
        i === 0 ? 'floor.id' : `floors[${i - 1}].id`,
        `duplicate floor id '${fs.id}'`,
      );
    }
    const imagePath = resolve(dir, fs.keys.image);
    const bytes = readBytes(imagePath, fs.field, file);
    hash.update(bytes);
    floors.push(buildFloor(file, fs.field, fs, imagePath, bytes));
  }
  const floorIds = new Set(floors.map((f) => f.id));
  const floorOf = (field: string, id: string | undefined): Floor => {
    const found = floors.find((f) => f.id === (id ?? primaryId));
    if (!found)
      throw new MapLoadError(file, field, `unknown floor '${id ?? ''}' (known: ${[...floorIds].join(', ')})`);
    return found;
  };

  const places: Place[] = [];
  for (const [i, p] of spec.places.entries()) {
    if (places.some((q) => q.id === p.id))
      throw new MapLoadError(file, `places[${i}].id`, `duplicate place id '${p.id}'`);
    const floor = floorOf(`places[${i}].floor`, p.floor);
    const approach = p.approach ?? p.pose;
    const { col, row } = worldToCell(floor, approach.x, approach.y);
    const field = `places[${i}].${p.approach ? 'approach' : 'pose'}`;
    if (col < 0 || row < 0 || col >= floor.width || row >= floor.height) {
      throw new MapLoadError(file, field, `(${approach.x}, ${approach.y}) is outside floor '${floor.id}'`);
    }
    if (floor.occupancy[row * floor.width + col] !== OCC_FREE) {
      throw new MapLoadError(file, field, `(${approach.x}, ${approach.y}) is not in free space`);
    }
    places.push({ id: p.id, name: p.name ?? p.id, kind: p.kind, floor: floor.id, pose: p.pose, approach });
  }

  const zones: Zone[] = spec.zones.map((z, i) => {
    if (spec.zones.findIndex((o) => o.id === z.id) !== i)
      throw new MapLoadError(file, `zones[${i}].id`, `duplicate zone id '${z.id}'`);
    const floor = floorOf(`zones[${i}].floor`, z.floor).id;
    switch (z.kind) {
      case 'keepout':
        return { id: z.id, kind: z.kind, floor, polygon: z.polygon };
      case 'slow':
        return { id: z.id, kind: z.kind, floor, polygon: z.polygon, speedLimit: z.speed_limit, cost: z.cost };
      case 'quiet':
        return { id: z.id, kind: z.kind, floor, polygon: z.polygon, cost: z.cost };
      default: {
        const never: never = z;
        throw new MapLoadError(file, `zones[${i}].kind`, `unknown kind ${String(never)}`);
      }
    }
  });

  return {
    file,
    name: spec.name ?? primaryId,
    version: String(spec.version),
    hash: hash.digest('hex'),
    floors,
    places,
    zones,
    routes: spec.routes ? buildRoutes(file, spec.routes, places, floorOf) : undefined,
  };
}

function buildFloor(
  file: string,
  field: string,
  fs: { id: string; name: string; level: number; keys: OccupancyKeys },
  imagePath: string,
  bytes: Uint8Array,
): Floor {
  const k = fs.keys;
  const originField = field.replace(/image$/, 'origin');
  if (k.origin[2] !== 0)
    throw new MapLoadError(file, originField, 'a rotated origin (yaw != 0) is not supported');
  if (k.free_thresh >= k.occupied_thresh) {
    throw new MapLoadError(
      file,
      field.replace(/image$/, 'free_thresh'),
      'free_thresh must be below occupied_thresh',
    );
  }
  let image: GreyImage;
  try {
    image = isPng(bytes) ? decodePngGrey(bytes) : decodePgm(bytes);
  } catch (e) {
    throw new MapLoadError(imagePath, undefined, `cannot decode image (${(e as Error).message})`, {
      cause: e,
    });
  }
  const negate = k.negate === 1 || k.negate === true;
  const occupancy = new Uint8Array(image.data.length);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i] ?? 0;
    const p = negate ? v / 255 : (255 - v) / 255;
    occupancy[i] = p > k.occupied_thresh ? OCC_OCCUPIED : p < k.free_thresh ? OCC_FREE : OCC_UNKNOWN;
  }
  return {
    id: fs.id,
    name: fs.name,
    level: fs.level,
    resolution: k.resolution,
    origin: { x: k.origin[0], y: k.origin[1] },
    width: image.width,
    height: image.height,
    occupancy,
    image: imagePath,
  };
}

function buildRoutes(
  file: string,
  spec: NonNullable<SiteMapFile['routes']>,
  places: readonly Place[],
  floorOf: (field: string, id: string | undefined) => Floor,
): RouteGraph {
  const nodes = spec.nodes.map((n, i) => ({
    id: n.id,
    floor: floorOf(`routes.nodes[${i}].floor`, n.floor).id,
    x: n.x,
    y: n.y,
  }));
  const all = new Map<string, { floor: string; x: number; y: number }>();
  for (const p of places) all.set(p.id, { floor: p.floor, x: p.approach.x, y: p.approach.y });
  for (const [i, n] of nodes.entries()) {
    if (all.has(n.id))
      throw new MapLoadError(file, `routes.nodes[${i}].id`, `'${n.id}' is already a place or node`);
    all.set(n.id, n);
  }
  const edges = spec.edges.map((e, i) => {
    const a = all.get(e.from);
    const b = all.get(e.to);
    if (!a) throw new MapLoadError(file, `routes.edges[${i}].from`, `unknown node or place '${e.from}'`);
    if (!b) throw new MapLoadError(file, `routes.edges[${i}].to`, `unknown node or place '${e.to}'`);
    if (e.kind === 'walk' && a.floor !== b.floor) {
      throw new MapLoadError(
        file,
        `routes.edges[${i}].kind`,
        `a walk edge cannot join floors '${a.floor}' and '${b.floor}'; use kind: lift`,
      );
    }
    if (e.kind === 'lift' && e.cost === undefined)
      throw new MapLoadError(file, `routes.edges[${i}].cost`, 'lift edges need a cost');
    return { from: e.from, to: e.to, kind: e.kind, cost: e.cost ?? Math.hypot(a.x - b.x, a.y - b.y) };
  });
  return { nodes, edges };
}

function readBytes(path: string, field: string | undefined, yamlFile?: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new MapLoadError(yamlFile ?? path, field, `cannot read ${path} (${why})`, { cause: e });
  }
}

const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out;
}
