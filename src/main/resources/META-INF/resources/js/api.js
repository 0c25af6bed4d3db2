/* Access to the JSON API of the same origin; failures become ApiError with the problem's detail. */

export class ApiError extends Error {
  constructor(detail, status, problem) {
    super(detail);
    this.status = status;
    this.problem = problem || null;
  }
}

export function getJson(path) {
  return fetch(path, { headers: { Accept: 'application/json' } }).then((res) => {
    if (!res.ok) {
      const fallback = 'The server answered ' + res.status + (res.statusText ? ' ' + res.statusText : '') + '.';
      return res.text().then((text) => {
        let detail = fallback;
        let problem = null;
        try {
          problem = JSON.parse(text);
          if (problem && typeof problem.detail === 'string' && problem.detail) detail = problem.detail;
          else if (problem && typeof problem.title === 'string' && problem.title) detail = problem.title;
        } catch (e) { /* not JSON: keep the status line */ }
        throw new ApiError(detail, res.status, problem);
      });
    }
    return res.json().then((body) => ({ body: body, res: res }));
  }, (err) => {
    throw new ApiError('The server could not be reached (' + (err && err.message ? err.message : 'network error') + ').', 0);
  });
}

function nextLink(header) {
  if (!header) return null;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  if (!m) return null;
  try {
    const u = new URL(m[1], window.location.href);
    return u.origin === window.location.origin ? u.pathname + u.search : null;
  } catch (e) {
    return null;
  }
}

/** Every event of a provision, following the Link rel="next" pages (at most 100 of them). */
export function getAllEvents(id) {
  let all = [];
  function page(url, n) {
    return getJson(url).then((r) => {
      if (!Array.isArray(r.body)) throw new ApiError('The events answer is not a list.', 0);
      all = all.concat(r.body);
      const next = nextLink(r.res.headers.get('Link'));
      return next && n < 100 ? page(next, n + 1) : all;
    });
  }
  return page(apiPath(id, '/events', { limit: '1000' }), 0);
}

export function apiPath(id, suffix, params) {
  const q = new URLSearchParams();
  Object.keys(params || {}).forEach((k) => { if (params[k]) q.set(k, params[k]); });
  const qs = q.toString();
  return '/api/provisions/' + encodeURIComponent(id) + suffix + (qs ? '?' + qs : '');
}
