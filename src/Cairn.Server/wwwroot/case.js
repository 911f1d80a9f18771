// A case: its tabs (dashboard, the front page; details, traces (trace.js), watch & alerts (watch.js), requests, evidence, ledger, sharing).
// Each tab lives in its own module.
import { h, clear, fmtTime } from "./ui.js";
import { api, can, session } from "./api.js";
import { renderTraces } from "./trace.js";
import { renderWatch, openAlerts } from "./watch.js";
import { L } from "./labels.js";
import { dashboard } from "./case-dashboard.js";
import { overview } from "./case-overview.js";
import { requests } from "./case-requests.js";
import { evidence } from "./case-evidence.js";
import { ledger } from "./case-ledger.js";
import { sharing } from "./case-sharing.js";
import { offenceText } from "./app.js";

const tabs = [["dashboard", "Dashboard"], ["overview", "Details"], ["traces", "Traces"], ["alerts", "Watch & alerts"], ["requests", "Requests"], ["evidence", "Evidence"], ["ledger", "Ledger"], ["sharing", "Sharing"]];

export async function renderCase(main, reference, tab) {
  tab = tab || "dashboard";
  const c = await api("GET", `/cases/${encodeURIComponent(reference)}`);
  c.access = access(c);
  c.pseudonymised = c.owning_agency !== session.me.agency && !!c.grants.find((g) => g.agency === session.me.agency)?.pseudonymised;
  const base = `#/case/${encodeURIComponent(reference)}`;
  const body = h("div", { id: "case-body" });
  clear(main).append(
    h("h1", {}, `${c.reference}: ${c.title}`),
    h("p", { class: "muted", "data-testid": "case-line" }, offenceText(c), " · ", h("span", { class: `pill ${c.status}` }, L("case_status", c.status)),
      ` · owned by ${c.owning_agency} · opened ${fmtTime(c.opened_at)} · your access: `, h("span", { class: `pill ${c.access}`, "data-testid": "case-access" }, L("case_access", c.access))),
    c.pseudonymised ? h("p", { class: "notice", "data-testid": "pseudonymised-notice" },
      `${c.owning_agency} shared this case with your agency pseudonymised: the names, identifiers and details of the persons in it (subjects and victims) are replaced by pseudonyms everywhere you see the case. `
      + "The same person always has the same pseudonym, so flows between them stay readable; addresses, amounts and transactions are unchanged.") : "",
    h("div", { class: "tabs" }, ...tabs.map(([t, text]) => h("a", { href: `${base}/${t}`, class: t === tab ? "active" : "", "data-testid": `tab-${t}` }, text))),
    body);
  openAlerts(c.reference).then((n) => {
    if (n > 0) main.querySelector("[data-testid=tab-alerts]")?.append(h("span", { class: "badge", "data-testid": "alerts-badge", title: `${n} open alert(s)` }, String(n)));
  });
  const render = { dashboard, overview, traces, alerts, requests, evidence, ledger, sharing }[tab] || dashboard;
  await render(body, c);
}

/** What the signed-in person's agency may do with the case: owner, contribute, read. */
export function access(c) {
  const agency = session.me.agency;
  if (c.owning_agency === agency) return "owner";
  return c.grants.find((g) => g.agency === agency)?.level || "read";
}

/** Re-renders the case on the same tab (after a change). */
export function reloadCase(c, tab) { return renderCase(document.getElementById("main"), c.reference, tab); }


async function traces(body, c) {
  await renderTraces(body, c, () => reloadCase(c, "traces"));
}

async function alerts(body, c) {
  await renderWatch(body, c, can("Investigator") && c.access !== "read", () => reloadCase(c, "alerts"));
}
