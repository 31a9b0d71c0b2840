#!/usr/bin/env bash
# Browser test of `guide serve` live reload: builds the debug binary, then runs
# Tests/Browser/test_live_reload.py in headless Chromium.
# Needs: apt-get install chromium chromium-driver; python3 -m pip install selenium
# Usage: Tests/Browser/run.sh [--scratch-path DIR]   (default: .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=.build
if [[ "${1:-}" == "--scratch-path" ]]; then scratch=$2; fi
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install chromium chromium-driver"; echo "0 passed, 1 failed"; exit 1; }
done
python3 -c "import selenium" 2>/dev/null || { echo "missing selenium: python3 -m pip install selenium"; echo "0 passed, 1 failed"; exit 1; }
swift build --scratch-path "$scratch" --product guide
exec python3 Tests/Browser/test_live_reload.py --guide "$scratch/debug/guide"
