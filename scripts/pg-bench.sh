#!/usr/bin/env bash
# The shared PostgreSQL store measured beside SQLite (benches/shared_store.rs):
# check-in latency (1,000 each), 8 kiosk processes x 250 with kill -9s and
# server restarts, and the desk's update latency. Starts the throwaway
# server of scripts/pg-dev.sh first. Run as root (the restarts run pg_ctl
# as the postgres user). Figures go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/pg-dev.sh)"
parts=${*:-latency chaos desk}
for part in $parts; do
  cargo bench --bench shared_store -- "$part"
done
