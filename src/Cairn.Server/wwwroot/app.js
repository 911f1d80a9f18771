// Cairn web UI: a small single-page app over /api/v1. No framework and no inline script (the
// server's Content-Security-Policy forbids it); every value from the server is inserted as text.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, loadMe, session } from "./api.js";
import { renderCase } from "./case.js";
import { renderRequest, renderRequests } from "./requests.js";
import { renderChain } from "./chain.js";
import { renderExchange } from "./exchange.js";
import { renderRoutes } from "./routes.js";

const main = document.getElementById("main");

const routes = [
  [/^#\/login$/, renderLogin],
  [/^#\/password$/, renderPassword],
  [/^#\/cases$/, renderCases],
  [/^#\/case\/([^/]+)(?:\/(\w+))?$/, (m) => renderCase(main, decodeURIComponent(m[1]), m[2] || "overview")],
  [/^#\/request\/([^/]+)$/, (m) => renderRequest(main, decodeURIComponent(m[1]))],
  [/^#\/requests$/, () => renderRequests(main)],
  [/^#\/screen$/, renderScreen],
  [/^#\/routes$/, () => renderRoutes(main)],
  [/^#\/chain$/, () => renderChain(main)],
  [/^#\/exchange$/, () => renderExchange(main)],
];

async function navigate() {
  const hash = location.hash || "#/cases";
  if (hash !== "#/login") {
    if (!(await loadMe())) { location.hash = "#/login"; return; }
    if (session.me.must_change_password && hash !== "#/password") { location.hash = "#/password"; return; }
  }
  header();
  for (const [pattern, render] of routes) {
    const m = hash.match(pattern);
    if (m) {
      try { await render(m); } catch (e) { clear(main).append(h("p", { class: "bad" }, e.message)); }
      return;
    }
  }
  location.hash = "#/cases";
}

function header() {
  const me = session.me;
  document.getElementById("nav").hidden = !me;
  document.getElementById("signout").hidden = !me;
  document.getElementById("who").textContent = me ? `${me.login} · ${me.agency} · ${me.roles.join(", ")}` : "";
}

document.getElementById("signout").addEventListener("click", async () => {
  await api("POST", "/auth/logout");
  session.me = null;
  location.hash = "#/login";
});

async function renderLogin() {
  session.me = null;
  header();
  const login = h("input", { id: "login", autocomplete: "username", required: true });
  const password = h("input", { id: "password", type: "password", autocomplete: "current-password", required: true });
  const form = h("form", { class: "card", id: "login-form" },
    h("h1", {}, "Sign in"), h("label", { for: "login" }, "Login"), login, h("label", { for: "password" }, "Password"), password,
    h("div", {}, h("button", { type: "submit" }, "Sign in")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      session.me = await api("POST", "/auth/login", { login: login.value, password: password.value });
      session.csrf = null; // the antiforgery token is bound to the signed-in user
      location.hash = session.me.must_change_password ? "#/password" : "#/cases";
    } catch (err) { toast(err.message, true); }
  });
  clear(main).append(form);
}

async function renderPassword() {
  const current = h("input", { id: "current", type: "password", autocomplete: "current-password" });
  const next = h("input", { id: "new", type: "password", autocomplete: "new-password", minlength: "12" });
  const form = h("form", { class: "card", id: "password-form" },
    h("h1", {}, "Choose a new password"),
    h("p", { class: "muted" }, "A one-time password must be replaced before you can work. At least 12 characters."),
    h("label", { for: "current" }, "Current (one-time) password"), current, h("label", { for: "new" }, "New password"), next,
    h("div", {}, h("button", { type: "submit" }, "Change password")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api("POST", "/auth/password", { current_password: current.value, new_password: next.value });
      session.me = null;
      toast("password changed");
      location.hash = "#/cases";
    } catch (err) { toast(err.message, true); }
  });
  clear(main).append(form);
}

async function renderCases() {
  const page = await api("GET", "/cases?limit=500");
  const rows = page.items.map((c) => [h("a", { href: `#/case/${encodeURIComponent(c.reference)}` }, c.reference), c.title, c.offence_type, c.status, c.owning_agency, fmtTime(c.opened_at)]);
  const reference = h("input", { id: "new-reference", placeholder: "e.g. NCU-2026-0042" });
  const title = h("input", { id: "new-title" });
  const offence = h("input", { id: "new-offence", placeholder: "ransomware, fraud, theft…" });
  const form = h("form", { class: "card" }, h("h2", {}, "Open a case"),
    h("label", {}, "Reference"), reference, h("label", {}, "Title"), title, h("label", {}, "Offence type"), offence,
    h("div", {}, h("button", { type: "submit" }, "Open case")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const created = await api("POST", "/cases", { reference: reference.value, title: title.value, offence_type: offence.value });
      location.hash = `#/case/${encodeURIComponent(created.reference)}`;
    } catch (err) { toast(err.message, true); }
  });
  clear(main).append(h("h1", {}, "Cases"), table(["reference", "title", "offence", "status", "owner", "opened"], rows, "cases-table"),
    h("p", { class: "muted" }, `${page.total} case(s) your agency owns or was granted.`), session.me.roles.includes("Investigator") ? form : "");
}

async function renderScreen() {
  const input = h("textarea", { id: "screen-input", placeholder: "one address per line" });
  const out = h("div", { id: "screen-results" });
  const form = h("form", { class: "card" }, h("h1", {}, "Screening"),
    h("p", { class: "muted" }, "Against imported tags, actors and sanctions lists (OFAC); Bitcoin addresses also by their multi-input cluster."),
    input, h("div", {}, h("button", { type: "submit" }, "Screen")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const addresses = input.value.split(/\s+/).map((a) => a.trim()).filter(Boolean);
    try {
      const results = await api("POST", "/screen", { addresses });
      const rows = [];
      for (const r of results) {
        const hits = [...r.hits.map((x) => ({ via: "address", hit: x })), ...r.cluster_hits.map((x) => ({ via: `cluster (${x.address})`, hit: x.hit }))];
        if (hits.length === 0) rows.push([h("code", {}, r.address), h("span", { class: r.status === "malformed" ? "warn" : "" }, r.status === "malformed" ? `malformed: ${r.error}` : "no hit"), "", "", "", ""]);
        for (const { via, hit } of hits)
          rows.push([h("code", {}, r.address), h("span", { class: "bad" }, hit.kind), hit.label || hit.actor_label || "", hit.category || "", (hit.jurisdictions || []).join(", "), `${hit.source} · ${via}`]);
      }
      clear(out).append(table(["address", "result", "label", "category", "jurisdictions", "source"], rows, "screen-table"));
    } catch (err) { toast(err.message, true); }
  });
  clear(main).append(form, out);
}

window.addEventListener("hashchange", navigate);
navigate();
