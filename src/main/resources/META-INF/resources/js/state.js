/* What the page shows, shared by its parts, and how it maps to the address bar (one history entry per question). */

export const DEFAULT_PROVISION = 'us-fsa-907';
export const DEFAULT_CATEGORY = 'general';

export const app = {
  provisions: [],
  id: null,
  category: DEFAULT_CATEGORY,
  date: null,          // the asked date (YYYY-MM-DD) or null for today
  today: null,         // the server's today, from /api/provisions
  provision: null,
  events: [],
  eventsById: {},
  timeline: null,      // the chosen category's timeline
  lanes: [],           // [{category, timeline}] for every category, the chosen one first
  sortAscending: true,
  legalOnly: false,
  search: '',
  loadToken: 0,
  askToken: 0
};

export function readUrl() {
  const q = new URLSearchParams(window.location.search);
  return { provision: q.get('provision'), date: q.get('date'), category: q.get('category') };
}

export function urlOf(id, category, date) {
  const q = new URLSearchParams();
  if (id) q.set('provision', id);
  if (category && category !== DEFAULT_CATEGORY) q.set('category', category);
  if (date) q.set('date', date);
  return window.location.pathname + '?' + q.toString();
}

/** A new question is a new history entry, so Back returns to the previous one; the same question is not repeated. */
export function pushUrl() {
  const next = urlOf(app.id, app.category, app.date);
  if (next !== window.location.pathname + window.location.search) history.pushState(null, '', next);
}

export function categoryLabel(id) {
  const c = ((app.provision && app.provision.categories) || []).filter((x) => x.id === id)[0];
  return c ? c.label : String(id);
}
