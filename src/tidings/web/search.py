"""Search over article text and quotes: a BM25 index the server builds in its copy.

DuckDB's ``fts`` extension would be the natural tool, but it is not built into the
installed DuckDB wheel and would have to be downloaded at run time (the ``duckdb-ext-fts``
package on PyPI is built for an older DuckDB), which tidings never does. The index here is
the same idea in plain SQL: every article (title and body) and every quote is split into
lower-case, accent-free words; ``web_search_terms`` holds each word's count per text, and
a query scores texts by Okapi BM25 (k1 = 1.2, b = 0.75, as ``fts`` does). Every word of
the query must occur; a "quoted phrase" must occur as those words in that order. There is
no stemming: ``sanction`` does not find ``sanctions`` (search both, or the stem and a
phrase).

The tables are written into the server's private copy of the store (see
:mod:`tidings.web.snapshot`) each time it is taken, never into the store itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from tidings.api import Tidings

Kind = Literal["articles", "quotes"]
K1, B = 1.2, 0.75
_FOLD_SQL = "regexp_split_to_array(lower(strip_accents({})), '[^a-z0-9]+')"
_PHRASE = re.compile(r'"([^"]+)"')
SNIPPET_CHARS = 240


_TEXTS = """
    SELECT 'articles' AS kind, doc_id, -1 AS ordinal,
           coalesce(title, '') || chr(10) || body AS text FROM articles
    UNION ALL
    SELECT 'quotes', doc_id, ordinal, text FROM quotes
"""
# A text's words, folded, between single spaces: the terms come from it, and a phrase is
# found in it as ' word word '.
_NORM = "' ' || regexp_replace(lower(strip_accents(text)), '[^a-z0-9]+', ' ', 'g') || ' '"


def build_index(api: Tidings, previous: Tidings | None = None) -> None:
    """Build the search tables in the store ``api`` reads (the server's copy). Articles
    are never changed once stored, so the entries of ``previous`` (the copy served until
    now) are carried over and only the texts of articles new since then are indexed."""
    con = api.store.con
    con.execute(
        "CREATE OR REPLACE TABLE web_search_docs (rid BIGINT, kind VARCHAR, doc_id VARCHAR,"
        " ordinal INTEGER, text VARCHAR, norm VARCHAR)"
    )
    con.execute("CREATE OR REPLACE TABLE web_search_terms (rid BIGINT, term VARCHAR, tf INTEGER)")
    if previous is not None and previous.store.has_table("web_search_docs"):
        old = previous.store.con.cursor()  # its own cursor: the old copy is still serving
        try:
            docs = old.sql("SELECT * FROM web_search_docs").to_arrow_table()
            terms = old.sql("SELECT * FROM web_search_terms").to_arrow_table()
        finally:
            old.close()
        con.register("_old_docs", docs)
        con.register("_old_terms", terms)
        try:
            con.execute(
                "INSERT INTO web_search_docs SELECT * FROM _old_docs"
                " WHERE doc_id IN (SELECT doc_id FROM articles)"
            )
            con.execute(
                "INSERT INTO web_search_terms SELECT t.* FROM _old_terms t"
                " SEMI JOIN web_search_docs d ON d.rid = t.rid"
            )
        finally:
            con.unregister("_old_docs")
            con.unregister("_old_terms")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _new_docs AS
        SELECT (SELECT coalesce(max(rid), 0) FROM web_search_docs)
               + row_number() OVER (ORDER BY kind, doc_id, ordinal) AS rid,
               kind, doc_id, ordinal, text, {_NORM} AS norm
        FROM ({_TEXTS}) src
        WHERE doc_id NOT IN (SELECT DISTINCT doc_id FROM web_search_docs)
        """
    )
    con.execute("INSERT INTO web_search_docs SELECT * FROM _new_docs")
    con.execute(
        """
        INSERT INTO web_search_terms
        SELECT rid, term, count(*)::INTEGER AS tf
        FROM (SELECT rid, unnest(string_split(trim(norm), ' ')) AS term FROM _new_docs)
        WHERE term <> ''
        GROUP BY rid, term
        """
    )
    con.execute("DROP TABLE _new_docs")
    con.execute(
        """
        CREATE OR REPLACE TABLE web_search_lengths AS
        SELECT d.rid, d.kind, coalesce(sum(t.tf), 0)::INTEGER AS len
        FROM web_search_docs d LEFT JOIN web_search_terms t USING (rid)
        GROUP BY d.rid, d.kind
        """
    )


@dataclass(slots=True)
class Query:
    words: list[str]
    phrases: list[str]  # each as its folded words joined by single spaces


def parse_query(api: Tidings, text: str) -> Query:
    """The query's words (folded as the index is) and its quoted phrases."""
    con = api.store.con

    def words_of(s: str) -> list[str]:
        row = con.execute(f"SELECT {_FOLD_SQL.format('?')}", [s]).fetchone()
        return [w for w in (row[0] if row else []) if w]

    words = list(dict.fromkeys(words_of(text)))
    phrases = [" ".join(words_of(p)) for p in _PHRASE.findall(text)]
    return Query(words, [p for p in phrases if " " in p])


def search(
    api: Tidings, text: str, kind: Kind = "articles", limit: int = 20, offset: int = 0
) -> tuple[list[dict[str, Any]], Query]:
    """Texts holding every word of ``text``, best BM25 score first: dicts with ``kind``,
    ``doc_id``, ``ordinal`` (-1 for articles), ``score``, ``text``, the article's
    ``title``, ``publisher`` and ``published``, and a quote's ``speaker``."""
    query = parse_query(api, text)
    if not query.words:
        return [], query
    # Phrases are checked in one scan of the folded texts, apart from the scoring joins
    # (inside them DuckDB re-reads the long texts for every candidate row).
    phrase_sql = ""
    if query.phrases:
        each = " AND ".join("contains(norm, ?)" for _ in query.phrases)
        phrase_sql = f" AND s.rid IN (SELECT rid FROM web_search_docs WHERE {each})"
    sql = f"""
        WITH q AS (SELECT unnest(?::VARCHAR[]) AS term),
        stats AS (SELECT count(*) AS n, avg(len) AS avglen FROM web_search_lengths
                  WHERE kind = ?),
        hits AS (SELECT t.rid, t.term, t.tf, l.len FROM web_search_terms t
                 JOIN q USING (term) JOIN web_search_lengths l USING (rid) WHERE l.kind = ?),
        df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
        scored AS (
            SELECT h.rid, count(*) AS matched,
                   sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                       * h.tf * ({K1} + 1)
                       / (h.tf + {K1} * (1 - {B} + {B} * h.len / stats.avglen))) AS score
            FROM hits h JOIN df USING (term), stats
            GROUP BY h.rid)
        SELECT d.kind, d.doc_id, d.ordinal, s.score, d.text, a.title, a.publisher,
               a.published, qu.speaker_code, qu.speaker_name
        FROM scored s JOIN web_search_docs d USING (rid)
        LEFT JOIN articles a ON a.doc_id = d.doc_id
        LEFT JOIN quotes qu ON qu.doc_id = d.doc_id AND qu.ordinal = d.ordinal
        WHERE s.matched = ?{phrase_sql}
        ORDER BY s.score DESC, d.doc_id, d.ordinal
        LIMIT ? OFFSET ?
    """
    params: list[Any] = [query.words, kind, kind, len(query.words),
                         *[f" {p} " for p in query.phrases], limit, offset]  # fmt: skip
    rows = api.store.con.execute(sql, params).fetchall()
    found = [
        {"kind": k, "doc_id": d, "ordinal": o, "score": round(float(s), 4), "text": t,
         "title": title, "publisher": publisher,
         "published": published.isoformat() if published else None,
         "speaker": {"code": code, "name": name} if code or name else None}
        for k, d, o, s, t, title, publisher, published, code, name in rows
    ]  # fmt: skip
    return found, query


def _fold_chars(text: str) -> str:
    """Lower case without accents, one character for each character of ``text``, so
    that offsets found in it are offsets in ``text``."""
    out = []
    for c in text:
        base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
        out.append((base or c)[0].lower())
    return "".join(out)


def snippet(text: str, query: Query, width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first hit, as (piece, is_hit) pairs."""
    folded = _fold_chars(text)
    terms = sorted(set(query.words), key=len, reverse=True)
    if not terms:
        return [(text[:width], False)]
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, terms)) + r")(?![a-z0-9])")
    first = pattern.search(folded)
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(text), start + width)
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    pos = start
    for m in pattern.finditer(folded, start, end):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], False))
        pieces.append((text[m.start() : m.end()], True))
        pos = m.end()
    if pos < end:
        pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces
