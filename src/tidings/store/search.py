"""Full-text search over article text and quotes: a BM25 index in plain SQL.

DuckDB's ``fts`` extension would be the natural tool, but it is not built into the
installed DuckDB wheel and would have to be downloaded at run time (the ``duckdb-ext-fts``
package on PyPI is built for an older DuckDB), which tidings never does. The index here is
the same idea in plain SQL: every article (title and body) and every quote is split into
lower-case, accent-free words; ``search_terms`` holds each word's count per text, and a
query scores texts by Okapi BM25 (k1 = 1.2, b = 0.75, as ``fts`` does). Every word of the
query must occur; a "quoted phrase" must occur as those words in that order. There is no
stemming: ``sanction`` does not find ``sanctions`` (search both, or the stem and a phrase).

Where the index lives: in a store its caller owns, not in the user's store as ingest
leaves it. ``tidings serve`` builds it in its private copy of the store
(:mod:`tidings.web.snapshot`) each time it takes one. Building it into the user's store
would be wrong for three reasons: the index is about as large as the texts it indexes
(one row per distinct word of every article and quote), so every store would double for
a feature only the server uses; ingest would have to keep it current, in its write
transaction, for every article; and the commands and notebooks that read the store open
it read-only (:class:`~tidings.store.Store`), so they could not build it when missing.
:func:`build_index` works on any writable store all the same (a notebook may index a
store it owns); :func:`search` on a store without the index says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from tidings.errors import InputError, StoreError
from tidings.store import rows as R
from tidings.store.records import StoredArticle, StoredQuote
from tidings.store.store import Store

Kind = Literal["articles", "quotes"]
KINDS: tuple[str, ...] = ("articles", "quotes")
K1, B = 1.2, 0.75
TABLES = ("search_docs", "search_terms", "search_lengths")
_FOLD_SQL = "regexp_split_to_array(lower(strip_accents({})), '[^a-z0-9]+')"
_PHRASE = re.compile(r'"([^"]+)"')

_TEXTS = """
    SELECT 'articles' AS kind, doc_id, -1 AS ordinal,
           coalesce(title, '') || chr(10) || body AS text FROM articles
    UNION ALL
    SELECT 'quotes', doc_id, ordinal, text FROM quotes
"""
# A text's words, folded, between single spaces: the terms come from it, and a phrase is
# found in it as ' word word '.
_NORM = "' ' || regexp_replace(lower(strip_accents(text)), '[^a-z0-9]+', ' ', 'g') || ' '"


def has_index(store: Store) -> bool:
    row = store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'internal'"
        " AND list_contains(?, table_name)", [list(TABLES)],
    ).fetchone()  # fmt: skip
    return row is not None and row[0] == len(TABLES)


def build_index(store: Store, previous: Store | None = None) -> None:
    """Build or bring up to date the search tables of ``store`` (a writable one: the
    server's copy). Articles never change once stored, so the entries already indexed
    (in ``store`` itself, or in ``previous``, the copy served until now) are kept and only
    the texts of articles new since then are indexed."""
    con = store.con
    source = previous if previous is not None and has_index(previous) else None
    if source is None and has_index(store):
        source = store
    con.begin()
    try:
        if source is not store:
            con.execute(
                "CREATE OR REPLACE TABLE internal.search_docs (rid BIGINT, kind VARCHAR, "
                "doc_id VARCHAR, ordinal INTEGER, text VARCHAR, norm VARCHAR)"
            )
            con.execute(
                "CREATE OR REPLACE TABLE internal.search_terms (rid BIGINT, term VARCHAR, "
                "tf INTEGER)"
            )
        if source is not None and source is not store:
            _carry_over(store, source)
        con.execute("DELETE FROM search_docs WHERE doc_id NOT IN (SELECT doc_id FROM articles)")
        con.execute("DELETE FROM search_terms WHERE rid NOT IN (SELECT rid FROM search_docs)")
        _index_new(store)
        con.commit()
    except Exception:
        con.rollback()
        raise


def _carry_over(store: Store, previous: Store) -> None:
    old = previous.con.cursor()  # its own cursor: the old copy may still be serving
    try:
        old.execute("SET search_path = 'internal,main'")
        docs = old.sql("SELECT * FROM search_docs").to_arrow_table()
        terms = old.sql("SELECT * FROM search_terms").to_arrow_table()
    finally:
        old.close()
    con = store.con
    con.register("_old_docs", docs)
    con.register("_old_terms", terms)
    try:
        con.execute("INSERT INTO search_docs SELECT * FROM _old_docs")
        con.execute("INSERT INTO search_terms SELECT * FROM _old_terms")
    finally:
        con.unregister("_old_docs")
        con.unregister("_old_terms")


def _index_new(store: Store) -> None:
    con = store.con
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _new_docs AS
        SELECT (SELECT coalesce(max(rid), 0) FROM search_docs)
               + row_number() OVER (ORDER BY kind, doc_id, ordinal) AS rid,
               kind, doc_id, ordinal, text, {_NORM} AS norm
        FROM ({_TEXTS}) src
        WHERE doc_id NOT IN (SELECT DISTINCT doc_id FROM search_docs)
        """
    )
    con.execute("INSERT INTO search_docs SELECT * FROM _new_docs")
    con.execute(
        """
        INSERT INTO search_terms
        SELECT rid, term, count(*)::INTEGER AS tf
        FROM (SELECT rid, unnest(string_split(trim(norm), ' ')) AS term FROM _new_docs)
        WHERE term <> ''
        GROUP BY rid, term
        """
    )
    con.execute("DROP TABLE _new_docs")
    con.execute(
        """
        CREATE OR REPLACE TABLE internal.search_lengths AS
        SELECT d.rid, d.kind, coalesce(sum(t.tf), 0)::INTEGER AS len
        FROM search_docs d LEFT JOIN search_terms t USING (rid)
        GROUP BY d.rid, d.kind
        """
    )


@dataclass(frozen=True, slots=True)
class Query:
    """A search as the index reads it: its words, folded as the index folds them, and its
    quoted phrases (each as its folded words joined by single spaces)."""

    words: list[str]
    phrases: list[str]


def parse_query(store: Store, text: str) -> Query:
    """The query's words (folded as the index is) and its quoted phrases."""
    con = store.con

    def words_of(s: str) -> list[str]:
        row = con.execute(f"SELECT {_FOLD_SQL.format('?')}", [s]).fetchone()
        return [w for w in (row[0] if row else []) if w]

    words = list(dict.fromkeys(words_of(text)))
    phrases = [" ".join(words_of(p)) for p in _PHRASE.findall(text)]
    return Query(words, [p for p in phrases if " " in p])


def search(
    store: Store, text: str, kind: str = "articles", limit: int | None = 20, offset: int = 0
) -> list[tuple[float, StoredArticle | StoredQuote]]:
    """The articles (title and body) or quotes holding every word of ``text``, best BM25
    score first: ``(score, record)`` pairs."""
    if kind not in KINDS:
        raise InputError(f"cannot search {kind!r}: search articles or quotes")
    if offset < 0:
        raise InputError(f"offset must be 0 or more, not {offset}")
    if not has_index(store):
        raise StoreError("this store has no search index: build one with "
                         "build_search_index() in a store you may write (tidings serve "
                         "builds it in its copy)", source=store.path)  # fmt: skip
    query = parse_query(store, text)
    if not query.words:
        return []
    # Phrases are checked in one scan of the folded texts, apart from the scoring joins
    # (inside them DuckDB re-reads the long texts for every candidate row).
    phrase_sql = ""
    if query.phrases:
        each = " AND ".join("contains(norm, ?)" for _ in query.phrases)
        phrase_sql = f" AND s.rid IN (SELECT rid FROM search_docs WHERE {each})"
    if kind == "quotes":
        columns, joins = R.QUOTE_COLUMNS, (
            "JOIN quotes q ON q.doc_id = d.doc_id AND q.ordinal = d.ordinal "
            "LEFT JOIN articles a ON a.doc_id = q.doc_id")  # fmt: skip
    else:
        columns, joins = f"{R.ARTICLE_COLUMNS}, doc.source, doc.format, doc.ingested_at", (
            "JOIN articles a ON a.doc_id = d.doc_id "
            "JOIN documents doc ON doc.content_hash = a.doc_id")  # fmt: skip
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + f" OFFSET {int(offset)}"
    sql = f"""
        WITH q AS (SELECT unnest(?::VARCHAR[]) AS term),
        stats AS (SELECT count(*) AS n, avg(len) AS avglen FROM search_lengths
                  WHERE kind = ?),
        hits AS (SELECT t.rid, t.term, t.tf, l.len FROM search_terms t
                 JOIN q USING (term) JOIN search_lengths l USING (rid) WHERE l.kind = ?),
        df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
        scored AS (
            SELECT h.rid, count(*) AS matched,
                   sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                       * h.tf * ({K1} + 1)
                       / (h.tf + {K1} * (1 - {B} + {B} * h.len / stats.avglen))) AS score
            FROM hits h JOIN df USING (term), stats
            GROUP BY h.rid)
        SELECT s.score, {columns}
        FROM scored s JOIN search_docs d USING (rid) {joins}
        WHERE s.matched = ?{phrase_sql}
        ORDER BY s.score DESC, d.doc_id, d.ordinal{page}
    """
    params: list[Any] = [query.words, kind, kind, len(query.words),
                         *[f" {p} " for p in query.phrases]]  # fmt: skip
    rows = store.con.execute(sql, params).fetchall()
    make = R.quote_from_row if kind == "quotes" else R.stored_article_from_row
    return [(round(float(row[0]), 4), make(row[1:])) for row in rows]
