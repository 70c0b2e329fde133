"""spaCy's English tokenizer with our infixes, made once per process, and its cache filled when it pays.

spaCy's tokenizer caches the tokens of each whitespace-separated chunk it has split ("Minister",
"talks,"), up to 10,000 chunks, but stops caching within a text after the text's first special case
("U.S.", "don't": spaCy issue #1250), so news text hardly fills it: most chunks are split again, affix
by affix, in every document. Tokenising the phrases' distinct words one by one fills it (the matchers
used to do it as a side effect of tokenising the phrases, which are now cached: phrases.py) and halves
the tokenizer's time on news text, but costs about half a second. :class:`CacheFiller` does it once a
process has read :data:`FILL_AFTER` characters, when the saving has repaid it: a build of many documents
fills it early, a rerun of one document never pays for it. The cache never changes the tokens.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# split "U.S.-led" into "U.S." "-" "led" so the state abbreviation is matched; all that sets our
# tokenizer apart from spaCy's English one (so it is part of the phrase cache's key)
EXTRA_INFIXES = (r"(?<=\.)-(?=[A-Za-z])", r"(?<=[a-z])[\u2013\u2014](?=[A-Za-z])")
FILL_AFTER = 250_000  # characters: ~50 news articles, ~0.5 s of tokenising saved


def english() -> Language:
    """``spacy.blank("en")`` with :data:`EXTRA_INFIXES`, its tokenizer made once with the final rules
    (setting ``infix_finditer`` afterwards would load the 2,700 special cases a second time)."""
    from spacy.lang.en import English
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    def tokenizer(nlp: Language) -> Tokenizer:
        d = nlp.Defaults  # as spaCy's own "spacy.Tokenizer.v1" factory, with our infixes
        return Tokenizer(nlp.vocab, rules=d.tokenizer_exceptions,
                         prefix_search=compile_prefix_regex(d.prefixes).search,
                         suffix_search=compile_suffix_regex(d.suffixes).search,
                         infix_finditer=compile_infix_regex([*d.infixes, *EXTRA_INFIXES]).finditer,
                         token_match=d.token_match, url_match=d.url_match)

    return English(create_tokenizer=tokenizer)


class CacheFiller:
    """Fills ``nlp``'s tokenizer cache with ``words`` once :data:`FILL_AFTER` characters were read.

    Args:
        nlp: The pipeline whose tokenizer reads the documents.
        phrases: The texts whose distinct words (split at spaces, in order) fill the cache.
    """

    def __init__(self, nlp: Language, phrases: Iterable[str]):
        self._tokenizer, self._phrases = nlp.tokenizer, phrases  # split into words only when filling
        self.read = 0

    @property
    def filled(self) -> bool:
        return self.read >= FILL_AFTER

    def reading(self, chars: int) -> None:
        """Count ``chars`` more characters about to be tokenised; fill the cache when they reach FILL_AFTER."""
        was_filled, self.read = self.filled, self.read + chars
        if self.filled and not was_filled:
            for word in dict.fromkeys(w for text in self._phrases for w in text.split()):
                self._tokenizer(word)  # one call each: the cache takes them all (no special case before)
