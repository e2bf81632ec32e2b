"""Segment: jieba words through a spaCy `blank("zh")` pipeline.

We own the segmenter (style anchor 7): one `jieba.Tokenizer` per process with
the user dictionary from rules/lexicon/, never the global `jieba.cut`, so no
other code in the process changes our tokens. spaCy gives the tokens a Doc
on which the EntityRuler patterns of rules/patterns/*.jsonl run. Word
boundaries are what Chinese lexicon matching needs: 近期 inside 临近期末
does not start on a token boundary, so it is not the word 近期.

Everything here is imported lazily: it costs about half a second cold, and
`minutes --help`, `minutes when` and rule checks never need it.
"""
from __future__ import annotations

import functools
import json
import logging
import os
from bisect import bisect_left
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    d = Path(base) / "minutes"
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        d = Path(tempfile.gettempdir())
    return d


@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.cache_file = str(_cache_dir() / "jieba.cache")
    tok.initialize()
    lex = resources.files("minutes.rules_data") / "lexicon"
    for f in sorted(Path(str(lex)).glob("*.txt")):
        tok.load_userdict(str(f))
    return tok


class _JiebaTokenizer:
    """spaCy tokenizer callable: jieba words, whitespace kept as tokens so that
    token.idx is the character offset into the text exactly as read."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc

        words = [w for w in tokenizer().cut(text, HMM=True) if w]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["words"] = words
        return doc


@functools.lru_cache(maxsize=1)
def nlp() -> "Language":
    import spacy

    pipeline = spacy.blank("zh")
    pipeline.tokenizer = _JiebaTokenizer(pipeline.vocab)
    ruler = pipeline.add_pipe("entity_ruler", config={"validate": True})
    patterns: list[dict[str, Any]] = []
    pdir = Path(str(resources.files("minutes.rules_data") / "patterns"))
    for f in sorted(pdir.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    patterns.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    from .errors import RuleError

                    raise RuleError(f"{f}:{n}: {exc}") from None
    ruler.add_patterns(patterns)
    return pipeline


class Tokens:
    """Token boundaries and entities of one document, segmented once.

    The Doc is made by the tokenizer alone; the EntityRuler runs only when
    entities are asked for, since most records need only word boundaries.
    """

    def __init__(self, text: str) -> None:
        self.doc = nlp().make_doc(text)
        # boundaries from the words' lengths: iterating spaCy Tokens in Python costs more
        self.starts: list[int] = []
        pos = 0
        for w in self.doc.user_data["words"]:
            self.starts.append(pos)
            pos += len(w)
        self._start_set = set(self.starts)
        self._end_set = set(self.starts[1:]) | {pos}
        self._ents: list[tuple[str, int, int]] | None = None

    def aligned(self, start: int, end: int) -> bool:
        """Does text[start:end] start and end on word boundaries?"""
        return start in self._start_set and end in self._end_set

    def entities(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """(label, start, end) of EntityRuler matches starting in [start, end)."""
        if self._ents is None:
            self.doc = nlp().get_pipe("entity_ruler")(self.doc)
            self._ents = [(e.label_, e.start_char, e.end_char) for e in self.doc.ents]
        i = bisect_left([s for _, s, _ in self._ents], start)
        return [x for x in self._ents[i:] if x[1] < end]
