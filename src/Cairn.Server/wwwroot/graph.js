// The trace graph: transactions and endpoints, value on edges, endpoints coloured by category and
// grouped (compound nodes) by jurisdiction. Large traces show their largest endpoints only.
const MaxEndpoints = 60;
const colours = { exchange: "#1f5fbf", mixing_service: "#8e24aa", defi_bridge: "#00897b", sanction: "#b3261e" };

export function drawGraph(container, report) {
  if (typeof window.cytoscape !== "function") { container.textContent = "graph library not loaded"; return; }
  const endpoints = report.graph.nodes.filter((n) => n.kind === "endpoint");
  const amountOf = new Map();
  for (const e of report.graph.edges) if (e.to.startsWith("ep:")) amountOf.set(e.to, (amountOf.get(e.to) || 0n) + BigInt(e.amount_sat));
  const keep = new Set(endpoints.sort((a, b) => Number((amountOf.get(b.id) || 0n) - (amountOf.get(a.id) || 0n))).slice(0, MaxEndpoints).map((n) => n.id));
  // Keep the transactions that lead to a kept endpoint.
  const incoming = new Map();
  for (const e of report.graph.edges) { if (!incoming.has(e.to)) incoming.set(e.to, []); incoming.get(e.to).push(e); }
  const needed = new Set(keep);
  const stack = [...keep];
  while (stack.length) for (const e of incoming.get(stack.pop()) || []) if (!needed.has(e.from)) { needed.add(e.from); stack.push(e.from); }
  const elements = [];
  const groups = new Set();
  for (const n of report.graph.nodes) {
    if (!needed.has(n.id)) continue;
    const data = { id: n.id, label: n.label, kind: n.kind, colour: n.kind === "endpoint" ? (colours[n.category] || "#9aa3b2") : (n.kind === "seed" ? "#e65100" : "#546e7a") };
    if (n.kind === "endpoint" && n.jurisdiction) { data.parent = "j:" + n.jurisdiction; groups.add(n.jurisdiction); }
    elements.push({ data });
  }
  for (const g of groups) elements.push({ data: { id: "j:" + g, label: g, kind: "group" } });
  for (const e of report.graph.edges) if (needed.has(e.from) && needed.has(e.to)) elements.push({ data: { id: `${e.from}->${e.to}`, source: e.from, target: e.to, label: `${e.amount_btc} BTC` } });
  container.dataset.nodes = String(elements.filter((x) => !x.data.source && x.data.kind !== "group").length);
  container.dataset.edges = String(elements.filter((x) => x.data.source).length);
  container.dataset.groups = [...groups].sort().join(",");
  window.cytoscape({
    container, elements, wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 9, color: "#1d2433", "text-valign": "bottom", width: 14, height: 14 } },
      { selector: "node[kind = 'endpoint']", style: { width: 22, height: 22, "font-size": 10 } },
      { selector: ":parent", style: { "background-color": "#eef1f6", "background-opacity": 0.6, "border-color": "#9aa3b2", label: "data(label)", "text-valign": "top", "font-size": 14, "font-weight": "bold" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#9aa3b2", "target-arrow-color": "#9aa3b2", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8, "text-rotation": "autorotate", color: "#5b6476" } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 70, randomize: false },
  });
  if (endpoints.length > MaxEndpoints) container.title = `showing the ${MaxEndpoints} largest of ${endpoints.length} endpoints`;
}
