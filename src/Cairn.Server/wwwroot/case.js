// A case: overview (wallets, subjects, notes), traces with the flow graph, requests, evidence, ledger.
import { h, clear, fmtTime, toast, table, withProgress } from "./ui.js";
import { api, download, session } from "./api.js";
import { drawGraph } from "./graph.js";

const tabs = ["overview", "traces", "requests", "evidence", "ledger"];

export async function renderCase(main, reference, tab) {
  const c = await api("GET", `/cases/${encodeURIComponent(reference)}`);
  const base = `#/case/${encodeURIComponent(reference)}`;
  const body = h("div", { id: "case-body" });
  clear(main).append(
    h("h1", {}, `${c.reference}: ${c.title}`),
    h("p", { class: "muted" }, `${c.offence_type} · ${c.status} · owned by ${c.owning_agency} · opened ${fmtTime(c.opened_at)} · version ${c.version}`),
    h("div", { class: "tabs" }, ...tabs.map((t) => h("a", { href: `${base}/${t}`, class: t === tab ? "active" : "", "data-testid": `tab-${t}` }, t))),
    body);
  const render = { overview, traces, requests, evidence, ledger }[tab] || overview;
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
  const list = await api("GET", `/cases/${encodeURIComponent(c.reference)}/traces`);
  const view = h("div", { id: "trace-view" });
  const rows = list.items.map((t) => [
    h("a", { href: "#", "data-trace": t.id, class: "open-trace" }, t.title), t.chain, String(t.tip_height), `${t.created_by}@${t.agency}`, fmtTime(t.created_at)]);
  body.append(h("h2", {}, "Saved traces"), table(["title", "chain", "tip height", "by", "when"], rows, "traces-table"));
  body.querySelectorAll(".open-trace").forEach((a) => a.addEventListener("click", async (e) => {
    e.preventDefault();
    const saved = await api("GET", `/cases/${encodeURIComponent(c.reference)}/traces/${a.dataset.trace}`);
    showTrace(view, c, saved.report, saved.trace);
  }));
  if (can("Investigator")) body.append(traceForm(c, view));
  body.append(view);
  if (list.items.length) {
    const saved = await api("GET", `/cases/${encodeURIComponent(c.reference)}/traces/${list.items[0].id}`);
    showTrace(view, c, saved.report, saved.trace);
  }
}

function traceForm(c, view) {
  // Bitcoin and Ethereum at once; the other traceable chains of the registry as soon as GET /chains answers.
  const chains = { btc: { family: "utxo", name: "Bitcoin", symbol: "BTC" }, eth: { family: "account", name: "Ethereum", symbol: "ETH" } };
  const chain = h("select", { id: "trace-chain" }, h("option", { value: "btc" }, "Bitcoin"), h("option", { value: "eth" }, "Ethereum"));
  api("GET", "/chains").then((list) => {
    for (const c of list.filter((c) => c.support.trace && !chains[c.id])) {
      chains[c.id] = { family: c.family, name: c.name, symbol: c.symbol };
      chain.append(h("option", { value: c.id }, c.name));
    }
  }).catch(() => {});
  const isAccount = () => chains[chain.value]?.family === "account";
  const from = h("input", { id: "trace-from", value: c.wallets.find((w) => w.role === "perpetrator")?.address || "" });
  const model = h("select", { id: "trace-model" }, ...["haircut", "poison", "fifo", "lifo", "tiho"].map((m) => h("option", {}, m)));
  const direction = h("select", { id: "trace-direction" }, h("option", {}, "forward"), h("option", {}, "backward"));
  const asset = h("input", { id: "trace-asset", value: "ETH", disabled: true });
  const hops = h("input", { id: "trace-hops", type: "number", value: "25", min: "1", max: "100" });
  const through = h("input", { id: "trace-through", type: "checkbox", checked: true });
  chain.addEventListener("change", () => {
    const account = isAccount();
    asset.disabled = !account;
    if (account) asset.value = chains[chain.value].symbol;
    direction.disabled = account;
    model.value = account ? "fifo" : "haircut";
  });
  const form = h("form", { class: "card", id: "trace-form" }, h("h2", {}, "Run a trace"),
    h("div", { class: "grid2" }, h("div", {}, h("label", {}, "Chain"), chain), h("div", {}, h("label", {}, "Asset (Ethereum and other account chains: the native coin, USDT, USDC or a token contract)"), asset)),
    h("label", {}, "From (address, txid:vout or txid)"), from,
    h("div", { class: "grid2" }, h("div", {}, h("label", {}, "Model"), model), h("div", {}, h("label", {}, "Direction"), direction)),
    h("label", {}, "Max hops"), hops, h("label", {}, through, " continue through CoinJoins (haircut)"),
    h("p", { class: "muted" }, "Bitcoin, Litecoin, Bitcoin Cash and Dogecoin traces are saved with the case; Ethereum and other account-chain traces are shown, not saved."),
    h("div", {}, h("button", { type: "submit", id: "run-trace" }, "Run trace")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const request = { chain: chain.value, from: [from.value.trim()], model: model.value, direction: direction.value, max_hops: Number(hops.value), through_coinjoin: through.checked, asset: asset.value.trim() };
      if (isAccount()) {
        const report = await withProgress(form, "tracing", () => api("POST", "/trace", request));
        showEthTrace(view, report, chains[chain.value].name);
        return;
      }
      await withProgress(form, "tracing", () => api("POST", `/cases/${encodeURIComponent(c.reference)}/traces`, { request }));
      toast("trace saved");
      await renderCase(document.getElementById("main"), c.reference, "traces"); // the list and the view now show the new trace
    } catch (err) { toast(err.message, true); }
  });
  return form;
}

function showEthTrace(view, report, chainName = "Ethereum") {
  const rows = report.endpoints.map((e) => [e.amount_decimal, `${(e.share * 100).toFixed(2)}%`, String(e.hops), e.reason, h("code", {}, e.address), e.actor || "", e.category || "", e.jurisdictions.join(", ")]);
  clear(view).append(
    h("h2", {}, `${chainName} trace (not saved)`),
    h("p", { "data-testid": "trace-summary" }, `${report.request.model} from ${report.seed} · ${report.traced_amount_decimal} ${report.asset} traced · ${report.examined_transfers} transfers examined · tip block ${report.tip_block}`),
    h("h2", {}, "Per jurisdiction"),
    table(["jurisdiction", "amount", "share"], report.jurisdictions.map((j) => [j.jurisdiction, j.amount_decimal, `${(j.share * 100).toFixed(2)}%`]), "jurisdictions-table"),
    h("h2", {}, "Endpoints"),
    table(["amount", "share", "hops", "reason", "address", "service", "category", "jurisdictions"], rows, "endpoints-table"));
}

function showTrace(view, c, report, trace) {
  const top = [...report.endpoints].sort((a, b) => Number(BigInt(b.amount_sat) - BigInt(a.amount_sat)));
  const jurisdictionRows = report.jurisdictions.map((j) => [j.jurisdiction, j.amount_btc, String(j.endpoints), j.actors.join(", ")]);
  const endpointRows = top.slice(0, 200).map((e) => [e.amount_btc, `${(e.share * 100).toFixed(2)}%`, String(e.hops), e.reason, h("code", {}, e.address || e.output),
    e.actor_label || "", e.category || "", e.jurisdictions.join(", "), e.sanctioned ? h("span", { class: "bad" }, "OFAC") : ""]);
  const graph = h("div", { id: "graph", "data-testid": "trace-graph" });
  const actions = h("div", {});
  if (trace && can("Investigator")) {
    const rerun = h("button", { class: "secondary", id: "rerun-trace" }, "Re-run and compare");
    rerun.addEventListener("click", async () => {
      const r = await api("POST", `/cases/${encodeURIComponent(c.reference)}/traces/${trace.id}/rerun`);
      toast(r.identical ? "re-run gives the identical result" : `re-run differs${r.note ? ": " + r.note : ""}`, !r.identical);
    });
    const attach = h("button", { class: "secondary", id: "attach-trace" }, "Attach as evidence");
    attach.addEventListener("click", async () => {
      try { const item = await api("POST", `/cases/${encodeURIComponent(c.reference)}/traces/${trace.id}/evidence`); toast(`attached as evidence ${item.sha256.slice(0, 16)}…`); }
      catch (err) { toast(err.message, true); }
    });
    actions.append(rerun, attach);
  }
  clear(view).append(
    h("h2", {}, trace ? `Trace: ${trace.title}` : "Trace"),
    h("p", { "data-testid": "trace-summary" }, `${report.request.model} ${report.request.direction} from ${report.request.from.join(", ")} · traced ${report.traced_amount_sat} sat · fees ${report.fees_sat} sat · ${report.endpoints.length} endpoints · tip ${report.tip_height}`),
    actions,
    h("div", { class: "legend" }, ...legend()),
    graph,
    h("h2", {}, "Per jurisdiction"),
    table(["jurisdiction", "amount BTC", "endpoints", "services"], jurisdictionRows, "jurisdictions-table"),
    h("h2", {}, `Endpoints (largest ${Math.min(200, top.length)} of ${top.length})`),
    table(["amount BTC", "share", "hops", "reason", "address", "service", "category", "jurisdictions", "sanctions"], endpointRows, "endpoints-table"));
  drawGraph(graph, report);
}

const colours = { exchange: "#1f5fbf", mixing_service: "#8e24aa", defi_bridge: "#00897b", sanction: "#b3261e" };
function legend() {
  return [...Object.entries(colours), ["unattributed", "#9aa3b2"]].map(([k, v]) => { const i = h("i", {}); i.style.background = v; return h("span", {}, i, k); });
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
