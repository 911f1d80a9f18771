// A case: its tabs (dashboard, the front page; details, traces with the flow graph, requests, evidence, ledger, sharing).
// Each tab lives in its own module; the traces tab stays here.
import { h, clear, fmtTime, toast, table, withProgress } from "./ui.js";
import { api, session } from "./api.js";
import { drawGraph } from "./graph.js";
import { L } from "./labels.js";
import { dashboard } from "./case-dashboard.js";
import { overview } from "./case-overview.js";
import { requests } from "./case-requests.js";
import { evidence } from "./case-evidence.js";
import { ledger } from "./case-ledger.js";
import { sharing } from "./case-sharing.js";
import { offenceText } from "./app.js";

const tabs = [["dashboard", "Dashboard"], ["overview", "Details"], ["traces", "Traces"], ["requests", "Requests"], ["evidence", "Evidence"], ["ledger", "Ledger"], ["sharing", "Sharing"]];

export async function renderCase(main, reference, tab) {
  tab = tab || "dashboard";
  const c = await api("GET", `/cases/${encodeURIComponent(reference)}`);
  c.access = access(c);
  const base = `#/case/${encodeURIComponent(reference)}`;
  const body = h("div", { id: "case-body" });
  clear(main).append(
    h("h1", {}, `${c.reference}: ${c.title}`),
    h("p", { class: "muted", "data-testid": "case-line" }, offenceText(c), " · ", h("span", { class: `pill ${c.status}` }, L("case_status", c.status)),
      ` · owned by ${c.owning_agency} · opened ${fmtTime(c.opened_at)} · your access: `, h("span", { class: `pill ${c.access}`, "data-testid": "case-access" }, L("case_access", c.access))),
    h("div", { class: "tabs" }, ...tabs.map(([t, text]) => h("a", { href: `${base}/${t}`, class: t === tab ? "active" : "", "data-testid": `tab-${t}` }, text))),
    body);
  const render = { dashboard, overview, traces, requests, evidence, ledger, sharing }[tab] || dashboard;
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

function can(role) { return session.me.roles.includes(role); }

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
  if (can("Investigator") && c.access !== "read") body.append(traceForm(c, view));
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
