#!/usr/bin/env python3
"""`guide` on a full disk: a tiny tmpfs holds the output folder.

  1. A full build that runs out of space fails with exit 1 and leaves the
     previous site exactly as it was, with no staging folder left behind.
  2. In `guide build --watch`, a rebuild that runs out of space while
     replacing files leaves every file whole (the old version or the new one,
     byte for byte, no temporary file), and the terminal says how many files
     were written; once there is space again, the next edit gives exactly the
     site a fresh build gives.

Needs root (it mounts a tmpfs). Prints each check and exits 1 when one failed.

    python3 Tests/Faults/full_disk.py --guide .build/release/guide
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(REPO, "Content", "icml-2023.txt")
DATE = 1_700_000_000  # the guide file's date: the feed's `updated`, the same in every build compared
FAILED = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        FAILED.append(what)


def guide_text(version):
    """The seed; version 1 has a longer title, on every page, so that its site is larger."""
    with open(SEED, encoding="utf-8") as file:
        text = file.read()
    if version == 1:
        text = text.replace("A quick guide to Amazon’s papers at ICML 2023",
                            "A quick guide to Amazon’s papers at ICML 2023, " + "with a much longer title " * 20, 1)
    return text


def write_guide(folder, version):
    path = os.path.join(folder, "Content", "icml-2023.txt")
    with open(path, "w", encoding="utf-8") as file:
        file.write(guide_text(version))
    os.utime(path, (DATE, DATE))


def project(root, version):
    os.makedirs(os.path.join(root, "Content"), exist_ok=True)
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(root, "Templates"), dirs_exist_ok=True)
    write_guide(root, version)


def snapshot(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as file:
                files[os.path.relpath(path, folder)] = file.read()
    return files


def free_bytes(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guide", default=os.environ.get("GUIDE_BINARY", os.path.join(REPO, ".build/release/guide")))
    guide = os.path.abspath(parser.parse_args().guide)
    work = tempfile.mkdtemp(prefix="guide-full-disk-")
    mount = os.path.join(work, "disk")
    os.makedirs(mount)

    # The two sites, built on a roomy disk, to compare with.
    references = []
    for version in (0, 1):
        root = os.path.join(work, f"reference-{version}")
        project(root, version)
        subprocess.run([guide, "build"], cwd=root, check=True, capture_output=True)
        references.append(snapshot(os.path.join(root, "Output")))
    changed = [path for path in references[1] if references[1][path] != references[0].get(path)]
    check(len(changed) > 100, f"the second version changes {len(changed)} files")
    # On disk: whole 4 KB pages per file.
    size = sum((len(data) + 4095) // 4096 * 4096 for data in references[1].values())

    # Room for one site (and the tmpfs's own blocks), not two.
    tmpfs_size = size * 3 // 2 + 64 * 1024
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={tmpfs_size}", "tmpfs", mount]).returncode != 0:
        # A container without the right to mount: say so loudly, do not fail the run.
        print("SKIPPED: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
        shutil.rmtree(work, ignore_errors=True)
        return 0
    try:
        root = os.path.join(work, "project")
        project(root, 0)
        output = os.path.join(mount, "Output")

        # 1. A full build into a disk with no room for the staged copy.
        first = subprocess.run([guide, "build", "--output", output], cwd=root, capture_output=True, text=True)
        check(first.returncode == 0, f"the first build fits ({first.stderr.strip()[-200:]})")
        before = snapshot(output)
        write_guide(root, 1)
        second = subprocess.run([guide, "build", "--output", output], cwd=root, capture_output=True, text=True)
        check(second.returncode == 1, "a build that runs out of space exits 1")
        check("No space left on device" in second.stderr and "nothing was written" in second.stderr,
              f"it says so: {second.stderr.strip().splitlines()[-2:]}")
        check(snapshot(output) == before, "the previous site is exactly as it was")
        check(not [name for name in os.listdir(mount) if name not in ("Output", ".Output.guide-lock")],
              f"nothing but the lock file is left beside it: {os.listdir(mount)}")

        # 2. Watch mode: rebuilds replace files in place of the old ones.
        write_guide(root, 0)
        shutil.rmtree(output, ignore_errors=True)
        watch = subprocess.Popen([guide, "build", "--watch", "--output", output], cwd=root,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = []
        threading.Thread(target=lambda: [lines.append(line) for line in watch.stdout], daemon=True).start()
        deadline = time.time() + 60
        while time.time() < deadline and not any(line.startswith("Watching ") for line in lines):
            time.sleep(0.05)
        check(snapshot(output) == references[0], "watch mode built the first site")

        # Fill the disk but for a little: the larger pages cannot all be written.
        filler = os.path.join(mount, "filler")
        with open(filler, "wb") as file:
            file.write(b"\0" * max(0, free_bytes(mount) - 48 * 1024))
        seen = len(lines)
        write_guide(root, 1)
        deadline = time.time() + 30
        while time.time() < deadline and not any("build failed" in line for line in lines[seen:]):
            time.sleep(0.05)
        said = "".join(lines[seen:])
        check("build failed during write" in said and "changed files written, each whole" in said,
              f"the terminal says what state the folder is in: {[line.strip() for line in lines[seen:] if 'failed' in line]}")
        after = snapshot(output)
        mixed = [path for path, data in after.items()
                 if data != references[0].get(path) and data != references[1].get(path)]
        new = [path for path, data in after.items() if data == references[1].get(path) and data != references[0].get(path)]
        check(not mixed, f"every file is whole, old or new ({len(new)} new, {len(mixed)} neither: {mixed[:5]})")
        check(not [path for path in after if os.path.basename(path).startswith(".") and path != ".guide-output"],
              "no temporary file is left")

        # Room again (the full build that follows a failed rebuild stages a
        # whole copy): the next edit gives the site a fresh build gives.
        os.remove(filler)
        subprocess.run(["mount", "-o", f"remount,size={tmpfs_size * 3}", mount], check=True)
        seen = len(lines)
        write_guide(root, 0)
        time.sleep(0.3)
        write_guide(root, 1)
        deadline = time.time() + 30
        while time.time() < deadline and snapshot(output) != references[1]:
            time.sleep(0.1)
        check(snapshot(output) == references[1],
              f"after space is freed, an edit gives exactly a fresh build's site: {[line.strip() for line in lines[seen:]][-3:]}")
        watch.terminate()
        watch.wait(timeout=10)
    finally:
        subprocess.run(["umount", mount])
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
