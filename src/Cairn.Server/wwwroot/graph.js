// The trace graph, read left to right: the seed transaction, the hops (column = hop depth), and on
// the right the endpoints, boxed by jurisdiction and coloured by category. Edges carry the traced
// value; labels are shown on edges into endpoints and on edges carrying at least 1 % of the total.
// Large traces show their largest endpoints and the transactions that lead to them.
const MaxEndpoints = 30;
const colours = { exchange: "#1f5fbf", mixing_service: "#8e24aa", defi_bridge: "#00897b", sanction: "#b3261e" };
const ColumnWidth = 140;
const RowHeight = 34;

export function drawGraph(container, report) {
  if (typeof window.cytoscape !== "function") { container.textContent = "graph library not loaded"; return; }
  const incoming = new Map();
  const outgoing = new Map();
  for (const e of report.graph.edges) {
    if (!incoming.has(e.to)) incoming.set(e.to, []);
    incoming.get(e.to).push(e);
    if (!outgoing.has(e.from)) outgoing.set(e.from, []);
    outgoing.get(e.from).push(e);
  }
  const amountInto = (id) => (incoming.get(id) || []).reduce((sum, e) => sum + BigInt(e.amount_sat), 0n);
  const endpoints = report.graph.nodes.filter((n) => n.kind === "endpoint").sort((a, b) => Number(amountInto(b.id) - amountInto(a.id)));
  const kept = endpoints.slice(0, MaxEndpoints);
  const needed = new Set(kept.map((n) => n.id));
  const stack = [...needed];
  while (stack.length) for (const e of incoming.get(stack.pop()) || []) if (!needed.has(e.from)) { needed.add(e.from); stack.push(e.from); }

  // Column of each transaction: its hop distance from a seed (breadth first over kept edges).
  const depth = new Map();
  const queue = report.graph.nodes.filter((n) => n.kind === "seed" && needed.has(n.id)).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    for (const e of outgoing.get(queue[i]) || []) {
      if (!needed.has(e.to) || e.to.startsWith("ep:") || depth.has(e.to)) continue;
      depth.set(e.to, depth.get(queue[i]) + 1);
      queue.push(e.to);
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map();
  const position = new Map();
  for (const [id, d] of depth) {
    const row = rows.get(d) || 0;
    rows.set(d, row + 1);
    position.set(id, { x: d * ColumnWidth, y: row * RowHeight });
  }
  // Endpoints stacked in a right-hand column, grouped by jurisdiction (the request goes to each group).
  const byJurisdiction = [...kept].sort((a, b) => (a.jurisdiction || "~").localeCompare(b.jurisdiction || "~"));
  let y = 0;
  let previous;
  for (const n of byJurisdiction) {
    if (previous !== undefined && n.jurisdiction !== previous) y += RowHeight * 1.5;
    position.set(n.id, { x: (maxDepth + 2) * ColumnWidth, y });
    y += RowHeight;
    previous = n.jurisdiction;
  }

  const total = BigInt(report.traced_amount_sat || "0");
  const elements = [];
  const groups = new Set();
  for (const n of report.graph.nodes) {
    if (!needed.has(n.id) || !position.has(n.id)) continue;
    const data = { id: n.id, label: n.label, kind: n.kind, colour: n.kind === "endpoint" ? (colours[n.category] || "#9aa3b2") : (n.kind === "seed" ? "#e65100" : "#78909c") };
    if (n.kind === "endpoint" && n.jurisdiction) { data.parent = "j:" + n.jurisdiction; groups.add(n.jurisdiction); }
    elements.push({ data, position: position.get(n.id) });
  }
  for (const g of groups) elements.push({ data: { id: "j:" + g, label: g, kind: "group" } });
  for (const e of report.graph.edges) {
    if (!position.has(e.from) || !position.has(e.to) || !needed.has(e.to)) continue;
    const big = total > 0n && BigInt(e.amount_sat) * 100n >= total;
    elements.push({ data: { id: `${e.from}->${e.to}`, source: e.from, target: e.to, label: e.to.startsWith("ep:") || big ? `${e.amount_btc} BTC` : "" } });
  }
  container.dataset.nodes = String(elements.filter((x) => !x.data.source && x.data.kind !== "group").length);
  container.dataset.edges = String(elements.filter((x) => x.data.source).length);
  container.dataset.groups = [...groups].sort().join(",");
  const cy = window.cytoscape({
    container, elements, wheelSensitivity: 0.3, layout: { name: "preset", fit: true, padding: 24 },
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 8, color: "#1d2433", "text-valign": "bottom", "text-margin-y": 2, width: 10, height: 10 } },
      { selector: "node[kind = 'endpoint']", style: { width: 16, height: 16, "font-size": 10, "text-valign": "center", "text-halign": "right", "text-margin-x": 6 } },
      { selector: "node[kind = 'seed']", style: { width: 16, height: 16, "font-size": 10 } },
      { selector: ":parent", style: { "background-color": "#eef1f6", "background-opacity": 0.7, "border-color": "#9aa3b2", "border-width": 1, label: "data(label)", "text-valign": "top", "text-halign": "center", "font-size": 14, "font-weight": "bold", padding: 10 } },
      { selector: "edge", style: { width: 1, "line-color": "#b0b8c6", "target-arrow-color": "#b0b8c6", "target-arrow-shape": "triangle", "arrow-scale": 0.6, "curve-style": "bezier", label: "data(label)", "font-size": 8, "text-rotation": "autorotate", color: "#37474f", "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
    ],
  });
  cy.fit(undefined, 24);
  if (endpoints.length > MaxEndpoints) container.title = `showing the ${MaxEndpoints} largest of ${endpoints.length} endpoints`;
}
