#!/usr/bin/env python3
""""My list" in headless Chromium: star papers, see them on /my-list/, share
the list as a link, and download it as BibTeX and as a calendar.

Builds the seed guide (the repository's Content/, whose settings give two
papers a time) into a temporary folder, serves it over HTTP on 127.0.0.1, and
checks, with the keyboard where a reader would use it:

  - every paper card and paper page has a star button, shown by the script,
    with aria-pressed false; Enter on it sets aria-pressed true and a status
    message says so; a second page sees the same state (local storage);
  - /my-list/ lists the starred papers by their titles (from each paper's
    cite.json), grouped by day for the timed ones; "Remove" takes one away;
  - "Copy a link to this list" gives a link whose fragment names the papers;
    opened in a fresh browser profile, the page shows the shared list and
    "Add them to my list" stores it;
  - "Download BibTeX" saves one entry per paper (each paper's cite.bib);
    "Download calendar" saves one VCALENDAR with a VEVENT per timed paper;
  - no request leaves 127.0.0.1.

    python3 Tests/Browser/test_my_list.py --guide .build/debug/guide

Needs Debian's `chromium` and `chromium-driver` and `pip install selenium`.
Prints `N passed, N failed` last and exits 1 when a check failed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Served, browser, wait_for  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIMED = "Thompson sampling with diffusion generative prior"
UNTIMED = "Multi-task off-policy learning from bandit feedback"


CAPTURE_DOWNLOADS = """
window.__downloads = [];
const create = URL.createObjectURL;
URL.createObjectURL = function (blob) {
  blob.text().then(text => window.__downloads.push({type: blob.type, text: text}));
  return create.call(URL, blob);
};
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guide", default=os.environ.get("GUIDE_BINARY", os.path.join(REPO, ".build", "debug", "guide")))
    arguments = parser.parse_args()
    results = []

    def check(name, condition, detail=""):
        results.append(bool(condition))
        print(("ok    " if condition else "FAIL  ") + name + ("" if condition or not detail else f": {detail}"))

    work = tempfile.mkdtemp(prefix="guide-my-list-")
    output = os.path.join(work, "Output")
    subprocess.run([arguments.guide, "build", "--content", os.path.join(REPO, "Content"), "--output", output],
                   check=True, capture_output=True)
    server = Served(output)
    base = server.url.rstrip("/")
    drivers = []
    try:
        driver = browser(os.path.join(work, "profile-1"), performance_log=True)
        drivers.append(driver)
        driver.get(base + "/papers/")
        stars = wait_for(lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "button.star-button") if b.is_displayed()])
        cards = driver.find_elements(By.CSS_SELECTOR, ".paper-card")
        check("every card on the papers list has a shown star button", stars and len(stars) == len(cards), f"{len(stars)} of {len(cards)}")
        check("stars start unpressed", all(b.get_attribute("aria-pressed") == "false" for b in stars))

        def star(title):
            button = driver.find_element(By.CSS_SELECTOR, f'button.star-button[data-title="{title}"]')
            driver.execute_script("arguments[0].focus()", button)
            button.send_keys(Keys.ENTER)
            return button

        button = star(TIMED)
        check("Enter on a star presses it", wait_for(lambda: button.get_attribute("aria-pressed") == "true"))
        status = wait_for(lambda: driver.execute_script(
            "return [...document.querySelectorAll('[role=status]')].map(e => e.textContent).join(' ')"))
        check("a status message says the paper was added", f"Added to my list: {TIMED}" in (status or ""), status)
        star(UNTIMED)

        driver.get(base + "/papers/thompson-sampling-with-diffusion-generative-prior/")
        page_star = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, "button.star-button-large"))
        check("the paper page's star shows the stored state", wait_for(lambda: page_star.get_attribute("aria-pressed") == "true"))

        driver.get(base + "/my-list/")
        driver.execute_script(CAPTURE_DOWNLOADS)
        titles = wait_for(lambda: [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".my-list-papers .paper-card-title a")]
                          if len(driver.find_elements(By.CSS_SELECTOR, ".my-list-papers .paper-card-title a")) == 2 else None)
        check("the list page shows both papers by title", titles and sorted(titles) == sorted([TIMED, UNTIMED]), titles)
        days = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".my-list-day")]
        check("the timed paper is under its day, the other under Not scheduled",
              len(days) == 2 and "2023" in days[0] and days[1] == "Not scheduled", days)
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".my-list-papers .paper-card-title a")]
        check("titles link to the paper pages", all(l.startswith(base + "/papers/") for l in links), links)

        driver.find_element(By.CSS_SELECTOR, ".my-list-bibtex").send_keys(Keys.ENTER)
        bib = wait_for(lambda: [d for d in driver.execute_script("return window.__downloads") if "bibtex" in d["type"]])
        text = bib[0]["text"] if bib else ""
        check("the BibTeX download has one entry per paper", text.count("@inproceedings{") == 2 and TIMED in text, text[:200])

        driver.find_element(By.CSS_SELECTOR, ".my-list-ics").send_keys(Keys.ENTER)
        ics = wait_for(lambda: [d for d in driver.execute_script("return window.__downloads") if "calendar" in d["type"]])
        text = ics[0]["text"] if ics else ""
        check("the calendar download is one VCALENDAR with the timed paper's VEVENT",
              text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 1 and "DTSTART" in text, text[:200])

        driver.find_element(By.CSS_SELECTOR, ".my-list-share").send_keys(Keys.ENTER)
        link = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".my-list-share-link").get_attribute("value"))
        check("the share link names both papers in its fragment", link and "#papers=" in link and link.count("papers%2F") == 2, link)

        remove = driver.find_elements(By.CSS_SELECTOR, ".my-list-remove")
        remove[0].send_keys(Keys.ENTER)
        check("Remove takes a paper off the list",
              wait_for(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".my-list-papers .paper-card-title a")) == 1))

        other = browser(os.path.join(work, "profile-2"), performance_log=True)
        drivers.append(other)
        other.get(link)
        shared = wait_for(lambda: other.find_element(By.CSS_SELECTOR, ".my-list-shared").is_displayed())
        check("a shared link opens the shared list in another browser", shared)
        check("it shows both shared papers", wait_for(lambda: len(other.find_elements(By.CSS_SELECTOR, ".my-list-papers .paper-card-title a")) == 2))
        other.find_element(By.CSS_SELECTOR, ".my-list-adopt").send_keys(Keys.ENTER)
        stored = wait_for(lambda: other.execute_script("return JSON.parse(localStorage.getItem('guide.myList') || '[]').length") == 2)
        check("Add them to my list stores the shared papers", stored)

        outside = []
        for d in drivers:
            for entry in d.get_log("performance"):
                if '"Network.requestWillBeSent"' in entry["message"] and "http" in entry["message"]:
                    import json
                    url = json.loads(entry["message"])["message"]["params"]["request"]["url"]
                    if url.startswith("http") and not url.startswith(base):
                        outside.append(url)
        check("no request leaves the site", not outside, outside[:3])
    except Exception:
        traceback.print_exc()
        results.append(False)
    finally:
        for d in drivers:
            d.quit()
        server.close()
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
