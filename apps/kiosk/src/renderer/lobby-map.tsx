import type { LobbyPlan } from '@reception/protocol';
import { useTranslator } from './translator-context.tsx';

/**
 * The lobby plan as SVG: walls, every place as a dot, "you are here", and the walking route to `target`
 * drawn thick. North is up; the map never mirrors for right-to-left languages (it is a picture of the
 * room, not text), only the labels follow the language.
 */
export function LobbyMap(props: { plan: LobbyPlan; target: string | undefined; targetName: string }) {
  const { plan, target, targetName } = props;
  const i18n = useTranslator();
  const route = target ? plan.routes[target] : undefined;
  // SVG y grows downwards; the map's y grows north.
  const px = (x: number) => x - plan.min_x;
  const py = (y: number) => plan.min_y + plan.height_m - y;
  const goal = plan.places.find((p) => p.id === target);
  return (
    <figure className="lobby-map" dir="ltr">
      <svg
        role="img"
        aria-label={i18n.t('kiosk.map_label', { place: targetName })}
        viewBox={`-0.5 -0.5 ${plan.width_m + 1} ${plan.height_m + 1}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <rect x={0} y={0} width={plan.width_m} height={plan.height_m} className="map-floor" />
        {plan.walls.map(([x, y, w, h], i) => (
          <rect key={i} x={px(x)} y={py(y + h)} width={w} height={h} className="map-wall" />
        ))}
        {plan.places.map((p) => (
          <circle key={p.id} cx={px(p.x)} cy={py(p.y)} r={0.3} className="map-place" />
        ))}
        {route && (
          <polyline
            className="map-route"
            points={route.points.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}
            fill="none"
          />
        )}
        {goal && <circle cx={px(goal.x)} cy={py(goal.y)} r={0.7} className="map-goal" />}
        {plan.here && (
          <g className="map-here">
            <circle cx={px(plan.here.x)} cy={py(plan.here.y)} r={0.7} />
            <text x={px(plan.here.x)} y={py(plan.here.y) + 2} textAnchor="middle" fontSize={1.1}>
              {i18n.t('kiosk.you_are_here')}
            </text>
          </g>
        )}
        {goal && (
          <text
            x={px(goal.x)}
            y={py(goal.y) - 1.1}
            textAnchor="middle"
            fontSize={1.1}
            className="map-goal-label"
          >
            {targetName}
          </text>
        )}
      </svg>
      {route && (
        <figcaption className="map-distance">
          {i18n.t('kiosk.map_distance', { meters: Math.round(route.length_m) })}
        </figcaption>
      )}
    </figure>
  );
}
