/*
 * The time axis of the chart: ticks and labels that adapt to the zoom (years, half-years, quarters, months, with a
 * sticky year label), never cut off at an edge and never touching each other.
 */
import { s, clear } from './dom.js';
import { MONTHS_SHORT, civil, dayNumber } from './dates.js';

export function drawAxis(c) {
  const { gAxis, gGrid, view, x, width, ML, MR, Y } = c;
  const plotW = () => width - ML - MR;
  clear(gAxis);
  clear(gGrid);
  const span = view.end - view.start;
  const pxPerYear = plotW() / span * 365.2425;
  const top = civil(Math.floor(view.start)), bottom = civil(Math.ceil(view.end));
  gAxis.appendChild(s('line', { class: 'axis-line', x1: ML, x2: width - MR, y1: Y.tick, y2: Y.tick }));

  let lastRight = -Infinity;
  function tick(day, major, label, cls) {
    const px = x(day);
    if (px < ML - 0.5 || px > width - MR + 0.5) return;
    gAxis.appendChild(s('line', { class: major ? 'tick major' : 'tick', x1: px, x2: px, y1: Y.tick, y2: Y.tick + (major ? 7 : 4) }));
    if (major) gGrid.appendChild(s('line', { class: 'gridline', x1: px, x2: px, y1: Y.band, y2: Y.bottom - 14 }));
    if (label) {
      const text = s('text', { class: cls || 'tick-label', x: px, y: Y.monthLabel, 'text-anchor': 'middle' }, label);
      gAxis.appendChild(text);
      const half = text.getComputedTextLength() / 2;
      // a label that would be cut off at an edge or touch its neighbour is left out
      if (px - half < 1 || px + half > width - 1 || px - half < lastRight + 6) gAxis.removeChild(text);
      else lastRight = px + half;
    }
  }

  let monthStep = 0;
  if (pxPerYear / 12 >= 34) monthStep = 1;
  else if (pxPerYear / 4 >= 34) monthStep = 3;
  else if (pxPerYear / 2 >= 34) monthStep = 6;

  if (monthStep) {
    for (let y = top.y; y <= bottom.y; y++) {
      for (let m = 1; m <= 12; m++) {
        const major = (m - 1) % monthStep === 0;
        if (!major && pxPerYear / 12 < 8) continue;
        tick(dayNumber(y, m, 1), major, major ? MONTHS_SHORT[m - 1] : null, 'tick-label');
      }
    }
    // a sticky year label under the months, so the year is always on screen
    for (let yy = top.y; yy <= bottom.y; yy++) {
      const start = x(dayNumber(yy, 1, 1)), next = x(dayNumber(yy + 1, 1, 1));
      const lx = Math.max(start, ML), rx = Math.min(next, width - MR);
      const sticky = s('text', { class: 'tick-label year sticky', x: lx + 2, y: Y.yearLabel, 'text-anchor': 'start' }, String(yy));
      gAxis.appendChild(sticky);
      const len = sticky.getComputedTextLength();
      if (len + 4 > rx - lx) gAxis.removeChild(sticky);
      else sticky.setAttribute('x', String(Math.min(lx + 2, rx - len - 4)));
    }
  } else {
    const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
    let step = steps[steps.length - 1];
    for (let i = 0; i < steps.length; i++) { if (steps[i] * pxPerYear >= 44) { step = steps[i]; break; } }
    const minor = step > 1 && pxPerYear >= 5 ? 1 : (step >= 10 && pxPerYear * 5 >= 5 ? 5 : 0);
    for (let yr = top.y - (top.y % step) - step; yr <= bottom.y + 1; yr++) {
      const isMajor = yr % step === 0;
      if (!isMajor && !(minor && yr % minor === 0)) continue;
      tick(dayNumber(yr, 1, 1), isMajor, isMajor ? String(yr) : null, 'tick-label year');
    }
  }
}
