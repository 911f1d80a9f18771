#!/usr/bin/env bash
# Fetches the research data the heuristics are measured on (docs/heuristics.md), at pinned commits,
# into DIR (default: .heuristics-sources at the repository root, which git ignores), and checks
# every file against its SHA-256 in sources.sha256. Needs git and network access to github.com.
# The mainnet blocks and GraphSense TagPacks come from ../shared/data (see SOURCES.md there).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-$here/../../.heuristics-sources}"
mkdir -p "$dest"

# fetch NAME URL COMMIT PATH...: a shallow fetch of one commit, checking out only the files used.
fetch() {
  local name=$1 url=$2 commit=$3; shift 3
  local dir="$dest/$name"
  if [ ! -d "$dir/.git" ]; then git init -q "$dir" && git -C "$dir" remote add origin "$url"; fi
  git -C "$dir" fetch -q --depth 1 origin "$commit"
  git -C "$dir" checkout -q FETCH_HEAD -- "$@"
}

# Svenda et al., PETS (MIT): Dumplings extracts and EmuCoinJoin runs.
fetch pets26_coinjoin_analysis https://github.com/crocs-muni/pets26_coinjoin_analysis 47e25b6bc8cb5075f8d0a65cbe8756870c8911fe \
  LICENSE \
  coinjoin-analysis/tests/fixtures/dumplings__ww1_202405.zip \
  coinjoin-analysis/tests/fixtures/dumplings__end_zksnacks_202405.zip \
  coinjoin-analysis/tests/fixtures/dumplings__sw_202403.zip \
  coinjoin-analysis/tests/fixtures/dumplings__jm_202406.zip \
  coinjoin-analysis/tests/fixtures/jm_filter_false_positives.zip \
  coinjoin-analysis/tests/fixtures/emul__joinmarket_1taker_2tumbler_40maker_pruned.zip \
  coinjoin-analysis/tests/fixtures/emul__ww2_lognorm-static-5utxo.zip

# Stütz et al., AFT 2022 (no licence stated: read as facts, never copied into Cairn):
# the zkSNACKs coordinator's list of its Wasabi 1 CoinJoins.
fetch wasabi-samourai-analysis https://github.com/defconst/wasabi-samourai-analysis 520c1cd8d05952fed3ffddfb116816e2824affab \
  data/wasabi/CoinJoinsMain_20211221.csv

(cd "$dest" && sha256sum --quiet -c "$here/sources.sha256")
echo "sources ready in $dest"
