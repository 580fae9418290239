#!/usr/bin/env bash
# Install the Debian packages econ's tests and reports need:
#   libreoffice-calc-nogui  headless Calc, the oracle that recalculates results workbooks
#   python3-uno             the UNO bridge to drive it from Python
#   poppler-utils           pdftotext and friends, to inspect generated PDFs
#   fonts-dejavu-core       a font with Cyrillic for Russian reports
#   libpango-1.0-0, libpangoft2-1.0-0  the text layout libraries WeasyPrint loads
#   libharfbuzz-subset0     font subsetting for WeasyPrint, twice as fast as its fontTools fallback
#
# Idempotent: exits 0 at once, quietly, when all are installed; otherwise runs
# `apt-get update` once and installs only the missing ones. Needs root for that.
# Target: Debian 12 (bookworm).
set -euo pipefail

packages=(libreoffice-calc-nogui python3-uno poppler-utils fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)

is_installed() {
    local status
    # dpkg -s also succeeds for a removed package whose config files remain,
    # so look at the Status line, not only at the exit code.
    status=$(dpkg -s "$1" 2>/dev/null) || return 1
    [[ $status == *$'\nStatus: install ok installed'* ]]
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

if ((EUID != 0)); then
    echo "setup-system.sh: missing ${missing[*]}; run me as root to install them" >&2
    exit 1
fi

log=$(mktemp -t econ-setup-system.XXXXXX)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive

run() {
    if ! "$@" >>"$log" 2>&1; then
        echo "setup-system.sh: failed: $*" >&2
        cat "$log" >&2
        exit 1
    fi
}

run apt-get update
run apt-get install -y --no-install-recommends "${missing[@]}"

for package in "${missing[@]}"; do
    if ! is_installed "$package"; then
        echo "setup-system.sh: $package is still not installed after apt-get install" >&2
        cat "$log" >&2
        exit 1
    fi
done
