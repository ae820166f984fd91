"""The pages the furniture model learns from and is judged on, each with its site.

Four sources, all read in place under ``../shared`` (nothing is copied into the repository):

- ``dumps``: the crawler dumps with gold (``gold/dumps``): the dump's lines, the gold body,
  the gold furniture lines (what ``tidings eval`` scores);
- ``wcxb``: the other WCXB dev article pages (``bench/wcxb-dev``), turned into dumps the way
  the gold dumps were made (resiliparse, main content, no links), with the WCXB reference
  text as body and, as furniture, the dump lines that hold a WCXB boilerplate snippet and
  none of the reference text (the gold dumps' own rule);
- ``zyte``: the Zyte benchmark pages (``bench/zyte``), made into dumps the same way, with the
  benchmark's article body (no furniture list: the lines are labelled by the body alone);
- ``news``: the HTML pages of ``news/`` whose text is a benchmark's reference and which are
  not Zyte pages already.

Every dump line is labelled article (1) when most of its word trigrams (or, for a line of
one or two words, the whole line) occur in the reference body, else furniture (0). WCXB
pages also carry their reference lines and boilerplate snippets read alone, so the local
pass learns lines without a page. Generated dumps are cached (``--cache``).
"""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.extract.sites import site_of

TOKEN = re.compile(r"\w+")
# share of a line's word trigrams found in the reference body for the line to count as article
COVERAGE = 0.5
SOURCES = ("dumps", "wcxb", "zyte", "news")


@dataclass
class TrainingPage:
    id: str
    source: str
    site: str
    url: str | None
    lines: list[str]
    labels: list[int]
    body: str
    # lines of the page a reader must not find in the body (scored as ``tidings eval`` does)
    furniture: list[str] = field(default_factory=list)
    # WCXB reference lines (1) and boilerplate snippets (0), each to be judged alone
    alone: list[tuple[str, int]] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """Whether the dump holds the article at all (a page whose extractor lost it
        teaches nothing but noise)."""
        return sum(self.labels) > 0


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def label_lines(lines: list[str], body: str) -> list[int]:
    """1 for a line whose words are in the reference body, else 0."""
    body = html.unescape(body).replace('\\"', '"')
    bt = _tokens(body)
    trigrams = {tuple(bt[i : i + 3]) for i in range(len(bt) - 2)}
    body_lines = {" ".join(_tokens(p)) for p in re.split(r"\n+", body)}
    labels = []
    for line in lines:
        t = _tokens(line)
        if len(t) >= 3:
            hits = sum(tuple(t[i : i + 3]) in trigrams for i in range(len(t) - 2))
            labels.append(int(hits / (len(t) - 2) >= COVERAGE))
        else:
            labels.append(int(bool(t) and " ".join(t) in body_lines))
    return labels


def text_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def reference_lines(truth: dict) -> list[tuple[str, int]]:
    """A WCXB record's reference lines (1) and boilerplate snippets (0)."""
    main = html.unescape(truth.get("main_content") or "")
    out = [(ln.strip(), 1) for ln in main.splitlines() if TOKEN.search(ln)]
    out += [
        (html.unescape(s).strip(), 0)
        for s in truth.get("without") or []
        if isinstance(s, str) and TOKEN.search(s)
    ]
    return out


def snippet_lines(lines: list[str], labels: list[int], snippets: list[str]) -> list[str]:
    """The non-article lines that hold one of the boilerplate snippets."""
    wanted = [" ".join(_tokens(html.unescape(s))) for s in snippets if isinstance(s, str)]
    wanted = [w for w in wanted if w]
    found = []
    for line, label in zip(lines, labels, strict=True):
        flat = " ".join(_tokens(line))
        if not label and any(w in flat for w in wanted):
            found.append(line)
    return found


def resiliparse_dump(raw: bytes, page_id: str, cache: Path) -> str:
    """The page as a crawler's text dump (as ``../shared/dumps`` were made), cached."""
    path = cache / f"{page_id}.txt"
    if path.exists():
        return path.read_text("utf-8")
    from resiliparse.extract.html2text import extract_plain_text

    from tidings.sources.decode import decode_html

    text = extract_plain_text(
        decode_html(raw, page_id)[0], main_content=True, alt_texts=False, links=False,
        list_bullets=False,
    )  # fmt: skip
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return text


def _read_raw(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def gold_dump_pages(shared: Path, wcxb_truth: dict[str, dict]) -> list[TrainingPage]:
    pages = []
    for path in sorted((shared / "gold" / "dumps").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared / gold["input"]["file"]).read_text("utf-8")
        lines = text_lines(text)
        body = gold["article"]["body"]
        furniture = []
        for entry in gold["article"].get("furniture") or []:
            if isinstance(entry, dict):  # an offset into the input (scripts/gold_spans.py)
                start, end = entry["span"]
                entry = text[start:end]
            furniture.append(entry.strip())
        wcxb_id = gold["id"].removeprefix("dump-wcxb-")
        url = gold["input"].get("url")
        pages.append(
            TrainingPage(
                id=gold["id"], source="dumps", site=site_of(url), url=url, lines=lines,
                labels=label_lines(lines, body), body=body, furniture=furniture,
                alone=reference_lines(wcxb_truth.get(wcxb_id, {})),
            )
        )  # fmt: skip
    return pages


def wcxb_pages(shared: Path, wcxb_truth: dict[str, dict], skip: set[str], cache: Path) -> list:
    folder = shared / "bench" / "wcxb-dev"
    pages = []
    for page_id, record in sorted(wcxb_truth.items()):
        if page_id in skip:
            continue
        html_path = folder / "html" / f"{page_id}.html.gz"
        if not html_path.exists():
            continue
        url = record.get("url")
        lines = text_lines(resiliparse_dump(_read_raw(html_path), f"wcxb-{page_id}", cache))
        truth = record.get("ground_truth") or {}
        body = html.unescape(truth.get("main_content") or "")
        labels = label_lines(lines, body)
        pages.append(
            TrainingPage(
                id=f"wcxb-{page_id}", source="wcxb", site=site_of(url), url=url, lines=lines,
                labels=labels, body=body,
                furniture=snippet_lines(lines, labels, truth.get("without") or []),
                alone=reference_lines(truth),
            )
        )  # fmt: skip
    return pages


def zyte_pages(shared: Path, cache: Path) -> list[TrainingPage]:
    folder = shared / "bench" / "zyte"
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, record in sorted(truth.items()):
        html_path = folder / "html" / f"{page_id}.html.gz"
        if not html_path.exists():
            continue
        lines = text_lines(resiliparse_dump(_read_raw(html_path), f"zyte-{page_id}", cache))
        body = record.get("articleBody") or ""
        url = record.get("url")
        pages.append(
            TrainingPage(
                id=f"zyte-{page_id[:12]}", source="zyte", site=site_of(url), url=url,
                lines=lines, labels=label_lines(lines, body), body=body,
            )
        )  # fmt: skip
    return pages


def news_pages(shared: Path, cache: Path) -> list[TrainingPage]:
    pages = []
    for raw in (shared / "news" / "manifest.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(raw)
        if entry.get("format") != "html" or entry["id"].startswith("zyte-"):
            continue
        if not str(entry.get("text_origin", "")).startswith("gold"):
            continue
        reference = (shared / "news" / entry["text_file"]).read_text("utf-8")
        body = reference.split("\n\n", 1)[1] if "\n\n" in reference else reference
        html_path = shared / "news" / entry["file"]
        lines = text_lines(resiliparse_dump(_read_raw(html_path), f"news-{entry['id']}", cache))
        url = entry.get("url")
        pages.append(
            TrainingPage(
                id=f"news-{entry['id']}", source="news", site=site_of(url), url=url,
                lines=lines, labels=label_lines(lines, body), body=body,
            )
        )  # fmt: skip
    return pages


def load_pages(shared: Path, cache: Path, sources: tuple[str, ...] = SOURCES) -> list:
    """Every training page of the sources asked for (unusable pages are kept: they are
    scored, never fitted)."""
    truth_folder = shared / "bench" / "wcxb-dev" / "ground-truth"
    wcxb_truth = {
        p.stem: json.loads(p.read_text("utf-8")) for p in sorted(truth_folder.glob("*.json"))
    }
    pages: list[TrainingPage] = []
    plain = {k: v.get("ground_truth") or {} for k, v in wcxb_truth.items()}
    dumps = gold_dump_pages(shared, plain)
    if "dumps" in sources:
        pages += dumps
    if "wcxb" in sources:
        skip = {p.id.removeprefix("dump-wcxb-") for p in dumps}
        pages += wcxb_pages(shared, wcxb_truth, skip, cache)
    if "zyte" in sources:
        pages += zyte_pages(shared, cache)
    if "news" in sources:
        pages += news_pages(shared, cache)
    return pages
