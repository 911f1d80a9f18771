// A case: overview (wallets, subjects, notes), traces (trace.js), requests, evidence, ledger.
import { h, clear, fmtTime, toast, table, withProgress } from "./ui.js";
import { api, download, session } from "./api.js";
import { renderTraces } from "./trace.js";
import { renderWatch, openAlerts } from "./watch.js";

const tabs = ["overview", "traces", "alerts", "requests", "evidence", "ledger"];
const TAB_WORDS = { alerts: "watch & alerts" };

export async function renderCase(main, reference, tab) {
  const c = await api("GET", `/cases/${encodeURIComponent(reference)}`);
  const base = `#/case/${encodeURIComponent(reference)}`;
  const body = h("div", { id: "case-body" });
  clear(main).append(
    h("h1", {}, `${c.reference}: ${c.title}`),
    h("p", { class: "muted" }, `${c.offence_type} · ${c.status} · owned by ${c.owning_agency} · opened ${fmtTime(c.opened_at)} · version ${c.version}`),
    h("div", { class: "tabs" }, ...tabs.map((t) => h("a", { href: `${base}/${t}`, class: t === tab ? "active" : "", "data-testid": `tab-${t}` }, TAB_WORDS[t] || t))),
    body);
  openAlerts(c.reference).then((n) => {
    if (n > 0) main.querySelector("[data-testid=tab-alerts]")?.append(h("span", { class: "badge", "data-testid": "alerts-badge", title: `${n} open alert(s)` }, String(n)));
  });
  const render = { overview, traces, alerts, requests, evidence, ledger }[tab] || overview;
  await render(body, c);
}

function can(role) { return session.me.roles.includes(role); }

async function overview(body, c) {
  body.append(
    h("h2", {}, "Wallets"),
    table(["chain", "address", "role", "label"], c.wallets.map((w) => [w.chain, h("code", {}, w.address), w.role, w.label]), "wallets-table"),
    h("h2", {}, "Subjects"),
    table(["kind", "name", "details"], c.subjects.map((s) => [s.kind, s.name, s.details]), "subjects-table"),
    h("h2", {}, "Notes"),
    table(["when", "author", "text"], c.notes.map((n) => [fmtTime(n.written_at), `${n.author}@${n.agency}`, n.text]), "notes-table"),
    h("h2", {}, "Shared with"),
    h("p", {}, c.grants.length ? c.grants.map((g) => `${g.agency} (by ${g.granted_by}, ${fmtTime(g.granted_at)})`).join("; ") : "not shared"));
}

async function traces(body, c) {
  await renderTraces(body, c, () => renderCase(document.getElementById("main"), c.reference, "traces"));
}

async function alerts(body, c) {
  await renderWatch(body, c, can("Investigator"), () => renderCase(document.getElementById("main"), c.reference, "alerts"));
}

async function requests(body, c) {
  const list = await api("GET", `/cases/${encodeURIComponent(c.reference)}/requests?limit=500`);
  const rows = list.items.map((r) => [h("a", { href: `#/request/${encodeURIComponent(r.id)}` }, r.id), r.request_type, r.requested_state, r.measure, r.status,
    r.complete ? h("span", { class: "ok" }, "complete") : h("span", { class: "warn" }, "incomplete"),
    r.next_deadline ? h("span", { class: r.next_deadline.state }, `${r.next_deadline.label}: ${fmtTime(r.next_deadline.due)} (${r.next_deadline.state})`) : "",
    r.legal_basis]);
  body.append(h("h2", {}, "Requests"), table(["id", "type", "to", "measure", "status", "contents", "next deadline", "legal basis"], rows, "requests-table"));
  if (can("Prosecutor") || can("Investigator")) {
    const from = h("input", { id: "draft-from", value: "NL", maxlength: "2" });
    const measures = h("input", { id: "draft-measures", value: "freeze" });
    const urgent = h("input", { type: "checkbox", id: "draft-urgent" });
    const form = h("form", { class: "card", id: "draft-form" }, h("h2", {}, "Draft requests from the latest trace"),
      h("label", {}, "Requesting State"), from, h("label", {}, "Measures (comma-separated)"), measures, h("label", {}, urgent, " urgent"),
      h("div", {}, h("button", { type: "submit" }, "Draft")));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        const r = await api("POST", `/cases/${encodeURIComponent(c.reference)}/requests/draft`, { from: from.value, measures: measures.value.split(",").map((m) => m.trim()).filter(Boolean), urgent: urgent.checked });
        toast(`${r.drafts.length} request(s) drafted${r.unroutable.length ? `; ${r.unroutable.length} not routable` : ""}`);
        location.hash = `#/case/${encodeURIComponent(c.reference)}/requests`;
        await renderCase(document.getElementById("main"), c.reference, "requests");
      } catch (err) { toast(err.message, true); }
    });
    body.append(form);
  }
}

// A list only knows whether a file is there with its size; "verified" comes from re-reading its bytes on demand.
const storedFileLabels = { stored: "stored (not re-checked)", missing: "MISSING", altered: "ALTERED", verified: "verified" };

function storedFileStatus(id, status, checkedAt) {
  const text = (storedFileLabels[status] || status) + (checkedAt ? ` at ${fmtTime(checkedAt)}` : "");
  return h("span", { class: status === "verified" ? "ok" : status === "stored" ? "" : "bad", "data-status": status, "data-evidence-status": id }, text);
}

async function evidence(body, c) {
  const list = await api("GET", `/cases/${encodeURIComponent(c.reference)}/evidence?limit=500`);
  const rows = list.items.map(({ item: e, status }) => [e.file_name, h("code", {}, e.sha256), String(e.size_bytes), `${e.collected_by}@${e.collected_agency}`, fmtTime(e.collected_at), e.method, e.source,
    storedFileStatus(e.id, status)]);
  const checkButton = h("button", { id: "check-evidence" }, "Check stored files now");
  checkButton.addEventListener("click", async () => {
    try {
      const checked = await api("POST", `/cases/${encodeURIComponent(c.reference)}/evidence/check?limit=500`);
      for (const { item: e, status, checked_at: at } of checked.items) {
        const cell = document.querySelector(`[data-evidence-status="${CSS.escape(e.id)}"]`);
        if (cell) cell.replaceWith(storedFileStatus(e.id, status, at));
      }
    } catch (err) { toast(err.message, true); }
  });
  const exportButton = h("button", { id: "export-evidence" }, "Export signed package");
  const result = h("div", { id: "verify-result" });
  exportButton.addEventListener("click", async () => {
    try {
      const { blob, name } = await download(`/cases/${encodeURIComponent(c.reference)}/evidence/export`, `${c.reference}-evidence.zip`);
      const form = new FormData();
      form.append("package", blob, name);
      const v = await api("POST", "/evidence/verify", undefined, { form });
      clear(result).append(h("div", { class: "card", "data-testid": "verify-status" },
        h("p", { class: v.valid ? "ok" : "bad" }, v.valid ? `package ${name} verifies: ${v.files} file(s), ${v.log_entries} log entries, tree size ${v.tree_size}` : `package does NOT verify`),
        h("ul", {}, ...v.checks.map((x) => h("li", {}, x)), ...v.problems.map((x) => h("li", { class: "bad" }, x)))));
    } catch (err) { toast(err.message, true); }
  });
  body.append(h("h2", {}, "Evidence"), table(["file", "sha256", "bytes", "collected by", "when", "method", "source", "stored file"], rows, "evidence-table"), checkButton, exportButton, result);
  if (can("Investigator")) {
    const file = h("input", { type: "file", id: "evidence-file" });
    const method = h("input", { id: "evidence-method", value: "upload" });
    const source = h("input", { id: "evidence-source", placeholder: "where the file came from" });
    const form = h("form", { class: "card" }, h("h2", {}, "Add evidence"), file, h("label", {}, "Method"), method, h("label", {}, "Source"), source, h("div", {}, h("button", { type: "submit" }, "Add")));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const data = new FormData();
      if (!file.files[0]) { toast("choose a file", true); return; }
      data.append("file", file.files[0]); data.append("method", method.value); data.append("source", source.value);
      try { await api("POST", `/cases/${encodeURIComponent(c.reference)}/evidence`, undefined, { form: data }); await renderCase(document.getElementById("main"), c.reference, "evidence"); }
      catch (err) { toast(err.message, true); }
    });
    body.append(form);
  }
}

async function ledger(body, c) {
  const report = await api("GET", `/cases/${encodeURIComponent(c.reference)}/ledger`);
  const events = report.events.map((e) => [String(e.sequence), e.details.kind, `${e.details.asset.token} @ ${e.details.asset.location}`, e.details.amount, e.details.legal_basis, e.details.authority, e.details.jurisdiction, fmtTime(e.recorded_at)]);
  const balances = report.balances.map((b) => [`${b.asset.token} on ${b.asset.chain} @ ${b.asset.location}`, b.frozen, b.seized, b.confiscated, b.returned]);
  body.append(h("h2", {}, "Events"), table(["#", "event", "asset", "amount (base units)", "legal basis", "authority", "state", "recorded"], events, "ledger-events"),
    h("h2", {}, "Balances"), table(["asset", "frozen", "seized", "confiscated", "returned"], balances, "ledger-balances"));
}
