"""What the browser tests share: a headless Chromium, a folder served over
HTTP on 127.0.0.1, waiting for a condition, and the pass/fail tally.

Needs Debian's `chromium` and `chromium-driver` and `pip install selenium`.
"""

import functools
import http.server
import shutil
import socketserver
import threading
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Served:
    """`folder` served at http://127.0.0.1:<port>/ in a thread, until `close()`."""

    def __init__(self, folder):
        handler = functools.partial(Quiet, directory=folder)
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def browser(profile, performance_log=False, window="1200,900"):
    """Headless Chromium with its own profile folder (a cold cache)."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={window}", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def wait_for(condition, timeout=15.0):
    """The first truthy value of `condition()` within `timeout` seconds (exceptions count as falsy)."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = condition()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.02)
    try:
        return condition()
    except Exception:
        return None


class Tally:
    """Counts checks; prints each failure, and `N passed, N failed` at the end."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {message}", flush=True)
        return condition

    def crashed(self, name):
        self.failed += 1
        print(f"FAIL: {name} raised:", flush=True)
        traceback.print_exc()

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 1 if self.failed else 0
