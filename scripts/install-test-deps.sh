#!/usr/bin/env bash
# Installs the Debian packages the end-to-end suite needs: Chromium (driven by playwright-core), and what
# code-server's install needs offline (libkrb5-dev for its kerberos module, ripgrep for @vscode/ripgrep).
set -euo pipefail
missing=()
for pkg in chromium libkrb5-dev ripgrep; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
