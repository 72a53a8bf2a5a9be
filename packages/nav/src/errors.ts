/** Every failure the navigation package reports, as a closed union (exhaustive switches stay honest). */
export type NavErrorCode =
  | 'unreachable'
  | 'goal_in_obstacle'
  | 'start_in_obstacle'
  | 'start_off_map'
  | 'goal_off_map'
  | 'unknown_place'
  | 'unknown_floor'
  | 'map_invalid'
  | 'movingai_invalid';

/** Base class: every error thrown by `@reception/nav` is a `NavError` with a stable `code`. */
export class NavError extends Error {
  readonly code: NavErrorCode;
  constructor(code: NavErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** No path exists between start and goal on the current (cost)map. */
export class UnreachableError extends NavError {
  constructor(message: string) {
    super('unreachable', message);
  }
}

/** The goal cell is an obstacle, unknown, keepout, or within the robot radius of one. */
export class GoalInObstacleError extends NavError {
  constructor(message: string) {
    super('goal_in_obstacle', message);
  }
}

/** The start cell is an obstacle or within the robot radius of one. */
export class StartInObstacleError extends NavError {
  constructor(message: string) {
    super('start_in_obstacle', message);
  }
}

/** Start (or goal) coordinates fall outside the grid. */
export class OffMapError extends NavError {
  constructor(which: 'start' | 'goal', message: string) {
    super(which === 'start' ? 'start_off_map' : 'goal_off_map', message);
  }
}

/** A place or floor id that the map does not define. */
export class UnknownIdError extends NavError {
  constructor(kind: 'place' | 'floor', message: string) {
    super(kind === 'place' ? 'unknown_place' : 'unknown_floor', message);
  }
}

/** A map file (YAML or image) is missing or invalid; the message names the file and the field. */
export class MapLoadError extends NavError {
  readonly file: string;
  readonly field: string | undefined;
  constructor(file: string, field: string | undefined, message: string, options?: ErrorOptions) {
    super('map_invalid', `${file}${field === undefined ? '' : `: ${field}`}: ${message}`, options);
    this.file = file;
    this.field = field;
  }
}

/** A MovingAI .map or .scen file that does not follow the published format. */
export class MovingAiFormatError extends NavError {
  constructor(file: string, line: number, message: string) {
    super('movingai_invalid', `${file}:${line}: ${message}`);
  }
}

export type Result<T, E extends NavError = NavError> = { ok: true; value: T } | { ok: false; error: E };

/** Runs `fn`, turning a thrown `NavError` into `{ ok: false }`; anything else is a bug and propagates. */
export function toResult<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof NavError) return { ok: false, error: e };
    throw e;
  }
}
