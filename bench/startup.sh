#!/usr/bin/env bash
# Start-up benchmark: exec → handshake line over N launches of the provider binary, as go-plugin launches it.
# Reports median and p90 time to the handshake line and peak RSS (VmHWM) of the JVM at that moment.
# Usage: bench/startup.sh [path/to/terraform-provider-pyvider] [launches=20]
# Needs python3 and openssl (for a P-521 client certificate like Terraform's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/startup.py" "${1:-$here/../bootstrap/target/dist/terraform-provider-pyvider}" "${2:-20}"
