#!/usr/bin/env python3
"""Save → visible in the browser, measured with headless Chromium.

    python3 Benchmarks/live_reload_latency.py --guide .build/release/guide --content DIR [--edits 5]

Copies the content folder and the repository's templates to a temporary
project, starts `guide serve --port 0`, opens the first topic's page, then
edits that topic's description --edits times (a new word each time) and
measures from the end of each save to the new word being visible on the open
page, without any manual reload. Prints each latency and the median.
Needs Debian's chromium and chromium-driver, and `pip install selenium`.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def first_topic(lines):
    """Index of the first topic's description: the first paragraph after a heading, after the intro."""
    blocks, current = [], []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            blocks.append(current)
            current = []
    for heading, description in zip(blocks[3:], blocks[4:]):
        if len(heading) == 1 and len(description) == 1 and lines[description[0]].rstrip().endswith("."):
            return lines[heading[0]], description[0]
    sys.exit("no topic with a description found")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guide", required=True, help="path to the guide binary")
    parser.add_argument("--content", required=True, help="a content folder (one guide .txt)")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()

    project = tempfile.mkdtemp(prefix="guide-latency-")
    shutil.copytree(args.content, os.path.join(project, "Content"))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(project, "Templates"))
    guide_file = next(os.path.join(project, "Content", name) for name in os.listdir(os.path.join(project, "Content"))
                      if name.endswith(".txt"))
    lines = open(guide_file, encoding="utf-8").read().split("\n")
    topic, description_index = first_topic(lines)
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")

    server = subprocess.Popen([os.path.abspath(args.guide), "serve", "--port", "0"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = None
    while url is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("guide serve exited")
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        url = match.group(1) if match else None

    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    latencies = []
    try:
        driver.get(f"{url}topics/{slug}/")
        time.sleep(1.0)  # let the live-reload connection open
        original = lines[description_index]
        for edit in range(args.edits):
            word = f"Edited{edit}x{int(time.time())}"
            lines[description_index] = f"{original} {word}."
            with open(guide_file, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines))
            saved = time.perf_counter()
            while time.perf_counter() - saved < 30:
                try:
                    if word in driver.execute_script("return document.body ? document.body.innerText : ''"):
                        break
                except Exception:
                    pass  # between documents while reloading
                time.sleep(0.005)
            latencies.append(time.perf_counter() - saved)
            print(f"edit {edit + 1}: {latencies[-1] * 1000:.0f} ms", flush=True)
            time.sleep(1.0)
    finally:
        driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(project, ignore_errors=True)
    print(f"median save → visible: {statistics.median(latencies) * 1000:.0f} ms over {len(latencies)} edits")


if __name__ == "__main__":
    main()
