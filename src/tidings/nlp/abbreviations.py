"""Abbreviated titles whose period ends no sentence: "Navy Cdr. Gary Ross said …".

spaCy's English tokenizer knows some of them ("Gen.", "Sen.", "Adm.") but not most of the
ranks and titles of the AP Stylebook's list. Left unknown, "Cdr." splits off its period and
the parser ends a sentence there, so "Gary Ross said" loses its title and a quotation
before it goes to the previous sentence's speaker. The same list tells the actors stage
that such a period is no sentence break inside a name phrase.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

# Titles written before a name, as the AP Stylebook abbreviates them (military ranks,
# police, clergy, diplomatic and civil titles), plus those spaCy already keeps whole, and
# "(ret.)" after a retired officer's name.
TITLE_ABBREVIATIONS = (
    "Adm.", "Amb.", "Atty.", "Brig.", "Capt.", "Cdr.", "Cmdr.", "Col.", "Cpl.", "Det.",
    "Dr.", "Ens.", "Fr.", "Gen.", "Gov.", "Hon.", "Insp.", "Lt.", "Maj.", "Messrs.", "Mr.",
    "Mrs.", "Ms.", "Msgr.", "Pfc.", "Pres.", "Prof.", "Pvt.", "Rep.", "Ret.", "Rev.", "Sec.",
    "Sen.", "Sens.", "Sgt.", "Spc.", "Supt.", "ret.",
)  # fmt: skip


def keep_title_abbreviations(nlp: Language) -> Language:
    """Make each title abbreviation one token. Only as written: upper-case forms are other
    words that may end a sentence ("filed with the SEC.")."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def abbreviation_keys() -> frozenset[str]:
    """The abbreviations folded as the actors stage keys words: lower case, no period."""
    return frozenset(a.rstrip(".").lower() for a in TITLE_ABBREVIATIONS)
