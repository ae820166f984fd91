"""Shared pieces of the web tests: a store holding the seed, the demo article and two
hostile articles written for these tests, and a live server on a free loopback port."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_TITLE = "Serbian President Speaks to Putin for First Time in 2.5 Years – Presidency"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip

# Written for these tests (fictional): every payload sets window.__pwned if it ever runs.
HOSTILE_TEXT = """\
Ministers Meet in Valdoria as <script>window.__pwned = 1</script> Talks Resume

The foreign minister of Valdoria, Irena Kostova, met her Castellan counterpart on Monday \
in the capital <img src=x onerror="window.__pwned = 2"> to resume talks on the border \
dispute that has strained relations for three years.

"We will not accept <script>window.__pwned = 3</script> any deal that ignores the river \
treaty," Kostova said after the meeting, adding that both sides agreed to meet again.

Officials handed reporters a statement that linked to <a href="javascript:window.__pwned=4">\
the full text</a> and to javascript:window.__pwned=5 as its source.

The talks are expected to continue next month in the Castellan capital, the ministry said.
"""
HOSTILE_META = {
    "published": "2025-03-10",
    "publisher": "<b onmouseover=window.__pwned=6>Valdoria Wire</b>",
    "url": "javascript:window.__pwned=7",
}
HOSTILE_HTML = """\
<!doctype html><html><head>
<title>Harbour &lt;script&gt;window.__pwned=8&lt;/script&gt; Deal Signed</title>
<meta property="og:title" content="Harbour &lt;img src=x onerror=window.__pwned=9&gt; Deal Signed">
<meta name="date" content="2025-04-02">
<script>window.__pwned = 10</script>
</head><body onload="window.__pwned = 11">
<nav><a href="/">Home</a> <a href="javascript:window.__pwned=12">Subscribe</a></nav>
<article>
<h1>Harbour &lt;img src=x onerror=window.__pwned=13&gt; Deal Signed</h1>
<p>The port authority of Valdoria signed an agreement with a Castellan shipping group on
Wednesday to expand the northern harbour, officials said.
<img src="x" onerror="window.__pwned = 14"></p>
<p>"This deal &lt;script&gt;window.__pwned=15&lt;/script&gt; brings work to the coast,"
the harbour director, Tomas Brek, told reporters after the signing ceremony.</p>
<p>Read the <a href="javascript:window.__pwned=16">terms of the agreement</a> on the
authority's site; construction is due to begin in the autumn and last two years.</p>
<p>Critics in the Valdorian parliament said the agreement gave the foreign group too much
control over the harbour and promised to question the minister next week.</p>
<script>document.body.dataset.pwned = "17"</script>
</article></body></html>
"""


def write_hostile(folder: Path) -> list[Path]:
    """The two hostile articles as files: a text dump with metadata, and an HTML page."""
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "hostile_talks.txt"
    text.write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "hostile_talks.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    page = folder / "hostile_harbour.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    return [text, page]


def build_store(db: Path, pipeline: Any, extra: list[Path]) -> Path:
    """Ingest examples/ and ``extra`` into ``db`` with the session's pipeline, then
    refresh its instances and findings."""
    from tidings.sources import iter_documents
    from tidings.store import Store, ingest
    from tidings.timeline.refresh import refresh

    with Store(db) as store:
        counts = ingest(store, iter_documents([str(EXAMPLES), *map(str, extra)], {}),
                        lambda: pipeline, refresh=refresh)  # fmt: skip
    assert counts.failed == 0, counts
    return db


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 and a free port; yields the base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
