#!/usr/bin/env python3
"""guide's benchmark: the numbers the README reports, as Markdown tables.

    python3 Benchmarks/bench.py [--papers 1000,10000] [--runs 5] [--no-hugo] [--hugo-getterms]
                                [--multi 50x200] [--edits 9] [--kinds KIND,...]
                                [--reload 5] [--readers 10000,100000]
                                [--only builds,multi,edits,reload,readers] [--guide PATH]

Builds the release `guide` (unless --guide names a binary) and prints:

1. builds: each guide of --papers (from ../shared/bench/gen_guide.py when it is beside
   the checkout, which also writes the same content as a Hugo site; otherwise from
   Benchmarks/synthetic_guide.py, and Hugo is skipped) built by `guide build` and, when
   `hugo` is installed, by `hugo`, alternately, each into a fresh output folder: median
   wall time, peak memory (maximum resident set), pages per second, the median of the
   paired guide/Hugo ratios, guide's time per phase and how it scales. With a C compiler
   and libcmark, also the floor (Benchmarks/floor.c: libcmark renders each page's
   Markdown and the page is written to its own folder, as many pages of the same size
   as guide wrote, nothing else) and guide's time as a multiple of it.
2. multi: a site of several guides (--multi 50x200: 50 guides of 200 papers,
   Content/conf<S>-2025.txt for S = 1..50) built alternately with the largest single
   guide: the median of the paired several/single ratios.
3. edits: `guide build --watch` on the largest guide, and on one guide of the
   several-guide site (the middle one, conf25-2025.txt): for each kind of edit
   (Benchmarks/edits.py), --edits saves, each timed from the end of the save to the
   rebuild's one-line report (printed after every file the edit affects is written),
   then checked on disk. Median, range, and the pages each edit rewrote.
4. reload: `guide serve` on the largest guide with the page that shows each kind of
   edit open in headless Chromium (Benchmarks/live_reload_latency.py): --reload saves
   per kind, each timed from the end of the save to the change being visible.

5. readers: what a reader is handed, for each guide of --readers (10,000 and 100,000
   papers by default), each built once in the same run: the largest HTML page and how
   many pass 300 KB; the bytes a first search fetches, gzip-compressed, and the time from
   the keystroke to results once loaded (Benchmarks/search_bench.py, in headless
   Chromium, a cold profile per query); the build's wall time and peak memory, and the
   largest guide's time as a multiple of the smallest's.

Then a table of the targets and whether each is met. Every guide edited is restored.
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import edits as guide_edits

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


def generate(papers, work, hugo_getterms=False):
    """A project folder with Content/guide.txt, and a Hugo site when the shared generator is there
    (its paper pages list terms with `.GetTerms` when `hugo_getterms`)."""
    project = os.path.join(work, f"guide-{papers}")
    os.makedirs(os.path.join(project, "Content"), exist_ok=True)
    hugo_site = None
    if os.path.exists(SHARED_GENERATOR):
        hugo_site = os.path.join(work, f"hugo-{papers}")
        sh([sys.executable, SHARED_GENERATOR, "--papers", str(papers),
            "--out", os.path.join(project, "Content", "guide.txt"), "--hugo-site", hugo_site]
           + (["--hugo-getterms"] if hugo_getterms else []), stderr=subprocess.DEVNULL)
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


def bench(guide, papers, runs, work, use_hugo, floor, hugo_getterms=False):
    project, hugo_site = generate(papers, work, hugo_getterms)
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


def generate_multi(count, papers, work):
    """A project of `count` guides of `papers` papers: Content/conf<S>-2025.txt, seed S."""
    project = os.path.join(work, f"multi-{count}x{papers}")
    content = os.path.join(project, "Content")
    os.makedirs(content, exist_ok=True)
    generator = SHARED_GENERATOR if os.path.exists(SHARED_GENERATOR) else os.path.join(HERE, "synthetic_guide.py")
    for seed in range(1, count + 1):
        sh([sys.executable, generator, "--papers", str(papers), "--seed", str(seed),
            "--conference", f"CONF{seed} 2025", "--out", os.path.join(content, f"conf{seed}-2025.txt")],
           stderr=subprocess.DEVNULL)
    return project


def probe_multi(guide, project, work):
    """Build the several-guide site once; stop with a clear message if guide refuses it."""
    out = os.path.join(work, "out-multi-probe")
    result = subprocess.run([guide, "build", "--templates", os.path.join(ROOT, "Templates"), "--output", out],
                            cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        message = result.stderr.strip()
        if re.search(r"guide files|holds one guide|one \.txt", message):
            sys.exit(f"this guide binary refuses a site of several guides, so the several-guide numbers cannot be "
                     f"measured yet (run with --multi none to skip them):\n{message[-1000:]}")
        sys.exit(f"the several-guide site did not build:\n{message[-2000:]}")
    return out


def bench_multi(guide, single, multi, runs, work):
    """The single guide and the several-guide site built alternately (one warm-up round)."""
    templates = os.path.join(ROOT, "Templates")
    rows = {"single": [], "multi": []}
    summaries = {}
    for run in range(runs + 1):
        for name, project in (("single", single), ("multi", multi)):
            out = os.path.join(work, f"out-{name}-{run}")
            wall, peak, summaries[name] = timed([guide, "build", "--templates", templates, "--output", out], project)
            settle()
            if run:
                rows[name].append((wall, peak))
    result = {}
    for name, values in rows.items():
        result[name] = (statistics.median(w for w, _ in values), max(p for _, p in values), pages(summaries[name]))
    result["ratio"] = statistics.median(m / s for (s, _), (m, _) in zip(rows["single"], rows["multi"]))
    return result


def watch_edits(guide, project, guide_name, guide_slug, kinds, count, work, token):
    """For each kind of edit, `count` fresh edits of Content/<guide_name> while
    `guide build --watch` runs: the time from the end of each save to the rebuild's
    report line, which guide prints after writing every file the edit affects; then the
    change is checked on disk. The guide is restored between kinds (untimed) and at the end.
    Returns {kind: {"latencies": [s], "rewritten": [pages], "wrong": message or None}}."""
    out = os.path.join(work, f"out-watch-{guide_slug or 'single'}")
    content = os.path.join(project, "Content", guide_name)
    original = open(content, encoding="utf-8").read()
    editor = guide_edits.Editor(original, token)
    site = guide_edits.SiteFolder(out, guide_slug)
    watcher = guide_edits.GuideProcess([guide, "build", "--watch", "--templates", os.path.join(ROOT, "Templates"),
                                        "--output", out], project)
    results = {}
    try:
        watcher.wait(r"^Watching", 600)
        for kind in kinds:
            result = results[kind] = {"latencies": [], "rewritten": [], "wrong": None}
            try:
                for _ in range(count):
                    edit = editor.next(kind)
                    watcher.drain()
                    saved = guide_edits.save(content, edit.text)
                    arrived, report = watcher.wait(guide_edits.REPORT, 120)
                    result["latencies"].append(arrived - saved)
                    result["rewritten"].append(int(report.group(1)))
                    guide_edits.check_on_disk(edit, site, report)
                    time.sleep(0.5)
            except (RuntimeError, ValueError) as error:
                result["wrong"] = str(error)
            print(guide_edits.progress(f"{guide_name}, {kind}", result), file=sys.stderr, flush=True)
            editor.reset()
            guide_edits.save(content, original)
            watcher.wait(guide_edits.REPORT, 120)
            time.sleep(0.5)
    finally:
        watcher.stop()
        with open(content, "w", encoding="utf-8") as handle:
            handle.write(original)
    return results


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms"


def span(values):
    low, high = min(values), max(values)
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def ms_span(seconds):
    return span([round(s * 1000) for s in seconds]) + " ms"


def kind_summary(results, limit):
    """(slowest kind, its median, kinds over the limit, wrong kinds) over a {kind: result} table."""
    medians = {k: statistics.median(r["latencies"]) for k, r in results.items() if r["latencies"] and not r["wrong"]}
    wrong = [k for k, r in results.items() if r["wrong"] or not r["latencies"]]
    slowest = max(medians, key=medians.get) if medians else None
    over = [k for k, m in medians.items() if m > limit]
    return slowest, medians.get(slowest), over, wrong


def print_builds(results):
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


def print_multi(result, papers, count, per_guide):
    print("| site | guides × papers | pages | guide wall (median) | guide peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for name, label, shape in (("single", "one guide", f"1 × {papers:,}"),
                               ("multi", "several guides", f"{count} × {per_guide:,}")):
        wall, peak, page_count = result[name]
        print(f"| {label} | {shape} | {page_count:,} | {wall:.3f} s | {peak / 1024:.0f} MiB |")
    print()
    print(f"several guides / one guide (paired median): {result['ratio']:.2f}")


def print_edits(tables, limit):
    print(f"| guide | edit | save → on disk (median) | min–max | pages rewritten per edit | ≤ {limit * 1000:.0f} ms |")
    print("|---|---|---:|---:|---:|:-:|")
    notes = []
    for label, results in tables:
        for kind, r in results.items():
            if r["wrong"] or not r["latencies"]:
                notes.append(f"{label}, {guide_edits.DESCRIPTIONS[kind]}: {r['wrong'] or 'no edit made'}")
                print(f"| {label} | {guide_edits.DESCRIPTIONS[kind]} | – | – | – | wrong ({len(notes)}) |")
                continue
            median = statistics.median(r["latencies"])
            print(f"| {label} | {guide_edits.DESCRIPTIONS[kind]} | {ms(median)} | {ms_span(r['latencies'])} | "
                  f"{span(r['rewritten'])} | {'yes' if median <= limit else 'no'} |")
    for number, note in enumerate(notes, 1):
        print(f"({number}) {note}")


def print_reload(label, results, limit):
    print(f"| guide | edit | page open | save → visible (median) | min–max | save → guide's report (median) | ≤ {limit * 1000:.0f} ms |")
    print("|---|---|---|---:|---:|---:|:-:|")
    notes = []
    for kind, r in results.items():
        if r["wrong"] or not r["latencies"]:
            notes.append(f"{guide_edits.DESCRIPTIONS[kind]}: {r['wrong'] or 'no edit made'}")
            print(f"| {label} | {guide_edits.DESCRIPTIONS[kind]} | {r['page'] or '–'} | – | – | – | wrong ({len(notes)}) |")
            continue
        median = statistics.median(r["latencies"])
        print(f"| {label} | {guide_edits.DESCRIPTIONS[kind]} | `{r['page']}` | {ms(median)} | "
              f"{ms_span(r['latencies'])} | {ms(statistics.median(r['rebuilds']))} | "
              f"{'yes' if median <= limit else 'no'} |")
    for number, note in enumerate(notes, 1):
        print(f"({number}) {note}")


def print_targets(targets):
    print("| # (issue 9, or 14.n) | target | measured | met |")
    print("|---:|---|---|:-:|")
    for number, target, measured, met in targets:
        print(f"| {number} | {target} | {measured} | {'yes' if met else '**no**'} |")


def edit_target(number, where, results, limit, count, what):
    slowest, median, over, wrong = kind_summary(results, limit)
    target = f"{where}: every kind of edit {what} within {limit * 1000:.0f} ms (median of {count})"
    if wrong:
        return number, target, f"wrong or failed: {', '.join(wrong)}", False
    measured = f"slowest: {guide_edits.DESCRIPTIONS[slowest]}, {ms(median)}"
    if over:
        measured += "; all kinds over" if len(over) == len(results) else f"; over: {', '.join(over)}"
    return number, target, measured, not over


PAGE_LIMIT = 300 * 1024
SEARCH_QUERIES = ["bandit", "bandti", "forecast", "learning"]


def largest_pages(folder):
    """The largest HTML page (path, bytes) and how many pass PAGE_LIMIT."""
    largest, over = ("", 0), 0
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                size = os.path.getsize(os.path.join(root, name))
                over += size > PAGE_LIMIT
                if size > largest[1]:
                    largest = (os.path.relpath(os.path.join(root, name), folder), size)
    return largest, over


def search_costs(site, work):
    """Per query of SEARCH_QUERIES: KB gzip fetched to the first results, and warm ms (search_bench.py)."""
    report = os.path.join(work, "search.json")
    args = [sys.executable, os.path.join(HERE, "search_bench.py"), "--site", site, "--preset", "guide",
            "--runs", "1", "--json", report]
    for query in SEARCH_QUERIES:
        args += ["--query", query]
    sh(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report) as handle:
        runs = json.load(handle)["runs"]
    return {query: (rs[0]["bytes"] / 1024, max(rs[0]["warm_ms"] or [float("nan")])) for query, rs in runs.items()}


def bench_readers(guide, sizes, work):
    """Each size built once, in order, then measured as a reader meets it."""
    results = []
    for papers in sizes:
        project = os.path.join(work, f"readers-{papers}")
        os.makedirs(os.path.join(project, "Content"), exist_ok=True)
        generator = SHARED_GENERATOR if os.path.exists(SHARED_GENERATOR) else os.path.join(HERE, "synthetic_guide.py")
        sh([sys.executable, generator, "--papers", str(papers), "--out", os.path.join(project, "Content", "guide.txt")],
           stdout=subprocess.DEVNULL)
        settle()
        wall, peak, _ = timed([guide, "build"], project)
        print(f"readers: {papers:,} papers built in {wall:.2f} s, {peak / 1024:.0f} MiB", file=sys.stderr)
        output = os.path.join(project, "Output")
        largest, over = largest_pages(output)
        search = search_costs(output, work)
        results.append({"papers": papers, "wall": wall, "peak": peak, "largest": largest, "over": over, "search": search})
        shutil.rmtree(project, ignore_errors=True)
    return results


def print_readers(results):
    print("| papers | build | peak memory | largest page | pages > 300 KB | first search, KB gzip (" +
          ", ".join(SEARCH_QUERIES) + ") | warm keystroke → results, ms |")
    print("|---:|---:|---:|---|---:|---|---|")
    for r in results:
        kb = ", ".join(f"{r['search'][q][0]:.0f}" for q in SEARCH_QUERIES)
        warm = ", ".join(f"{r['search'][q][1]:.0f}" for q in SEARCH_QUERIES)
        print(f"| {r['papers']:,} | {r['wall']:.2f} s | {r['peak'] / 1024:.0f} MiB | {r['largest'][0]} "
              f"({r['largest'][1] / 1024:.0f} KB) | {r['over']} | {kb} | {warm} |")


def reader_targets(results):
    targets = []
    for r in results:
        worst = max(kb for kb, _ in r["search"].values())
        slowest = max(ms for _, ms in r["search"].values())
        targets.append(("14.1", f"{r['papers']:,} papers: every HTML page ≤ 300 KB",
                        f"largest {r['largest'][1] / 1024:.0f} KB, {r['over']} over", r["over"] == 0))
        targets.append(("14.2", f"{r['papers']:,} papers: a first search fetches ≤ 300 KB gzip",
                        f"at most {worst:.0f} KB", worst <= 300))
        targets.append(("14.2", f"{r['papers']:,} papers: results ≤ 100 ms after the keystroke, loaded",
                        f"at most {slowest:.0f} ms", slowest <= 100))
    if len(results) > 1:
        small, big = results[0], results[-1]
        factor = big["papers"] / small["papers"]
        ratio = big["wall"] / small["wall"]
        targets.append(("14.5", f"{big['papers']:,} papers: build ≤ {1.1 * factor:.0f}× the {small['papers']:,}-paper one",
                        f"{ratio:.1f}×", ratio <= 1.1 * factor))
        targets.append(("14.5", f"{big['papers']:,} papers: peak memory ≤ 600 MiB",
                        f"{big['peak'] / 1024:.0f} MiB", big["peak"] <= 600 * 1024))
    return targets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="edit kinds: " + ", ".join(guide_edits.KINDS))
    parser.add_argument("--papers", default="1000,10000",
                        help="comma-separated guide sizes; the largest is also the one edited and compared with several guides")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per tool and size (after one warm-up)")
    parser.add_argument("--no-hugo", action="store_true", help="do not run Hugo even when it is installed")
    parser.add_argument("--hugo-getterms", action="store_true",
                        help="Hugo's paper pages list their terms with .GetTerms, the idiomatic way, which Hugo 0.111 "
                             "makes slower as the taxonomy grows (the shared generator's --hugo-getterms)")
    parser.add_argument("--multi", default="50x200", metavar="GUIDESxPAPERS",
                        help="the several-guide site, e.g. 50x200 (none: skip it)")
    parser.add_argument("--edits", type=int, default=9, help="watch-mode edits per kind and guide (0: skip)")
    parser.add_argument("--kinds", default=",".join(guide_edits.KINDS), help="comma-separated kinds of edit")
    parser.add_argument("--reload", type=int, default=5,
                        help="edits per kind shown in headless Chromium by `guide serve` (0: skip)")
    parser.add_argument("--readers", default="10000,100000",
                        help="comma-separated guide sizes measured as readers meet them (pages, search)")
    parser.add_argument("--only", default="builds,multi,edits,reload,readers",
                        help="comma-separated parts to run: builds, multi, edits, reload, readers")
    parser.add_argument("--guide", help="a guide binary to measure instead of building the release one")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # tables in order with the progress on standard error

    parts = set(args.only.split(","))
    unknown = parts - {"builds", "multi", "edits", "reload", "readers"}
    kinds = args.kinds.split(",")
    bad_kinds = [k for k in kinds if k not in guide_edits.KINDS]
    if unknown or bad_kinds:
        parser.error(f"unknown part or kind: {', '.join(sorted(unknown) + bad_kinds)}")
    multi = None
    if args.multi != "none" and ("multi" in parts or "edits" in parts):
        match = re.fullmatch(r"(\d+)x(\d+)", args.multi)
        if not match:
            parser.error("--multi takes GUIDESxPAPERS, e.g. 50x200, or none")
        multi = (int(match.group(1)), int(match.group(2)))
    if args.runs < 1:
        parts -= {"builds", "multi"}
    if args.edits < 1:
        parts.discard("edits")
    if args.reload < 1:
        parts.discard("reload")
    if parts & {"reload", "readers"}:
        try:
            import live_reload_latency  # noqa: F401 (selenium is there)
        except ImportError as error:
            sys.exit(f"the reload and readers parts need selenium ({error}): pip install selenium, "
                     f"apt-get install chromium chromium-driver; or --only without them")

    guide = os.path.abspath(args.guide) if args.guide else build_guide()
    work = tempfile.mkdtemp(prefix="guide-bench-")
    try:
        failed = run(args, parts, kinds, multi, guide, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit("some edits were not on disk or not shown as expected: see the notes under the tables")


def run(args, parts, kinds, multi, guide, work):
    """The parts asked for, their tables and the targets; whether an edit went wrong."""
    token = guide_edits.letters(random.randrange(26 ** 3, 26 ** 4))
    print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; guide {guide}; work folder {work}")
    sizes = [int(p) for p in args.papers.split(",")]
    largest = max(sizes)
    multi_project = None
    if multi and ("multi" in parts or "edits" in parts):
        # First, so that a binary that refuses several guides stops the run before anything is timed.
        multi_project = generate_multi(multi[0], multi[1], work)
        probe_multi(guide, multi_project, work)
    targets = []
    failed = False

    project = None
    if "builds" in parts:
        floor = build_floor(work)
        results = []
        for papers in sizes:
            result, path = bench(guide, papers, args.runs, work, not args.no_hugo, floor, args.hugo_getterms)
            results.append(result)
            if papers == largest:
                project = path
        print()
        print_builds(results)
        big = next(r for r in results if r["papers"] == largest)
        if "hugo" in big:
            memory = big["guide"][1] / big["hugo"][1]
            targets.append((1, f"{largest:,} papers: guide's time ≤ 0.4× Hugo's (paired median)",
                            f"{big['ratio']:.2f}×", big["ratio"] <= 0.4))
            targets.append((1, f"{largest:,} papers: guide's peak memory ≤ 1/3 of Hugo's",
                            f"{memory:.2f}× ({big['guide'][1] / 1024:.0f} MiB against {big['hugo'][1] / 1024:.0f} MiB)",
                            memory <= 1 / 3))
    if project is None and parts & {"multi", "edits", "reload"}:
        project, _ = generate(largest, work)

    if "multi" in parts and multi_project:
        result = bench_multi(guide, project, multi_project, args.runs, work)
        print()
        print_multi(result, largest, multi[0], multi[1])
        targets.append((2, f"{multi[0]} guides × {multi[1]} papers: ≤ 1.2× the time of one {largest:,}-paper guide "
                           f"(paired median)", f"{result['ratio']:.2f}×", result["ratio"] <= 1.2))

    if "edits" in parts:
        tables = []
        tables.append((f"{largest:,} papers",
                       watch_edits(guide, project, "guide.txt", None, kinds, args.edits, work, token)))
        if multi_project:
            middle = (multi[0] + 1) // 2
            name = f"conf{middle}-2025.txt"
            tables.append((f"{multi[0]} × {multi[1]}: {name}",
                           watch_edits(guide, multi_project, name, name[:-4], kinds, args.edits, work, token + "m")))
        print()
        print_edits(tables, 0.050)
        for label, results in tables:
            targets.append(edit_target(3, f"watch, {label}", results, 0.050, args.edits, "on disk"))
            failed |= any(r["wrong"] for r in results.values())

    if "reload" in parts:
        import live_reload_latency
        results = live_reload_latency.measure(guide, project, None, kinds, args.reload, work, token + "r")
        print()
        print_reload(f"{largest:,} papers", results, 0.150)
        targets.append(edit_target(4, f"serve, {largest:,} papers", results, 0.150, args.reload, "visible in the browser"))
        failed |= any(r["wrong"] for r in results.values())

    if "readers" in parts:
        results = bench_readers(guide, [int(p) for p in args.readers.split(",")], work)
        print()
        print_readers(results)
        targets += reader_targets(results)

    if targets:
        print()
        print_targets(targets)
    return failed


if __name__ == "__main__":
    main()
