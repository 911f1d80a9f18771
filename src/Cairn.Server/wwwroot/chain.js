// The chain indexes: what is indexed, an ingest started from the server's block files (admins),
// and its progress, polled from the job until it ends.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, session } from "./api.js";
import { field, bindForm, formCard, invalid } from "./forms.js";

export async function renderChain(main) {
  const [btc, eth, jobs, chains] = await Promise.all([api("GET", "/btc/status"), api("GET", "/eth/status"), api("GET", "/jobs?limit=20"), api("GET", "/chains")]);
  // Bitcoin and Ethereum always; every other chain of the registry once it has an index.
  const others = await Promise.all(chains.filter((c) => c.indexed && c.id !== "btc" && c.id !== "eth")
    .map(async (c) => ({ chain: c, status: await api("GET", `/chains/${c.id}/status`) })));
  const status = table(["chain", "indexed", "tip", "transactions / transfers", "addresses"], [
    ["Bitcoin", btc.indexed ? `yes (${btc.network})` : "no", btc.indexed ? String(btc.tip_height) : "", btc.indexed ? String(btc.transactions) : "", btc.indexed ? String(btc.addresses) : ""],
    ["Ethereum", eth.indexed ? "yes" : "no", eth.indexed ? String(eth.last_block) : "", eth.indexed ? String(eth.transfers) : "", eth.indexed ? String(eth.addresses) : ""],
    ...others.map(({ chain: c, status: s }) => c.family === "utxo"
      ? [c.name, `yes (${s.network})`, String(s.tip_height), String(s.transactions), String(s.addresses)]
      : [c.name, "yes", String(s.last_block), String(s.transfers), String(s.addresses)]),
  ], "chain-status");
  const jobRows = jobs.items.map((j) => [j.kind, j.state, `${j.done} / ${j.total}`, j.detail || j.error || "", j.owner, fmtTime(j.started_at)]);
  clear(main).append(h("h1", {}, "Chain indexes"), status, h("h2", {}, "Jobs"), table(["job", "state", "blocks", "detail", "by", "started"], jobRows, "jobs-table"));
  if (session.me.roles.includes("Admin")) main.append(ingestForm(main, chains.filter((c) => c.support.ingest_block_files)));
}

function ingestForm(main, utxoChains) {
  const blocks = h("input", { id: "ingest-blocks", name: "blocks", placeholder: "/path/to/blocks (blk*.dat on the server)" });
  const chain = h("select", { id: "ingest-chain", name: "chain" }, ...utxoChains.map((c) => h("option", { value: c.id }, c.name)));
  const network = h("select", { id: "ingest-network", name: "network" });
  const networks = () => {
    const c = utxoChains.find((c) => c.id === chain.value);
    network.replaceChildren(...(c ? c.networks : ["main"]).map((n) => h("option", { value: c && c.id !== "btc" ? n.slice(c.id.length + 1) : n }, n)));
  };
  chain.addEventListener("change", networks);
  networks();
  const bar = h("progress", { id: "ingest-progress", max: "1", value: "0", hidden: true });
  const label = h("p", { id: "ingest-status", "data-testid": "ingest-status" });
  const form = formCard("ingest-form", "Ingest block files", [field("Chain", chain), field("Blocks directory", blocks, { hint: "A directory on the server holding blk*.dat files." }),
    field("Network", network)], "Start ingest");
  form.append(bar, label);
  bindForm(form, {
    submit: () => {
      if (!blocks.value.trim()) throw invalid("blocks", "give the blocks directory on the server");
      return api("POST", chain.value === "btc" ? "/btc/ingest" : `/chains/${chain.value}/ingest`, { blocks: blocks.value.trim(), network: network.value });
    },
    // The job runs on: its progress is polled here; a failure of the job itself is its status line, not a field's error.
    done: (started) => follow(main, started, bar, label),
  });
  return form;
}

async function follow(main, started, bar, label) {
  try {
    let job = started;
    bar.hidden = false;
    label.className = "";
    while (job.state === "running") {
      bar.max = Math.max(1, job.total); bar.value = job.done;
      label.textContent = `${job.done} of ${job.total} blocks · ${job.detail}`;
      await new Promise((r) => setTimeout(r, 400));
      job = await api("GET", `/jobs/${job.id}`);
    }
    bar.max = 1; bar.value = job.state === "succeeded" ? 1 : 0;
    label.textContent = job.state === "succeeded" ? `done: ${job.detail}` : `failed: ${job.error}`;
    label.className = job.state === "succeeded" ? "ok" : "bad";
    // Refresh the figures only while the user is still on this page: a late re-render would replace the page they moved to.
    if (job.state === "succeeded") { toast("ingest finished"); setTimeout(() => { if (location.hash.startsWith("#/chain")) renderChain(main); }, 1500); }
  } catch (err) { toast(err.message, true); }
}
