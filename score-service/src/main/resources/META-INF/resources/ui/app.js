// The freelancer's page. Every value from the API reaches the page through textContent or setAttribute, never as
// markup; every request goes to this service, with the token only in the Authorization header.
import { drawChart, reasonText, scoreText } from './chart.js';

const FORECAST_MONTHS = 24;
const HISTORY_PAGE_SIZE = 100;
const HISTORY_MAX_PAGES = 10;
/** The end reasons each party may choose (domain.md §d.1.1). */
const REASONS = {
  CLIENT: ['JOB_COMPLETED_SUCCESSFULLY', 'NO_LONGER_NEEDED', 'HIRED_SOMEONE_ELSE', 'OTHER', 'JOB_COMPLETED_UNSUCCESSFULLY',
    'FREELANCER_UNRESPONSIVE', 'FREELANCER_LACKED_SKILLS'],
  FREELANCER: ['JOB_COMPLETED_SUCCESSFULLY', 'CLIENT_NOT_RESPONSIVE', 'OTHER']
};
const INCLUSION_WORDS = {
  EXCLUDED_OPEN: 'Not counted: open',
  EXCLUDED_PERK: 'Not counted: removed with the perk',
  EXCLUDED_FLAGGED_CLIENT: 'Not counted: flagged client',
  EXCLUDED_NO_FEEDBACK: 'Not counted: no feedback',
  EXCLUDED_ZERO_EARNINGS: 'Not counted: $0 and not negative'
};
const OUTCOME_WORDS = { SUCCESS: 'Counted: success', NEUTRAL: 'Counted: neutral', NEGATIVE: 'Counted: negative' };

/** In memory only: gone when the page is closed or reloaded. */
const session = { token: null, claims: null, freelancerId: null, explanation: null, changes: [] };

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.append(child === null || child === undefined ? '' : child instanceof Node ? child : String(child));
  }
  return node;
}

/** The token's claims, read (not verified: the service does that) to default the freelancer id and pick the view. */
function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const claims = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? claims : null;
  } catch {
    return null;
  }
}

function groups() {
  const g = session.claims && session.claims.groups;
  return Array.isArray(g) ? g : typeof g === 'string' ? [g] : [];
}

/** Whether the API gives this caller more than the public score: PLATFORM, or the freelancer themself. */
function seesDetails() {
  return groups().includes('PLATFORM') || (groups().includes('FREELANCER') && session.claims.sub === session.freelancerId);
}

async function api(path, method = 'GET', body = undefined) {
  const headers = { Authorization: 'Bearer ' + session.token, Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer'
  });
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  return { status: response.status, ok: response.ok, body: json };
}

function freelancerPath(suffix) {
  return '/freelancers/' + encodeURIComponent(session.freelancerId) + suffix;
}

/** A problem body (RFC 9457) in words, naming the fields. */
function problemText(result) {
  if (result.status === 401) {
    return 'The service did not accept the token (401): it may have expired, or be meant for another service.';
  }
  const body = result.body || {};
  let text = (body.title || 'HTTP ' + result.status) + (body.detail ? ': ' + body.detail : '');
  if (Array.isArray(body.errors)) {
    text += ' ' + body.errors.map((e) => (e.field ? e.field + ': ' : '') + (e.message || '')).join('; ');
  }
  return text;
}

function dollars(cents) {
  return cents === null || cents === undefined ? '–' : '$' + (cents / 100).toFixed(2);
}

function cents(input) {
  const value = input.value.trim();
  return value === '' ? null : Math.round(Number(value) * 100);
}

function number(input) {
  const value = input.value.trim();
  return value === '' ? null : Number(value);
}

// --- Sign-in and loading ---------------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const status = $('sign-in-status');
  status.classList.remove('error');
  const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
  if (!token) {
    status.textContent = 'Paste a token first.';
    status.classList.add('error');
    $('token').focus();
    return;
  }
  session.token = token;
  session.claims = claimsOf(token) || {};
  session.freelancerId = $('freelancer-id').value.trim() || session.claims.sub || '';
  if (!session.freelancerId) {
    status.textContent = 'The token names no user: give a freelancer id.';
    status.classList.add('error');
    $('freelancer-id').focus();
    return;
  }
  status.textContent = 'Loading the score of ' + session.freelancerId + '…';
  session.changes = [];
  renderChanges();
  $('wi-answer').replaceChildren();
  try {
    await load();
    status.textContent = 'Showing ' + session.freelancerId + '.';
  } catch (e) {
    status.textContent = 'The service could not be reached: ' + e.message;
    status.classList.add('error');
  }
}

async function load() {
  for (const id of ['explanation-section', 'chart-section', 'whatif-section']) {
    $(id).hidden = true;
  }
  $('main').hidden = false;
  const score = await api(freelancerPath('/score'));
  renderScore(score);
  if (!score.ok) {
    return;
  }
  if (!seesDetails()) {
    $('view-note').textContent = 'Public view: the published score only, as any client sees it.';
    return;
  }
  $('view-note').textContent = '';
  const explanation = await api(freelancerPath('/score/explanation'));
  renderExplanation(explanation);
  if (explanation.ok) {
    fillWhatIf(explanation.body);
    $('whatif-section').hidden = false;
  }
  // Last: a forecast where private feedback decides is a what-if per date and takes a moment; the rest waits for none.
  await renderChart(score.body);
}

function renderScore(result) {
  const body = result.ok ? result.body : {};
  $('score-value').textContent = !result.ok ? '–' : body.jss === null ? 'No score' : String(body.jss);
  $('score-band').textContent = body.band || '–';
  $('score-window').textContent = body.selectedWindow || '–';
  $('score-badges').textContent = Array.isArray(body.badges) ? (body.badges.length ? body.badges.join(', ') : 'none') : '–';
  $('score-asof').textContent = body.asOf || '–';
  $('score-reason').textContent = result.ok ? (body.reason || '') + (body.stale ? ' This score is stale: an event could not be applied yet.' : '')
    : problemText(result);
  $('score-reason').classList.toggle('error', !result.ok);
  const rows = $('windows-table').querySelector('tbody');
  rows.replaceChildren();
  if (result.ok && body.windows) {
    for (const [window, value] of Object.entries(body.windows)) {
      rows.append(el('tr', { 'data-window': window }, el('th', { scope: 'row' }, window),
        el('td', { class: 'num' }, value === null ? 'not computable' : value)));
    }
  }
}

function renderExplanation(result) {
  const section = $('explanation-section');
  const rows = $('explanation-table').querySelector('tbody');
  rows.replaceChildren();
  section.hidden = false;
  if (!result.ok) {
    rows.append(el('tr', {}, el('td', { colspan: 9, class: 'error' }, problemText(result))));
    session.explanation = null;
    return;
  }
  session.explanation = result.body;
  for (const c of result.body.contracts || []) {
    const countsAs = c.decidedBy === 'PRIVATE_FEEDBACK' ? 'Decided by the client\'s private feedback'
      : c.inclusion === 'COUNTED' ? OUTCOME_WORDS[c.outcome] || 'Counted' : INCLUSION_WORDS[c.inclusion] || c.inclusion;
    const impact = c.impactShown && c.scoreImpact !== null ? (c.scoreImpact > 0 ? '+' : '') + c.scoreImpact : '–';
    rows.append(el('tr', { 'data-contract-id': c.contractId },
      el('th', { scope: 'row' }, c.contractId), el('td', {}, c.clientId), el('td', {}, c.startedAt),
      el('td', {}, c.endedAt || 'open'), el('td', { class: 'num' }, dollars(c.netEarningsCents)),
      el('td', { class: 'counts-as' }, countsAs),
      el('td', { class: 'num' }, c.weightJobs === null || c.weightJobs === undefined ? '–' : c.weightJobs),
      el('td', {}, (c.windows || []).join(' ') || '–'), el('td', { class: 'num' }, impact)));
  }
}

async function historyPoints() {
  const items = [];
  for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
    const result = await api(freelancerPath('/score/history?page=' + page + '&size=' + HISTORY_PAGE_SIZE));
    if (!result.ok) {
      return { error: problemText(result), points: [] };
    }
    items.push(...result.body.items);
    if ((page + 1) * HISTORY_PAGE_SIZE >= result.body.totalItems) {
      break;
    }
  }
  // Newest first from the API; one point per date (the last change of the day), oldest first.
  const byDate = new Map();
  for (const item of items.slice().reverse()) {
    byDate.set(item.asOf, { date: item.asOf, jss: item.current.jss, range: null, reasons: [] });
  }
  return { error: null, points: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

async function renderChart(score) {
  $('chart-section').hidden = false;
  const notes = [];
  const history = await historyPoints();
  if (history.error) {
    notes.push('History: ' + history.error);
  }
  const today = score.asOf || new Date().toISOString().slice(0, 10);
  let forecast = [];
  let until = today;
  const result = await api(freelancerPath('/advisor/forecast?from=' + encodeURIComponent(today) + '&months=' + FORECAST_MONTHS));
  if (result.ok && Array.isArray(result.body.points)) {
    forecast = result.body.points;
    until = result.body.until || today;
    if (!result.body.determined) {
      notes.push('Parts of the forecast are ranges: your clients\' private feedback, which you cannot see, decides them.');
    }
  } else if (result.status === 404) {
    notes.push('No forecast is available from this service: the chart shows the history alone.');
  } else {
    notes.push('The forecast could not be loaded: ' + problemText(result) + ' The chart shows the history alone.');
  }
  $('chart-note').textContent = notes.join(' ');
  drawChart($('chart'), history.points, forecast, today, until);
  const rows = $('chart-table').querySelector('tbody');
  rows.replaceChildren();
  for (const [kind, list] of [['History', history.points], ['Forecast', forecast]]) {
    for (const p of list) {
      rows.append(el('tr', { 'data-kind': kind.toLowerCase(), 'data-date': p.date }, el('td', {}, p.date),
        el('td', {}, scoreText(p)), el('td', {}, kind), el('td', {}, (p.reasons || []).map(reasonText).join('; ') || '–')));
    }
  }
}

// --- What-if ---------------------------------------------------------------------------------------------------

function fillWhatIf(explanation) {
  const all = $('wi-contract');
  const open = $('wi-open-contract');
  all.replaceChildren();
  open.replaceChildren();
  for (const c of explanation.contracts || []) {
    const label = c.contractId + ' (' + c.clientId + ', ' + dollars(c.netEarningsCents) + (c.endedAt ? ', ended ' + c.endedAt : ', open') + ')';
    all.append(el('option', { value: c.contractId }, label));
    if (!c.endedAt) {
      open.append(el('option', { value: c.contractId }, label));
    }
  }
  if (!open.options.length) {
    open.append(el('option', { value: '' }, 'No open contract'));
  }
  fillReasons();
  showFields();
}

function fillReasons() {
  const select = $('wi-reason');
  select.replaceChildren();
  for (const reason of REASONS[$('wi-ended-by').value]) {
    select.append(el('option', { value: reason }, reason.toLowerCase().replace(/_/g, ' ')));
  }
}

function showFields() {
  const type = $('wi-type').value;
  for (const field of document.querySelectorAll('.wi-field')) {
    field.hidden = !field.dataset.for.split(' ').includes(type);
  }
}

/** The change the form describes, in the what-if's JSON; null for "just wait". */
function composedChange() {
  const type = $('wi-type').value;
  const contractId = $('wi-contract').value;
  switch (type) {
    case 'REFUND':
      return { type, contractId, netEarningsCents: cents($('wi-net')) };
    case 'PRIVATE_RATING':
      return { type, contractId, privateRecommend: number($('wi-private')) };
    case 'PUBLIC_RATING':
      return { type, contractId, publicOverall: number($('wi-public')) };
    case 'END_CONTRACT': {
      const change = {
        type, contractId: $('wi-open-contract').value, endedBy: $('wi-ended-by').value, endReason: $('wi-reason').value,
        payment: $('wi-payment').value
      };
      const escrow = cents($('wi-escrow'));
      const paid = cents($('wi-paid'));
      const privateRecommend = number($('wi-end-private'));
      const publicOverall = number($('wi-end-public'));
      if (escrow !== null) change.escrowCents = escrow;
      if (paid !== null && change.payment === 'PART') change.paymentCents = paid;
      if ($('wi-end-date').value) change.endedAt = $('wi-end-date').value;
      if (privateRecommend !== null) change.privateRecommend = privateRecommend;
      if (publicOverall !== null) change.publicOverall = publicOverall;
      return change;
    }
    case 'DISPUTE_OUTCOME': {
      const change = { type, contractId, outcome: $('wi-outcome').value };
      const share = cents($('wi-share'));
      if (share !== null && change.outcome === 'SPLIT') change.freelancerShareCents = share;
      return change;
    }
    default:
      return null;
  }
}

function describeChange(change) {
  switch (change.type) {
    case 'REFUND':
      return 'Refund ' + change.contractId + ' down to ' + dollars(change.netEarningsCents);
    case 'PRIVATE_RATING':
      return 'Private rating ' + (change.privateRecommend ?? 'none') + ' on ' + change.contractId;
    case 'PUBLIC_RATING':
      return 'Public rating ' + (change.publicOverall ?? 'none') + ' on ' + change.contractId;
    case 'END_CONTRACT':
      return (change.endedBy === 'CLIENT' ? 'The client ends ' : 'I end ') + change.contractId + ' (' +
        change.endReason.toLowerCase().replace(/_/g, ' ') + '), payment ' + change.payment.toLowerCase() +
        (change.paymentCents ? ' ' + dollars(change.paymentCents) : '') +
        (change.escrowCents ? ' of ' + dollars(change.escrowCents) + ' escrow' : '') +
        (change.privateRecommend !== undefined ? ', private rating ' + change.privateRecommend : '') +
        (change.publicOverall !== undefined ? ', public rating ' + change.publicOverall : '');
    case 'DISPUTE_OUTCOME':
      return 'Dispute on ' + change.contractId + ': ' + change.outcome.toLowerCase().replace(/_/g, ' ') +
        (change.freelancerShareCents ? ' (' + dollars(change.freelancerShareCents) + ' to me)' : '');
    default:
      return change.type;
  }
}

function renderChanges() {
  const list = $('wi-changes');
  list.replaceChildren();
  session.changes.forEach((change, i) => {
    const remove = el('button', { type: 'button', class: 'link', 'aria-label': 'Remove change ' + (i + 1) }, 'Remove');
    remove.addEventListener('click', () => {
      session.changes.splice(i, 1);
      renderChanges();
    });
    list.append(el('li', {}, describeChange(change) + ' ', remove));
  });
  $('wi-empty').hidden = session.changes.length > 0;
}

function addChange() {
  const change = composedChange();
  if (change) {
    session.changes.push(change);
    renderChanges();
  }
}

async function ask(event) {
  event.preventDefault();
  const composed = composedChange();
  const changes = session.changes.length ? session.changes : composed ? [composed] : [];
  const question = { changes };
  if ($('wi-asof').value) {
    question.asOf = $('wi-asof').value;
  }
  const out = $('wi-answer');
  out.replaceChildren(el('p', {}, 'Working it out…'));
  let result;
  try {
    result = await api(freelancerPath('/what-if'), 'POST', question);
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error' }, 'The service could not be reached: ' + e.message));
    return;
  }
  if (!result.ok) {
    out.replaceChildren(el('p', { class: 'error', id: 'wi-error' }, 'The question was refused. ' + problemText(result)));
    return;
  }
  out.replaceChildren(...answerNodes(result.body));
}

/** The answer in words and numbers. */
function answerNodes(answer) {
  const before = answer.before || {};
  const on = answer.determined ? answer.after.asOf : (answer.possibleAfter[0] || {}).asOf;
  let headline;
  if (answer.determined) {
    headline = answer.after.jss === null ? 'No score' : String(answer.after.jss) + (answer.after.band ? ' (' + answer.after.band + ')' : '');
  } else {
    headline = scoreText({ jss: null, range: answer.range });
    headline = headline.charAt(0).toUpperCase() + headline.slice(1) + ': it depends on your clients\' private feedback';
  }
  const nodes = [el('p', { class: 'headline', id: 'wi-headline' }, headline)];
  let detail = 'On ' + on + '. Today: ' + (before.jss === null || before.jss === undefined ? 'no score' : before.jss) + '.';
  const difference = answer.difference && answer.difference.jss;
  if (answer.determined && difference !== null && difference !== undefined) {
    detail += difference === 0 ? ' No change.' : ' ' + Math.abs(difference) + ' points ' + (difference > 0 ? 'higher.' : 'lower.');
  }
  nodes.push(el('p', { id: 'wi-detail', class: difference < 0 ? 'down' : difference > 0 ? 'up' : '' }, detail));
  nodes.push(el('p', { id: 'wi-summary' }, answer.summary));
  const badges = [];
  if (answer.badgesGained.length) badges.push('gained: ' + answer.badgesGained.join(', '));
  if (answer.badgesLost.length) badges.push('lost: ' + answer.badgesLost.join(', '));
  if (answer.badgesUncertain.length) badges.push('depends on private feedback: ' + answer.badgesUncertain.join(', '));
  if (badges.length) {
    nodes.push(el('p', {}, 'Badges ' + badges.join('; ') + '.'));
  }
  const changed = (answer.contracts || []).filter((c) => c.changed || c.hypothetical);
  if (changed.length) {
    const list = el('ul', { id: 'wi-contracts' });
    for (const c of changed) {
      const counts = c.privateFeedbackDecides ? 'decided by the client\'s private feedback'
        : c.inclusion === 'COUNTED' ? (OUTCOME_WORDS[c.outcome] || 'Counted').toLowerCase() : (INCLUSION_WORDS[c.inclusion] || c.inclusion || '').toLowerCase();
      list.append(el('li', { 'data-contract-id': c.contractId }, c.contractId + ': ' + counts +
        (c.weightJobs !== null && c.weightJobs !== undefined && c.inclusion === 'COUNTED'
          ? ', weighing ' + c.weightJobs + (Number(c.weightJobs) === 1 ? ' job' : ' jobs') : '')));
    }
    nodes.push(list);
  }
  return nodes;
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in').addEventListener('submit', signIn);
  $('whatif-form').addEventListener('submit', ask);
  $('wi-add').addEventListener('click', addChange);
  $('wi-type').addEventListener('change', showFields);
  $('wi-ended-by').addEventListener('change', fillReasons);
  fillReasons();
  showFields();
  renderChanges();
});
