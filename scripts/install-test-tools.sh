#!/usr/bin/env bash
# Installs the Debian packages the test suites drive: chromium (browser tests, through playwright-core)
# and poppler-utils (pdftoppm/pdftotext, to render and read the recap report PDFs).
# Idempotent: installs only what is missing. Needs root (or sudo) and apt.
# `npx playwright install` is not used: it downloads browsers from a CDN; Debian's package is used instead.
set -euo pipefail

declare -A NEEDED=([/usr/bin/chromium]=chromium [/usr/bin/pdftoppm]=poppler-utils [/usr/bin/pdftotext]=poppler-utils)
missing=()
for binary in "${!NEEDED[@]}"; do
  [ -x "$binary" ] || missing+=("${NEEDED[$binary]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: missing $packages and apt-get is not available; install them by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-test-tools: installing $packages needs root (apt-get install $packages)" >&2
    exit 1
  fi
fi

echo "install-test-tools: installing Debian packages: $packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $packages >/dev/null
for binary in "${!NEEDED[@]}"; do
  if [ ! -x "$binary" ]; then
    echo "install-test-tools: apt-get finished but $binary is still missing" >&2
    exit 1
  fi
done
