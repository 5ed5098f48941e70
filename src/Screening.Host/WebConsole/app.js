// Web console of the screening platform for tenant admins. Plain ES module, no build step, no external resources.
// Every call goes to the REST/JSON transcoding of the gRPC services on this origin, with the tenant-admin key as
// bearer key; the key lives only in sessionStorage (this tab).

const KEY_STORAGE = 'screening.console.key';
const views = ['overview', 'settings', 'screen', 'timeline', 'alerts', 'allow-list', 'keys'];
let session = null; // { key, tenantId, role }

// ---- small helpers -------------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function table(caption, headers, rows) {
  return el('table', {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function say(id, text, kind = 'error') {
  const node = $(id);
  node.textContent = text;
  node.className = 'message ' + (text ? kind : '');
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// One line a person can act on, from an HTTP status and the transcoded gRPC status body.
function describe(status, body) {
  const detail = body && body.message ? body.message : '';
  switch (status) {
    case 401: return 'The key was not accepted (unknown or revoked): sign in again. ' + detail;
    case 403: return 'Not allowed with this key: ' + detail;
    case 400: return 'Invalid input: ' + detail;
    case 404: return 'Not found: ' + detail;
    case 409: return 'Conflict: ' + detail;
    case 429: return 'Too many requests, try again shortly: ' + detail;
    case 503: return 'The platform is unavailable, try again shortly: ' + detail;
    default: return `Server error (${status})` + (detail ? ': ' + detail : '');
  }
}

async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: 'Bearer ' + session.key, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'Cannot reach the platform: check your connection and that the server is running.');
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = null;
  }

  if (!response.ok) {
    if (response.status === 401 && path !== '/v1/session') signOut('Your key is no longer accepted: sign in again.');
    throw new ApiError(response.status, describe(response.status, json));
  }

  return json ?? {};
}

const tenantPath = (suffix = '') => `/v1/tenants/${encodeURIComponent(session.tenantId)}${suffix}`;

async function guarded(messageId, work) {
  say(messageId, '');
  try {
    await work();
  } catch (e) {
    say(messageId, e instanceof ApiError ? e.message : 'Unexpected failure: ' + e.message);
  }
}

function busy(form, on) {
  for (const b of form.querySelectorAll('button')) b.disabled = on;
  form.setAttribute('aria-busy', on ? 'true' : 'false');
}

// ---- sign in and navigation ----------------------------------------------------------------------------------

async function signIn(key) {
  session = { key };
  const who = await api('GET', '/v1/session');
  if (who.role !== 'tenant-admin' || !who.tenantId) {
    session = null;
    throw new ApiError(403, `This console needs a tenant-admin key; this key has role ${who.role}.`);
  }

  session = { key, tenantId: who.tenantId, role: who.role };
  sessionStorage.setItem(KEY_STORAGE, key);
  $('who').textContent = `Tenant ${who.tenantId} (key ${who.keyId})`;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  show(location.hash.slice(1) || 'overview');
}

function signOut(message = '') {
  session = null;
  sessionStorage.removeItem(KEY_STORAGE);
  $('who').textContent = '';
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  for (const v of views) $('view-' + v).hidden = true;
  $('view-sign-in').hidden = false;
  say('sign-in-message', message);
  $('sign-in-key').focus();
}

function show(view) {
  if (!views.includes(view)) view = 'overview';
  $('view-sign-in').hidden = true;
  for (const v of views) $('view-' + v).hidden = v !== view;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  loaders[view]?.();
}

// ---- lists overview ------------------------------------------------------------------------------------------

let designationNames = new Map();

async function designationName(id) {
  if (!designationNames.has(id)) {
    designationNames.set(id, api('POST', '/v1/designations:get', { designationId: id })
      .then((d) => d.designation?.names?.[0]?.fullName || id)
      .catch(() => id));
  }
  return designationNames.get(id);
}

async function loadOverview() {
  await guarded('overview-message', async () => {
    const [tenant, catalogue] = await Promise.all([api('GET', tenantPath()), api('GET', '/v1/jurisdictions')]);
    const body = $('overview-body');
    body.replaceChildren(el('p', {}, `Threshold ${tenant.threshold}. Subscribed to ${tenant.subscriptions.length} jurisdiction(s).`));
    for (const sub of tenant.subscriptions) {
      const jurisdiction = catalogue.jurisdictions.find((j) => j.code === sub.jurisdiction);
      const lists = (jurisdiction?.lists ?? []).filter((l) => sub.listIds.length === 0 || sub.listIds.includes(l.listId));
      const block = el('article', { class: 'jurisdiction', 'data-jurisdiction': sub.jurisdiction },
        el('h3', {}, `${sub.jurisdiction}: ${jurisdiction?.name ?? 'unknown jurisdiction'}`),
        jurisdiction?.authority ? el('p', { class: 'muted' }, jurisdiction.authority) : null);
      for (const list of lists) {
        // The revisions of the current version (the first 1000 of them: an import can bring thousands), last first.
        const revisions = await api('POST', '/v1/lists:revisions', { listId: list.listId, sinceVersion: Math.max(0, Number(list.version) - 1), limit: 1000 });
        const recent = revisions.revisions.slice(-5).reverse();
        const items = await Promise.all(recent.map(async (r) => el('li', {},
          `${sub.jurisdiction}: ${await designationName(r.designationId)} ${r.kind} ${r.effectiveDate}`,
          r.reason ? el('span', { class: 'muted' }, ` (${r.reason})`) : null)));
        block.append(
          el('h4', {}, list.listId),
          el('p', {}, `version ${list.version}, ${list.inForce} designations in force of ${list.total}, updated ${list.updatedAt || '—'}`),
          items.length ? el('ul', { class: 'revisions', 'aria-label': `Latest revisions of ${list.listId} (version ${list.version})` }, items) : el('p', { class: 'muted' }, 'no revisions yet'));
      }
      if (lists.length === 0) block.append(el('p', { class: 'muted' }, 'no lists loaded for this jurisdiction yet'));
      body.append(block);
    }
  });
}

// ---- subscriptions and threshold -----------------------------------------------------------------------------

let currentTenant = null;

async function loadSettings() {
  await guarded('subscriptions-message', async () => {
    const [tenant, catalogue] = await Promise.all([api('GET', tenantPath()), api('GET', '/v1/jurisdictions')]);
    currentTenant = tenant;
    const subscribed = new Set(tenant.subscriptions.map((s) => s.jurisdiction));
    $('subscription-choices').replaceChildren(...catalogue.jurisdictions.map((j) => el('label', {},
      el('input', { type: 'checkbox', name: 'jurisdiction', value: j.code, checked: subscribed.has(j.code) }),
      `${j.code}: ${j.name}`)));
    $('threshold').value = tenant.threshold;
  });
}

async function saveSubscriptions(event) {
  event.preventDefault();
  const form = event.currentTarget;
  busy(form, true);
  await guarded('subscriptions-message', async () => {
    const chosen = [...form.querySelectorAll('input[name="jurisdiction"]:checked')].map((i) => i.value);
    const previous = new Map((currentTenant?.subscriptions ?? []).map((s) => [s.jurisdiction, s.listIds]));
    const tenant = await api('PUT', tenantPath('/subscriptions'), {
      subscriptions: chosen.map((j) => ({ jurisdiction: j, listIds: previous.get(j) ?? [] })),
    });
    currentTenant = tenant;
    say('subscriptions-message', `Saved: subscribed to ${tenant.subscriptions.map((s) => s.jurisdiction).join(', ') || 'nothing'}.`, 'ok');
  });
  busy(form, false);
}

async function saveThreshold(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const value = Number($('threshold').value);
  if (!(value > 0 && value <= 1)) {
    say('threshold-message', 'The threshold must be a number greater than 0 and at most 1.');
    return;
  }
  busy(form, true);
  await guarded('threshold-message', async () => {
    const tenant = await api('PUT', tenantPath('/threshold'), { threshold: value });
    say('threshold-message', `Saved: threshold ${tenant.threshold}.`, 'ok');
  });
  busy(form, false);
}

// ---- screening -----------------------------------------------------------------------------------------------

function parsePartialDate(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 0, day: m[3] ? Number(m[3]) : 0 };
}

function hitRows(hits, former) {
  return hits.map((h) => [
    h.jurisdiction,
    el('button', { type: 'button', class: 'secondary', 'data-designation': h.designationId, onclick: () => openTimeline(h.designationId) }, h.designationName),
    h.matchedName,
    Number(h.score).toFixed(2),
    former ? `${h.listedOn} – ${h.delistedOn}` : h.listedOn,
    former ? h.delistingReason : h.legalBasis,
    el('div', {}, h.explanation, el('ul', {}, (h.contributions ?? []).map((c) => el('li', {}, `${c.factor}: ${Number(c.weight).toFixed(2)} ${c.detail}`)))),
  ]);
}

async function screen(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const name = $('screen-name').value.trim();
  const dob = $('screen-dob').value.trim();
  const country = $('screen-country').value.trim().toUpperCase();
  if (!name) return say('screen-message', 'Enter a name to screen.');
  const birth = dob ? parsePartialDate(dob) : null;
  if (dob && !birth) return say('screen-message', `The birth date "${dob}" is not YYYY, YYYY-MM or YYYY-MM-DD.`);
  if (country && !/^[A-Z]{2}$/.test(country)) return say('screen-message', `The country "${country}" is not a two-letter ISO code such as KZ.`);

  busy(form, true);
  const result = $('screen-result');
  result.replaceChildren();
  await guarded('screen-message', async () => {
    const answer = await api('POST', '/v1/screen', {
      subject: { names: [name], type: $('screen-type').value, birthDates: birth ? [birth] : [], countries: country ? [country] : [] },
      asOf: $('screen-as-of').value || '',
    });
    const match = answer.decision === 'DECISION_POTENTIAL_MATCH';
    const headers = ['jurisdiction', 'designation', 'matched name', 'score', 'listed', 'legal basis', 'explanation'];
    result.replaceChildren(
      el('p', { id: 'screen-decision', class: 'decision ' + (match ? 'match' : 'clear'), 'data-decision': answer.decision },
        `${match ? 'POTENTIAL MATCH' : 'CLEAR'} for "${name}" as of ${answer.asOf}`),
      el('p', { class: 'muted' }, `threshold ${answer.threshold}; screening id ${answer.screeningId}`),
      answer.hits.length ? table('Hits: designations in force at the as-of date', headers, hitRows(answer.hits, false)) : el('p', {}, 'No designation in force at that date matched.'),
      answer.formerDesignations.length
        ? table('Former designations (matched, but no longer in force at the as-of date)', ['jurisdiction', 'designation', 'matched name', 'score', 'in force', 'delisting reason', 'explanation'], hitRows(answer.formerDesignations, true))
        : null,
      el('p', { class: 'muted' }, 'List versions used: ' + answer.listVersions.map((v) => `${v.listId}@${v.version}`).join(', ')));
    result.querySelector('.decision').setAttribute('tabindex', '-1');
  });
  busy(form, false);
}

// ---- designation timeline ------------------------------------------------------------------------------------

function openTimeline(designationId) {
  $('timeline-query').value = designationId;
  location.hash = 'timeline';
  showTimeline();
}

async function showTimeline(event) {
  event?.preventDefault();
  const query = $('timeline-query').value.trim();
  const result = $('timeline-result');
  result.replaceChildren();
  if (!query) return say('timeline-message', 'Enter a name or a designation id.');
  await guarded('timeline-message', async () => {
    let ids;
    if (query.split('/').length >= 3) {
      ids = [query];
    } else {
      // Every designation in the subscribed lists that matches the name, in force today or not.
      const answer = await api('POST', '/v1/screen', { subject: { names: [query] }, clientReference: 'console-timeline' });
      ids = [...new Set([...answer.hits, ...answer.formerDesignations].map((h) => h.designationId))];
    }
    if (ids.length === 0) return say('timeline-message', `No designation in your subscribed lists matches "${query}".`, 'ok');
    const details = await Promise.all(ids.map((id) => api('POST', '/v1/designations:get', { designationId: id })));
    const events = details.flatMap((d) => d.revisions.map((r) => ({ ...r, designationId: d.designationId, listId: d.listId, name: d.designation?.names?.[0]?.fullName ?? d.designationId })));
    events.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.listId.localeCompare(b.listId));
    result.replaceChildren(
      table(`Timeline of ${ids.length} designation(s)`, ['date', 'jurisdiction', 'list', 'designation', 'event', 'legal basis', 'reason'],
        events.map((e) => [e.effectiveDate, e.listId.split('/')[0], e.listId, e.name, e.kind, e.legalBasis, e.reason])),
      el('ul', {}, details.map((d) => el('li', {}, `${d.designationId}: ${d.inForce ? 'in force today' : 'not in force today'}`))));
  });
}

// ---- alerts --------------------------------------------------------------------------------------------------

async function loadAlerts(event) {
  event?.preventDefault();
  $('alert-detail').replaceChildren();
  await guarded('alerts-message', async () => {
    const state = $('alerts-state').value;
    const page = await api('GET', `/v1/alerts?state=${encodeURIComponent(state)}&pageSize=200`);
    $('alerts-list').replaceChildren(page.alerts.length === 0
      ? el('p', {}, 'No alerts in this state.')
      : table(`${page.alerts.length} alert(s)`, ['customer', 'matched name', 'designation', 'score', 'state', 'opened', ''],
        page.alerts.map((a) => [a.customerId, a.matchedName, a.designationId, Number(a.score).toFixed(2), a.state.replace('ALERT_STATE_', '').toLowerCase(), a.openedAt,
          el('button', { type: 'button', class: 'secondary', 'data-alert': a.alertId, onclick: () => reviewAlert(a.alertId) }, `Review ${a.customerId}`)])));
  });
}

async function reviewAlert(alertId) {
  await guarded('alerts-message', async () => {
    const a = await api('POST', '/v1/alerts:get', { alertId });
    const detail = $('alert-detail');
    const rows = [['customer', a.customerId], ['matched name', a.matchedName], ['designation', a.designationId], ['list', `${a.listId} (version ${a.openedByVersion})`],
      ['score', Number(a.score).toFixed(2)], ['explanation', a.explanation], ['state', a.state], ['opened', a.openedAt]];
    if (a.closeReason) rows.push(['close reason', a.closeReason]);
    if (a.decision !== 'ALERT_DECISION_UNSPECIFIED') rows.push(['decision', a.decision], ['note', a.note], ['decided', a.decidedAt]);
    const form = a.state === 'ALERT_STATE_OPEN'
      ? el('form', { id: 'decide-form', onsubmit: (e) => decideAlert(e, a.alertId) },
        el('fieldset', {}, el('legend', {}, 'Decision'),
          el('label', {}, el('input', { type: 'radio', name: 'decision', value: 'ALERT_DECISION_TRUE_MATCH', id: 'decide-true' }), ' True match: the customer is the designated subject'),
          el('label', {}, el('input', { type: 'radio', name: 'decision', value: 'ALERT_DECISION_FALSE_POSITIVE', id: 'decide-false' }), ' False positive: not the designated subject (adds an allow-list entry)')),
        el('label', { for: 'decide-note' }, 'Note (required)'),
        el('textarea', { id: 'decide-note', name: 'note', rows: 3, cols: 60, maxlength: 2000 }),
        el('div', {}, el('button', { type: 'submit' }, 'Record decision')),
        el('p', { class: 'message', id: 'decide-message', role: 'alert' }))
      : null;
    detail.replaceChildren(el('h3', { id: 'alert-title', tabindex: '-1' }, `Alert ${a.alertId}`), table(null, ['field', 'value'], rows), form);
    $('alert-title').focus();
  });
}

async function decideAlert(event, alertId) {
  event.preventDefault();
  const form = event.currentTarget;
  const decision = form.querySelector('input[name="decision"]:checked')?.value;
  const note = $('decide-note').value.trim();
  if (!decision) return say('decide-message', 'Choose true match or false positive.');
  if (!note) return say('decide-message', 'A note is required: say why.');
  busy(form, true);
  await guarded('decide-message', async () => {
    const a = await api('POST', '/v1/alerts:decide', { alertId, decision, note });
    await loadAlerts();
    say('alerts-message', `Decided alert ${a.alertId} (${a.customerId}): ${a.decision === 'ALERT_DECISION_TRUE_MATCH' ? 'true match' : 'false positive'}.`, 'ok');
  });
  busy(form, false);
}

// ---- allow-list and keys -------------------------------------------------------------------------------------

async function loadAllowList() {
  await guarded('allow-message', async () => renderAllowList(await api('GET', tenantPath())));
}

function renderAllowList(tenant) {
  $('allow-list-body').replaceChildren(tenant.allowList.length === 0 ? el('p', {}, 'The allow-list is empty.')
    : table(null, ['designation', 'customer reference', 'note', ''], tenant.allowList.map((e) => [e.designationId, e.clientReference || 'everyone', e.note,
      el('button', { type: 'button', class: 'secondary', onclick: () => removeAllowListEntry(e) }, `Remove ${e.designationId}`)])));
}

async function addAllowListEntry(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const entry = { designationId: $('allow-designation').value.trim(), clientReference: $('allow-reference').value.trim(), note: $('allow-note').value.trim() };
  if (!entry.designationId) return say('allow-message', 'Enter the designation id.');
  busy(form, true);
  await guarded('allow-message', async () => {
    renderAllowList(await api('POST', tenantPath('/allow-list'), entry));
    form.reset();
    say('allow-message', `Added ${entry.designationId}.`, 'ok');
  });
  busy(form, false);
}

async function removeAllowListEntry(entry) {
  await guarded('allow-message', async () => {
    renderAllowList(await api('POST', tenantPath('/allow-list:remove'), { designationId: entry.designationId, clientReference: entry.clientReference }));
    say('allow-message', `Removed ${entry.designationId}.`, 'ok');
  });
}

async function loadKeys() {
  await guarded('key-message', async () => {
    const keys = await api('GET', tenantPath('/keys'));
    $('keys-body').replaceChildren(table(null, ['key id', 'role', 'label', 'created', 'status', ''], keys.keys.map((k) => [k.keyId,
      k.role === 'API_KEY_ROLE_TENANT_ADMIN' ? 'tenant-admin' : 'screening', k.label, k.createdAt, k.revoked ? 'revoked' : 'active',
      k.revoked ? '' : el('button', { type: 'button', class: 'secondary', onclick: () => revokeKey(k.keyId) }, `Revoke ${k.keyId}`)])));
  });
}

async function issueKey(event) {
  event.preventDefault();
  const form = event.currentTarget;
  busy(form, true);
  await guarded('key-message', async () => {
    const issued = await api('POST', tenantPath('/keys'), { role: $('key-role').value, label: $('key-label').value.trim() });
    $('key-secret').textContent = `New key ${issued.keyId}: ${issued.secret} (shown only once: copy it now)`;
    await loadKeys();
  });
  busy(form, false);
}

async function revokeKey(keyId) {
  if (!confirm(`Revoke key ${keyId}? Calls with it stop working within seconds.`)) return;
  await guarded('key-message', async () => {
    await api('POST', tenantPath('/keys:revoke'), { keyId });
    await loadKeys();
    say('key-message', `Revoked ${keyId}.`, 'ok');
  });
}

// ---- wiring --------------------------------------------------------------------------------------------------

const loaders = { overview: loadOverview, settings: loadSettings, alerts: loadAlerts, 'allow-list': loadAllowList, keys: loadKeys };

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget; // null once the handler has awaited
  const key = $('sign-in-key').value.trim();
  say('sign-in-message', '');
  if (!key) return say('sign-in-message', 'Enter your tenant-admin API key.');
  busy(form, true);
  try {
    await signIn(key);
    $('sign-in-key').value = '';
  } catch (e) {
    session = null;
    say('sign-in-message', e instanceof ApiError ? e.message : 'Unexpected failure: ' + e.message);
  }
  busy(form, false);
});
$('sign-out').addEventListener('click', () => signOut());
$('subscriptions-form').addEventListener('submit', saveSubscriptions);
$('threshold-form').addEventListener('submit', saveThreshold);
$('screen-form').addEventListener('submit', screen);
$('timeline-form').addEventListener('submit', showTimeline);
$('alerts-filter').addEventListener('submit', loadAlerts);
$('allow-form').addEventListener('submit', addAllowListEntry);
$('key-form').addEventListener('submit', issueKey);
window.addEventListener('hashchange', () => {
  if (session) show(location.hash.slice(1));
});

const stored = sessionStorage.getItem(KEY_STORAGE);
if (stored) {
  signIn(stored).catch((e) => signOut(e.message));
} else {
  signOut();
}
