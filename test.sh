#!/usr/bin/env bash
# Runs every test (unit, storage on SQLite and PostgreSQL, Ethereum on Ganache, CLI, server, UI).
# Needs `npm ci` done once; PostgreSQL tests need CAIRN_TEST_POSTGRES (see docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build Cairn.slnx -c Release -nologo -clp:ErrorsOnly
dotnet test Cairn.slnx -c Release --no-build --nologo "$@"
