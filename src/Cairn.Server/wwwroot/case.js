// A case: its tabs (dashboard, the front page; details, traces (trace.js), watch & alerts (watch.js), requests, evidence, ledger, sharing).
// Each tab lives in its own module.
import { h, clear, fmtTime } from "./ui.js";
import { api, can, session, prefetch } from "./api.js";
import { renderTraces, prefetchTraces } from "./trace.js";
import { renderWatch, openAlerts, openAlertsRead, watchReads } from "./watch.js";
import { L } from "./labels.js";
import { dashboard, dashboardReads } from "./case-dashboard.js";
import { overview } from "./case-overview.js";
import { holdReads } from "./case-hold.js";
import { requests, requestsReads } from "./case-requests.js";
import { evidence, evidenceReads } from "./case-evidence.js";
import { ledger, ledgerReads } from "./case-ledger.js";
import { sharing, sharingReads } from "./case-sharing.js";
import { offenceText } from "./app.js";

const tabs = [["dashboard", "Dashboard"], ["overview", "Details"], ["traces", "Traces"], ["alerts", "Watch & alerts"], ["requests", "Requests"], ["evidence", "Evidence"], ["ledger", "Ledger"], ["sharing", "Sharing"]];

// What each tab reads, started beside the case itself rather than after it (page speed, issue 15). A case the person
// may not see refuses these reads as it refuses the case, and the page shows the case's answer.
const reads = {
  dashboard: dashboardReads, overview: holdReads, alerts: watchReads, requests: requestsReads, evidence: evidenceReads, ledger: ledgerReads, sharing: sharingReads,
};

const caseRead = (reference) => `/cases/${encodeURIComponent(reference)}`;

/** Starts the case's reads and the tab's side by side (app.js on a page load, before "who am I" answers; renderCase after a change). */
export function prefetchCase(reference, tab) {
  prefetch(caseRead(reference));
  if (tab === "traces") prefetchTraces(reference);
  else for (const read of (reads[tab] || reads.dashboard)(reference)) prefetch(read);
  prefetch(openAlertsRead);
}

export async function renderCase(main, reference, tab) {
  tab = tab || "dashboard";
  prefetchCase(reference, tab);
  const c = await api("GET", caseRead(reference));
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
