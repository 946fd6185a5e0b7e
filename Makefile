# Child Online Safety Hub. `make site` builds the offline site; `make test` runs every check.
# Targets are idempotent: stamps make them near-instant when nothing changed.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE := site
SOURCES := mkdocs.yml $(shell find docs modules data overrides scripts -type f -not -name '*.pyc' 2>/dev/null)

.PHONY: site test serve bench report i18n-report linkcheck-external check clean deps test-deps usb

site: $(SITE)/.built

$(VENV)/.site-deps: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(SITE)/.built: $(VENV)/.site-deps $(VENV)/.pdf-libs $(SOURCES)
	$(PY) -m scripts.build_site $(SITE)
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

# WeasyPrint (PDF workshop kit) draws text with Pango and HarfBuzz from Debian; fonts are vendored in scripts/fonts.
$(VENV)/.pdf-libs: $(VENV)/.site-deps
	dpkg -s libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; }
	$(PY) -c "import weasyprint"
	touch $@

# Playwright cannot download its own browser here: use Debian's chromium.
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# axe-core (accessibility engine) from the npm registry, pinned in package-lock.json.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian's minisign: the tests check that the standard tool verifies our signatures.
/usr/bin/minisign:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq minisign >/dev/null

test-deps: $(VENV)/.test-deps /usr/bin/chromium /usr/bin/minisign node_modules/axe-core/axe.min.js

test: site test-deps
	$(PY) -m pytest

check: $(VENV)/.site-deps
	$(PY) -m scripts.modules check
	$(PY) -m scripts.directory check
	$(PY) -m scripts.i18n check

serve: $(VENV)/.site-deps
	$(VENV)/bin/mkdocs serve

bench: $(VENV)/.site-deps
	$(PY) -m scripts.bench

# The signed USB edition in dist/usb and dist/<name>-<edition>.zip (README: USB edition). Needs the signing key:
# HUB_SIGNING_KEY=/path/to/minisign.key, default ~/.config/hub/minisign.key; never inside the repository.
usb: site
	$(PY) -m scripts.usb_bundle --site $(SITE) --dist dist

report: $(VENV)/.site-deps
	@mkdir -p build
	$(PY) -m scripts.directory report > build/directory-report.md
	@echo "Written build/directory-report.md"

# Every translation that is missing or made from an older English text (also in the site: maintainers/translations).
i18n-report: $(VENV)/.site-deps
	$(PY) -m scripts.i18n report

# Needs a network: checks every external address in the directory data. Not part of `make test`.
linkcheck-external: $(VENV)/.test-deps
	@mkdir -p build
	$(PY) -m scripts.directory urls > build/directory-urls.txt
	$(VENV)/bin/linkchecker --no-status --check-extern --no-robots --stdin < build/directory-urls.txt

clean:
	rm -rf $(SITE) build
