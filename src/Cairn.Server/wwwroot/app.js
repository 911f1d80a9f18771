// Cairn web UI: a small single-page app over /api/v1. No framework and no inline script (the
// server's Content-Security-Policy forbids it); every value from the server is inserted as text,
// and every code is shown as words from the one label catalogue (labels.js).
import { h, clear, fmtTime, toast, table, clearToast, caseLink } from "./ui.js";
import { api, loadMe, session, can, forgetPrefetched, prefetch, probablySignedIn, signedIn } from "./api.js";
import { loadLabels, prefetchLabels, label, L, options, isExpert, setExpert } from "./labels.js";
import { field, bindForm, formCard, invalid } from "./forms.js";
import { renderCase, prefetchCase } from "./case.js";
import { renderRequest, renderRequests, requestRead, requestsPageReads } from "./requests.js";
import { renderChain } from "./chain.js";
import { renderExchange } from "./exchange.js";
import { renderAdmin, accountsReads } from "./admin.js";
import { renderAccount } from "./account.js";
import { renderAudit } from "./audit.js";
import { renderNotifications, refreshBadge, notificationsRead } from "./notifications.js";
import { renderRoutes } from "./routes.js";
import { renderStats } from "./stats.js";

const main = document.getElementById("main");

const casesRead = "/cases?limit=500";

// [address, page, what the page reads (started beside "who am I" on a page load: page speed, issue 15)]
const routes = [
  [/^#\/login$/, renderLogin],
  [/^#\/password$/, renderPassword],
  [/^#\/cases$/, renderCases, () => prefetch(casesRead)],
  [/^#\/case\/([^/?]+)(?:\/(\w+))?$/, (m) => renderCase(main, decodeURIComponent(m[1]), m[2] || "dashboard"), (m) => prefetchCase(decodeURIComponent(m[1]), m[2] || "dashboard")],
  [/^#\/request\/([^/?]+)$/, (m) => renderRequest(main, decodeURIComponent(m[1])), (m) => prefetch(requestRead(decodeURIComponent(m[1])))],
  [/^#\/requests(?:\?(.*))?$/, (m) => renderRequests(main, new URLSearchParams(m[1] || "")), (m) => requestsPageReads(new URLSearchParams(m[1] || "")).forEach((r) => prefetch(r))],
  [/^#\/screen$/, renderScreen],
  [/^#\/routes$/, () => renderRoutes(main)],
  [/^#\/chain$/, () => renderChain(main)],
  [/^#\/exchange$/, () => renderExchange(main)],
  [/^#\/admin(?:\/(\w+))?$/, (m) => renderAdmin(main, m[1] || "accounts"), (m) => { if ((m[1] || "accounts") === "accounts") accountsReads.forEach((r) => prefetch(r)); }],
  [/^#\/account$/, () => renderAccount(main)],
  [/^#\/audit(?:\?(.*))?$/, (m) => renderAudit(main, new URLSearchParams(m[1] || ""))],
  [/^#\/notifications$/, () => renderNotifications(main), () => prefetch(notificationsRead)],
  [/^#\/stats$/, () => renderStats(main)],
];

// Pages with unsaved work (the request editor) register a guard; leaving asks first.
export const leaveGuard = { check: null };
let currentHash = location.hash;
// Each navigation's number: a page whose loading failed after the person (or a refused call's move
// to the sign-in page) went elsewhere must not paint its error over the page now shown.
let navigation = 0;

async function navigate() {
  const hash = location.hash || "#/cases";
  if (leaveGuard.check && hash !== currentHash && !leaveGuard.check()) { history.replaceState(null, "", currentHash); return; }
  leaveGuard.check = null;
  currentHash = hash;
  const mine = ++navigation;
  clearToast();
  forgetPrefetched();
  // The page's own reads start now, beside "who am I", when this browser tab was signed in (the server checks each read
  // as always; a session that ended answers 401 and the sign-in form is shown, as it would be without them).
  if (hash !== "#/login" && hash !== "#/password" && (session.me ? !session.me.must_change_password : probablySignedIn())) {
    for (const [pattern, , reads] of routes) {
      const m = hash.match(pattern);
      if (m) { reads?.(m); break; }
    }
  }
  if (hash !== "#/login") {
    // On a page load, "who am I" and the label catalogue are asked side by side, not one after the other.
    const labels = session.me ? null : prefetchLabels();
    if (!(await loadMe())) { location.hash = "#/login"; return; }
    if (session.me.must_change_password && hash !== "#/password") { location.hash = "#/password"; return; }
    if (!session.me.must_change_password) { await labels; await loadLabels(); }
  }
  header();
  for (const [pattern, render] of routes) {
    const m = hash.match(pattern);
    if (m) {
      try { await render(m); } catch (e) {
        // A 401 has already sent the page to the sign-in form; a later navigation owns the page.
        if (e.status === 401 || mine !== navigation) return;
        clear(main).append(h("p", { class: "bad", "data-testid": "page-error" }, e.message));
      }
      return;
    }
  }
  location.hash = "#/cases";
}

function header() {
  const me = session.me;
  const nav = document.getElementById("nav");
  nav.hidden = !me;
  document.getElementById("signout").hidden = !me;
  document.getElementById("tools").hidden = !me;
  clear(nav);
  if (me && !me.must_change_password) {
    const items = [["#/cases", "Cases"], ["#/requests", "Requests"], ["#/routes", "Routes"], ["#/screen", "Screening"], ["#/exchange", "Exchange"], ["#/chain", "Chain"], ["#/stats", "Statistics"]];
    if (can("Auditor") || can("Admin")) items.push(["#/audit", "Custody log"]);
    if (can("Admin")) items.push(["#/admin", "Administration"]);
    const here = location.hash.split("?")[0];
    nav.append(...items.map(([href, text]) => h("a", { href, class: here.startsWith(href) ? "active" : "" }, text)));
    refreshBadge();
  }
  const who = document.getElementById("who");
  clear(who);
  if (me) who.append(h("a", { href: "#/account", title: "Your account and API tokens" }, me.login), ` · ${me.agency} · `, ...me.roles.flatMap((r, i) => [i ? ", " : "", L("role", r)]));
}

document.getElementById("signout").addEventListener("click", async () => {
  await api("POST", "/auth/logout");
  session.me = null;
  signedIn(false);
  location.hash = "#/login";
});

const expert = document.getElementById("expert");
expert.checked = isExpert();
setExpert(expert.checked);
expert.addEventListener("change", () => setExpert(expert.checked));

async function renderLogin() {
  session.me = null;
  signedIn(false);
  header();
  const login = h("input", { id: "login", name: "login", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const form = formCard("login-form", "", [h("h1", {}, "Sign in"), field("Login", login), field("Password", password)], "Sign in");
  bindForm(form, {
    submit: () => api("POST", "/auth/login", { login: login.value, password: password.value }),
    done: (me) => {
      session.me = me;
      signedIn(!me.must_change_password);
      session.csrf = null; // the antiforgery token is bound to the signed-in user
      location.hash = me.must_change_password ? "#/password" : "#/cases";
    },
  });
  clear(main).append(form);
}

async function renderPassword() {
  const current = h("input", { id: "current", name: "current_password", type: "password", autocomplete: "current-password" });
  const next = h("input", { id: "new", name: "new_password", type: "password", autocomplete: "new-password", minlength: "12" });
  const form = formCard("password-form", "", [h("h1", {}, "Choose a new password"),
    h("p", { class: "muted" }, "A one-time password must be replaced before you can work. At least 12 characters."),
    field("Current (one-time) password", current), field("New password", next)], "Change password");
  bindForm(form, {
    submit: () => api("POST", "/auth/password", { current_password: current.value, new_password: next.value }),
    done: () => { session.me = null; toast("password changed"); location.hash = "#/cases"; },
  });
  clear(main).append(form);
}

async function renderCases() {
  const page = await api("GET", casesRead);
  const rows = page.items.map((c) => [caseLink(c.reference), c.title, offenceText(c), L("case_status", c.status), c.owning_agency, L("case_access", c.access), fmtTime(c.opened_at)]);
  clear(main).append(h("h1", {}, "Cases"), table(["reference", "title", "offence", "status", "owner", "your access", "opened"], rows, "cases-table", "no case yet: open one below"),
    h("p", { class: "muted" }, `${page.total} case(s) your agency owns or was granted.`));
  if (can("Investigator")) main.append(newCaseForm());
}

export function offenceText(c) {
  return c.offence_type === "other" && c.offence_detail ? h("span", { title: "other" }, `Other: ${c.offence_detail}`) : L("offence_type", c.offence_type);
}

/** The offence type select and the description shown for "other"; both keep what was typed. */
export function offenceFields(selected, detail) {
  const offence = h("select", { id: "case-offence", name: "offence_type" }, h("option", { value: "" }, "— choose —"), ...options("offence_type", undefined, selected));
  const description = h("input", { id: "case-offence-detail", name: "offence_detail", value: detail || "" });
  const detailField = field("Describe the offence", description, { hint: "Only for an offence not in the list." });
  const sync = () => { detailField.hidden = offence.value !== "other"; };
  offence.addEventListener("change", sync);
  offence.addEventListener("restore", sync);
  sync();
  return { offence, description, fields: [field("Offence type", offence, { hint: "Routes depend on it (e.g. UNCAC covers only corruption offences)." }), detailField], sync };
}

function newCaseForm() {
  const reference = h("input", { id: "new-reference", name: "reference", placeholder: "e.g. NCU-2026-0042" });
  const title = h("input", { id: "new-title", name: "title" });
  const offence = offenceFields("");
  const form = formCard("new-case-form", "Open a case", [field("Reference", reference, { hint: "Your agency's file number; unique." }), field("Title", title), ...offence.fields], "Open case");
  bindForm(form, {
    key: "new-case",
    submit: () => api("POST", "/cases", { reference: reference.value, title: title.value, offence_type: offence.offence.value, offence_detail: offence.description.value }),
    done: (created) => { toast(`case ${created.reference} opened`); location.hash = `#/case/${encodeURIComponent(created.reference)}/overview`; },
  });
  offence.sync();
  return form;
}

async function renderScreen() {
  const input = h("textarea", { id: "screen-input", name: "addresses", placeholder: "one address per line" });
  const out = h("div", { id: "screen-results" });
  const form = formCard("screen-form", "", [h("h1", {}, "Screening"),
    h("p", { class: "muted" }, "Against imported tags, actors and sanctions lists (OFAC); Bitcoin addresses also by their multi-input cluster."),
    field("Addresses", input, { hint: "One per line (or separated by spaces); up to 10,000." })], "Screen");
  bindForm(form, {
    key: "screen",
    submit: () => {
      const addresses = input.value.split(/\s+/).map((a) => a.trim()).filter(Boolean);
      if (!addresses.length) throw invalid("addresses", "give at least one address to screen");
      return api("POST", "/screen", { addresses });
    },
    done: (results) => {
      const rows = [];
      for (const r of results) {
        const hits = [...r.hits.map((x) => ({ via: "address", hit: x })), ...r.cluster_hits.map((x) => ({ via: `cluster (${x.address})`, hit: x.hit }))];
        if (hits.length === 0) rows.push([h("code", {}, r.address), h("span", { class: r.status === "malformed" ? "warn" : "" }, r.status === "malformed" ? `malformed: ${r.error}` : "no hit"), "", "", "", ""]);
        for (const { via, hit } of hits)
          rows.push([h("code", {}, r.address), h("span", { class: "bad" }, hit.kind), hit.label || hit.actor_label || "", hit.category || "", (hit.jurisdictions || []).join(", "), `${hit.source} · ${via}`]);
      }
      clear(out).append(table(["address", "result", "label", "category", "jurisdictions", "source"], rows, "screen-table"));
    },
  });
  clear(main).append(form, out);
}

window.addEventListener("hashchange", navigate);
window.addEventListener("beforeunload", (e) => { if (leaveGuard.check && !leaveGuard.check(true)) e.preventDefault(); });
navigate();
