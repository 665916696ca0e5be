#!/bin/sh
# The production server as one node process (docs/decisions/009-fast-pages.md): `exec`, so signals reach
# node directly (no npm, no tsx). Memory settings measured in docs/benchmarks.md:
#  - MALLOC_ARENA_MAX=2: glibc otherwise grows a malloc arena per thread that touches memory (V8's GC and
#    libuv threads), each keeping freed memory; it must be set before node starts;
#  - --max-semi-space-size=4 (MB): a young generation of 12 MB instead of up to 48 MB under load;
#  - --max-old-space-size=160 (MB): V8 collects before growing the old generation far past what is live
#    (about 50 MB; the feed cache is bounded at ~16 MB) — the peak under 20 clients fell from ~170 to ~115 MB;
#  - --expose-gc: app/server.ts runs a full collection 2 s after the last response, so an idle server
#    gives back what a burst took.
# Run `npm run build` first.
cd "$(dirname "$0")/.." || exit 1
export NODE_ENV=production
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-semi-space-size=4 --max-old-space-size=160 --expose-gc build/server.js "$@"
