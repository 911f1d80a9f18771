// The entity graph of a saved trace (GET …/traces/{id}/graph): services, clusters and addresses as
// nodes, read left to right from the seed (column = distance from the seed, rows grouped by
// jurisdiction), the traced value and its fiat value on the edges, "other" nodes for the entities
// folded per jurisdiction. Expanded entities are boxes holding their addresses. Exports: PNG
// (Cytoscape's renderer), SVG (drawn here from the laid-out positions) and the graph JSON.
const colours = { exchange: "#1f5fbf", mixing_service: "#8e24aa", defi_bridge: "#00897b", bridge: "#00897b", gambling: "#ef6c00", market: "#6d4c41", sanction: "#b3261e" };
const ColumnWidth = 270;
const RowHeight = 60;

export function categoryColour(category) { return colours[category] || "#9aa3b2"; }

let library = null;
/**
 * Loads Cytoscape (370 KB) the first time a graph is drawn rather than on every page: only the trace tab needs it.
 * Resolves when window.cytoscape is there; a failed load is retried on the next call.
 */
export function loadGraphLibrary() {
  if (typeof window.cytoscape === "function") return Promise.resolve();
  if (!library) library = new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = "/vendor/cytoscape.min.js";
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => { library = null; script.remove(); resolve(); });
    document.head.append(script);
  });
  return library;
}

/** Draws `view` into `container`; returns a handle with the Cytoscape instance and exports. `opts`: asset, fiat (USD|EUR), onSelect(node), annotations. */
export function drawEntityGraph(container, view, opts) {
  if (typeof window.cytoscape !== "function") { container.textContent = "graph library not loaded"; return null; }
  // User timings (in a Chromium performance trace and the entity-graph bench): building the elements, Cytoscape's
  // set-up (style, bounds), and the first frame its renderer paints.
  performance.mark("graph:start");
  const fiat = opts.fiat === "EUR" ? "value_eur" : "value_usd";
  const notes = new Map((view.annotations || []).map((a) => [a.node_id, a.text]));
  const positions = layout(view);
  const total = view.nodes.reduce((sum, n) => sum + (n.parent ? 0n : BigInt(n.amount)), 0n) || 1n;
  const elements = [];
  const parents = new Set(view.nodes.filter((n) => n.parent).map((n) => n.parent));
  for (const p of parents) elements.push({ data: { id: p, label: opts.labels?.get(p) || p, kind: "box", note: notes.get(p) || "" } });
  for (const n of view.nodes) {
    const share = Number((BigInt(n.amount) * 10000n) / total) / 10000;
    const size = n.kind === "member" ? 16 : Math.round(20 + 40 * Math.sqrt(share));
    const value = n[fiat] ? ` · ${money(n[fiat], opts.fiat)}` : "";
    const lines = [n.label, n.amount !== "0" ? `${n.amount_decimal} ${opts.asset}${value}` : (n.seed ? "seed" : "hop")];
    if (notes.get(n.id)) lines.push(`✎ ${notes.get(n.id)}`);
    elements.push({
      data: { id: n.id, label: lines.join("\n"), kind: n.kind, parent: n.parent || undefined, size, seed: n.seed ? 1 : 0, sanctioned: n.sanctioned ? 1 : 0,
        colour: n.sanctioned ? colours.sanction : n.seed ? "#e65100" : n.kind === "other" ? "#cfd5df" : categoryColour(n.category) },
      position: positions.get(n.id),
    });
  }
  // Labels on the 25 largest edges and every edge into a service; the others show theirs on hover or selection.
  const big = view.edges.length <= 25 ? 0n : BigInt(view.edges[24].amount);
  for (const e of view.edges) {
    const labelled = BigInt(e.amount) >= big || e.to.startsWith("actor:");
    const value = e[fiat] ? ` (${money(e[fiat], opts.fiat)})` : "";
    elements.push({ data: { id: `${e.from}->${e.to}`, source: e.from, target: e.to, width: Math.max(1, Math.min(8, 1 + 7 * Number((BigInt(e.amount) * 1000n) / total) / 1000)),
      label: labelled ? `${e.amount_decimal} ${opts.asset}${value}` : "", full: `${e.amount_decimal} ${opts.asset}${value}` } });
  }
  container.dataset.nodes = String(view.nodes.length);
  container.dataset.edges = String(view.edges.length);
  container.dataset.folded = String(view.folded_entities);
  container.dataset.groups = [...new Set(view.nodes.map((n) => n.jurisdiction).filter(Boolean))].sort().join(",");
  container.dataset.annotations = JSON.stringify(Object.fromEntries(notes));
  performance.measure("graph: elements", "graph:start");
  performance.mark("graph:init");
  const cy = window.cytoscape({
    // The preset layout fits the graph once (the only fit: a second one recomputed every bound and asked for another frame).
    // While the view moves, Cytoscape shows a texture of the last frame with the edges hidden, rather than redrawing them.
    container, elements, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4, layout: { name: "preset", fit: true, padding: 30 },
    textureOnViewport: true, hideEdgesOnViewport: true,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 14, color: "#1d2433",
        "text-wrap": "wrap", "text-max-width": 230, "text-valign": "center", "text-halign": "right", "text-margin-x": 8, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "text-background-padding": 2, "min-zoomed-font-size": 6 } },
      { selector: "node[seed = 1]", style: { "border-width": 3, "border-color": "#1d2433" } },
      { selector: "node[sanctioned = 1]", style: { "border-width": 3, "border-color": colours.sanction } },
      { selector: "node[kind = 'other']", style: { shape: "round-rectangle", "border-width": 1, "border-color": "#9aa3b2" } },
      { selector: ":parent", style: { "background-color": "#eef1f6", "background-opacity": 0.8, "border-color": "#1f5fbf", "border-width": 2, label: "data(label)", "text-valign": "top", "text-halign": "center", "font-weight": "bold" } },
      { selector: "node:selected", style: { "overlay-color": "#1f5fbf", "overlay-opacity": 0.2, "overlay-padding": 6 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#9fb0c8", "target-arrow-color": "#9fb0c8", "target-arrow-shape": "triangle", "curve-style": "bezier",
        label: "data(label)", "font-size": 11, "text-rotation": "autorotate", color: "#37474f", "text-background-color": "#ffffff", "text-background-opacity": 0.9, "text-background-padding": 1 } },
      { selector: "edge:selected, edge.hover", style: { label: "data(full)", "line-color": "#1f5fbf", "target-arrow-color": "#1f5fbf" } },
    ],
  });
  performance.measure("graph: cytoscape init", "graph:init");
  // data-drawn-at: when the first frame was painted, on the page's clock (the page-speed test reads it).
  cy.one("render", () => { performance.measure("graph: to first frame", "graph:start"); container.dataset.drawnAt = String(Math.round(performance.now())); });
  cy.on("tap", "node", (event) => opts.onSelect?.(event.target.id()));
  cy.on("mouseover", "edge", (event) => event.target.addClass("hover"));
  cy.on("mouseout", "edge", (event) => event.target.removeClass("hover"));
  const handle = { cy, view, png: () => cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), svg: () => toSvg(cy), json: () => JSON.stringify(view, null, 2) };
  window.cairnGraph = handle;
  return handle;
}

function money(value, currency) { return `${Number(value).toLocaleString("en", { maximumFractionDigits: 0 })} ${currency === "EUR" ? "EUR" : "USD"}`; }

/**
 * Columns by distance from the seed along the edges (folded "other" nodes last); a column taller than
 * the graph's balanced height wraps into sub-columns side by side, so 60 nodes fill a box about as wide
 * as it is high and labels stay readable when the whole graph is fitted. Rows: jurisdiction, then amount.
 */
function layout(view) {
  const next = new Map();
  for (const e of view.edges) { if (!next.has(e.from)) next.set(e.from, []); next.get(e.from).push(e.to); }
  const depth = new Map();
  const queue = view.nodes.filter((n) => n.seed).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) for (const to of next.get(queue[i]) || []) if (!depth.has(to)) { depth.set(to, depth.get(queue[i]) + 1); queue.push(to); }
  const maxDepth = Math.max(0, ...depth.values());
  const columns = new Map();
  for (const n of view.nodes) {
    const d = n.kind === "other" || !depth.has(n.id) ? maxDepth + 1 : depth.get(n.id);
    if (!columns.has(d)) columns.set(d, []);
    columns.get(d).push(n);
  }
  const maxRows = Math.max(6, Math.ceil(Math.sqrt(view.nodes.length / 0.33)));
  const positions = new Map();
  const bigFirst = (a, b) => (BigInt(b.amount) > BigInt(a.amount) ? 1 : BigInt(b.amount) < BigInt(a.amount) ? -1 : 0);
  let x = 0;
  for (const d of [...columns.keys()].sort((a, b) => a - b)) {
    const nodes = columns.get(d);
    nodes.sort((a, b) => (a.parent || "").localeCompare(b.parent || "") || (a.jurisdiction || "~").localeCompare(b.jurisdiction || "~") || bigFirst(a, b));
    for (let start = 0; start < nodes.length; start += maxRows) {
      const chunk = nodes.slice(start, start + maxRows);
      chunk.forEach((n, i) => positions.set(n.id, { x, y: (i - (chunk.length - 1) / 2) * RowHeight }));
      x += ColumnWidth;
    }
  }
  return positions;
}

/** An SVG of what is on screen (every node, edge and label at its laid-out position). */
function toSvg(cy) {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(box.w + 2 * pad)}" height="${Math.ceil(box.h + 2 * pad)}" viewBox="${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}" font-family="DejaVu Sans, sans-serif">`,
    `<rect x="${box.x1 - pad}" y="${box.y1 - pad}" width="${box.w + 2 * pad}" height="${box.h + 2 * pad}" fill="#ffffff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#9fb0c8"/></marker></defs>`];
  cy.nodes(":parent").forEach((p) => { const b = p.boundingBox({ includeLabels: false }); parts.push(`<rect x="${b.x1}" y="${b.y1}" width="${b.w}" height="${b.h}" rx="6" fill="#eef1f6" stroke="#1f5fbf"/><text x="${b.x1 + 6}" y="${b.y1 - 4}" font-size="13" font-weight="bold">${esc(p.data("label"))}</text>`); });
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint(), t = e.targetEndpoint();
    parts.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="#9fb0c8" stroke-width="${e.data("width")}" marker-end="url(#arrow)"/>`);
    if (e.data("label")) parts.push(`<text x="${(s.x + t.x) / 2}" y="${(s.y + t.y) / 2 - 3}" font-size="11" text-anchor="middle" fill="#37474f">${esc(e.data("label"))}</text>`);
  });
  cy.nodes(":childless").forEach((n) => {
    const p = n.position(), r = n.data("size") / 2;
    parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${n.data("colour")}"${n.data("seed") ? ' stroke="#1d2433" stroke-width="3"' : ""}/>`);
    String(n.data("label")).split("\n").forEach((line, i) => parts.push(`<text x="${p.x + r + 8}" y="${p.y + 4 + (i - 0.5) * 15}" font-size="13" fill="#1d2433">${esc(line)}</text>`));
  });
  parts.push("</svg>");
  return new Blob([parts.join("\n")], { type: "image/svg+xml" });
}
