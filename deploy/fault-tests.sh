#!/usr/bin/env bash
# Runs the fault tests of issue 8 on real host processes (three silos, one throwaway PostgreSQL) and prints the figures:
# requests during each fault, errors by status, time to recover, records lost, stale answers.
#   deploy/fault-tests.sh          long version (FAULT_MEASURE=1: longer load around each fault, 4 callers per silo)
#   deploy/fault-tests.sh --short  the version CI runs inside `dotnet test Platform.sln`
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
if [ "${1:-}" != "--short" ]; then export FAULT_MEASURE=1; fi
export FAULT_REPORT="$report"
dotnet build tests/Screening.Host.Tests -v q -nologo >/dev/null
set +e
dotnet test tests/Screening.Host.Tests --no-build --filter "FullyQualifiedName~Screening.Host.Tests.Faults" -v q -nologo
status=$?
set -e
echo
echo "fault figures ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
cat "$report"
rm -f "$report"
exit $status
