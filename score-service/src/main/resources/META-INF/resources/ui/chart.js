// The score over time as an inline SVG step chart: history (solid), forecast (dashed), ranges where private feedback
// decides (shaded), and the dates a contract leaves a window (ringed). Built with DOM calls only: no markup from data.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 320;
const MARGIN = { left: 44, right: 20, top: 16, bottom: 40 };
const DAY_MS = 86400000;

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC). */
export function dayOf(date) {
  return Math.round(Date.parse(date + 'T00:00:00Z') / DAY_MS);
}

function dateOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The score a point shows, in words: "75", "between 60 and 75", "between 60 and 75, or no score", "no score". */
export function scoreText(point) {
  if (point.jss !== null && point.jss !== undefined) {
    return String(point.jss);
  }
  const range = point.range;
  if (!range || range.min === null || range.min === undefined) {
    return 'no score';
  }
  const core = range.min === range.max ? String(range.min) : 'between ' + range.min + ' and ' + range.max;
  return range.noScorePossible ? core + ', or no score' : core;
}

/** One forecast reason in words. */
export function reasonText(reason) {
  switch (reason.kind) {
    case 'LEAVES_WINDOW':
      return 'contract ' + reason.contractId + ' leaves ' + reason.window;
    case 'BAND_CHANGE':
      return 'band ' + (reason.from ?? 'none') + ' → ' + (reason.to ?? 'none');
    case 'TOP_RATED_ELIGIBILITY':
      return 'Top Rated eligibility changes';
    case 'SCORE_CHANGE':
      return 'the score changes';
    case 'NO_SCORE':
      return 'no score';
    case 'INCLUSION_CHANGE':
      return 'contract ' + reason.contractId + ' ' + (reason.to === 'COUNTED' ? 'starts counting' : 'stops counting');
    default:
      return String(reason.kind);
  }
}

/**
 * Draws the chart into {@code container} (emptied first).
 *
 * @param history points {date, jss} oldest first
 * @param forecast points {date, jss, range, reasons} in date order (may be empty)
 * @param today the date history ends and the forecast starts
 * @param until the last date shown
 */
export function drawChart(container, history, forecast, today, until) {
  container.replaceChildren();
  const points = [...history.map((p) => ({ ...p, kind: 'history' })), ...forecast.map((p) => ({ ...p, kind: 'forecast' }))];
  const first = Math.min(dayOf(today), ...points.map((p) => dayOf(p.date)));
  // A little room after today, so that today's value shows as a step and not a dot on the edge.
  const span = Math.max(dayOf(today) - first, 1);
  const last = Math.max(dayOf(until), dayOf(today) + Math.max(7, Math.round(span / 10)), ...points.map((p) => dayOf(p.date)));
  const x = (day) => MARGIN.left + (day - first) * (WIDTH - MARGIN.left - MARGIN.right) / (last - first);
  const y = (jss) => HEIGHT - MARGIN.bottom - jss * (HEIGHT - MARGIN.top - MARGIN.bottom) / 100;

  const root = svg('svg', {
    viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'aria-labelledby': 'chart-title chart-desc', focusable: 'false'
  });
  root.append(svg('title', { id: 'chart-title' }, 'Job Success Score over time'));
  const counted = history.filter((p) => p.jss !== null && p.jss !== undefined);
  const ageOuts = forecast.filter((p) => (p.reasons || []).some((r) => r.kind === 'LEAVES_WINDOW'));
  let description = history.length + ' score changes in the history';
  if (counted.length > 0) {
    description += ', the latest ' + scoreText(history[history.length - 1]) + ' on ' + history[history.length - 1].date;
  }
  description += forecast.length > 0
    ? '; ' + forecast.length + ' forecast points until ' + until + ', ' + ageOuts.length + ' of them when a contract leaves a window.'
    : '; no forecast.';
  root.append(svg('desc', { id: 'chart-desc' }, description + ' The table below lists every point.'));

  // Grid: the band limits (80 solid, 90 top) and the ends of the scale.
  for (const level of [0, 50, 80, 90, 100]) {
    root.append(svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(level), y2: y(level) }));
    root.append(svg('text', { class: 'label', x: MARGIN.left - 6, y: y(level) + 4, 'text-anchor': 'end' }, String(level)));
  }
  root.append(svg('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left, y1: y(0), y2: y(100) }));
  root.append(svg('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }));
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const day = Math.round(first + (last - first) * i / ticks);
    root.append(svg('text', { class: 'label', x: x(day), y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' },
      last - first > 400 ? dateOf(day).slice(0, 7) : dateOf(day)));
  }
  root.append(svg('line', { class: 'today', x1: x(dayOf(today)), x2: x(dayOf(today)), y1: y(0), y2: y(100) }));
  root.append(svg('text', { class: 'label', x: x(dayOf(today)) + 4, y: MARGIN.top + 10 }, 'today'));

  // Each series is a step line: a point's value holds until the next point (history: until today).
  const series = [
    { name: 'history', points: history, end: dayOf(today) },
    { name: 'forecast', points: forecast, end: last }
  ];
  for (const { name, points: list, end } of series) {
    let d = '';
    let drawn = false;
    list.forEach((p, i) => {
      const from = dayOf(p.date);
      const to = i + 1 < list.length ? dayOf(list[i + 1].date) : Math.max(end, from);
      const hasValue = p.jss !== null && p.jss !== undefined;
      if (!hasValue && p.range && p.range.min !== null && p.range.min !== undefined) {
        const top = y(p.range.max);
        const rect = svg('rect', {
          class: 'range', x: x(from), y: top, width: Math.max(x(to) - x(from), 2), height: Math.max(y(p.range.min) - top, 2),
          'data-date': p.date, 'data-min': p.range.min, 'data-max': p.range.max
        });
        rect.append(svg('title', {}, p.date + ': ' + scoreText(p)));
        root.append(rect);
      }
      if (!hasValue) {
        drawn = false;
        return;
      }
      d += (drawn ? ' V ' : ' M ' + x(from).toFixed(1) + ' ') + y(p.jss).toFixed(1) + ' H ' + x(to).toFixed(1);
      drawn = true;
    });
    if (d) {
      root.append(svg('path', { class: name, d: d.trim(), 'data-series': name }));
    }
    for (const p of list) {
      if (p.jss === null || p.jss === undefined) {
        continue;
      }
      const dot = svg('circle', {
        class: 'pt pt-' + name, cx: x(dayOf(p.date)).toFixed(1), cy: y(p.jss).toFixed(1), r: 3.5,
        'data-date': p.date, 'data-jss': p.jss, 'data-series': name
      });
      dot.append(svg('title', {}, p.date + ': ' + p.jss));
      root.append(dot);
    }
  }
  for (const p of ageOuts) {
    const level = p.jss !== null && p.jss !== undefined ? p.jss : p.range && p.range.max !== null ? p.range.max : 0;
    const leaving = p.reasons.filter((r) => r.kind === 'LEAVES_WINDOW');
    const ring = svg('circle', {
      class: 'ageout', cx: x(dayOf(p.date)).toFixed(1), cy: y(level).toFixed(1), r: 7, 'data-date': p.date,
      'data-contracts': leaving.map((r) => r.contractId).join(' ')
    });
    ring.append(svg('title', {}, p.date + ': ' + leaving.map(reasonText).join('; ')));
    root.append(ring);
  }
  container.append(root);
}
