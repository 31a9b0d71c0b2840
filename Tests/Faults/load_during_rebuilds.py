#!/usr/bin/env python3
"""`guide serve` under load while it rebuilds: every response whole.

Serves a copy of the seed site (Content/icml-2023.txt with the repository's
Templates/) with `guide serve --port 0`, then sends 20,000 requests over 8
keep-alive connections (loopback only) while the guide is edited 50 times,
each edit rewriting the pages and feed it reaches. Checks:

  - every response is 200 (none 4xx/5xx, none refused);
  - no body is torn: HTML ends with </html>, the feed and sitemap are
    well-formed XML, the search index's meta file holds JSON, and every body is as long as
    its Content-Length;
  - no request times out (10 s).

Prints the counts and p50/p99 latency, and exits 1 when a check failed.

    python3 Tests/Faults/load_during_rebuilds.py --guide .build/release/guide
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATHS = ["/", "/feed.xml", "/sitemap.xml", "/papers/", "/search/meta.js", "/authors/", "/careers/"]


def whole(path, body):
    """Why `body` is not a whole copy of `path`, or None."""
    try:
        if path.endswith(".xml"):
            ElementTree.fromstring(body)
        elif path.endswith(".js"):
            # An index file: guideSearchLoaded("meta",{…});
            prefix, _, rest = body.decode("utf-8").partition(",")
            if not prefix.startswith("guideSearchLoaded(") or not rest.endswith(");\n"):
                return "index script without its start or end"
            json.loads(rest[:-3])
        elif not body.rstrip().endswith(b"</html>"):
            return "HTML without its end"
    except Exception as error:  # noqa: BLE001 - any parse error is a torn body
        return f"{type(error).__name__}: {error}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guide", default=os.environ.get("GUIDE_BINARY", os.path.join(REPO, ".build/release/guide")))
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rebuilds", type=int, default=50)
    parser.add_argument("--guide-text", help="serve this guide instead of the seed (edits: its subtitle and intro, lines 3 and 5)")
    arguments = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="guide-load-")
    os.makedirs(os.path.join(folder, "Content"))
    shutil.copy(arguments.guide_text or os.path.join(REPO, "Content", "icml-2023.txt"),
                os.path.join(folder, "Content", "icml-2023.txt"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(folder, "Templates"))
    # An absolute base URL, so that the site has a sitemap to fetch and check.
    with open(os.path.join(folder, "Content", "site.yml"), "w", encoding="utf-8") as file:
        file.write("base_url: https://guides.example.org/\n")
    guide_path = os.path.join(folder, "Content", "icml-2023.txt")
    with open(guide_path, encoding="utf-8") as file:
        original = file.read()

    server = subprocess.Popen([os.path.abspath(arguments.guide), "serve", "--port", "0"], cwd=folder,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []
    port = None
    deadline = time.time() + 60
    while port is None and time.time() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        if line.startswith("Serving at http://127.0.0.1:"):
            port = int(line.split(":")[2].split("/")[0])
    if port is None:
        print("guide serve did not start")
        server.kill()
        return 1

    def read_output():
        for line in server.stdout:
            lines.append(line)
    threading.Thread(target=read_output, daemon=True).start()

    # Paper pages too: the first ten folders of the built site's papers/.
    papers = os.path.join(folder, "Output", "papers")
    paths = PATHS + ["/papers/%s/" % name for name in sorted(os.listdir(papers))
                     if os.path.isfile(os.path.join(papers, name, "index.html")) and name != "page"][:10]

    lock = threading.Lock()
    counts = {"requests": 0, "non-200": 0, "torn": 0, "timeouts": 0}
    latencies = []
    problems = []
    per_connection = arguments.requests // arguments.connections

    def load(worker):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for index in range(per_connection):
            path = paths[(worker + index) % len(paths)]
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - start
                length = response.getheader("Content-Length")
                problem = whole(path, body) if response.status == 200 else None
                if problem is None and length is not None and int(length) != len(body):
                    problem = f"{len(body)} bytes of {length}"
                with lock:
                    counts["requests"] += 1
                    latencies.append(elapsed)
                    if response.status != 200:
                        counts["non-200"] += 1
                        problems.append(f"{path}: {response.status}")
                    elif problem:
                        counts["torn"] += 1
                        problems.append(f"{path}: {problem}")
            except (TimeoutError, OSError, http.client.HTTPException) as error:
                with lock:
                    counts["requests"] += 1
                    counts["timeouts" if isinstance(error, TimeoutError) else "non-200"] += 1
                    problems.append(f"{path}: {type(error).__name__} {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    workers = [threading.Thread(target=load, args=(worker,)) for worker in range(arguments.connections)]
    for worker in workers:
        worker.start()

    # Edits while the load runs: a paper retitled, so its page, lists, feed and sitemap change.
    rebuilt = 0
    for edit in range(arguments.rebuilds):
        seen = len(lines)
        # The subtitle, a topic's text and a byline: the home, topic, paper and
        # author list pages, the feed and the search index change; no requested page moves.
        if arguments.guide_text:
            text_lines = original.split("\n")
            text_lines[2] += f" (edit {edit})"
            text_lines[4] += f" (edit {edit})"
            text = "\n".join(text_lines)
        else:
            text = original.replace("Amazon research blends", f"Amazon research (edit {edit}) blends", 1)
            text = text.replace("Adaptive neural computation means", f"Adaptive neural computation (edit {edit}) means", 1)
            text = text.replace("Athanasios Mouchtaris\n", f"Athanasios Mouchtaris, Edit{'abcdefghij'[edit % 10]}son Tester\n", 1)
            assert text.count("(edit ") == 2 and "son Tester" in text
        with open(guide_path, "w", encoding="utf-8") as file:
            file.write(text)
        wait_until = time.time() + 10
        while time.time() < wait_until and not any("rewritten" in line for line in lines[seen:]):
            time.sleep(0.01)
        rebuilt += any("rewritten" in line for line in lines[seen:])
    for worker in workers:
        worker.join()
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)

    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0
    p99 = latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0
    print(f"{counts['requests']} requests over {arguments.connections} connections during {rebuilt} rebuilds: "
          f"{counts['non-200']} non-200, {counts['torn']} torn, {counts['timeouts']} timeouts; "
          f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    rebuild_lines = [line.strip() for line in lines if "rewritten" in line]
    if rebuild_lines:
        print(f"  a rebuild: {rebuild_lines[-1]}")
    for problem in problems[:10]:
        print("  " + problem)
    failed = counts["non-200"] or counts["torn"] or counts["timeouts"] or rebuilt < arguments.rebuilds
    if rebuilt < arguments.rebuilds:
        print(f"only {rebuilt} of {arguments.rebuilds} edits were rebuilt")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
