"""RSS and Atom feeds: one document per entry, entry metadata as hints."""

from __future__ import annotations

from pathlib import Path

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import iter_documents
from tidings.sources.feed import listed_urls

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://harbour.test/</link>
<item><title>Ferry fares rise</title><link>https://harbour.test/ferry</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><author>desk@harbour.test (Lena Ward)</author>
<description><![CDATA[<p>Ferry fares on the island routes will rise by five percent in April,
the operator said on Monday in a statement to passengers.</p>
<p>Season tickets bought before the end of March are not affected by the change,
the operator added in its statement.</p>]]></description></item>
<item><title>Empty entry</title><link>https://harbour.test/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><title>Bridge opens</title><link href="https://valley.test/bridge"/>
<id>tag:valley.test,2024:1</id><updated>2024-06-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;The new bridge opened on Saturday.&lt;/p&gt;
&lt;p&gt;Traffic was light.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries_become_documents_with_hints(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 1 and len(errors) == 1  # the empty entry is one error
    doc = docs[0]
    assert doc.hints["title"] == "Ferry fares rise"
    assert doc.hints["url"] == "https://harbour.test/ferry"
    assert doc.hints["published"] == "2024-03-05"
    assert doc.hints["publisher"] == "Harbour Gazette"
    assert doc.content.splitlines() == [
        "Ferry fares on the island routes will rise by five percent in April, the operator "
        "said on Monday in a statement to passengers.",
        "Season tickets bought before the end of March are not affected by the change, the "
        "operator added in its statement.",
    ]


def test_atom_entry_content_is_used(tmp_path: Path) -> None:
    path = tmp_path / "valley.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert "The new bridge opened on Saturday." in doc.content
    assert doc.hints["published"] == "2024-06-01"


def test_feed_and_sitemap_list_their_urls() -> None:
    assert listed_urls(ATOM.encode(), "valley.atom") == (False, ["https://valley.test/bridge"])
    sitemap = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>https://a.test/1</loc></url><url><loc> https://a.test/2 </loc></url>"
               b"</urlset>")  # fmt: skip
    assert listed_urls(sitemap, "sitemap.xml") == (False, ["https://a.test/1", "https://a.test/2"])


def test_xml_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><settings><a>1</a></settings>", encoding="utf-8")
    (item,) = list(iter_documents([str(path)]))
    assert isinstance(item, InputError) and "not an RSS/Atom feed" in item.one_line()
