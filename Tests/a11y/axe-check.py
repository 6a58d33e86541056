#!/usr/bin/env python3
"""Accessibility check of built sites with axe-core in headless Chromium.

Serves each built site folder over HTTP on 127.0.0.1 (a free port; the icons are an SVG sprite, which browsers do
not load from file: URLs), opens every HTML page in one Chromium session and runs axe-core's default rules (WCAG
2.x A and AA, and best practices) in each of four views: 1280 and 390 px wide, light and dark colour scheme.
The page is loaded once; the views are switched through the DevTools protocol (Emulation.setDeviceMetricsOverride,
390 px as a phone with the mobile viewport; Emulation.setEmulatedMedia for prefers-color-scheme, with
prefers-reduced-motion set so that no smooth scrolling runs while axe measures). Prints every violation with its
page, view, rule, impact and elements, then one summary line; exits 1 when there is any violation or nothing to
check, or when the browser or a page could not be run.

Pages that only redirect (a `<meta http-equiv="refresh">` stub, as written for /en/) are listed and not checked:
the browser leaves them at once, and their target is one of the checked pages.

    Tests/a11y/axe-check.py [--chromium /usr/bin/chromium] [--chromedriver /usr/bin/chromedriver]
                            [--widths 1280,390] [--schemes light,dark] SITE_FOLDER [SITE_FOLDER ...]

Needs Debian's `chromium` and `chromium-driver`, and PyPI's `selenium` and `axe-core-python` (which ships
`axe.min.js`; `--axe FILE` takes another copy). Nothing is loaded from other hosts.
"""
import argparse
import functools
import http.server
import json
import os
import re
import sys
import threading
import time
from pathlib import Path

REDIRECT = re.compile(rb"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)

# Waits two frames (so that a changed viewport or colour scheme is laid out and painted), then runs axe-core's
# default rules and returns the violations alone (leaving out the passes keeps each run short).
RUN_AXE = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  axe.run(document, {resultTypes: ["violations"]})
    .then((results) => done({violations: results.violations.map((rule) => ({
      id: rule.id, impact: rule.impact, help: rule.help,
      nodes: rule.nodes.map((node) => ({target: node.target, summary: node.failureSummary}))}))}))
    .catch((error) => done({error: String(error)}));
}));
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without logging each request."""

    def log_message(self, format, *args):
        pass


def serve(folder):
    """Starts a threaded HTTP server for `folder` on 127.0.0.1 and a free port; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages(folder):
    """The site's HTML pages as (URL path, is a redirect stub), sorted; index.html is served as its folder."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        url = relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative
        with open(path, "rb") as handle:
            found.append((url, bool(REDIRECT.search(handle.read(4096)))))
    return found


def start_browser(arguments):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = arguments.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--lang=en-US", "--window-size=1280,900"):
        options.add_argument(flag)
    # Both paths are given, so Selenium never looks for (or downloads) a driver of its own.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=arguments.chromedriver))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_view(driver, width, scheme):
    phone = width < 600
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 844 if phone else 900, "deviceScaleFactor": 1, "mobile": phone})
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme},
                      {"name": "prefers-reduced-motion", "value": "reduce"}]})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", nargs="+", type=Path, metavar="SITE_FOLDER", help="a built site (its public/)")
    parser.add_argument("--chromium", default=os.environ.get("CNMM_CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CNMM_CHROMEDRIVER", "/usr/bin/chromedriver"))
    parser.add_argument("--axe", type=Path, help="axe.min.js to use (default: the copy in axe-core-python)")
    parser.add_argument("--widths", default="1280,390", help="viewport widths in CSS px, comma-separated")
    parser.add_argument("--schemes", default="light,dark", help="colour schemes, comma-separated")
    arguments = parser.parse_args()

    if arguments.axe is None:
        try:
            from axe_core_python.base import AXE_FILE_PATH
        except ImportError:
            sys.exit("axe-check: needs `pip install axe-core-python selenium` (or --axe FILE)")
        arguments.axe = AXE_FILE_PATH
    axe_script = arguments.axe.read_text(encoding="utf-8")
    version = re.search(r"axe v([\d.]+)", axe_script[:200])
    widths = [int(width) for width in arguments.widths.split(",")]
    schemes = arguments.schemes.split(",")
    views = [(width, scheme) for width in widths for scheme in schemes]
    for site in arguments.sites:
        if not site.is_dir():
            sys.exit(f"axe-check: {site}: no such folder")

    start = time.monotonic()
    try:
        driver = start_browser(arguments)
    except Exception as error:  # Selenium's errors say what is missing (the browser, the driver, their versions).
        sys.exit(f"axe-check: could not start Chromium through {arguments.chromedriver}: {error}")
    checked, skipped, violations, runs = 0, [], [], 0
    try:
        for site in arguments.sites:
            server, base = serve(site)
            try:
                for url, redirect in pages(site):
                    if redirect:
                        skipped.append(f"{site}/{url}")
                        continue
                    set_view(driver, *views[0])
                    driver.get(base + url)
                    driver.execute_script(axe_script)
                    checked += 1
                    for width, scheme in views:
                        set_view(driver, width, scheme)
                        result = driver.execute_async_script(RUN_AXE)
                        runs += 1
                        if "error" in result:
                            sys.exit(f"axe-check: axe-core failed on {site}/{url}: {result['error']}")
                        for rule in result["violations"]:
                            violations.append((f"{site}/{url}", f"{width} px {scheme}", rule))
            finally:
                server.shutdown()
                server.server_close()
    finally:
        driver.quit()

    if checked == 0:
        sys.exit("axe-check: no HTML page to check in " + ", ".join(str(site) for site in arguments.sites))
    for page, view, rule in violations:
        print(f"{page} [{view}]: {rule['id']} ({rule['impact']}): {rule['help']}")
        for node in rule["nodes"][:5]:
            summary = " ".join(node["summary"].split()) if node["summary"] else ""
            print(f"    {json.dumps(node['target'])}: {summary}")
        if len(rule["nodes"]) > 5:
            print(f"    … and {len(rule['nodes']) - 5} more elements")
    for page in skipped:
        print(f"not checked, a redirect stub: {page}")
    rules = {}
    for _, _, rule in violations:
        rules[rule["id"]] = rules.get(rule["id"], 0) + 1
    by_rule = ", ".join(f"{rule} {count}" for rule, count in sorted(rules.items()))
    print(
        f"axe-check: axe-core {version.group(1) if version else '?'}, {checked} pages in {len(arguments.sites)} "
        f"site(s), {len(views)} views each ({', '.join(f'{w} px {s}' for w, s in views)}), {runs} runs: "
        f"{len(violations)} violations{f' ({by_rule})' if by_rule else ''} in {time.monotonic() - start:.1f} s")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
