#!/usr/bin/env bash
# Start-up benchmark of the provider as go-plugin launches it, side by side with the Go reference provider.
# Reports exec -> handshake line for: the direct JVM start (PYVIDER_DAEMON=off, class-data archive trained first),
# the launch that starts the warm daemon, launches through the running daemon, and the Go refprovider; the daemon's
# memory idle, with 10 concurrent sessions and after them; and, where ../shared/conformance/run.sh exists, the
# go-plugin client's figures (exec -> healthy, RPC latency, throughput, RSS, CPU) for all three, with ratios ours/Go.
# Figures are reported, never judged: the exit status is non-zero only when something is broken.
#
# Usage: bench/startup.sh [binary] [launches=20] [refprovider] [--idle-check] [--reps N] [--warmup S] [--keep]
#        [--no-conformance] [--percall-rounds N]
#   binary       default: bootstrap/target/dist/terraform-provider-pyvider
#   refprovider  default: $BUILD/bin/refprovider (BUILD defaults to ${TMPDIR:-/tmp}/tfdrive-build), if present
#   --idle-check also start a daemon with PYVIDER_DAEMON_IDLE=5s and check that it has exited ~8 s after its session
#   --reps N     launches that start the daemon (it is stopped between them), default 3; the very first start,
#                before the daemon's class-data archive exists, is reported apart
#   --warmup S   at most S seconds (default 120) for the daemon's JIT warm-up, which works only while no session is
#                open, to finish (daemon status: warm_up done) before warm launches are timed
#   --percall-rounds N  rounds of timed_token_many through the warm daemon, each followed by one of the Go
#                provider's, reported as medians and ratios (default 5; 0: none)
#   --keep       keep the scratch directory (daemon logs, conformance stderr) for inspection
# Needs python3 and openssl (for a P-521 client certificate like Terraform's). Daemons and archives go to a private
# temporary directory, removed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYVIDER_BENCH_ENTRY=$0 exec python3 "$here/startup.py" "$@"
