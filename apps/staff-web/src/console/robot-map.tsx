import type { RobotMap, RobotMapPlace, RobotPath, RobotState } from '@reception/protocol';
import { useTranslator } from '../shared/staff-i18n.tsx';
import { splitRoute } from './robot-live.ts';

/** What a tap on the map does: nothing, offer to send the robot to a place, or re-anchor it there. */
export type MapMode = 'send' | 'anchor';

const line = (pts: readonly (readonly [number, number])[]) => pts.map(([x, y]) => `${x},${-y}`).join(' ');

/**
 * The live map: the site's occupancy image in the map frame (y up, drawn flipped), zones, places (each a
 * button: send the robot there, or say it stands there), the route driven and ahead, the obstacles the
 * robot reported, and the robot with its heading. Without an anchored pose the robot is not drawn at all
 * (never at 0,0) and the page says so.
 */
export function RobotMapView(props: {
  map: RobotMap;
  state: RobotState | undefined;
  path: RobotPath | undefined;
  mode: MapMode;
  placeName: (p: RobotMapPlace) => string;
  /** A short mark drawn in the place's circle (a counter's number), or none: then the name is written under it. */
  placeBadge: (p: RobotMapPlace) => string | undefined;
  onPlace: (p: RobotMapPlace) => void;
  onPoint: (x: number, y: number) => void;
}) {
  const i18n = useTranslator();
  const { map, state, path, mode } = props;
  const pose = state?.pose ?? null;
  const route = splitRoute(path?.points ?? [], pose);
  const top = -(map.origin.y + map.height_m);
  const u = Math.max(map.width_m, map.height_m) / 100;
  const onClick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (mode !== 'anchor') return;
    const svg = e.currentTarget;
    const m = svg.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    props.onPoint(p.x, -p.y);
  };
  return (
    <figure className="robot-map" data-mode={mode}>
      <svg
        viewBox={`${map.origin.x - u * 3} ${top - u * 3} ${map.width_m + u * 6} ${map.height_m + u * 6}`}
        role="img"
        aria-label={i18n.t('console.map_title')}
        onClick={onClick}
      >
        <image
          href={map.image}
          x={map.origin.x}
          y={top}
          width={map.width_m}
          height={map.height_m}
          preserveAspectRatio="none"
          style={{ imageRendering: 'pixelated' }}
        />
        {map.zones.map((z) => (
          <polygon key={z.id} className={`zone zone-${z.kind}`} points={line(z.polygon)}>
            <title>{i18n.t('console.zone', { kind: z.kind, limit: z.speed_limit ?? 0 })}</title>
          </polygon>
        ))}
        {route.done.length > 1 && (
          <polyline className="route-done" points={line(route.done)} strokeWidth={u * 0.6} />
        )}
        {route.ahead.length > 1 && (
          <polyline
            className="route-ahead"
            data-testid="route-ahead"
            points={line(route.ahead)}
            strokeWidth={u * 0.9}
          />
        )}
        {(path?.obstacles ?? []).map((o, i) => (
          <circle key={i} className="obstacle" data-testid="map-obstacle" cx={o.x} cy={-o.y} r={o.radius}>
            <title>{i18n.t('console.legend_obstacle')}</title>
          </circle>
        ))}
        {map.places.map((p) => {
          const name = props.placeName(p);
          const badge = props.placeBadge(p);
          return (
            <g
              key={p.id}
              className={`place place-${p.kind}${path?.target === p.id ? ' target' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={name}
              data-place={p.id}
              onClick={(e) => {
                e.stopPropagation();
                props.onPlace(p);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') props.onPlace(p);
              }}
            >
              <title>{name}</title>
              <circle cx={p.x} cy={-p.y} r={u * 1.3} />
              {badge ? (
                <text x={p.x} y={-p.y} fontSize={u * 1.6} textAnchor="middle" dominantBaseline="central">
                  {badge}
                </text>
              ) : (
                <text x={p.x} y={-p.y + u * 3} fontSize={u * 1.5} textAnchor="middle">
                  {name}
                </text>
              )}
            </g>
          );
        })}
        {pose && (
          <g
            className="robot-marker"
            data-testid="map-robot"
            data-x={pose.x.toFixed(2)}
            data-y={pose.y.toFixed(2)}
            transform={`translate(${pose.x} ${-pose.y}) rotate(${(-pose.theta * 180) / Math.PI})`}
          >
            <circle r={u * 1.8} />
            <polygon points={`${u * 1.6},0 ${u * 0.2},${u * 0.9} ${u * 0.2},${-u * 0.9}`} />
          </g>
        )}
      </svg>
      <figcaption>
        <span className="legend legend-ahead">{i18n.t('console.legend_route')}</span>
        <span className="legend legend-done">{i18n.t('console.legend_done')}</span>
        <span className="legend legend-obstacle">{i18n.t('console.legend_obstacle')}</span>
        {pose && (
          <span>
            {i18n.t('console.heading_value', { degrees: Math.round((pose.theta * 180) / Math.PI) })}
          </span>
        )}
      </figcaption>
      {!pose && (
        <p className="pose-unknown" role="status">
          {i18n.t('console.pose_unknown')}
        </p>
      )}
    </figure>
  );
}
