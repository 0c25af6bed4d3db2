/*
 * Legal dates are strings ("2019", "2020-03", "2023-06-21/2023-10-01", optional "~") and are never given to Date:
 * they are formatted by string manipulation and placed on the axis by integer day arithmetic, so no time zone can
 * shift them.
 */

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const STATES = {
  IN_FORCE: { label: 'In force', meaning: 'aid restricted' },
  SUSPENDED: { label: 'Suspended', meaning: 'waived, aid not restricted' },
  EXEMPT: { label: 'Exempt', meaning: 'this category is not restricted' },
  UNCERTAIN: { label: 'Uncertain', meaning: 'the record cannot tell whether aid was restricted' },
  NOT_IN_FORCE: { label: 'Not in force', meaning: 'aid not restricted' }
};
export const CONFIDENCE = {
  CONFIRMED: 'Confirmed (a primary source was read)',
  SECONDARY: 'Secondary sources only (press, encyclopedias)',
  INFERRED: 'Inferred (derived, for example a lapse)',
  DISPUTED: 'Disputed (sources conflict)'
};
export const EFFECTS = {
  IMPOSE: 'imposes the restriction',
  SUSPEND: 'suspends (waives) the restriction',
  REINSTATE: 'ends a suspension: the restriction applies again',
  TERMINATE: 'ends the restriction',
  EXEMPT: 'exempts aid categories',
  NONE: 'moves no state'
};

export const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
function daysInMonth(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber. */
export function civil(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: d };
}

function parseSingle(s) {
  const m = SINGLE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null && (d < 1 || d > daysInMonth(y, mo))) return null;
  return {
    y: y, m: mo, d: d,
    earliest: dayNumber(y, mo || 1, d || 1),
    latest: dayNumber(y, mo || 12, d || daysInMonth(y, mo || 12))
  };
}

/** True for one real calendar day written YYYY-MM-DD (what the status question takes). */
export function isCalendarDay(s) {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const p = parseSingle(s);
  return p !== null && p.y >= 1000;
}

/** A stored partial date: earliest and latest day numbers (inclusive), or null if the form is unknown. */
export function parsePartial(s) {
  if (typeof s !== 'string') return null;
  let t = s.trim();
  let approx = false;
  if (t.charAt(t.length - 1) === '~') { approx = true; t = t.slice(0, -1); }
  const parts = t.split('/');
  if (parts.length > 2) return null;
  const a = parseSingle(parts[0]);
  if (!a) return null;
  if (parts.length === 2) {
    const b = parseSingle(parts[1]);
    if (!b) return null;
    return { approx: approx, a: a, b: b, earliest: a.earliest, latest: b.latest };
  }
  return { approx: approx, a: a, b: null, earliest: a.earliest, latest: a.latest };
}

function formatSingle(p) {
  if (p.d) return p.d + ' ' + MONTHS[p.m - 1] + ' ' + p.y;
  if (p.m) return MONTHS[p.m - 1] + ' ' + p.y;
  return String(p.y);
}

/** "2020-03" → "March 2020", "2023-06-21/2023-10-01" → "between 21 June 2023 and 1 October 2023", "~" → "about". */
export function formatDate(s) {
  if (s === null || s === undefined || s === '') return '';
  const p = parsePartial(String(s));
  if (!p) return String(s); // an unknown form is shown exactly as stored
  if (p.b) return (p.approx ? 'approximately between ' : 'between ') + formatSingle(p.a) + ' and ' + formatSingle(p.b);
  return (p.approx ? 'about ' : '') + formatSingle(p.a);
}

export function capitalize(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }

/** A sort key for a partial date: its earliest day, then its latest. */
export function dateKey(s) {
  const p = parsePartial(s);
  return p ? [p.earliest, p.latest] : [Infinity, Infinity];
}

/** "2026-11-23T19:53:31.439Z" → "23 November 2026, 19:53 UTC" (string manipulation only). */
export function formatInstant(s) {
  if (typeof s !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(s);
  if (!m) return s;
  const utc = /Z$|[+-]00:?00$/.test(s);
  return formatDate(m[1]) + ', ' + m[2] + ':' + m[3] + (utc ? ' UTC' : '');
}

export function typeLabel(t) {
  if (!t) return '';
  return capitalize(String(t).toLowerCase().replace(/_/g, ' ')).replace(/\bcongress\b/, 'Congress');
}

export function stateLabel(state) { return (STATES[state] && STATES[state].label) || typeLabel(state); }

/** Only used if the server gave no "today": the visitor's calendar day, read field by field. */
export function localToday() {
  const d = new Date();
  const pad = (n) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}
