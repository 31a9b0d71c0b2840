#!/usr/bin/env python3
"""Accessibility of built sites, checked with axe-core in headless Chromium.

Serves each given output folder over HTTP on 127.0.0.1, opens one page of every
kind it has (the list of guides, a guide's home, a topic, the list of papers, a
paper, the authors, an author, careers, search, my list, an extra page of the
site and one of a guide, the 404 page, a schedule, a paper with a session, and
pages 2 of long lists: topics, a topic, an author, and a letter of the authors;
and "All papers" split by letter: its letters and a letter's page),
with every <details> open, in the light and the dark colour scheme, runs axe-core
(axe-core 4) and fails on any violation of any impact.

    python3 Tests/Browser/test_accessibility.py Output [Other/Output ...]

axe-core 4 comes from pip's axe-playwright-python (its axe.min.js; the package is
installed without its dependencies and not imported). Needs Debian's `chromium` and
`chromium-driver` and `pip install selenium` and `pip install --no-deps axe-playwright-python`.
Prints each page's result and `N pages, N violations` last; exits 1 on a violation.
"""

import functools
import http.server
import os
import re
import shutil
import sys
import threading

import importlib.util

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def pages_of(root):
    """One path of each kind of page the site has."""
    files = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name in ("index.html", "404.html"):
                files.append(os.path.relpath(os.path.join(folder, name), root))
    paths = sorted("/" + (f[:-len("index.html")] if f.endswith("index.html") else f) for f in files)
    # Extra pages (Content/pages/*.md, at /<name>/ or /<guide>/<name>/) are told by their body's class.
    def is_extra_page(path):
        with open(os.path.join(root, path.lstrip("/"), "index.html"), encoding="utf-8") as handle:
            return 'class="page-page"' in handle.read()
    # (Only where one may be: not among the papers, topics or authors, which a large site has thousands of.)
    maybe = r"^/(?!(authors|papers|topics)/)[^/]+/((?!(papers|topics)/)[^/]+/)?$"
    extra = [p for p in paths if re.search(maybe, p) and is_extra_page(p)]
    kinds = [
        r"^/$", r"^/[^/]+/$", r"/topics/[^/]+/$", r"/papers/$", r"/papers/page/2/$", r"/papers/[^/]+/$",
        r"^/authors/$", r"^/authors/[^/]+/$", r"^/careers/$", r"^/search/$", r"^/my-list/$", r"^/404\.html$",
        r"/schedule/$",
        # Pages of long lists, where the site has them (small limits in site.yml).
        r"/topics/page/2/$", r"/topics/[^/]+/page/2/$", r"^/authors/letter/[^/]+/$", r"^/authors/[^/]+/page/2/$",
        r"/papers/letter/[^/]+/$",
    ]
    chosen = []
    for pattern in kinds:
        match = next((p for p in paths if re.search(pattern, p) and p not in chosen and p not in extra), None)
        if match:
            chosen.append(match)
    # "All papers" of a guide split by letter, which lists the letters.
    by_letter = next((p for p in paths if p.endswith("/papers/") and p not in chosen
                      and os.path.exists(os.path.join(root, p.lstrip("/"), "letter"))), None)
    if by_letter:
        chosen.append(by_letter)
    # One of the site's, one of a guide's (with the guide's navigation).
    for depth in (1, 2):
        chosen += [p for p in extra if p.count("/") == depth + 1][:1]
    # A paper with a session, whose page shows its time and an "Add to calendar" link.
    timed = next((p for p in paths if re.search(r"/papers/[^/]+/$", p)
                  and os.path.exists(os.path.join(root, p.lstrip("/"), "event.ics"))), None)
    if timed and timed not in chosen:
        chosen.append(timed)
    return chosen


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("axe-core not found: pip install --no-deps axe-playwright-python")
    with open(os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js"), encoding="utf-8") as handle:
        return handle.read()


def main(roots):
    axe = axe_source()
    driver = browser()
    checked = violations = 0
    try:
        for root in roots:
            server = serve(root)
            base = f"http://127.0.0.1:{server.server_address[1]}"
            for scheme in ("light", "dark"):
                # The pages follow the reader's colour scheme: check both.
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                       {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for path in pages_of(root):
                    driver.get(base + path)
                    # What folds away (a paper's RIS and CSL-JSON) is checked open.
                    driver.execute_script("document.querySelectorAll('details').forEach(d => { d.open = true; });")
                    driver.execute_script(axe)
                    results = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document).then(done, error => done({violations: [{id: 'axe-error', impact: 'error', help: String(error), nodes: []}]}));")
                    checked += 1
                    found = results["violations"]
                    violations += len(found)
                    print(f"{'ok  ' if not found else 'FAIL'} {scheme:5} {root}{path}")
                    for violation in found:
                        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                        print(f"     {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
            server.shutdown()
    finally:
        driver.quit()
    print(f"{checked} pages, {violations} violations")
    return 1 if violations or not checked else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
