"""Transcripts: speaker turns in, a filler-free view with a map back out.

Layouts (rules/transcripts.toml): `张三：…` lines, `说话人1 00:01:02` header
lines followed by the utterance (飞书妙记 / 腾讯会议 exports), `[00:01:02] 张三：…`,
SRT and WebVTT cues with or without speaker prefixes or `<v 张三>` tags, JSON
exports ("speaker": / "text": keys) and a whole meeting in one JSON string.

The extractors run over a *view*: one line per turn holding only the words
spoken, fillers (嗯, 那个, 就是说 …) and stutters removed. `View.cmap[i]` is the
offset in the original text of view character i, so every span found in the
view maps back to exact original offsets and `source.text` stays the words as
written, timestamps and speaker labels excluded.
"""
from __future__ import annotations

from . import rx
from .lines import split_lines

import re
from dataclasses import dataclass, field

from collections.abc import Sequence

from .rules import Hit, Rule, RuleSet, first_hit, screen

_BLANK = rx.compile(r"^\s*$")
_SRT_INDEX = rx.compile(r"^\s*\d+\s*$")
_UNNAMED = rx.compile(r"^(?:说话人|发言人|角色|Speaker|spk|no)[_.\s-]?(?:\d+|[A-Z])$", re.I)  # Speaker 3, Speaker A
_ACK_ONLY = rx.compile(r"^[嗯啊哦噢呃唔\s，,。.！!？?~～]*$")
# field and section words: "与会人员：", "### 进度：", "#### 优点：" label notes, no one speaks them
_NOT_SPEAKER = rx.compile(r"时间|日期|地点|主题|议题|结论|决议|共识|备注|参会|与会|人员|记录|主持|目的|背景|目标|状态|进展|进度"
                          r"|责任人|负责人|链接|注|地址|问题|优点|缺点|场景|要点|内容|方案|摘要|总结|说明|概述|计划|风险")


@dataclass(slots=True)
class Turn:
    speaker: str | None
    time: str | None
    start: int  # the words spoken, in the original text
    end: int
    line: int
    # speakers who only answered this turn with a back-channel ("好的", "对"),
    # with whether the answer agreed (嗯/啊 acknowledge, 好的/行/可以 agree)
    acks: list[tuple[str | None, bool]] = field(default_factory=list)


@dataclass(slots=True)
class View:
    text: str
    cmap: list[int]
    turns: list[Turn | None] = field(default_factory=list)  # per view line; None for preamble lines
    dropped: list[Turn] = field(default_factory=list)  # back-channel turns, left out of the view


def is_unnamed(speaker: str | None) -> bool:
    return bool(speaker and _UNNAMED.match(speaker))


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end-without-newline, line number) of every line. A JSON string
    that holds a whole transcript ("input": "…\\n[no.2]: 去乌镇是吧。\\n[no.1]: …")
    is cut at its escaped line breaks: each piece is a line of the transcript,
    its offsets those of the text as written."""
    out, pos = [], 0
    for n, raw in enumerate(split_lines(text, keepends=True), 1):
        body = raw.rstrip("\r\n")
        if body.count("\\n") >= 2 and _ESCAPED_TURNS.search(body):
            out.extend(_escaped_lines(body, pos, n))
        else:
            out.append((pos, pos + len(body), n))
        pos += len(raw)
    return out


# an escaped line break followed by a speaker label: "\n[no.2]: ", "\n说话人1："
_ESCAPED_TURNS = rx.compile(r"\\n\s*[\[【]?[^\s:：\]】\\\"]{1,16}[\]】]?\s*[:：]")
_STRING_END = rx.compile(r'"\s*[,}\]]*\s*$')


def _escaped_lines(body: str, pos: int, n: int) -> list[tuple[int, int, int]]:
    """The pieces of one physical line between its escaped line breaks, when
    most of them open with a speaker label; else the line whole. The string's
    closing quote is not part of its last piece."""
    pieces, start = [], 0
    while True:
        i = body.find("\\n", start)
        end = len(body) if i < 0 else i
        pieces.append((start, end))
        if i < 0:
            break
        start = i + 2
    labels = [m.group() for a, z in pieces if (m := _ESCAPED_TURNS.match("\\n" + body[a:z]))]
    # voices come back: a label said twice ("\n[no.1]: …" … "\n[no.1]: …"), which
    # a string of numbered points ("第一点：…\n第二点：…") does not
    if len(labels) * 2 < len(pieces) - 1 or len(labels) == len(set(labels)):
        return [(pos, pos + len(body), n)]
    a, z = pieces[-1]
    m = _STRING_END.search(body, a, z)
    if m is not None:
        pieces[-1] = (a, m.start())
    return [(pos + a, pos + z, n) for a, z in pieces if z > a]


def parse_turns(text: str, rules: RuleSet) -> tuple[list[Turn], list[tuple[int, int, int]]]:
    """Speaker turns and the preamble lines (title, date) before the first turn."""
    lines = _lines(text)
    line_rules = _possible(rules.role("transcripts", "voice") + rules.role("transcripts", "line"), text)
    # one scan rules out all the line layouts of an utterance line (most
    # lack a colon), not one needle test per rule
    line_screen = screen(line_rules) if len(line_rules) > 1 else None
    header = _possible(rules.role("transcripts", "header"), text)
    # a time on a line of its own opens a stretch of speech as a subtitle cue does
    cue = _possible(rules.role("transcripts", "cue-time") + rules.role("transcripts", "time-line"), text)
    skip = _possible(rules.role("transcripts", "skip"), text)
    turns: list[Turn] = []
    preamble: list[tuple[int, int, int]] = []
    cur_speaker: str | None = None  # from a header line: lasts until the next header
    cur_time: str | None = None
    mode = "notes"  # notes | header | cue
    for s, e, n in lines:
        body = text[s:e].strip()
        # upper() of the first six characters: a prefix of the whole line's upper()
        if not body or body[:6].upper().startswith(("WEBVTT", "NOTE ")):
            continue
        if _SRT_INDEX.match(body) and _next_is_cue(text, lines, n, cue):
            continue
        h = _first(cue, text, s, e)
        if h is not None:
            mode, cur_speaker, cur_time = "cue", None, h.groups.get("time")
            continue
        h = _first(header, text, s, e)
        if h is not None and not _NOT_SPEAKER.search(h.groups["speaker"] or ""):
            mode, cur_speaker, cur_time = "header", _readable(h.groups["speaker"].strip()), h.groups.get("time")
            continue
        speaker, time, cs, ce = cur_speaker, cur_time, s, e
        h = _first(line_rules, text, s, e, line_screen)
        if h is not None and "text" in h.spans and _names_speaker(h):
            speaker = (h.groups.get("speaker") or "").strip() or speaker
            time = h.groups.get("time") or time
            cs, ce = h.spans["text"]
        elif skip and _first(skip, text, s, e) is not None:
            continue  # an export's own lines (JSON brackets, indexes): no one said them
        elif mode == "notes":
            if not turns:
                preamble.append((s, e, n))
                continue
            speaker, time = turns[-1].speaker, turns[-1].time  # a turn running over lines
        cs = _words_start(text, cs, ce)
        if cs < ce:
            turns.append(Turn(speaker, time, cs, ce, n))
    return turns, preamble


def _words_start(text: str, s: int, e: int) -> int:
    """Where the words of text[s:e] begin, past the blanks that indent them."""
    while s < e and text[s] in " \t\u3000":
        s += 1
    return s


def _unlabelled(text: str, preamble: list[tuple[int, int, int]]) -> list[Turn]:
    """One utterance a line, no one named ("对对对，然后我们放个 ripple 里。"):
    each line a turn of an unknown speaker, in a text read as a transcript
    (`--input transcript`, or its answering lines: see _spoken_lines)."""
    return [Turn(None, None, s, e, n) for s0, e, n in preamble if (s := _words_start(text, s0, e)) < e]


_URL_ESCAPED = rx.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _readable(speaker: str) -> str:
    """A name as an export may escape it ("%E6%A5%8A…" is 楊…)."""
    if _URL_ESCAPED.fullmatch(speaker):
        from urllib.parse import unquote

        return unquote(speaker)
    return speaker


def _next_is_cue(text: str, lines: list[tuple[int, int, int]], n: int, cue) -> bool:
    if n < len(lines):
        s, e, _ = lines[n]
        return _first(cue, text, s, e) is not None
    return False


def _first(rs: list[Rule], text: str, s: int, e: int, scr: "re.Pattern[str] | None" = None) -> Hit | None:
    """The first hit of the first of `rs` that matches text[s:e]; `scr`, the
    rules' screen (rules.screen), rules them all out at once."""
    found = first_hit(rs, scr, text, s, e)
    return found[1] if found is not None else None


def _possible(rs: list[Rule], text: str) -> list[Rule]:
    """The rules that could match somewhere in text: a rule lacking its
    required words in the whole text matches no line of it, so a layout the
    text does not use (subtitle cues, `<v>` tags) is not tried line by line."""
    return [r for r in rs if r.could_match(text)]


def detect(text: str, rules: RuleSet) -> bool:
    """Is this a transcript? Subtitle cues, header turns, or mostly `name：words` lines.

    Each count stops as soon as it has decided: a two-hour transcript is
    known for one after a few hundred of its thousands of lines."""
    lines = [(s, e) for s, e, _ in _lines(text) if text[s:e].strip()]
    if not lines:
        return False
    if _spoken_lines(text, lines, rules):
        return True
    # Every layout has a colon (name：, 00:01) or a bracketed label (【说话人0】) on
    # most lines: most notes fail here cheaply.
    header = _possible(rules.role("transcripts", "header"), text)
    line_rules = _possible(rules.role("transcripts", "voice") + rules.role("transcripts", "line"), text)
    if sum(1 for s, e in lines if _MARKED.search(text, s, e)) < max(2, len(lines) // 4):
        # 【说话人0】 turns running over unmarked lines; a corpus's segments, each
        # with its speaker and times ("M_R003S01C01 0 001-M 117.41 125.9 …")
        return _numbered_turns(text, lines, rules, header, line_rules) or _mostly_timed(text, lines, line_rules)
    cue = _possible(rules.role("transcripts", "cue-time"), text)
    if _at_least(2, (1 for s, e in lines if _first(cue, text, s, e))):
        return True
    stamps = _possible(rules.role("transcripts", "time-line"), text)
    if stamps and _at_least(max(3, -(-len(lines) // 4)), (1 for s, e in lines if _first(stamps, text, s, e))):
        return True  # "10:34" / "这的确是…" / "10:40" / …: times on lines of their own, a quarter of them
    if _at_least(max(2, -(-len(lines) // 4)), (1 for s, e in lines if _speaker_header(header, text, s, e))):
        return True
    if _numbered_turns(text, lines, rules, header, line_rules):
        return True
    speakers: set[str] = set()
    said, timed, tasks, need = 0, 0, 0, _most(lines)
    for i, (s, e) in enumerate(lines):
        if said + len(lines) - i < need:
            return False  # too few lines left to make a transcript of it
        h = _first(line_rules, text, s, e)
        if h is not None and h.groups.get("time") is not None and not h.groups.get("speaker"):
            said += 1  # "[51:19.240 --> 51:21.240] 然后…": speech recognition's own lines, no speaker named
            timed += 1
            if said >= need:
                return True
            continue
        if h is None or not h.groups.get("speaker") or not _names_speaker(h):
            continue  # no line, or one that names no speaker (an export's "text": line)
        said += 1
        timed += h.groups.get("time") is not None
        speakers.add(h.groups["speaker"].strip())
        if "text" in h.spans and rules.any("actions", "imperative", text, *h.spans["text"]) is not None:
            tasks += 1  # "李乾科：完成APP架构设计": who and a task, as a roster writes it
        # Notes also hold a few "revy: …" lines; a transcript is mostly turns,
        # from two voices, or from one when every turn is time-stamped (a
        # chat export of someone reporting: "[上午04:30:34] Bestian: …").
        # Turns that mostly open with a work verb are a roster of tasks: people
        # speak in sentences, not in the imperative of a to-do list.
        if said >= need and (len(speakers) >= 2 or timed == said) and 2 * tasks < said:
            return True
    return False


def _spoken_lines(text: str, lines: list[tuple[int, int]], rules: RuleSet) -> bool:
    """One utterance a line with no one named ("然后Faas…" / "对。" / "嗯。"):
    lines that only answer are speech. Three make a transcript: not one of the
    521 written minutes of corpora/real holds even one such line, while the
    unlabelled transcripts hold 7 to 18 (docs/eval-log.md, "After look 24")."""
    back = _possible(rules.role("transcripts", "backchannel"), text)
    return bool(back) and _at_least(3, (1 for s, e in lines if _first(back, text, s, e)))


_MARKED = rx.compile(r"[:：】\]]|<v[\s.]")  # a colon, a closing bracket or a WebVTT voice tag


def _names_speaker(h: Hit) -> bool:
    """Does a line's label name who speaks? Field words (主持人, 时间, 结论) label
    notes; a time-stamped row ("3,0:00:13,0:00:14,主持人,好的") is the export's
    own speaker column, whatever it holds."""
    return h.groups.get("time") is not None or not _NOT_SPEAKER.search(h.groups.get("speaker") or "")


def _numbered_turns(text: str, lines: list[tuple[int, int]], rules: RuleSet,
                    header: list[Rule], line_rules: list[Rule]) -> bool:
    """Turns that speech recognition numbered (说话人0, SPEAKER_01, spk1), that
    an export keyed ("speaker": …) or that a record of a hearing titled
    (謝偉銓議員：): a few, from two voices, make a transcript however many
    lines each turn runs over, which notes never hold. `header` and
    `line_rules`: the layouts the text could hold, as detect found them."""
    voices: set[str] = set()
    for s, e in lines:
        found = first_hit(header, None, text, s, e) or first_hit(line_rules, None, text, s, e)
        if found is None:
            continue
        rule, h = found
        who = (h.groups.get("speaker") or "").strip()
        if not who or _NOT_SPEAKER.search(who) or not (is_unnamed(who) or rule.id == "transcript.json-speaker"
                           or rules.any("transcripts", "titled", who)):
            continue
        voices.add(who)
        if len(voices) >= 2:
            return True
    return False


def _mostly_timed(text: str, lines: list[tuple[int, int]], line_rules: list[Rule]) -> bool:
    """Are most lines a speech recogniser's segments, each stamped with its time?"""
    timed = (1 for s, e in lines
             if (h := _first(line_rules, text, s, e)) is not None and h.groups.get("time") is not None)
    return _at_least(_most(lines), timed)


def _most(lines: list[tuple[int, int]]) -> int:
    """How many lines make most of them, for a layout to call the text its own: six in ten, at least three."""
    return max(3, -(-len(lines) * 6 // 10))


def _speaker_header(header: list[Rule], text: str, s: int, e: int) -> bool:
    """A header line naming a speaker, not a section ("## 会议内容：")."""
    h = _first(header, text, s, e)
    return h is not None and not _NOT_SPEAKER.search(h.groups.get("speaker") or "")


def _at_least(n: int, found) -> bool:
    for i, _ in enumerate(found, 1):
        if i >= n:
            return True
    return False


def build_view(text: str, rules: RuleSet, speakers: dict[str, str] | None = None) -> View:
    """The spoken view of a text read as a transcript (the reader said so, or
    detect did); one with no speaker labels at all is read one utterance a line."""
    turns, preamble = parse_turns(text, rules)
    if not turns:
        turns, preamble = _unlabelled(text, preamble), []
    mapping = speakers or {}
    parts: list[str] = []
    cmap: list[int] = []
    out_turns: list[Turn | None] = []
    for s, e, _n in preamble:
        _append(parts, cmap, text, s, e, ())
        out_turns.append(None)
    dropped: list[Turn] = []
    back = _possible(rules.role("transcripts", "backchannel"), text)
    cutters = [(role, _possible(rules.role("transcripts", role), text)) for role in ("filler", "stutter")]
    prev: Turn | None = None  # the last turn kept in the view
    for t in turns:
        if t.speaker in mapping:
            t.speaker = mapping[t.speaker]
        if prev is not None and _first(back, text, t.start, t.end) is not None:
            # "嗯。" / "好的。" alone: nothing to match in it; who answered is kept on the turn answered
            prev.acks.append((t.speaker, not _ACK_ONLY.match(text[t.start:t.end])))
            dropped.append(t)
            continue
        _append(parts, cmap, text, t.start, t.end, cutters)
        out_turns.append(t)
        prev = t
    return View("".join(parts), cmap, out_turns, dropped)


_HAN_SPACE = rx.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_HAN = rx.compile(r"[\u4e00-\u9fff]")


def _spacing_gaps(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spaces between Han words of text[s:e] when they set the words apart
    (at least four of ten Han characters followed by one), else none. A corpus
    that spaces every character ("咱 家 的") and word-segmented ASR ("我 想要 聊
    一个") both do; a pause now and then in spoken prose does not."""
    if text.find(" ", s, e) < 0:
        return []  # most turns: no space at all
    han = len(_HAN.findall(text, s, e))
    if han < 4:
        return []
    gaps = [m.span() for m in _HAN_SPACE.finditer(text, s, e)]
    return gaps if len(gaps) * 10 >= han * 4 else []


def _append(parts: list[str], cmap: list[int], text: str, s: int, e: int,
            cutters: "Sequence[tuple[str, list[Rule]]]") -> None:
    """Add text[s:e] to the view, less what the filler and stutter rules in
    `cutters` ((role, rules) pairs; none for preamble lines) cut from it."""
    cuts: list[tuple[int, int]] = []
    if cutters:
        # "咱 家 的 幼 儿 园", "我 想要 聊": a corpus that spaces every character or
        # word; the spaces are no pauses, and no word could be matched across them
        cuts.extend(_spacing_gaps(text, s, e))
    for role, rs in cutters:
        for r in rs:
            for h in r.finditer(text, s, e):
                # a stutter keeps its first repetition: 我我我 → 我
                first = len(h.groups.get("unit") or h.groups.get("word") or h.groups.get("phrase") or "") \
                    if role == "stutter" else 0
                if h.start + first < h.end:
                    cuts.append((h.start + first, h.end))
    if not cuts:  # most turns: the words as spoken, with no per-character bookkeeping
        parts.append(text[s:e] + "\n")
        cmap.extend(range(s, e))
        cmap.append(e)
        return
    keep = [True] * (e - s)
    for a, z in cuts:
        for i in range(a, z):
            keep[i - s] = False
    kept = [i for i in range(s, e) if keep[i - s]]
    if not kept:  # a turn that was only "嗯": keep it whole so the turn still counts
        kept = list(range(s, e))
    parts.append("".join(text[i] for i in kept) + "\n")
    cmap.extend(kept)
    cmap.append(kept[-1] + 1)
