// A case's traces tab: saved traces (both chains), the trace form, and the open trace read in parts
// (summary, folded entity graph, an entity's details, paged entity and endpoint tables), with a
// USD/EUR switch, a time filter, notes on nodes, expand/collapse and exports.
import { h, clear, fmtTime, toast, table, withProgress } from "./ui.js";
import { api, can, prefetch, prefetchGeneration } from "./api.js";
import { drawEntityGraph, categoryColour, loadGraphLibrary } from "./graph.js";
import { field, bindForm, invalid } from "./forms.js";

const PageSize = 25;
const kinds = { actor: "service", cluster: "cluster", address: "address", other: "folded group", member: "address" };
const reasons = { attributed: "reached a service", attributed_service: "reached a service", unspent: "not spent yet", below_min: "below the minimum", max_hops: "hop limit",
  time_window: "after the time limit", coinjoin: "CoinJoin", unattributed_large_cluster: "large unattributed cluster", work_limit: "work limit", coinbase: "newly mined" };

function path(c, rest = "") { return `/cases/${encodeURIComponent(c.reference)}/traces${rest}`; }
function fiatChoice() { return localStorage.getItem("cairn.fiat") === "EUR" ? "EUR" : "USD"; }
function money(value, currency) { return value == null ? "" : `${Number(value).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`; }
function shortId(id) { return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-6)}` : id; }

// The reads of the tab, each built in one place so that a read started ahead (prefetch) is the one the tab then makes.
const listRead = (c, offset) => `${path(c)}?offset=${offset}&limit=10`;
const summaryRead = (c, traceId) => path(c, `/${traceId}/summary`);
const graphRead = (c, traceId, state) => {
  const q = new URLSearchParams({ max_nodes: String(state.maxNodes) });
  if (state.expand.size) q.set("expand", [...state.expand].join(","));
  if (state.until) q.set("until", state.until);
  return path(c, `/${traceId}/graph?${q}`);
};
const entitiesRead = (c, traceId, offset) => path(c, `/${traceId}/entities?offset=${offset}&limit=${PageSize}`);
const endpointsRead = (c, traceId, offset, fiat) => path(c, `/${traceId}/endpoints?offset=${offset}&limit=${PageSize}&fiat=${fiat}`);
const MaxNodes = 60;

/** Starts every read of an opened trace at once (summary, graph, first pages of both tables): none waits for another. */
function prefetchTrace(c, traceId, generation) {
  const initial = { maxNodes: MaxNodes, expand: new Set(), until: null };
  for (const read of [summaryRead(c, traceId), graphRead(c, traceId, initial), entitiesRead(c, traceId, 0), endpointsRead(c, traceId, 0, fiatChoice())]) prefetch(read, generation);
}

/**
 * What the traces tab reads, started by case.js beside the case itself: the list, then the newest trace's parts as soon as
 * the list names it, and the graph library (fetched and compiled while the reads are on their way, not after the tables).
 */
export function prefetchTraces(reference) {
  loadGraphLibrary();
  const c = { reference };
  const generation = prefetchGeneration();
  prefetch(listRead(c, 0), generation)?.then((first) => { if (first.items.length) prefetchTrace(c, first.items[0].id, generation); }, () => {});
}

export async function renderTraces(body, c, rerender) {
  const view = h("div", { id: "trace-view" });
  const list = h("div", { id: "traces-list" });
  body.append(h("h2", {}, "Saved traces"), list);
  // A read-only share sees the traces but runs none (the server refuses it too).
  if (can("Investigator") && c.access !== "read") body.append(traceForm(c, rerender));
  body.append(view);
  const first = await pagedTable(list, (offset) => api("GET", listRead(c, offset)),
    ["title", "chain", "tip", "by", "when"], (t) => [h("a", { href: "#", "data-trace": t.id, class: "open-trace" }, t.title), chainName(t.chain),
      String(t.tip_height), `${t.created_by}@${t.agency}`, fmtTime(t.created_at)], "traces-table",
    (root) => root.querySelectorAll(".open-trace").forEach((a) => a.addEventListener("click", (e) => { e.preventDefault(); openTrace(view, c, a.dataset.trace); })));
  if (first.items.length) await openTrace(view, c, first.items[0].id);
}

const chainNames = { btc: "Bitcoin", ltc: "Litecoin", bch: "Bitcoin Cash", doge: "Dogecoin", eth: "Ethereum", bsc: "BNB Smart Chain", polygon: "Polygon PoS", arbitrum: "Arbitrum One", base: "Base" };
function chainName(id) { return chainNames[id] || id; }

function traceForm(c, rerender) {
  // Bitcoin and Ethereum at once; the other traceable chains of the registry as soon as GET /chains answers.
  const chains = { btc: { family: "utxo", name: "Bitcoin", symbol: "BTC" }, eth: { family: "account", name: "Ethereum", symbol: "ETH" } };
  const chain = h("select", { id: "trace-chain", name: "chain" }, h("option", { value: "btc" }, "Bitcoin"), h("option", { value: "eth" }, "Ethereum"));
  api("GET", "/chains").then((list) => {
    for (const x of list.filter((x) => x.support.trace && !chains[x.id])) {
      chains[x.id] = { family: x.family, name: x.name, symbol: x.symbol };
      chain.append(h("option", { value: x.id }, x.name));
    }
  }).catch(() => {});
  const isAccount = () => chains[chain.value]?.family === "account";
  const from = h("input", { id: "trace-from", name: "from", value: c.wallets.find((w) => w.role === "perpetrator")?.address || "" });
  const model = h("select", { id: "trace-model", name: "model" }, ...["haircut", "poison", "fifo", "lifo", "tiho"].map((m) => h("option", {}, m)));
  const direction = h("select", { id: "trace-direction", name: "direction" }, h("option", {}, "forward"), h("option", {}, "backward"));
  const asset = h("input", { id: "trace-asset", name: "asset", value: "ETH", disabled: true });
  const hops = h("input", { id: "trace-hops", name: "max_hops", type: "number", value: "25", min: "1", max: "100" });
  const through = h("input", { id: "trace-through", name: "through_coinjoin", type: "checkbox", checked: true });
  const title = h("input", { id: "trace-title", name: "title", placeholder: "optional" });
  chain.addEventListener("change", () => {
    const account = isAccount();
    asset.disabled = !account;
    if (account) asset.value = chains[chain.value].symbol;
    direction.disabled = account;
    through.disabled = account;
    model.value = account ? "fifo" : "haircut";
  });
  const form = h("form", { class: "card", id: "trace-form", novalidate: true }, h("h2", {}, "Run a trace"),
    h("div", { class: "grid2" }, field("Chain", chain), field("Asset", asset, { hint: "Ethereum and other account chains: the native coin, USDT, USDC or a token contract." })),
    field("From", from, { hint: "An address, txid:vout or txid (account chains: one address)." }),
    h("div", { class: "grid2" }, field("Model", model), field("Direction", direction)),
    h("div", { class: "grid2" }, field("Max hops", hops, { hint: "1 to 100." }), field("Title", title)),
    h("div", { class: "field" }, h("label", { class: "check" }, through, " continue through CoinJoins (haircut)"),
      h("p", { class: "field-error", "data-error-for": "through_coinjoin", role: "alert", hidden: true })),
    h("p", { class: "muted" }, "Traces of every chain are saved with the case, with the chain tip they ran on."),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "run-trace" }, "Run trace")));
  bindForm(form, {
    submit: () => {
      if (!from.value.trim()) throw invalid("from", "give the address, txid:vout or txid the trace starts from");
      const maxHops = Number(hops.value);
      if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 100) throw invalid("max_hops", `max hops must be a whole number from 1 to 100${hops.value ? `, not ${hops.value}` : ""}`);
      const request = isAccount()
        ? { chain: chain.value, from: [from.value.trim()], model: model.value, max_hops: maxHops, asset: asset.value.trim() || chains[chain.value].symbol }
        : { chain: chain.value, from: [from.value.trim()], model: model.value, direction: direction.value, max_hops: maxHops, through_coinjoin: through.checked };
      return withProgress(form, "tracing", () => api("POST", path(c), { title: title.value.trim() || null, request }));
    },
    done: async () => { toast("trace saved"); await rerender(); },
  });
  return form;
}

/** A table with "previous / next" paging done by the API; returns the first page. */
async function pagedTable(root, load, headers, row, testId, after) {
  let page;
  const show = async (offset) => {
    page = await load(offset);
    const prev = h("button", { class: "secondary", disabled: page.offset === 0 }, "previous");
    const next = h("button", { class: "secondary", disabled: page.next_offset == null }, "next");
    prev.addEventListener("click", () => show(Math.max(0, page.offset - page.limit)));
    next.addEventListener("click", () => show(page.next_offset));
    const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}` : "none";
    clear(root).append(table(headers, page.items.map(row), testId), h("div", { class: "pager", "data-testid": `${testId}-pager` }, prev, next, h("span", { class: "muted" }, ` ${shown}`)));
    after?.(root);
    return page;
  };
  return show(0);
}

async function openTrace(view, c, traceId) {
  // Only the trace opened last is shown, whichever answer arrives first.
  const generation = String(Number(view.dataset.generation || "0") + 1);
  view.dataset.generation = generation;
  prefetchTrace(c, traceId);
  loadGraphLibrary();
  const summary = await api("GET", summaryRead(c, traceId));
  if (view.dataset.generation !== generation) return;
  const state = { fiat: fiatChoice(), expand: new Set(), until: null, maxNodes: MaxNodes, graph: null, labels: new Map(), selected: null };
  const asset = summary.asset;
  const fiatSwitch = h("select", { id: "fiat-switch", "aria-label": "currency" }, h("option", { value: "USD" }, "USD"), h("option", { value: "EUR" }, "EUR"));
  fiatSwitch.value = state.fiat;
  const head = h("p", { "data-testid": "trace-summary" });
  const jurisdictions = h("div", {});
  const writeHead = () => {
    const value = state.fiat === "EUR" ? summary.value_eur : summary.value_usd;
    const r = summary.request;
    clear(head).append(`${r.model} ${r.direction} from ${r.from.join(", ")} · traced ${summary.traced_amount_decimal} ${asset}${value ? ` (endpoints worth ${money(value, state.fiat)})` : ""} · `
      + `${summary.endpoints} endpoints in ${summary.entities} entities · ${summary.first_seen ? `${fmtTime(summary.first_seen)} to ${fmtTime(summary.last_seen)} · ` : ""}tip ${summary.tip_height}`);
    clear(jurisdictions).append(table(["State", `amount ${asset}`, `value ${state.fiat}`, "endpoints", "services"],
      summary.jurisdictions.map((j) => [j.code, j.amount_decimal, money(state.fiat === "EUR" ? j.value_eur : j.value_usd, state.fiat), String(j.endpoints), j.actors.join(", ")]), "jurisdictions-table"));
  };
  const sources = summary.fiat.length
    ? summary.fiat.map((t) => `${t.asset}/${t.currency} rates: ${t.source} (${t.first_date} to ${t.last_date}, imported by ${t.imported_by})`).join("; ")
    : "No rate table imported: no fiat values (an administrator imports one with 'cairn rates import').";
  const graphBox = h("div", { id: "graph", "data-testid": "trace-graph" });
  const panel = h("aside", { id: "entity-panel", "data-testid": "entity-panel", hidden: true });
  const closePanel = h("button", { class: "secondary close", id: "close-panel", "aria-label": "close the details" }, "×");
  closePanel.addEventListener("click", () => { panel.hidden = true; state.selected = null; delete graphBox.dataset.selected; });
  const showPanel = (...children) => { clear(panel).append(closePanel, ...children); panel.hidden = false; };
  const slider = h("input", { id: "time-slider", type: "range", min: "0", max: "1000", value: "1000", "aria-label": "show value moved until" });
  const sliderLabel = h("span", { id: "time-label", class: "muted" }, "all times");
  const foldNote = h("span", { class: "muted", id: "fold-note" });
  const entities = h("div", { id: "entities" });
  const endpoints = h("div", { id: "endpoints" });

  const loadGraph = async () => {
    const started = performance.now();
    const [graph] = await Promise.all([api("GET", graphRead(c, traceId, state)), loadGraphLibrary()]);
    // Another trace opened meanwhile: this graph's box is no longer on the page.
    if (view.dataset.generation !== generation) return;
    state.graph = drawEntityGraph(graphBox, graph, { asset, fiat: state.fiat, labels: state.labels, onSelect: (id) => select(id) });
    graphBox.dataset.renderMs = String(Math.round(performance.now() - started));
    for (const n of graph.nodes) state.labels.set(n.id, n.label);
    clear(foldNote).append(graph.folded_entities ? ` ${graph.shown_entities} of ${graph.total_entities} entities shown; ${graph.folded_entities} folded into "other" nodes per State.` : ` all ${graph.total_entities} entities shown.`);
    if (state.selected) await select(state.selected);
  };

  const select = async (id) => {
    state.selected = id;
    graphBox.dataset.selected = id;
    if (id.startsWith("other:")) {
      const node = state.graph.view.nodes.find((n) => n.id === id);
      const more = h("button", { class: "secondary", id: "unfold" }, "Show these entities");
      more.addEventListener("click", async () => { state.maxNodes += node?.entities || 20; await loadGraph(); });
      showPanel(h("h3", {}, node?.label || id), h("p", {}, `${node?.entities} entities, ${node?.amount_decimal} ${asset}`), more, noteEditor(id));
      return;
    }
    if (id.startsWith("member:")) {
      const node = state.graph.view.nodes.find((n) => n.id === id);
      showPanel(h("h3", {}, "Address"), h("p", {}, h("code", {}, id.slice(7))), h("p", {}, `${node?.amount_decimal} ${asset} stopped here`),
        h("p", { class: "muted" }, `part of ${state.labels.get(node?.parent) || node?.parent}`), noteEditor(id));
      return;
    }
    const detail = await api("GET", path(c, `/${traceId}/entities/${encodeURIComponent(id)}?limit=20`));
    const e = detail.entity;
    const value = state.fiat === "EUR" ? e.value_eur : e.value_usd;
    const toggle = h("button", { class: "secondary", id: "expand-entity" }, state.expand.has(id) ? "Collapse into one node" : `Expand into its ${e.addresses} address(es)`);
    toggle.addEventListener("click", async () => { if (state.expand.has(id)) state.expand.delete(id); else state.expand.add(id); await loadGraph(); });
    const facts = [
      ["what", `${kinds[e.kind]}${e.category ? ` (${e.category})` : ""}${e.sanctioned ? " · on a sanctions list" : ""}${e.seed ? " · holds the seed" : ""}`],
      ["States", e.jurisdictions.join(", ") || "unknown"],
      ["stopped here", `${e.amount_decimal} ${asset} in ${e.endpoints} endpoint(s)${value ? ` · ${money(value, state.fiat)}` : ""}`],
      ["value received on paths", `${e.received} base units`],
      ["first and last seen", e.first_seen ? `${fmtTime(e.first_seen)} to ${fmtTime(e.last_seen)}` : "unknown"],
    ];
    if (e.confidence != null) facts.push(["attribution", `confidence ${e.confidence.toFixed(2)} from ${e.attribution_source}`]);
    showPanel(
      h("h3", { "data-testid": "entity-title" }, e.label),
      h("dl", {}, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      toggle,
      h("h4", {}, `Addresses (${detail.members.total})`),
      table(["address", `amount ${asset}`, "transactions"], detail.members.items.map((m) => [h("code", {}, m.address || m.key), m.amount_decimal,
        h("ul", { class: "txs" }, ...m.transactions.slice(0, 6).map((t) => h("li", {}, h("code", {}, shortId(t.tx_id)), ` ${fmtTime(t.time)} · ${t.role} · ${t.amount_decimal}`)),
          m.transaction_count > 6 ? h("li", { class: "muted" }, `… ${m.transaction_count - 6} more`) : "")]), "entity-members"),
      h("h4", {}, "Tags"),
      detail.tags.length ? table(["address", "label", "category", "confidence", "source"], detail.tags.map((t) => [h("code", {}, shortId(t.address)), t.label, t.category || "", t.confidence || "", `${t.source} (${t.pack})`]), "entity-tags")
        : h("p", { class: "muted" }, "no tags on this entity's addresses"),
      h("h4", {}, "Heuristics"),
      detail.heuristics.length ? table(["rule", "confidence", "transaction", "what it says"], detail.heuristics.slice(0, 30).map((x) => [x.rule, x.confidence == null ? "" : x.confidence.toFixed(2), x.tx_id ? h("code", {}, shortId(x.tx_id)) : "", x.detail]), "entity-heuristics")
        : h("p", { class: "muted" }, "no heuristic fired"),
      noteEditor(id, detail.annotation?.text));
  };

  const noteEditor = (nodeId, current) => {
    const text = h("textarea", { id: "note-text", placeholder: "a note on this node, saved with the trace" });
    text.value = current ?? (JSON.parse(graphBox.dataset.annotations || "{}")[nodeId] || "");
    const save = h("button", { id: "save-note" }, "Save note");
    save.disabled = !can("Investigator") || c.access === "read";
    save.addEventListener("click", async () => {
      try { await api("PUT", path(c, `/${traceId}/annotations/${encodeURIComponent(nodeId)}`), { text: text.value }); toast("note saved"); await loadGraph(); }
      catch (err) { toast(err.message, true); }
    });
    return h("div", { class: "note" }, h("h4", {}, "Note"), text, save);
  };

  // The two tables and the graph are read side by side (prefetchTrace); the tables are shown first.
  const loadTables = () => Promise.all([
    pagedTable(entities, (offset) => api("GET", entitiesRead(c, traceId, offset)),
      ["entity", "kind", "States", `amount ${asset}`, `value ${state.fiat}`, "endpoints", "addresses", "first seen"],
      (e) => [h("a", { href: "#", class: "pick", "data-entity": e.entity_id }, e.label), kinds[e.kind], e.jurisdictions.join(", "), e.amount_decimal,
        money(state.fiat === "EUR" ? e.value_eur : e.value_usd, state.fiat), String(e.endpoints), String(e.addresses), fmtTime(e.first_seen)], "entities-table",
      (root) => root.querySelectorAll(".pick").forEach((a) => a.addEventListener("click", (ev) => { ev.preventDefault(); select(a.dataset.entity); panel.scrollIntoView(); }))),
    pagedTable(endpoints, (offset) => api("GET", endpointsRead(c, traceId, offset, state.fiat)),
      [`amount ${asset}`, `value ${state.fiat}`, "rate date", "share", "hops", "why it stopped", "address", "service", "States", "when", "sanctions"],
      (e) => [e.amount_decimal, e.fiat ? money(e.fiat.value, e.fiat.currency) : "", e.fiat ? `${e.fiat.rate_date} (${e.fiat.basis.replaceAll("_", " ")})` : "",
        `${(e.share * 100).toFixed(2)}%`, String(e.hops), reasons[e.reason] || e.reason, h("code", {}, e.address || e.key), e.actor_label || "", e.jurisdictions.join(", "), fmtTime(e.time),
        e.sanctioned ? h("span", { class: "bad" }, "OFAC") : ""], "endpoints-table")]);

  let timer;
  slider.addEventListener("input", () => {
    const from = Date.parse(summary.first_seen), to = Date.parse(summary.last_seen);
    const at = Number(slider.value) >= 1000 || !from ? null : new Date(from + (to - from) * Number(slider.value) / 1000);
    state.until = at ? at.toISOString() : null;
    sliderLabel.textContent = at ? `value moved until ${fmtTime(state.until)}` : "all times";
    clearTimeout(timer);
    timer = setTimeout(loadGraph, 250);
  });
  fiatSwitch.addEventListener("change", async () => { state.fiat = fiatSwitch.value; localStorage.setItem("cairn.fiat", state.fiat); writeHead(); await loadGraph(); await loadTables(); });

  const actions = h("div", { class: "actions" });
  if (can("Investigator") && c.access !== "read") {
    const rerun = h("button", { class: "secondary", id: "rerun-trace" }, "Re-run and compare");
    rerun.addEventListener("click", async () => {
      const r = await api("POST", path(c, `/${traceId}/rerun`));
      toast(r.identical ? "re-run gives the identical result" : `re-run differs${r.note ? ": " + r.note : ""}`, !r.identical);
    });
    const attach = h("button", { class: "secondary", id: "attach-trace" }, "Attach as evidence");
    attach.addEventListener("click", async () => {
      try { const item = await api("POST", path(c, `/${traceId}/evidence`)); toast(`attached as evidence ${item.sha256.slice(0, 16)}…`); }
      catch (err) { toast(err.message, true); }
    });
    actions.append(rerun, attach);
  }
  const save = (blob, name) => { const a = h("a", { href: URL.createObjectURL(blob), download: name }); document.body.append(a); a.click(); a.remove(); setTimeout(() => URL.revokeObjectURL(a.href), 10000); };
  const png = h("button", { class: "secondary", id: "export-png" }, "Export PNG");
  png.addEventListener("click", async () => save(await state.graph.png(), `trace-${traceId}.png`));
  const svg = h("button", { class: "secondary", id: "export-svg" }, "Export SVG");
  svg.addEventListener("click", () => save(state.graph.svg(), `trace-${traceId}.svg`));
  const json = h("button", { class: "secondary", id: "export-json" }, "Export graph JSON");
  json.addEventListener("click", () => save(new Blob([state.graph.json()], { type: "application/json" }), `trace-${traceId}-graph.json`));
  actions.append(png, svg, json);

  clear(view).append(
    h("h2", {}, `Trace: ${summary.trace.title}`), head,
    h("div", { class: "toolbar" }, h("label", {}, "Values in ", fiatSwitch), h("label", { class: "slider" }, "Time ", slider, " ", sliderLabel), foldNote),
    h("p", { class: "muted", "data-testid": "fiat-sources" }, sources),
    actions,
    h("div", { class: "legend" }, ...legend()),
    h("p", { class: "muted" }, "Click a node for its addresses, transactions, tags and heuristics; scroll to zoom, drag to move."),
    h("div", { class: "graph-area" }, graphBox, panel),
    h("h2", {}, "Per State"), jurisdictions,
    h("h2", {}, "Entities"), entities,
    h("h2", {}, "Endpoints"), endpoints);
  writeHead();
  // Page speed (issue 15): the summary and both tables answer first; the graph, whose drawing holds the page's only
  // thread for a second on a software canvas, is drawn once they have been painted.
  await loadTables();
  await afterPaint();
  await loadGraph();
}

/** Resolves after the browser has painted what is in the document now (the frame after the next one has begun). */
function afterPaint() { return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))); }

function legend() {
  return [["exchange", "exchange"], ["mixing_service", "mixer"], ["defi_bridge", "bridge"], ["sanction", "sanctioned"], ["", "unattributed"]]
    .map(([k, label]) => { const i = h("i", {}); i.style.background = k === "sanction" ? "#b3261e" : categoryColour(k); return h("span", {}, i, label); })
    .concat([h("span", {}, "◼ folded group"), h("span", {}, "● seed (outlined)")]);
}
