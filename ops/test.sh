#!/usr/bin/env bash
# The project's test command (what the README names and .ci/run calls): brings up RabbitMQ
# and PostgreSQL, builds, runs every test project and then the fault tests (ops/chaos.sh), and
# ends with one line 'N passed, N failed[, N skipped]' summed over all projects.
#
# Usage: ops/test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Routing]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA=$REPO/.infra
RESULTS=$INFRA/test-results
cd "$REPO"

# The machine has no way out to Microsoft: telemetry would only wait on timeouts.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "${CI:-}" ]; then
    # Build nodes left running after the build can keep CI's output pipe open.
    export MSBUILDDISABLENODEREUSE=1
fi

# Stop only what our own infra-up call started: servers a developer (or another test run)
# already had up stay up for them.
started_here=$(mktemp)
stop_infra() {
    local svcs
    mapfile -t svcs <"$started_here"
    if [ ${#svcs[@]} -gt 0 ]; then bash "$REPO/ops/infra-down.sh" "${svcs[@]}" || true; fi
    : >"$started_here"
}
cleanup() {
    stop_infra
    rm -f "$started_here"
    if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
# A signal would otherwise end bash without running the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$REPO/ops/infra-up.sh" --record "$started_here"
# shellcheck disable=SC1091
. "$INFRA/infra.env"

# .NET 10's 'dotnet new sln' writes .slnx; take whichever the repo has.
SOLUTION=SnowOps.sln
if [ ! -f "$SOLUTION" ] && [ -f SnowOps.slnx ]; then SOLUTION=SnowOps.slnx; fi

dotnet build "$SOLUTION" -c Release

# Old .trx files would be counted again.
rm -rf "$RESULTS"
test_rc=0
dotnet test "$SOLUTION" -c Release --no-build \
    --logger "console;verbosity=normal" --logger trx \
    --results-directory "$RESULTS" \
    --blame-hang-timeout 10m \
    "$@" || test_rc=$?

# The fault tests need the servers still up: they restart them (README, "Fault tests"). A failure fails the run.
chaos_rc=0
bash "$REPO/ops/chaos.sh" || chaos_rc=$?

# Stopped before the summary so that the summary is the last line printed.
stop_infra

# Each test project writes one .trx; its <Counters .../> element holds the totals.
# Errors, timeouts and aborts count as failures; skipped tests are 'notExecuted' there.
read -r total passed failed skipped < <(
    find "$RESULTS" -name '*.trx' -print0 2>/dev/null | xargs -0r grep -ho '<Counters [^>]*>' |
        awk '
            function attr(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
            { t += attr("total"); p += attr("passed")
              f += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
              s += attr("notExecuted") + attr("inconclusive") }
            END { print t + 0, p + 0, f + 0, s + 0 }'
)

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary+=", $skipped skipped"; fi
echo "$summary"

if [ "$test_rc" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$total" -eq 0 ] || [ "$chaos_rc" -ne 0 ]; then
    exit 1
fi
