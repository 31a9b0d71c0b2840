#!/usr/bin/env python3
"""guide's build benchmark: the 1,000 and 10,000-paper guides, guide against Hugo.

    python3 Benchmarks/bench.py [--papers 1000,10000] [--runs 5] [--no-hugo] [--edits 5]

Builds the release `guide`, generates each guide (with ../shared/bench/gen_guide.py
when it is beside the checkout, which also writes the same content as a Hugo site;
otherwise with Benchmarks/synthetic_guide.py, and Hugo is skipped), then runs
`guide build` and, when `hugo` is installed, `hugo` alternately, each into a fresh
output folder. It prints the median wall time, the median of the paired
guide/Hugo ratios, peak memory (maximum resident set), pages per second and
guide's time per phase. With a C compiler and libcmark, it also runs the floor
(Benchmarks/floor.c: libcmark renders each page's Markdown and the page is
written to its own folder, as many pages of the same size as guide wrote,
nothing else) and prints guide's time as a multiple of it. With --edits N it
also measures watch mode on the largest guide: the time from saving a one-title edit to the end of the rebuild
(every file the edit affects written, the terminal line printed), median of N
edits.
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED_GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "gen_guide.py")


def sh(args, **kwargs):
    return subprocess.run(args, check=True, **kwargs)


def build_guide():
    sh(["swift", "build", "-c", "release", "--product", "guide"], cwd=ROOT, stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(out, "guide")


def generate(papers, work):
    """A project folder with Content/guide.txt, and a Hugo site when the shared generator is there."""
    project = os.path.join(work, f"guide-{papers}")
    os.makedirs(os.path.join(project, "Content"), exist_ok=True)
    hugo_site = None
    if os.path.exists(SHARED_GENERATOR):
        hugo_site = os.path.join(work, f"hugo-{papers}")
        sh([sys.executable, SHARED_GENERATOR, "--papers", str(papers),
            "--out", os.path.join(project, "Content", "guide.txt"), "--hugo-site", hugo_site],
           stderr=subprocess.DEVNULL)
    else:
        sh([sys.executable, os.path.join(HERE, "synthetic_guide.py"), "--papers", str(papers),
            "--out", os.path.join(project, "Content", "guide.txt")])
    return project, hugo_site


def build_floor(work):
    """The floor program, compiled with the system's C compiler and libcmark; None without them."""
    compiler = shutil.which("cc")
    if not compiler:
        return None
    binary = os.path.join(work, "floor")
    result = subprocess.run([compiler, "-O2", os.path.join(HERE, "floor.c"), "-lcmark", "-o", binary],
                            capture_output=True, text=True)
    return binary if result.returncode == 0 else None


def page_size(folder):
    """Pages in a built site and their average size in bytes (index.html and 404.html files)."""
    count = total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            if name in ("index.html", "404.html"):
                count += 1
                total += os.path.getsize(os.path.join(root, name))
    return count, (total // count if count else 0)


def timed(args, cwd):
    """Wall seconds, peak resident KiB, standard output."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{result.stderr[-2000:]}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return wall, peak, result.stdout


def settle():
    """Let the file system write back before the next timed run. Output folders are
    kept until the end: ext4 allocates inodes slowly right after a mass deletion,
    which would slow whichever tool runs next."""
    subprocess.run(["sync"])
    time.sleep(1.0)


def phases(summary):
    match = re.search(r"time:\s+(.*)", summary)
    return match.group(1) if match else ""


def pages(summary):
    match = re.search(r"Built (\d+) pages", summary)
    return int(match.group(1)) if match else 0


def bench(guide, papers, runs, work, use_hugo, floor):
    project, hugo_site = generate(papers, work)
    use_hugo = use_hugo and hugo_site is not None and shutil.which("hugo")
    templates = os.path.join(ROOT, "Templates")
    rows = {"guide": [], "hugo": [], "floor": []}
    summary = ""
    floor_pages = floor_bytes = 0
    for run in range(runs + 1):  # the first round warms the caches and is not counted
        out = os.path.join(work, f"out-guide-{papers}-{run}")
        wall, peak, summary = timed([guide, "build", "--templates", templates, "--output", out], project)
        settle()
        if run:
            rows["guide"].append((wall, peak))
        if floor:
            if not floor_pages:
                floor_pages, floor_bytes = page_size(out)
            wall, peak, _ = timed([floor, os.path.join(project, "Content", "guide.txt"), str(floor_pages),
                                   str(floor_bytes), os.path.join(work, f"out-floor-{papers}-{run}")], project)
            settle()
            if run:
                rows["floor"].append((wall, peak))
        if use_hugo:
            out = os.path.join(work, f"out-hugo-{papers}-{run}")
            wall, peak, _ = timed(["hugo", "--quiet", "-d", out], hugo_site)
            settle()
            if run:
                rows["hugo"].append((wall, peak))
    result = {"papers": papers, "pages": pages(summary), "phases": phases(summary)}
    for tool, values in rows.items():
        if values:
            result[tool] = (statistics.median(w for w, _ in values), max(p for _, p in values))
    if rows["hugo"]:
        result["ratio"] = statistics.median(g / h for (g, _), (h, _) in zip(rows["guide"], rows["hugo"]))
    if rows["floor"]:
        result["floor_ratio"] = statistics.median(g / f for (g, _), (f, _) in zip(rows["guide"], rows["floor"]))
        result["floor_page_bytes"] = floor_bytes
    return result, project


def edit_latency(guide, project, edits, work):
    """Save a one-title edit while `guide build --watch` runs; time until the rebuild
    has printed its line, which it does after writing every file the edit affects.
    Then check that the paper's new page is there."""
    out = os.path.join(work, "out-watch")
    content = os.path.join(project, "Content", "guide.txt")
    original = open(content, encoding="utf-8").read()
    lines = original.split("\n")
    # The first paper title: the line above the first byline after the first topic.
    title_index = next(i for i in range(8, len(lines) - 1)
                       if lines[i] and lines[i + 1] and "," in lines[i + 1] and lines[i - 1] == "")
    watcher = subprocess.Popen([guide, "build", "--watch", "--templates", os.path.join(ROOT, "Templates"),
                                "--output", out], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        while True:
            line = watcher.stdout.readline()
            if not line or line.startswith("Watching"):
                break
        latencies, rewritten = [], []
        for edit in range(edits):
            marker = f"edited{edit}x{int(time.time())}"
            # At the start: slugs keep the first 80 characters of a title.
            lines[title_index] = f"{marker} {lines[title_index].split(' ', 1)[1] if lines[title_index].startswith('edited') else lines[title_index]}"
            with open(content, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            saved = time.perf_counter()
            report = watcher.stdout.readline().strip()
            latencies.append(time.perf_counter() - saved)
            match = re.search(r"(\d+) pages? rewritten", report)
            rewritten.append(int(match.group(1)) if match else -1)
            papers = os.listdir(os.path.join(out, "papers"))
            if not any(marker.lower() in name for name in papers):
                sys.exit(f"the edited paper's page is missing after: {report}")
            time.sleep(0.5)
        return latencies, rewritten
    finally:
        watcher.terminate()
        watcher.wait()
        with open(content, "w", encoding="utf-8") as f:
            f.write(original)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", default="1000,10000", help="comma-separated guide sizes")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and size (after one warm-up)")
    parser.add_argument("--no-hugo", action="store_true", help="do not run Hugo even when it is installed")
    parser.add_argument("--edits", type=int, default=5, help="watch-mode edits on the largest guide (0: skip)")
    args = parser.parse_args()

    guide = build_guide()
    work = tempfile.mkdtemp(prefix="guide-bench-")
    print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; work folder {work}")
    floor = build_floor(work)
    results, project = [], None
    for papers in [int(p) for p in args.papers.split(",")]:
        result, project = bench(guide, papers, args.runs, work, not args.no_hugo, floor)
        results.append(result)

    print()
    print("| papers | pages | guide wall (median) | guide peak RSS | pages/s | Hugo wall (median) | Hugo peak RSS | guide/Hugo (paired median) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        g = r.get("guide")
        h = r.get("hugo")
        print(f"| {r['papers']:,} | {r['pages']:,} | {g[0]:.3f} s | {g[1] / 1024:.0f} MiB | {r['pages'] / g[0]:,.0f} | "
              + (f"{h[0]:.3f} s | {h[1] / 1024:.0f} MiB | {r['ratio']:.2f} |" if h else "– | – | – |"))
    print()
    for r in results:
        if "floor" in r:
            print(f"floor, {r['papers']:,} papers: {r['floor'][0]:.3f} s for {r['pages']:,} pages of {r['floor_page_bytes']:,} bytes "
                  f"(Benchmarks/floor.c: libcmark and one file per page); guide/floor (paired median) {r['floor_ratio']:.2f}")
    for r in results:
        print(f"guide phases, {r['papers']:,} papers (last run): {r['phases']}")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print(f"scaling: {large['papers'] // small['papers']}x the papers took {large['guide'][0] / small['guide'][0]:.1f}x the time")
    if args.edits and project:
        latencies, rewritten = edit_latency(guide, project, args.edits, work)
        print(f"watch mode, {results[-1]['papers']:,} papers, one title edited: save → every affected file written, "
              f"median {statistics.median(latencies) * 1000:.0f} ms "
              f"(runs: {', '.join(f'{l * 1000:.0f}' for l in latencies)} ms); pages rewritten: {rewritten}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
