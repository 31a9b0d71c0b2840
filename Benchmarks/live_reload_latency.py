#!/usr/bin/env python3
"""Save → visible in the browser, for each kind of edit, measured with headless Chromium.

    python3 Benchmarks/live_reload_latency.py --guide .build/release/guide --content DIR
                                              [--file NAME.txt] [--edits 5] [--kinds KIND,...]

Copies the content folder to a temporary project, starts `guide serve --port 0` with
the repository's templates, and for each kind of edit (Benchmarks/edits.py: retitle a
paper, add an author to a byline, add or remove a paper, add or rename a topic, edit
the intro or a job posting) makes --edits fresh edits of the guide (--file, when the
folder holds several). Before each, it opens the page that shows the change (the
topic's page for a paper's title, an added or removed paper; the paper's page for its
byline; the home page for a new or renamed topic and the intro; /careers/ for a
posting), then saves the edit and measures from the end of the save until the page
shows it, without any manual reload; then it checks the change on disk. Prints each
latency, then a Markdown table: median and range per kind.
bench.py runs the same measurement (`--reload N`) on its largest guide.
Needs Debian's chromium and chromium-driver, and `pip install selenium`.
"""
import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import edits as guide_edits

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def browser():
    options = webdriver.ChromeOptions()
    # Without the back-forward cache: Chromium keeps pages it navigated away from alive
    # there, live-reload connections open, and after six of them (its limit per host)
    # the next page waits 40-60 s for a connection. The benchmark opens a page per edit.
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--disable-features=BackForwardCache"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def open_page(driver, url):
    """Load the page and give its live-reload connection time to open."""
    driver.get(url)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline and not driver.execute_script("return window.__guideLiveReload === true"):
        time.sleep(0.05)
    time.sleep(1.0)


def wait_visible(driver, edit, document_before, timeout=30):
    """The time the open page shows the edit, or None after `timeout` seconds."""
    start = time.perf_counter()
    arguments = edit.visible_arguments(document_before)
    while time.perf_counter() - start < timeout:
        try:
            if driver.execute_script(guide_edits.Edit.VISIBLE_SCRIPT, *arguments):
                return time.perf_counter()
        except Exception:
            pass  # between documents while reloading
        time.sleep(0.005)
    return None


def measure(guide, project, guide_name, kinds, count, work, token, log=sys.stderr):
    """`count` edits of each kind of Content/<guide_name> (None: the only .txt) while
    `guide serve` runs and Chromium shows the page the edit changes.
    Returns {kind: {"latencies": [s], "rebuilds": [s from the save to guide's report line],
    "page": site path, "wrong": message or None}}."""
    content = os.path.join(project, "Content")
    guides = sorted(name for name in os.listdir(content) if name.endswith(".txt"))
    guide_name = guide_name or guides[0]
    guide_slug = guide_name[:-4] if len(guides) > 1 else None
    guide_file = os.path.join(content, guide_name)
    original = open(guide_file, encoding="utf-8").read()
    editor = guide_edits.Editor(original, token)
    out = os.path.join(work, "out-serve")
    site = guide_edits.SiteFolder(out, guide_slug)
    server = guide_edits.GuideProcess([os.path.abspath(guide), "serve", "--port", "0",
                                       "--templates", os.path.join(ROOT, "Templates"), "--output", out], project)
    driver = None
    results = {}
    try:
        _, match = server.wait(r"Serving at (http://127\.0\.0\.1:\d+)/", 600)
        url = match.group(1)
        server.wait(r"^Watching", 10)
        driver = browser()
        for kind in kinds:
            result = results[kind] = {"latencies": [], "rebuilds": [], "page": None, "wrong": None}
            try:
                for _ in range(count):
                    edit = editor.next(kind)
                    page = edit.page_to_open(site)
                    path = None if page is None else site.url_path(page)
                    if path is None:
                        raise RuntimeError(f"edit {edit.number + 1}: no page /{edit.page or edit.page_listing}"
                                           " to open before the edit")
                    result["page"] = path
                    open_page(driver, url + path)
                    document_before = driver.execute_script(guide_edits.Edit.DOCUMENT_SCRIPT)
                    server.drain()
                    saved = guide_edits.save(guide_file, edit.text)
                    shown = wait_visible(driver, edit, document_before)
                    rebuilt, report = server.wait(guide_edits.REPORT, 120)
                    if shown is None:
                        raise RuntimeError(f"edit {edit.number + 1}: {path} did not show {edit.shows!r}"
                                           + (f" without {edit.hides!r}" if edit.hides else "") + " within 30 s")
                    result["latencies"].append(shown - saved)
                    result["rebuilds"].append(rebuilt - saved)
                    guide_edits.check_on_disk(edit, site, report)
                    time.sleep(0.5)
            except (RuntimeError, ValueError) as error:
                result["wrong"] = str(error)
            print(guide_edits.progress(f"serve, {kind} ({result['page']})", result), file=log, flush=True)
            editor.reset()
            guide_edits.save(guide_file, original)
            server.wait(guide_edits.REPORT, 120)
            time.sleep(0.5)
    finally:
        if driver:
            driver.quit()
        server.stop()
        with open(guide_file, "w", encoding="utf-8") as handle:
            handle.write(original)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="edit kinds: " + ", ".join(guide_edits.KINDS))
    parser.add_argument("--guide", required=True, help="path to the guide binary")
    parser.add_argument("--content", required=True, help="a content folder (guide .txt files)")
    parser.add_argument("--file", help="the guide to edit, when the folder holds several (default: the first)")
    parser.add_argument("--edits", type=int, default=5, help="edits per kind")
    parser.add_argument("--kinds", default=",".join(guide_edits.KINDS), help="comma-separated kinds of edit")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    if any(k not in guide_edits.KINDS for k in kinds):
        parser.error(f"kinds are: {', '.join(guide_edits.KINDS)}")

    work = tempfile.mkdtemp(prefix="guide-latency-")
    project = os.path.join(work, "project")
    shutil.copytree(args.content, os.path.join(project, "Content"))
    token = guide_edits.letters(random.randrange(26 ** 3, 26 ** 4))
    try:
        results = measure(args.guide, project, args.file, kinds, args.edits, work, token, log=sys.stdout)
    except RuntimeError as error:
        sys.exit(f"guide serve did not start: {error}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("| edit | page open | save → visible (median) | min–max | save → guide's report (median) |")
    print("|---|---|---:|---:|---:|")
    for kind, r in results.items():
        if r["wrong"] or not r["latencies"]:
            print(f"| {guide_edits.DESCRIPTIONS[kind]} | {r['page'] or '–'} | wrong: {r['wrong']} | – | – |")
            continue
        print(f"| {guide_edits.DESCRIPTIONS[kind]} | `{r['page']}` | {statistics.median(r['latencies']) * 1000:.0f} ms | "
              f"{min(r['latencies']) * 1000:.0f}–{max(r['latencies']) * 1000:.0f} ms | "
              f"{statistics.median(r['rebuilds']) * 1000:.0f} ms |")
    if any(r["wrong"] for r in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
