#!/bin/sh
# The production server as one node process (docs/decisions/009-fast-pages.md): `exec`, so signals reach
# node directly. MALLOC_ARENA_MAX=2 keeps glibc from growing one malloc arena per thread (measured in
# docs/benchmarks.md); it must be set before node starts. Run `npm run build` first.
cd "$(dirname "$0")/.." || exit 1
export NODE_ENV=production
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node build/server.js "$@"
