#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (Azurite and Salesforce's source tooling
# via npm, pinned; the Bicep CLI and every other tool via NuGet restore), builds with warnings as errors, runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

# Reinstalled when the lock file or a patch (tools/azurite/patches, applied at install) is newer than the install.
if [[ ! -x tools/azurite/node_modules/.bin/azurite ]] || [[ tools/azurite/package-lock.json -nt tools/azurite/node_modules/.package-lock.json ]] \
  || [[ -n "$(find tools/azurite/patches -newer tools/azurite/node_modules/.package-lock.json -print -quit)" ]]; then
  echo "==> Installing Azurite (npm ci, pinned in tools/azurite/package-lock.json)"
  npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
fi

if [[ ! -d tools/salesforce/node_modules/@salesforce/source-deploy-retrieve ]] || [[ tools/salesforce/package-lock.json -nt tools/salesforce/node_modules/.package-lock.json ]]; then
  echo "==> Installing Salesforce's source tooling (npm ci, pinned in tools/salesforce/package-lock.json)"
  npm ci --prefix tools/salesforce --no-audit --no-fund --loglevel=error
fi

target=Alignment.sln

echo "==> Building $target (Release, warnings as errors)"
dotnet build "$target" -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "==> Testing"
set +e
dotnet test "$target" -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '
  /(Passed|Failed)!  *- *Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
