import { findPlace, type Place, type SiteMap } from '@reception/nav';
import { robotSettings, type Site } from '@reception/protocol';
import type { Pose } from './geometry.ts';
import type { SpeedZone } from './path-profile.ts';

/** Place ids the engine needs besides the targets. */
export interface PlaceRoles {
  home: string;
  dock: string;
  waitingArea: string;
}

export const defaultPlaceRoles: PlaceRoles = { home: 'home', dock: 'dock', waitingArea: 'waiting_area' };

/**
 * The site's places as missions see them: where the robot stops for each (a place's approach pose), which
 * ones a kiosk may ask for (the places of the site's counters and facilities, nothing else), and where the
 * robot must stand before DOCK reverses onto the contacts.
 */
export class PlaceDirectory {
  constructor(
    readonly map: SiteMap,
    private readonly site: () => Site,
    readonly roles: PlaceRoles = defaultPlaceRoles,
  ) {
    for (const id of [roles.home, roles.dock, roles.waitingArea]) {
      if (!findPlace(map, id)) throw new RangeError(`the site map has no place '${id}'`);
    }
  }

  get(id: string): Place | undefined {
    return findPlace(this.map, id);
  }

  /** Counters' and facilities' places: the only ones a kiosk may ask for. */
  guidable(): ReadonlySet<string> {
    const s = this.site();
    return new Set([...s.counters.map((c) => c.place), ...s.facilities.map((f) => f.place)]);
  }

  /** Where the robot stops for a place (its approach pose, facing it). */
  stopPose(id: string): Pose | undefined {
    const p = this.get(id);
    return p ? { ...p.approach } : undefined;
  }

  home(): Pose {
    return this.stopPose(this.roles.home) ?? { x: 0, y: 0, theta: 0 };
  }

  /**
   * The dock's place pose is the robot's pose when docked (charging contacts at its rear). DOCK reverses
   * about 0.5 m onto them, so the robot first stops `distance` in front of it, facing away from it.
   */
  preDock(distance = 0.5): Pose {
    const d = this.get(this.roles.dock);
    if (!d) return this.home();
    return {
      x: d.pose.x + distance * Math.cos(d.pose.theta),
      y: d.pose.y + distance * Math.sin(d.pose.theta),
      theta: d.pose.theta,
    };
  }

  dockPose(): Pose {
    const d = this.get(this.roles.dock);
    return d ? { ...d.pose } : this.home();
  }

  counter(counterId: string): { place: string; number: number } | undefined {
    const c = this.site().counters.find((k) => k.id === counterId);
    return c ? { place: c.place, number: c.number } : undefined;
  }

  escortSettings(): { mode: 'off' | 'priority_classes' | 'asked'; classes: readonly string[] } {
    return robotSettings(this.site()).escort;
  }

  /** Inside the first floor's grid. */
  onMap(p: { x: number; y: number }): boolean {
    const f = this.map.floors[0];
    if (!f) return false;
    const dx = p.x - f.origin.x;
    const dy = p.y - f.origin.y;
    return dx >= 0 && dy >= 0 && dx < f.width * f.resolution && dy < f.height * f.resolution;
  }

  slowZones(): SpeedZone[] {
    const zones: SpeedZone[] = [];
    for (const z of this.map.zones)
      if (z.kind === 'slow') zones.push({ polygon: z.polygon, speedLimit: z.speedLimit });
    return zones;
  }
}
