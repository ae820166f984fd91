"""The lexicon is data: it parses, rejects malformed rows, takes user rows first, and maps
PLOVER type + mode to CAMEO."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import ConfigError
from tidings.events.lexicon import load_lexicon, parse_lexicon
from tidings.model import PLOVER_TYPES


def test_packaged_lexicon_covers_every_plover_type() -> None:
    lexicon = load_lexicon()
    types = {e.event for rows in lexicon.entries.values() for e in rows}
    assert types == set(PLOVER_TYPES)


def test_rows_expand_per_lemma_with_particles() -> None:
    rows = parse_lexicon("x.shoot\tASSAULT\t-\tmilitary\tV\tshoot+down|strafe\t-\tobj\t-\n")
    (shoot,) = rows[("shoot", "V")]
    assert shoot.particle == "down" and shoot.context == ("military",)
    assert ("strafe", "V") in rows


def test_unknown_type_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not a PLOVER type"):
        parse_lexicon("x\tHUG\t-\t-\tV\thug\t-\tobj\t-\n", "mine.tsv")


def test_wrong_cell_count_names_the_line() -> None:
    with pytest.raises(ConfigError, match="mine.tsv line 2"):
        parse_lexicon("# header\nx\tAGREE\t-\n", "mine.tsv")


def test_user_rows_come_before_packaged_rows(tmp_path: Path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("user.meet\tCOOPERATE\t-\t-\tV\tmeet\t-\tprep:with\tsym\n", encoding="utf-8")
    lexicon = load_lexicon(extra)
    assert lexicon.entries[("meet", "V")][0].id == "user.meet"
    assert any(e.id == "consult.meet.verb" for e in lexicon.entries[("meet", "V")])


def test_missing_user_lexicon_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_lexicon(tmp_path / "absent.tsv")


def test_cameo_codes_for_type_and_mode() -> None:
    lexicon = load_lexicon()
    assert lexicon.cameo_code("CONSULT", "phone") == "041"
    assert lexicon.cameo_code("CONSULT", "multilateral") == "040"  # falls back to the root
    assert lexicon.cameo_code("COERCE", "arrest") == "173"


def test_mode_cues_pick_the_request_mode() -> None:
    cue = load_lexicon().mode_from_cues("REQUEST", {"release", "prisoners"})
    assert cue is not None and cue.mode == "yield"


def test_packaged_cameo_table_matches_the_shared_source(shared: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_plover_cameo.py"
    spec = importlib.util.spec_from_file_location("build_plover_cameo", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.build(shared / "events" / "CAMEO2PLOVER-2021.txt")
    packaged = load_lexicon().cameo
    assert {(e, m): c for e, m, c in rows} == packaged
