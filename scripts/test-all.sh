#!/usr/bin/env bash
# The whole test suite, as CI and the README run it: type check, unit tests, both browser builds, web-ext lint,
# end-to-end tests in Chromium (and a Firefox smoke test). Ends with one plain line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p .cache/test
passed=0
failed=0
failures=()

check() { # name, command...: one pass or fail
  local name=$1; shift
  local log=".cache/test/${name// /-}.log"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1)); echo "ok    $name"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "FAIL  $name (log: $log)"; tail -n 40 "$log"
  fi
}

vitest_suite() { # name, config: counts each test
  local name=$1 config=$2
  local json=".cache/test/${name}.json" log=".cache/test/${name}.log"
  rm -f "$json"
  npx vitest run --config "$config" --reporter=default --reporter=json --outputFile="$json" >"$log" 2>&1
  local code=$?
  if [ -f "$json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrors||0))' "$PWD/$json")
    # A file that fails to load counts as a failure even though it holds no test.
    local broken; broken=$(node -e 'const r=require(process.argv[1]);console.log(r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length)' "$PWD/$json")
    f=$((f + broken))
    passed=$((passed + p)); failed=$((failed + f))
    echo "$([ "$f" = 0 ] && echo ok || echo FAIL)    $name: $p passed, $f failed"
    if [ "$f" != 0 ] || [ $code != 0 ]; then failures+=("$name"); grep -E "FAIL|✗|×|Error" "$log" | head -n 60; fi
    if [ "$f" = 0 ] && [ $code != 0 ]; then failed=$((failed + 1)); echo "FAIL  $name exited $code"; tail -n 30 "$log"; fi
  else
    failed=$((failed + 1)); failures+=("$name"); echo "FAIL  $name did not run"; tail -n 40 "$log"
  fi
}

check "type check" npx tsc --noEmit
vitest_suite unit vitest.config.ts
check "chrome build" npx wxt build
check "firefox build" npx wxt build -b firefox
check "web-ext lint" node scripts/lint-firefox.mjs
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  vitest_suite e2e vitest.e2e.config.ts
else
  failed=$((failed + 1)); echo "FAIL  e2e: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)"
fi

echo
[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
