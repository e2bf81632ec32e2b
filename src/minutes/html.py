"""Minutes written in HTML (a blog export, a page pasted into a README).

Such a document is read through a copy of exactly the same length in which
the markup is blanked out and the structure it carried is written in the
markdown the parser reads: `<h3>` becomes `### `, `<li>` becomes `- `, a
table row on one line becomes `| … | … |`. Every offset found in the copy is
an offset in the text as read, so evidence stays exact (as for traditional
script, see script.py), and lines keep their numbers.

Markdown with a stray `<br>` or `<img>` is left as it is: only a document
whose headings, list items or table rows are HTML is read so.
"""
from __future__ import annotations

import re

from . import rx

# the elements that carry a document's structure: enough of them and the
# document is HTML, not markdown with some markup in it
_STRUCTURE = rx.compile(r"<(?:h[1-6]|li|tr)\b", re.I)
_ENOUGH = 3
_TAG = rx.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot);", re.I | re.S)
_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def markdown_view(text: str) -> str | None:
    """The same-length markdown reading of an HTML document, or None when the
    document is not HTML (fewer than three headings, list items or rows)."""
    if "<" not in text or len(_STRUCTURE.findall(text, 0, 200_000)) < _ENOUGH:
        return None
    out = list(text)
    pos = 0
    table: str | None = None  # inside a <table>: "rows" when each row is one line, "raw" when not
    rows = False  # a row of this table seen: the lines between rows are rule lines
    lines = text.splitlines(keepends=True)
    for n, line in enumerate(lines):
        end = pos + len(line.rstrip("\r\n"))
        if table is None and _TABLE_OPEN.search(line):
            table, rows = _table_kind(lines, n), False
        if table != "raw" and ("<" in line or "&" in line):
            _line(text, out, pos, end)
            rows = rows or table == "rows" and _ROW.search(line) is not None
            if rows and table is not None and end - pos >= 3 and not "".join(out[pos:end]).strip():
                # "</thead>", "<tbody>" between rows: a blank line would end the table, a rule line does not
                out[pos : pos + 3] = "|-|"
        if table is not None and _TABLE_CLOSE.search(line):
            table, rows = None, False
        pos += len(line)
    return "".join(out)


_TABLE_OPEN = rx.compile(r"<table\b", re.I)
_TABLE_CLOSE = rx.compile(r"</table>", re.I)
_CELL = rx.compile(r"<t[dh]\b", re.I)
_ROW = rx.compile(r"<tr\b", re.I)


def _table_kind(lines: list[str], n: int) -> str:
    """"rows" when every cell of the table from line n stands on its row's
    line, which a markdown row can say; "raw" when a row spans lines (cells
    one a line, rowspan): left as HTML, which the parser passes over."""
    for line in lines[n:]:
        if _CELL.search(line) and not _ROW.search(line):
            return "raw"
        if _TABLE_CLOSE.search(line):
            break
    return "rows"


def _line(text: str, out: list[str], s: int, e: int) -> None:
    tags = list(_TAG.finditer(text, s, e))
    names = [(m.group(2) or "").lower() for m in tags]
    cells = [m for m, n in zip(tags, names) if n in ("td", "th") and not m.group(1)]
    row = bool(cells) and "tr" in names  # a row written on one line: a markdown row
    for m, name in zip(tags, names):
        if name == "br" and row:
            continue  # a line break inside a cell: the table reader splits the cell there
        word = m.group(0)
        keep = _ENTITY.get(word.lower(), "") if word.startswith("&") else ""
        for i in range(m.start(), m.end()):
            out[i] = keep[i - m.start()] if i - m.start() < len(keep) else " "
    if row:
        for m in cells:
            out[m.start()] = "|"
        ends = [m for m, n in zip(tags, names) if n in ("td", "th", "tr") and m.group(1) and m.start() > cells[-1].start()]
        if ends:
            out[ends[0].start()] = "|"
        return
    lead = s
    while lead < e and out[lead] in " \t":
        lead += 1  # where the line's words begin, once its opening tags are blank
    opening = [(m, n) for m, n in zip(tags, names) if m.end() <= lead and not m.group(1)]
    for m, name in reversed(opening):
        if re.fullmatch(r"h[1-6]", name):
            level = min(int(name[1]), lead - s - 1)
            if level >= 1:
                out[s : s + level + 1] = ["#"] * level + [" "]
            return
        if name == "li":
            out[m.start()] = "-"
            return
