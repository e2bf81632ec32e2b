"""Segment: jieba words through a spaCy `blank("zh")` pipeline.

We own the segmenter (style anchor 7): one `jieba.Tokenizer` per process with
the user dictionary from rules/lexicon/, never the global `jieba.cut`, so no
other code in the process changes our tokens. spaCy gives the tokens a Doc
on which the EntityRuler patterns of rules/patterns/*.jsonl run. Word
boundaries are what Chinese lexicon matching needs: 近期 inside 临近期末
does not start on a token boundary, so it is not the word 近期.

Everything here is imported lazily: jieba's dictionary costs about half a
second cold and spaCy as much again. Word boundaries use jieba alone, and only
when `surely_word` cannot tell from the precomputed crossing words; spaCy is
imported only for entities.
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


@functools.lru_cache(maxsize=1)
def _crossing() -> dict[str, tuple[dict[int, frozenset[str]], dict[int, frozenset[str]], dict[tuple[int, int], frozenset[str]]]]:
    """term → dictionary words that could cross its edges, by where they sit
    (tools/gen_crossing.py writes rules/lexicon/crossing.jsonl)."""
    out = {}
    path = Path(str(resources.files("minutes.rules_data") / "lexicon" / "crossing.jsonl"))
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        t = row["term"]
        left: dict[int, set[str]] = {}  # words ending with t[0]: text[s-L+1:s+1]
        right: dict[int, set[str]] = {}  # words starting with t[-1]: text[e-1:e-1+L]
        inner: dict[tuple[int, int], set[str]] = {}  # words holding t at k: text[s-k:s-k+L]
        for w in row["words"]:
            if w.endswith(t[0]):
                left.setdefault(len(w), set()).add(w)
            if w.startswith(t[-1]):
                right.setdefault(len(w), set()).add(w)
            k = w.find(t)
            while k >= 0:
                inner.setdefault((k, len(w)), set()).add(w)
                k = w.find(t, k + 1)
        out[t] = ({n: frozenset(v) for n, v in left.items()}, {n: frozenset(v) for n, v in right.items()},
                  {kl: frozenset(v) for kl, v in inner.items()})
    return out


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen `word` (0 when it is not a word there)."""
    return tokenizer().FREQ.get(word) or 0


def surely_word(text: str, s: int, e: int) -> bool:
    """True when text[s:e] is certainly a word of the segmentation without
    running it: a known two-character term that no dictionary word could
    cross (so jieba keeps it whole). False means "ask jieba", not "no"."""
    entry = _crossing().get(text[s:e])
    if entry is None:
        return False
    left, right, inner = entry
    for n, words in left.items():
        if s - n + 1 >= 0 and text[s - n + 1:s + 1] in words:
            return False
    for n, words in right.items():
        if text[e - 1:e - 1 + n] in words:
            return False
    for (k, n), words in inner.items():
        if s - k >= 0 and text[s - k:s - k + n] in words:
            return False
    return True


def is_word(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a word of the segmentation of its line? jieba runs only when
    surely_word cannot tell."""
    if surely_word(text, s, e):
        return True
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    return Tokens(text[ls:le]).aligned(s - ls, e - ls)


class Tokens:
    """Token boundaries (and, when asked, entities) of one text, segmented once.

    Boundaries come from our jieba tokenizer alone; spaCy (about half a second
    to import) is loaded only when entities are asked for.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        words = [w for w in tokenizer().cut(text, HMM=True) if w]
        self.words = words
        self.starts: list[int] = []
        pos = 0
        for w in words:
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
            from spacy.tokens import Doc

            pipeline = nlp()
            doc = Doc(pipeline.vocab, words=self.words, spaces=[False] * len(self.words))
            doc = pipeline.get_pipe("entity_ruler")(doc)
            self._ents = [(e.label_, e.start_char, e.end_char) for e in doc.ents]
        i = bisect_left([s for _, s, _ in self._ents], start)
        return [x for x in self._ents[i:] if x[1] < end]
