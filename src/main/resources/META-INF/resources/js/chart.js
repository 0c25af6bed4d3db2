/*
 * The timeline chart: one band row per aid category (the chosen one first and tall), gaps in the record, an axis,
 * and event markers in two rows (changed the law / no legal effect).
 *
 * Keyboard: the chart is a composite widget (WAI-ARIA APG) with one tab stop and a roving tabindex. ←/→ move between
 * the items of a row, ↑/↓ between rows, Home/End to the first/last item of the row, +/− zoom, 0 shows everything;
 * the view follows the focused item so it is never off-screen. Markers closer than MIN_SEP px are stacked (up to
 * MAX_STACK lanes) or, when more crowd together, drawn as one numbered group that zooms in on them when activated:
 * every marker stays a ≥ 24×24 px target that overlaps no other.
 */
import { $, h, s, clear } from './dom.js';
import { MONTHS, STATES, capitalize, civil, dayNumber, formatDate, parsePartial, stateLabel,
  typeLabel } from './dates.js';
import { app } from './state.js';
import { openDetails } from './details.js';
import { drawAxis } from './axis.js';

const ML = 10, MR = 10;              // plot margins (px)
const MAIN_H = 46, LANE_H = 18;      // height of the chosen category's band row and of the other rows
const RING = 12.5;                   // marker target radius: 25 px across, above WCAG 2.2's 24 px
const MIN_SEP = 33;                  // px between neighbouring centres in one lane (a group's target is 32 wide)
const MAX_STACK = 3;                 // lanes per marker row
const LANE_STEP = 26;                // px between lanes
const MIN_SPAN = 45;                 // days visible at the deepest zoom
const ZOOM = 1.6;

let svg, wrap, tooltip;
let width = 800;
let Y = {};
let extent = { start: 0, end: 1 };
let view = { start: 0, end: 1 };
let rows = [];                       // [{name, items}] in visual order; the events row is rebuilt by layout
let eventsRow = null;
let markers = [], groups = new Map();
let gAxis, gGrid, gGroups, askLine, askLabel, checkedLine, checkedLabel;
let asked = null, checkedDay = null;
let active = null;                   // the item holding tabindex=0
let tipTarget = null;
let remapping = false;
let matches = null;
const pointers = {};
let drag = null, pinch = null, suppressClick = false;

export function initChart() {
  svg = $('chart');
  wrap = $('chart-wrap');
  tooltip = $('tooltip');
  $('zoom-in').addEventListener('click', () => zoom(1 / ZOOM));
  $('zoom-out').addEventListener('click', () => zoom(ZOOM));
  $('pan-left').addEventListener('click', () => pan(-0.25));
  $('pan-right').addEventListener('click', () => pan(0.25));
  $('zoom-fit').addEventListener('click', fit);
  svg.addEventListener('keydown', onKey);
  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.addEventListener('pointerdown', onPointerDown);
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerup', onPointerUp);
  svg.addEventListener('pointercancel', onPointerUp);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tipTarget && !$('details').open) hideTooltip();
  });
  new ResizeObserver(() => { if (measure()) layout(); }).observe(wrap);
}

function measure() {
  const w = Math.max(200, Math.floor(wrap.clientWidth));
  if (w === width) return false;
  width = w;
  return true;
}

function plotW() { return width - ML - MR; }
function x(day) { return ML + (day - view.start) / (view.end - view.start) * plotW(); }
function dayAt(px) { return view.start + (px - ML) / plotW() * (view.end - view.start); }
function clampX(px) { return Math.max(-1e5, Math.min(1e5, px)); }
function centre(item) { return (Math.max(item.d0, extent.start) + Math.min(item.d1, extent.end)) / 2; }

function eventSpan(e) {
  const p = parsePartial(e.date);
  return p ? { from: p.earliest, to: p.latest + 1 } : null;
}

/** Zoomed to fit: a little before the first event or change, a little after checkedThrough / today. */
function computeExtent() {
  let lo = Infinity, hi = -Infinity;
  const take = (d) => { if (isFinite(d)) { lo = Math.min(lo, d); hi = Math.max(hi, d); } };
  app.events.forEach((e) => { const sp = eventSpan(e); if (sp) { take(sp.from); take(sp.to); } });
  (app.timeline.intervals || []).forEach((iv) => {
    const f = parsePartial(iv.from), t = parsePartial(iv.to);
    if (f) take(f.earliest);
    if (t) take(t.earliest);
  });
  const ct = parsePartial(app.timeline.checkedThrough || app.provision.checkedThrough);
  if (ct) take(ct.latest + 1);
  const today = parsePartial(app.today);
  if (today) take(today.latest + 1);
  if (!isFinite(lo)) { lo = dayNumber(2000, 1, 1); hi = dayNumber(2001, 1, 1); }
  const pad = Math.max(120, Math.round((hi - lo) * 0.025));
  return { start: lo - pad, end: hi + pad };
}

/** Vertical positions; fixed for a provision, so zooming never changes the chart's height (no layout shift). */
function computeY(laneCount) {
  const y = { band: 40 }; // room above for the asked day's label and the chosen category's name
  y.lanes = [];
  let top = y.band;
  for (let i = 0; i < laneCount; i++) {
    const hgt = i === 0 ? MAIN_H : LANE_H;
    y.lanes.push({ top: top, h: hgt });
    top += hgt + (i === 0 ? 6 : 3);
  }
  y.gap = top + 3;
  y.gapH = 8;
  y.tick = y.gap + 18;
  y.monthLabel = y.tick + 16;
  y.yearLabel = y.tick + 32;
  y.legalHead = y.yearLabel + 22;
  y.legal = [0, 1, 2].map((i) => y.legalHead + 20 + i * LANE_STEP);
  y.otherHead = y.legal[MAX_STACK - 1] + 30;
  y.other = [0, 1, 2].map((i) => y.otherHead + 20 + i * LANE_STEP);
  y.bottom = y.other[MAX_STACK - 1] + 26;
  y.height = y.bottom + 8;
  return y;
}

export function buildChart() {
  measure();
  clear(svg);
  hideTooltip();
  groups = new Map();
  extent = computeExtent();
  view = { start: extent.start, end: extent.end };
  const ct = parsePartial(app.timeline.checkedThrough || app.provision.checkedThrough);
  checkedDay = ct ? ct.latest + 1 : null;
  Y = computeY(app.lanes.length);
  svg.setAttribute('height', String(Y.height));

  const clipId = 'plot-clip';
  svg.appendChild(s('defs', null, s('clipPath', { id: clipId },
    s('rect', { class: 'clip-rect', x: ML, y: 0, width: plotW(), height: Y.height }))));
  gGrid = s('g', { class: 'grid', 'aria-hidden': 'true', 'clip-path': 'url(#' + clipId + ')' });
  const gBands = s('g', { class: 'bands', 'clip-path': 'url(#' + clipId + ')' });
  const gBandLabels = s('g', { class: 'band-labels', 'aria-hidden': 'true', 'clip-path': 'url(#' + clipId + ')' });
  const gGaps = s('g', { class: 'gaps', 'clip-path': 'url(#' + clipId + ')' });
  gAxis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  const gMarkers = s('g', { class: 'markers', 'clip-path': 'url(#' + clipId + ')' });
  gGroups = s('g', { class: 'groups', 'clip-path': 'url(#' + clipId + ')' });
  const gOverlay = s('g', { class: 'overlay', 'aria-hidden': 'true' });
  const gHeads = s('g', { class: 'row-heads', 'aria-hidden': 'true' },
    s('text', { class: 'row-head', x: ML + 2, y: Y.legalHead }, '◆ Changed the law'),
    s('text', { class: 'row-head', x: ML + 2, y: Y.otherHead }, '○ No legal effect'));
  [gGrid, gBands, gBandLabels, gGaps, gHeads, gAxis, gMarkers, gGroups, gOverlay].forEach((g) => svg.appendChild(g));

  rows = [];
  app.lanes.forEach((lane, li) => {
    const items = buildBands(lane, li, gBands, gBandLabels);
    rows.push({ name: 'lane:' + lane.category.id, items: items, bands: true });
  });
  const gapItems = buildGaps(gGaps);
  if (gapItems.length) rows.push({ name: 'gaps', items: gapItems });
  markers = app.events.map((e, i) => buildMarker(e, i, gMarkers)).filter(Boolean);
  eventsRow = { name: 'events', items: [] };
  rows.push(eventsRow); // rows in visual order: ↑/↓ go to the row drawn above/below

  askLine = s('line', { class: 'ask-line', y1: Y.band - 6, y2: Y.bottom - 14, visibility: 'hidden' });
  askLabel = s('text', { class: 'ask-label', y: 14, visibility: 'hidden' });
  checkedLine = s('line', { class: 'checked-line', y1: Y.band, y2: Y.bottom - 12, visibility: 'hidden' });
  checkedLabel = s('text', { class: 'checked-label', y: Y.bottom, visibility: 'hidden' },
    'checked through ' + formatDate(app.timeline.checkedThrough || app.provision.checkedThrough));
  [checkedLine, checkedLabel, askLine, askLabel].forEach((el) => gOverlay.appendChild(el));
  active = null;
  layout();
  const first = eventsRow.items[0] || (rows[0] && rows[0].items[0]);
  if (first) setActive(first, false);
}

function buildBands(lane, li, gBands, gBandLabels) {
  const main = li === 0;
  const box = Y.lanes[li];
  const provisionName = app.provision.shortTitle || app.provision.title;
  const catLabel = lane.category.label || lane.category.id;
  const items = (lane.timeline.intervals || []).map((iv, i) => {
    const f = parsePartial(iv.from), t = parsePartial(iv.to);
    const info = STATES[iv.state] || { label: typeLabel(iv.state), meaning: '' };
    const range = intervalRange(iv);
    const cand = Array.isArray(iv.candidates) && iv.candidates.length
      ? 'possible states: ' + iv.candidates.map(stateLabel).join(' or ') : '';
    const label = catLabel + ': ' + provisionName + ' ' + info.label.toLowerCase() + ', ' + info.meaning + ': ' + range +
      (cand ? '; ' + cand : '') + '; confidence: ' + String(iv.confidence || 'not stated').toLowerCase() + '.';
    const el = s('rect', {
      class: 'band ' + (main ? 'main' : 'lane') + ' state-' + iv.state, tabindex: -1, role: 'img', 'aria-label': label,
      'data-state': iv.state, 'data-index': i, 'data-category': lane.category.id,
      'data-from': iv.from || '', 'data-to': iv.to || '',
      fill: STATES[iv.state] ? 'url(#pat-' + iv.state + ')' : '#fff', y: box.top, height: box.h
    });
    gBands.appendChild(el);
    let text = null;
    if (main) {
      text = s('text', { class: 'band-label', y: box.top + box.h / 2 + 5, 'text-anchor': 'middle' }, info.label);
      gBandLabels.appendChild(text);
    }
    const item = {
      kind: 'band', el: el, text: text, d0: f ? f.earliest : -Infinity, d1: t ? t.earliest : Infinity,
      state: iv.state, textLen: info.label.length,
      tip: [catLabel, info.label + ': ' + info.meaning, capitalize(range), cand ? capitalize(cand) : null,
        'Confidence: ' + String(iv.confidence || 'not stated').toLowerCase()]
    };
    attach(el, item);
    return item;
  });
  if (!main) {
    gBandLabels.appendChild(s('text', { class: 'lane-label', x: ML + 4, y: box.top + box.h / 2 + 4.5 }, catLabel));
  } else {
    gBandLabels.appendChild(s('text', { class: 'lane-label main-label', x: ML + 4, y: box.top - 5 }, catLabel));
  }
  return items;
}

function buildGaps(gGaps) {
  const coverage = Array.isArray(app.provision.coverage) ? app.provision.coverage : [];
  return coverage.map((g) => {
    const f = parsePartial(g.from), t = parsePartial(g.to);
    if (!f || !t) return null;
    const range = capitalize(formatDate(g.from)) + ' until ' + formatDate(g.to);
    const el = s('rect', {
      class: 'gap', tabindex: -1, role: 'img', fill: 'url(#pat-GAP)',
      'aria-label': 'Gap in the record, ' + range + ': ' + (g.note || ''), y: Y.gap, height: Y.gapH
    });
    gGaps.appendChild(el);
    const item = { kind: 'gap', el: el, d0: f.earliest, d1: t.earliest, tip: ['Gap in the record', range, g.note || null] };
    attach(el, item);
    return item;
  }).filter(Boolean);
}

function buildMarker(e, order, gMarkers) {
  const sp = eventSpan(e);
  if (!sp) return null;
  const legal = e.legalEffect === true;
  const weak = e.confidence === 'INFERRED' || e.confidence === 'DISPUTED';
  const dateText = capitalize(formatDate(e.date));
  const label = dateText + ': ' + (e.title || e.id) + '. ' + (legal ? 'Changed the law' : 'No legal effect') +
    '; ' + typeLabel(e.type).toLowerCase() + '; confidence: ' + String(e.confidence || 'not stated').toLowerCase() + '.';
  const g = s('g', {
    class: 'marker ' + (legal ? 'legal' : 'other') + ' effect-' + (e.effect || 'NONE') + (weak ? ' weak' : ''),
    tabindex: -1, role: 'button', 'aria-haspopup': 'dialog', 'aria-label': label,
    'data-event-id': e.id, 'data-legal': String(legal)
  });
  const whisker = s('path', { class: 'whisker' });
  const pin = s('g', { class: 'pin' },
    s('circle', { class: 'ring', r: RING }),
    legal ? s('path', { class: 'shape diamond', d: 'M0,-7.5 L7.5,0 L0,7.5 L-7.5,0 Z' })
      : s('circle', { class: 'shape dot', r: 5.5 }));
  g.appendChild(whisker);
  g.appendChild(pin);
  gMarkers.appendChild(g);
  const item = {
    kind: 'marker', el: g, whisker: whisker, pin: pin, event: e, legal: legal, d0: sp.from, d1: sp.to, order: order,
    grouped: null,
    tip: [dateText, e.title || e.id, (legal ? 'Changed the law' : 'No legal effect') + ' · ' + typeLabel(e.type),
      'Enter or click: details and sources']
  };
  attach(g, item);
  g.addEventListener('click', () => { if (!suppressClick) activate(item); });
  return item;
}

function intervalRange(iv) {
  if (!iv.from && !iv.to) return 'throughout the record';
  if (!iv.from) return 'until ' + formatDate(iv.to);
  if (!iv.to) return 'from ' + formatDate(iv.from) + ', open-ended (no end recorded)';
  return 'from ' + formatDate(iv.from) + ' until ' + formatDate(iv.to);
}

// ------------------------------------------------------------------------------------------------- layout --

function layout() {
  if (!svg || !gAxis) return; // not built yet
  const focused = itemOf(document.activeElement);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + Y.height);
  svg.setAttribute('data-view-start', String(Math.round(view.start)));
  svg.setAttribute('data-view-end', String(Math.round(view.end)));
  const clipRect = svg.querySelector('.clip-rect');
  if (clipRect) clipRect.setAttribute('width', String(plotW()));
  const left = ML, right = width - MR;

  rows.forEach((row) => {
    if (!row.bands && row.name !== 'gaps') return;
    row.items.forEach((b) => {
      const x0 = clampX(x(Math.max(b.d0, extent.start)));
      const x1 = clampX(x(Math.min(b.d1, extent.end)));
      b.el.setAttribute('x', x0.toFixed(2));
      b.el.setAttribute('width', Math.max(row.bands ? 0.5 : 2, x1 - x0).toFixed(2));
      b.x0 = x0; b.x1 = x1;
      if (b.text) b.text.setAttribute('visibility', 'hidden');
    });
  });
  // one state label per run of adjacent bands in the same state, centred on the visible part of the run
  const mainBands = rows[0] ? rows[0].items : [];
  for (let i = 0; i < mainBands.length;) {
    let j = i;
    while (j + 1 < mainBands.length && mainBands[j + 1].state === mainBands[i].state) j++;
    const vx0 = Math.max(mainBands[i].x0, left), vx1 = Math.min(mainBands[j].x1, right);
    if (vx1 - vx0 > mainBands[i].textLen * 7.4 + 14) {
      mainBands[i].text.setAttribute('visibility', 'visible');
      mainBands[i].text.setAttribute('x', ((vx0 + vx1) / 2).toFixed(2));
    }
    i = j + 1;
  }

  placeMarkers();
  drawAxis({ gAxis: gAxis, gGrid: gGrid, view: view, x: x, width: width, ML: ML, MR: MR, Y: Y });
  placeLine(askLine, askLabel, asked, 'top');
  placeLine(checkedLine, checkedLabel, checkedDay, 'bottom');
  $('view-range').textContent = 'Showing ' + describeDay(view.start) + ' to ' + describeDay(view.end) + '.';
  remapFocus(focused);
  if (tipTarget) positionTooltip();
}

/**
 * Markers of one kind are cut into runs where each is closer than MIN_SEP px to the previous one. A run of up to
 * MAX_STACK markers is stacked in lanes at the markers' own places; a longer run becomes one numbered group.
 */
function placeMarkers() {
  const used = new Set();
  const units = [];
  [true, false].forEach((legal) => {
    const list = markers.filter((m) => m.legal === legal)
      .map((m) => ({ m: m, cx: x((m.d0 + m.d1) / 2) }))
      .sort((a, b) => a.cx - b.cx || a.m.order - b.m.order);
    const lanes = legal ? Y.legal : Y.other;
    for (let i = 0; i < list.length;) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].cx - list[j].cx < MIN_SEP) j++;
      const run = list.slice(i, j + 1);
      if (run.length <= MAX_STACK) {
        run.forEach((r, lane) => {
          placeMarker(r.m, r.cx, lanes[lane]);
          units.push(r.m);
        });
      } else {
        // Members in date order (not drawn order): an event with a wide window is drawn at its centre, after
        // events that start later, yet the arrows must still reach it in date order from the group's first member.
        const g = groupFor(run.map((r) => r.m).sort((a, b) => a.order - b.order), legal);
        const cx = run.reduce((sum, r) => sum + r.cx, 0) / run.length;
        g.el.setAttribute('transform', 'translate(' + clampX(cx).toFixed(2) + ',' + lanes[0] + ')');
        run.forEach((r) => hideMarker(r.m, g));
        used.add(g.key);
        units.push(g);
      }
      i = j + 1;
    }
  });
  groups.forEach((g, key) => {
    if (!used.has(key)) {
      if (tipTarget === g) hideTooltip();
      g.el.remove();
      groups.delete(key);
    }
  });
  units.sort((a, b) => firstOrder(a) - firstOrder(b)); // the table's (and the API's) order: by date, then id
  eventsRow.items = units;
  applyMatches();
}

function firstOrder(u) { return u.kind === 'group' ? u.members[0].order : u.order; }

function placeMarker(m, cx, cy) {
  m.grouped = null;
  m.el.removeAttribute('visibility');
  m.el.classList.remove('in-group');
  m.pin.setAttribute('transform', 'translate(' + clampX(cx).toFixed(2) + ',' + cy + ')');
  const x0 = clampX(x(m.d0)), x1 = clampX(x(m.d1));
  if (x1 - x0 >= 6) {
    m.whisker.setAttribute('d', 'M' + x0.toFixed(2) + ',' + (cy - 4) + ' v8 M' + x0.toFixed(2) + ',' + cy +
      ' H' + x1.toFixed(2) + ' M' + x1.toFixed(2) + ',' + (cy - 4) + ' v8');
    m.whisker.setAttribute('visibility', 'visible');
  } else {
    m.whisker.setAttribute('d', 'M' + clampX(cx).toFixed(2) + ',' + cy); // keeps the marker's box on its pin
    m.whisker.setAttribute('visibility', 'hidden');
  }
}

function hideMarker(m, g) {
  m.grouped = g;
  m.el.setAttribute('visibility', 'hidden');
  m.el.classList.add('in-group');
  m.el.setAttribute('tabindex', '-1');
}

/** The group element for these markers, reused across layouts (keyed by its first member) so focus survives a pan. */
function groupFor(members, legal) {
  const key = (legal ? 'L:' : 'O:') + members[0].event.id + ':' + members.length;
  let g = groups.get(key);
  const from = capitalize(formatDate(members[0].event.date));
  const to = formatDate(members[members.length - 1].event.date);
  if (!g) {
    const el = s('g', { class: 'marker group ' + (legal ? 'legal' : 'other'), tabindex: -1, role: 'button',
      'data-group': key, 'data-count': members.length,
      'aria-label': members.length + ' events ' + (legal ? 'that changed the law' : 'without legal effect') +
        ', ' + from + ' to ' + to + ', too close to draw apart at this zoom. Activate to zoom in on them.' },
      s('rect', { class: 'ring', x: -16, y: -12.5, width: 32, height: 25, rx: 5 }),
      s('rect', { class: 'group-box', x: -14, y: -10, width: 28, height: 20, rx: 4 }),
      s('text', { class: 'group-count', y: 4.5, 'text-anchor': 'middle' }, String(members.length)));
    g = { kind: 'group', key: key, el: el, members: members, legal: legal,
      d0: members.reduce((lo, m) => Math.min(lo, m.d0), Infinity),
      d1: members.reduce((hi, m) => Math.max(hi, m.d1), -Infinity),
      tip: [members.length + ' events, ' + from + ' to ' + to].concat(
        members.slice(0, 6).map((m) => m.event.title || m.event.id),
        members.length > 6 ? ['…and ' + (members.length - 6) + ' more'] : [], ['Enter or click: zoom in on them']) };
    attach(el, g);
    el.addEventListener('click', () => { if (!suppressClick) activate(g); });
    gGroups.appendChild(el);
    groups.set(key, g);
  }
  return g;
}

/** After a re-layout, focus (and the tab stop) moves from a marker now inside a group to the group, and back. */
function remapFocus(focused) {
  const target = resolve(active);
  if (target && target !== active) setActive(target, focused === active);
  else if (focused && focused !== active && !resolve(focused)) { /* nothing focusable to move to */ }
}

function resolve(item) {
  if (!item) return null;
  if (item.kind === 'marker') return item.grouped || item;
  if (item.kind === 'group') {
    if (groups.get(item.key) === item) return item;
    const first = item.members[0];
    return first.grouped || first;
  }
  return item;
}

function setActive(item, focus) {
  if (active && active !== item && active.el) active.el.setAttribute('tabindex', '-1');
  active = item;
  item.el.setAttribute('tabindex', '0');
  if (focus) {
    remapping = true;
    try { item.el.focus(); } finally { remapping = false; }
    ensureVisible(item);
    showTooltip(item);
  }
}

function describeDay(d) {
  const c = civil(Math.round(d));
  return MONTHS[c.m - 1] + ' ' + c.y;
}

function placeLine(line, label, day, where) {
  if (day === null || day === undefined || day < view.start || day > view.end) {
    line.setAttribute('visibility', 'hidden');
    label.setAttribute('visibility', 'hidden');
    return;
  }
  const px = x(day);
  line.setAttribute('x1', px.toFixed(2));
  line.setAttribute('x2', px.toFixed(2));
  line.setAttribute('visibility', 'visible');
  const textW = (label.textContent || '').length * (where === 'top' ? 7.2 : 6.4);
  let anchor = 'middle';
  if (px - textW / 2 < ML) anchor = 'start';
  else if (px + textW / 2 > width - MR) anchor = 'end';
  label.setAttribute('text-anchor', anchor);
  label.setAttribute('x', (anchor === 'start' ? Math.max(px - 2, 2) : anchor === 'end' ? Math.min(px + 2, width - 2) : px).toFixed(2));
  label.setAttribute('visibility', 'visible');
}

// ------------------------------------------------------------------------------------------- view changes --

function setView(start, span) {
  const full = extent.end - extent.start;
  span = Math.max(Math.min(span, full), Math.min(MIN_SPAN, full));
  start = Math.max(extent.start, Math.min(start, extent.end - span));
  view = { start: start, end: start + span };
  layout();
}

function zoom(factor, centerDay) {
  const span = view.end - view.start;
  const c = centerDay === undefined ? focusCenter() : centerDay;
  const full = extent.end - extent.start;
  const next = Math.max(Math.min(span * factor, full), Math.min(MIN_SPAN, full));
  setView(c - (c - view.start) * (next / span), next);
}

/** Zoom keeps the focused item in place when there is one inside the view. */
function focusCenter() {
  const item = itemOf(document.activeElement);
  if (item) {
    const c = (Math.max(item.d0, view.start) + Math.min(item.d1, view.end)) / 2;
    if (c >= view.start && c <= view.end) return c;
  }
  return (view.start + view.end) / 2;
}

function pan(fraction) {
  const span = view.end - view.start;
  setView(view.start + span * fraction, span);
}

function fit() { setView(extent.start, extent.end - extent.start); }

function isFullView() { return view.start <= extent.start + 0.5 && view.end >= extent.end - 0.5; }

/** The view follows the focused item: one that lies (mostly) outside it is brought to the middle. */
function ensureVisible(item) {
  const span = view.end - view.start;
  const lo = Math.max(item.d0, extent.start), hi = Math.min(item.d1, extent.end);
  const c = (lo + hi) / 2;
  if (item.kind === 'band' || item.kind === 'gap') {
    if (hi >= view.start + span * 0.02 && lo <= view.end - span * 0.02) return;
  } else if (c >= view.start + span * 0.04 && c <= view.end - span * 0.04) {
    return;
  }
  setView(c - span / 2, span);
}

function itemOf(el) {
  if (!el || !svg || !svg.contains(el)) return null;
  for (const row of rows) for (const it of row.items) if (it.el === el) return it;
  for (const m of markers) if (m.el === el) return m;
  for (const g of groups.values()) if (g.el === el) return g;
  return null;
}

function rowOf(item) {
  if (item.kind === 'marker' || item.kind === 'group') return eventsRow;
  return rows.find((r) => r.items.indexOf(item) >= 0) || null;
}

/** Enter, Space or a click: a marker opens its details, a group zooms in until its markers come apart. */
function activate(item) {
  if (item.kind === 'marker') { openDetails(item.event, item.el); return; }
  if (item.kind !== 'group') return;
  const members = item.members;
  const spanDays = Math.max(MIN_SPAN, (item.d1 - item.d0) * 1.6);
  const c = (item.d0 + item.d1) / 2;
  setActive(members[0], false);
  setView(c - spanDays / 2, spanDays);
  const target = resolve(members[0]);
  setActive(target, true);
}

function onKey(e) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const item = itemOf(document.activeElement);
  let handled = true;
  switch (e.key) {
    case '+': case '=': zoom(1 / ZOOM); break;
    case '-': case '_': case '−': zoom(ZOOM); break;
    case '0': fit(); break;
    case 'ArrowLeft': case 'ArrowRight': case 'Home': case 'End':
      if (item) moveInRow(item, e.key); else handled = false;
      break;
    case 'ArrowUp': case 'ArrowDown':
      if (item) moveRow(item, e.key === 'ArrowUp' ? -1 : 1); else handled = false;
      break;
    case 'Enter': case ' ': case 'Spacebar':
      if (item) activate(item); else handled = false;
      break;
    default: handled = false;
  }
  if (handled) e.preventDefault();
}

function moveInRow(item, key) {
  const row = rowOf(item);
  if (!row || !row.items.length) return;
  const i = row.items.indexOf(item);
  let j = i;
  if (key === 'Home') j = 0;
  else if (key === 'End') j = row.items.length - 1;
  else if (key === 'ArrowLeft') j = Math.max(0, i - 1);
  else j = Math.min(row.items.length - 1, i + 1);
  setActive(row.items[j], true);
}

function moveRow(item, step) {
  const usable = rows.filter((r) => r.items.length);
  let ri = usable.indexOf(rowOf(item)) + step;
  if (ri < 0 || ri >= usable.length) return;
  // the item of the next row nearest in time to this one (inside the view when possible)
  const c = Math.max(view.start, Math.min(view.end, centre(item)));
  let best = null, bestD = Infinity;
  usable[ri].items.forEach((it) => {
    const d = it.d0 <= c && c < it.d1 ? 0 : Math.min(Math.abs(centre(it) - c), Math.abs(it.d0 - c), Math.abs(it.d1 - c));
    if (d < bestD) { best = it; bestD = d; }
  });
  if (best) setActive(best, true);
}

function clientToPx(clientX) {
  const r = svg.getBoundingClientRect();
  return (clientX - r.left) * (width / (r.width || width));
}

function onWheel(e) {
  if (!extent || e.ctrlKey && !e.deltaY) return;
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
  const dx = e.deltaX * unit, dy = e.deltaY * unit;
  if (Math.abs(dx) > Math.abs(dy)) {
    e.preventDefault();
    pan(dx / plotW());
    return;
  }
  if (dy === 0) return;
  if (dy > 0 && isFullView()) return; // fully zoomed out: let the page scroll on
  e.preventDefault();
  zoom(Math.exp(Math.max(-300, Math.min(300, dy)) * 0.002), dayAt(clientToPx(e.clientX)));
}

function onPointerDown(e) {
  if (e.pointerType === 'mouse' && e.button !== 0) return;
  pointers[e.pointerId] = e.clientX;
  const ids = Object.keys(pointers);
  if (ids.length === 1) {
    drag = { startX: e.clientX, start: view.start, span: view.end - view.start, moved: false, id: e.pointerId };
    suppressClick = false;
  } else if (ids.length === 2) {
    const a = pointers[ids[0]], b = pointers[ids[1]];
    pinch = { dist: Math.max(10, Math.abs(a - b)), span: view.end - view.start, center: dayAt(clientToPx((a + b) / 2)) };
    drag = null;
    suppressClick = true;
  }
}

function onPointerMove(e) {
  if (!(e.pointerId in pointers)) return;
  pointers[e.pointerId] = e.clientX;
  const ids = Object.keys(pointers);
  if (pinch && ids.length >= 2) {
    const a = pointers[ids[0]], b = pointers[ids[1]];
    const dist = Math.max(10, Math.abs(a - b));
    const full = extent.end - extent.start;
    const span = Math.max(Math.min(pinch.span * pinch.dist / dist, full), Math.min(MIN_SPAN, full));
    const mid = clientToPx((a + b) / 2);
    setView(pinch.center - (mid - ML) / plotW() * span, span);
    return;
  }
  if (drag && e.pointerId === drag.id) {
    const dxPx = clientToPx(e.clientX) - clientToPx(drag.startX);
    if (!drag.moved && Math.abs(dxPx) < 5) return;
    if (!drag.moved) {
      drag.moved = true;
      suppressClick = true;
      hideTooltip();
      try { svg.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
      svg.classList.add('dragging');
    }
    setView(drag.start - dxPx / plotW() * drag.span, drag.span);
  }
}

function onPointerUp(e) {
  delete pointers[e.pointerId];
  if (Object.keys(pointers).length < 2) pinch = null;
  if (drag && drag.id === e.pointerId) {
    drag = null;
    svg.classList.remove('dragging');
  }
  // a click that ends a drag must not open a marker; clear the flag after the click has fired
  window.setTimeout(() => { if (!Object.keys(pointers).length) suppressClick = false; }, 0);
}

// ------------------------------------------------------------------------------------------------ tooltip --

function attach(el, item) {
  el.addEventListener('pointerenter', (e) => { if (e.pointerType !== 'touch' && !drag) showTooltip(item); });
  el.addEventListener('pointerleave', () => { if (tipTarget === item && document.activeElement !== el) hideTooltip(); });
  el.addEventListener('focus', () => {
    if (active !== item) setActive(item, false); // focus by a click or programmatically: it becomes the tab stop
    if (remapping) return;
    ensureVisible(item);
    showTooltip(item);
  });
  el.addEventListener('blur', () => { if (tipTarget === item) hideTooltip(); });
}

function showTooltip(item) {
  tipTarget = item;
  clear(tooltip);
  item.tip.filter(Boolean).forEach((line, i) => tooltip.appendChild(h(i === 0 ? 'strong' : 'span', null, line)));
  tooltip.hidden = false;
  positionTooltip();
}

function positionTooltip() {
  if (!tipTarget) return;
  const target = tipTarget.pin || tipTarget.el;
  const r = target.getBoundingClientRect();
  const w = wrap.getBoundingClientRect();
  const cx = Math.max(w.left, Math.min(w.right, (Math.max(r.left, w.left) + Math.min(r.right, w.right)) / 2)) - w.left;
  const tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
  const left = Math.max(0, Math.min(w.width - tw, cx - tw / 2));
  let top = r.top - w.top - th - 8;
  if (top < 0) top = r.bottom - w.top + 8;
  tooltip.style.left = left + 'px';
  tooltip.style.top = top + 'px';
}

export function hideTooltip() {
  tipTarget = null;
  if (tooltip) tooltip.hidden = true;
}

// ------------------------------------------------------------------------------------------ asked, search --

export function setAsked(date) {
  const p = parsePartial(date);
  asked = p ? (p.earliest + p.latest + 1) / 2 : null;
  if (!askLabel) return;
  askLabel.textContent = p ? formatDate(date) : '';
  if (p) {
    askLine.setAttribute('data-date', date);
    if (asked < view.start || asked > view.end) { // bring the asked day into view
      const span = view.end - view.start;
      setView(asked - span / 2, span);
      return;
    }
  } else {
    askLine.removeAttribute('data-date');
  }
  layout();
}

/** Highlights the markers (and groups holding them) whose events the search matches; null clears. */
export function highlight(ids) {
  matches = ids;
  applyMatches();
}

function applyMatches() {
  if (!svg) return;
  svg.classList.toggle('searching', matches !== null);
  markers.forEach((m) => m.el.classList.toggle('match', matches !== null && matches.has(m.event.id)));
  groups.forEach((g) => {
    const n = matches === null ? 0 : g.members.filter((m) => matches.has(m.event.id)).length;
    g.el.classList.toggle('match', n > 0);
  });
}
