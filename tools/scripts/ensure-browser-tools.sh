#!/usr/bin/env bash
# The browser tests use Debian's Chromium (never a browser downloaded by a test tool), and the
# agreement calendar journey runs a server on another day with Debian's faketime (libfaketime).
# Installs what is missing when this machine can (root with apt-get); otherwise says what to do.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the browser tests…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need: ${missing[*]}. Run 'sudo apt-get install -y ${missing[*]}'." >&2
exit 1
