#!/usr/bin/env python3
"""What a site's search page costs a reader: bytes fetched and time to the first results.

    python3 Benchmarks/search_bench.py --site DIR --preset guide    --query bandit --query bandti
    python3 Benchmarks/search_bench.py --site DIR --preset pagefind --query forecast
    python3 Benchmarks/search_bench.py --site DIR --page search/ --input '#q' --result '.hit a' \\
                                       [--count '#status'] [--runs 3] [--warm 3] [--files] [--json FILE]

DIR is a built site (guide's Output/ folder). It is served by a small HTTP server on
127.0.0.1 (a thread of this script, no CDN, no compression), which logs every request.
For each query and each of --runs cold runs, a new headless Chromium with a new, empty
profile (nothing cached) opens DIR/--page, types the query into --input with real key
events, and waits until a result (--result, an element with text) appears. It reports:

- payload: every file the browser fetched from opening the page to the first result
  (HTML, CSS, JS, JSON, wasm, index chunks, fragments, ...: the server's log, which also
  sees what a Web Worker fetches), each counted as its gzip -6 size read from disk, or
  its raw size where gzip does not shrink it (Pagefind's chunks are gzip already and a
  server would send them as they are). Also the payload once the page is idle (1 s
  without a request), e.g. the result fragments a page loads after the first result.
- open→results: from the start of navigation to the first result, in the page's clock
  (includes the time the harness needs to type; a rough figure).
- cold: from the last keystroke (`input` event) to the first result, in that cold run.
- warm: the index is loaded: the box is cleared, the query typed again, and the time
  from the last keystroke to the first result measured (--warm times per run).
  Both include the page's own debounce (guide's one-file search.js of before 5e12df6:
  150 ms; Pagefind's default UI: 300 ms).
- the result count shown (--count) and the first result titles, to compare quality.

Times are in-page (performance.now() in a MutationObserver set up before typing).
Prints Markdown tables: one row per query (medians over the runs), then, with --files,
the files fetched for the first query. A query with no result stops waiting when the
--count element says "No results" (or after --timeout seconds).

Presets: `guide` (guide's search page, the one-file index and the split one alike:
#search-input, #search-results .search-result > a, #search-status) and `pagefind` (Pagefind's default UI, new PagefindUI({element: "#search"}), on the page
given by --page). Any option given after a preset overrides it.

Needs Debian's chromium and chromium-driver, and `pip install selenium`.
"""
import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PRESETS = {
    "guide": {"page": "search/", "input": "#search-input",
              "result": "#search-results .search-result > a", "count": "#search-status"},
    "pagefind": {"page": "search/", "input": ".pagefind-ui__search-input",
                 "result": ".pagefind-ui__result-link", "count": ".pagefind-ui__message"},
}

# Installed in the page before typing. `stale` holds the result elements present at the
# latest keystroke, so only a result rendered after it counts.
PROBE = """
const sel = arguments[0], countSel = arguments[1];
const b = window.__bench = {lastInput: 0, first: 0, none: 0, lastMutation: performance.now()};
let stale = new WeakSet();
document.addEventListener('input', () => {
  b.lastInput = performance.now(); b.first = 0; b.none = 0;
  stale = new WeakSet(document.querySelectorAll(sel));
}, true);
function check() {
  const now = performance.now();
  b.lastMutation = now;
  if (!b.lastInput || b.first) return;
  for (const el of document.querySelectorAll(sel)) {
    if (!stale.has(el) && el.textContent.trim()) { b.first = now; return; }
  }
  const c = countSel && document.querySelector(countSel);
  if (!b.none && c && /no results/i.test(c.textContent)) b.none = now;
}
new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
"""

RESULTS = """
const sel = arguments[0], countSel = arguments[1];
const c = countSel && document.querySelector(countSel);
return {titles: [...document.querySelectorAll(sel)].map(e => e.textContent.trim().replace(/\\s+/g, ' ')),
        count: c ? c.textContent.trim() : ''};
"""


class Server:
    """The site folder over HTTP on 127.0.0.1, in a thread; `log` holds (epoch ms, path)."""

    def __init__(self, root):
        log = self.log = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=root, **kwargs)

            def send_head(self):
                log.append((time.time() * 1000, urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)))
                return super().send_head()

            def log_message(self, *args):
                pass

        Handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm"}
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


_sizes = {}


def file_size(site, path):
    """(raw bytes, counted bytes) of the file the URL path names; (0, 0) if none."""
    if path not in _sizes:
        file = os.path.join(site, path.lstrip("/"))
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if os.path.isfile(file):
            data = open(file, "rb").read()
            _sizes[path] = (len(data), min(len(data), len(gzip.compress(data, 6))))
        else:
            _sizes[path] = (0, 0)
    return _sizes[path]


def browser(profile):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={profile}", "--disk-cache-size=1"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def wait(driver, timeout):
    """The probe's state once a result (or "no results") showed after the last keystroke."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        state = driver.execute_script("return window.__bench")
        if state["first"] or state["none"]:
            return state
        time.sleep(0.005)
    return driver.execute_script("return window.__bench")


def settle(driver, server, quiet=1.0, timeout=15):
    """Wait until no request and no DOM change for `quiet` seconds."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        time.sleep(0.1)
        last_request = server.log[-1][0] if server.log else 0
        idle_dom = driver.execute_script("return performance.now() - window.__bench.lastMutation")
        if time.time() * 1000 - last_request > quiet * 1000 and idle_dom > quiet * 1000:
            return


def type_query(driver, field, query):
    field.click()
    field.send_keys(query)


def clear_query(driver, field, args):
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline and driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].some(e => e.textContent.trim())", args.result):
        time.sleep(0.01)
    time.sleep(0.5)


def one_run(server, args, query):
    """One cold session: open, type, first result; then --warm retypes. Returns a dict."""
    profile = tempfile.mkdtemp(prefix="search-bench-")
    driver = browser(profile)
    try:
        server.log.clear()
        driver.get(server.url + args.page)
        origin = driver.execute_script("return performance.timeOrigin")
        driver.execute_script(PROBE, args.result, args.count)
        field = None
        deadline = time.perf_counter() + 10
        while field is None and time.perf_counter() < deadline:  # Pagefind UI builds its field on load
            found = driver.find_elements(By.CSS_SELECTOR, args.input)
            field = found[0] if found else time.sleep(0.02)
        if field is None:
            sys.exit(f"no element matches --input {args.input!r} on {args.page}")
        type_query(driver, field, query)
        state = wait(driver, args.timeout)
        end = state["first"] or state["none"]
        first_files = [path for t, path in server.log if not end or t <= origin + end]
        settle(driver, server)
        all_files = [path for _, path in server.log]
        shown = driver.execute_script(RESULTS, args.result, args.count)
        warm = []
        for _ in range(args.warm):
            clear_query(driver, field, args)
            type_query(driver, field, query)
            w = wait(driver, args.timeout)
            if w["first"]:
                warm.append(w["first"] - w["lastInput"])
        return {
            "found": bool(state["first"]),
            "open_ms": end or None,
            "cold_ms": (end - state["lastInput"]) if end else None,
            "warm_ms": warm,
            "files": first_files,
            "bytes": sum(file_size(args.site, p)[1] for p in first_files),
            "settled_bytes": sum(file_size(args.site, p)[1] for p in all_files),
            "titles": shown["titles"],
            "count": shown["count"],
        }
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ms(value):
    return "–" if value is None else f"{value:.0f}"


def cell(text):
    return text.replace("|", "\\|")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True, help="the built site's folder")
    parser.add_argument("--preset", choices=sorted(PRESETS))
    parser.add_argument("--page", help="the search page's path in the site (default search/)")
    parser.add_argument("--input", help="CSS selector of the search box")
    parser.add_argument("--result", help="CSS selector of a result's title (the first one with text counts)")
    parser.add_argument("--count", help="CSS selector of the element that says how many results")
    parser.add_argument("--query", action="append", required=True, help="a query (repeat for several)")
    parser.add_argument("--runs", type=int, default=3, help="cold sessions per query (default 3)")
    parser.add_argument("--warm", type=int, default=3, help="warm retypes per session (default 3)")
    parser.add_argument("--titles", type=int, default=3, help="result titles shown in the table (default 3)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for results")
    parser.add_argument("--files", action="store_true", help="also list the files fetched for the first query")
    parser.add_argument("--json", help="write every run's measurements to this file")
    parser.add_argument("--label", default="", help="a name for this site/engine in the table's heading")
    args = parser.parse_args()
    preset = PRESETS.get(args.preset, {})
    for key in ("page", "input", "result", "count"):
        if getattr(args, key) is None:
            setattr(args, key, preset.get(key, "search/" if key == "page" else None))
    if not args.input or not args.result:
        parser.error("give --preset, or --input and --result")
    args.site = os.path.abspath(args.site)

    server = Server(args.site)
    runs = {}
    try:
        for query in args.query:
            runs[query] = []
            for i in range(args.runs):
                try:
                    run = one_run(server, args, query)
                except WebDriverException as error:  # a crashed renderer, on a busy machine: once more
                    print(f"{query!r} run {i + 1}: browser failed ({error.msg}), retrying", file=sys.stderr)
                    run = one_run(server, args, query)
                runs[query].append(run)
                print(f"{query!r} run {i + 1}: {run['bytes'] / 1024:.1f} KB, cold {ms(run['cold_ms'])} ms, "
                      f"warm {[round(w) for w in run['warm_ms']]} ms, {run['count']!r}", file=sys.stderr)
    finally:
        server.close()

    print(f"\n### {args.label or args.preset or 'search'}: {args.site}, page /{args.page}\n")
    print("| query | results | first titles | KB gzip to first results (files) | KB gzip idle | "
          "open→results ms | cold keystroke→results ms | warm keystroke→results ms |")
    print("|---|---|---|---|---|---|---|---|")
    for query, rs in runs.items():
        last = rs[-1]
        titles = "; ".join(last["titles"][:args.titles]) if any(r["found"] for r in rs) else "(none)"
        print(f"| {cell(query)} | {cell(last['count'])} | {cell(titles)} | "
              f"{median([r['bytes'] for r in rs]) / 1024:.1f} ({median([len(r['files']) for r in rs]):.0f}) | "
              f"{median([r['settled_bytes'] for r in rs]) / 1024:.1f} | {ms(median([r['open_ms'] for r in rs]))} | "
              f"{ms(median([r['cold_ms'] for r in rs]))} | {ms(median([w for r in rs for w in r['warm_ms']]))} |")

    if args.files:
        query = args.query[0]
        print(f"\nFiles fetched up to the first results for {query!r} (run 1):\n")
        print("| file | raw bytes | counted bytes |")
        print("|---|---:|---:|")
        for path in runs[query][0]["files"]:
            raw, counted = file_size(args.site, path)
            print(f"| {cell(path)} | {raw} | {counted} |")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"site": args.site, "page": args.page, "runs": runs}, out, indent=1)


if __name__ == "__main__":
    main()
