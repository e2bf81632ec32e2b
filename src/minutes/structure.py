"""Structure: decoded text in, blocks and sentences with exact offsets out.

Minutes are written in Markdown, plain text, Feishu exports and tables. This
stage recognises what the layout says (headings, list items and their nesting,
checkboxes, `key：value` lines, table cells with their column and row, block
labels such as `结论：`) so that extractors can reason about *where* a sentence
stands, not only what it says. Nothing is normalised: every span indexes the
original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from . import rx
from .columns import header_name, is_form_row, is_task_header

# Sentence ends per the annotation guide: 。！？；; and line breaks.
_SENT_END = rx.compile(r"[。！？；;!?]+[”’」』）)]*")
_HEADING = rx.compile(r"^(#{1,6})[ \t]*(.*?)[ \t#]*$")
_SETEXT = rx.compile(r"^(=+|-+)[ \t]*$")
_SETEXT_TITLE = rx.compile(r"[^\n]{1,30}(?<![。；;！!？?，,])")
_HR = rx.compile(r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_BOLD_LINE = rx.compile(r"^\*\*([^*]{1,40})\*\*[ \t]*[:：]?[ \t]*$")
_LIST = rx.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?P<marker>(?:[-+•·]|\*(?!\*)|\d{1,3}(?:[.)）](?![\d+])|、)|[（(]\d{1,3}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[)）]|>|(?:[a-h]|i{1,3}|iv|vi{0,3})[.)](?=[ \t]+[^\x00-\x7f]))[ \t]*)"
    r"(?P<check>\[[ xX]\][ \t]*)?"
)
_CJK_HEAD_NUM = rx.compile(r"^[一二三四五六七八九十]{1,3}[、.]|^[（(][一二三四五六七八九十]{1,3}[)）]")
# a key is a short label: no sentence end inside it ("任务。责任人：X" is a task
# followed by a field, not a key), and no dash that joins a task to its field
_KV = rx.compile(r"^(?P<key>(?:\*\*)?[^\s:：|#*][^:：|。；;！？!?]{0,19}?(?:\*\*)?)[ \t]*(?P<colon>[:：])[ \t]*(?P<value>.*)$")
_BOLD_KV = rx.compile(r"^\*\*(?P<key>[^*:：|。；;]{1,20})(?P<colon>[:：])\*\*[ \t]*(?P<value>.*)$")
# (or in what the meeting did before it: "吴迪介绍了12项需求，经讨论：", "会议研究决定：")
_INTRO_LINE = rx.compile(r"^[^|#>\n。！？!?]{8,60}?(?:(?:以下|如下)[^|\n:：]{0,12}[:：]|如下[。.]?"
                         r"|[，,](?:经过?(?:讨论|研究|商议|协商|审议)后?(?:决定|议定|确定)?|(?:会议)?(?:讨论|研究|审议)(?:后|并)?(?:决定|议定|确定))[:：])"
                         r"\**[ \t]*$")
_MENTION_LINE = rx.compile(r"^(?:[@＠][\w\u4e00-\u9fff\-·.]+[\s,，、]*)+(?:[-—]+\s*\S{0,12})?\s*(?:<br\s*/?>|</br>)?$", re.I)
_FIELD_AFTER_TASK = rx.compile(r"(?:\s--?\s*|\s—+\s*|\s)(?:责任人|负责人|执行人|跟进人)$")
# (GFM asks one hyphen a cell, not three: "|--|--|" rules a table too)
_TABLE_SEP = rx.compile(r"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK = rx.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_BR = rx.compile(r"<br\s*/?>", re.I)
_HTML_OPEN = rx.compile(r"^<(div|details|table|p)\b[^>]*>", re.I)
_HTML_CLOSE = rx.compile(r"</(div|details|table|p)>\s*$", re.I)
_CLAUSE_MARK = rx.compile(r"[。；;，,]")
_CJK_HEAD_FIRST = frozenset("一二三四五六七八九十（(")  # what _CJK_HEAD_NUM can start with
# A plain line naming which meeting's record follows ("需求分析-G05小组第二次例会会议记录",
# "9.26会议纪要") is a heading even unmarked: in a file of several meetings' records,
# it ends the last one's plan section. A sentence pointing at a record is no title.
# Its date may follow ("第二次会议记录 - 2024/12/17").
_RECORD_TITLE = rx.compile(r"^(?!以上|详见|参考|参见|见)[^。；;，,：:！？!?|]{0,40}(?:会议|例会|周会|组会)(?:纪要|记录|紀錄|紀要)"
                           r"(?:\s*[-—–:：]?\s*\d{4}\s*[./\-年]\s*\d{1,2}\s*[./\-月]\s*\d{1,2}\s*[日号]?)?$")
_RECORD_ENDS = ("纪要", "记录", "紀錄", "紀要", "日", "号", *"0123456789")


@dataclass(slots=True)
class Block:
    """One structural unit: a heading, list item, paragraph line, label, or table cell."""

    kind: str  # heading | item | para | label | cell
    start: int  # content span, markers and surrounding blanks excluded
    end: int
    line: int  # 1-based
    level: int = 0  # heading level, or list depth
    checked: bool | None = None
    key: str | None = None  # for `key：value` lines, the key as written
    value_start: int | None = None
    heading: int | None = None  # index of the governing heading block
    parent: int | None = None  # index of the parent list item
    label: int | None = None  # index of the governing label block (`结论：`)
    column: str | None = None  # table cells: the column header
    row_key: str | None = None  # table cells: the first cell of the row
    row: int | None = None  # table cells: the line the row starts on (a Word row may go on over lines)
    para: int = 0  # paragraph id: blocks between blank lines share it
    children: int = 0


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    line: int
    block: int  # index into Structure.blocks


# a section number at the head of a heading: "1.3 前端开发进展", "3.1" alone
# (not "1.3~1.5", "8.12.")
_OUTLINE = rx.compile(r"\s*(\d{1,2})\.(\d{1,2})(?![\d.~～\-/])\s*")


@dataclass(slots=True)
class Structure:
    text: str
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    title: int | None = None  # index of the first heading, when there is one
    # the value of a `date:` line in the front matter (Hexo, Jekyll, Hugo):
    # the post's date, which gives year-less dates in the text their year
    front_date: tuple[int, int] | None = None

    def span(self, i: int) -> str:
        b = self.blocks[i]
        return self.text[b.start : b.end]

    def heading_text(self, i: int | None) -> str:
        return "" if i is None else self.span(i)

    def headings_of(self, i: int) -> list[str]:
        """The heading path above a block, nearest last."""
        out: list[str] = []
        h = self.blocks[i].heading
        while h is not None:
            out.append(self.span(h))
            h = self.blocks[h].heading
        return out[::-1]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def outline_numbers(self) -> dict[int, int]:
        """Headings that open with a section number, as block index → where the
        number ends. "### 1.3 前端开发进展" reads like 1月3日; it is a section
        number when the document's headings also hold N.1 and N.2 with words
        after them. Dated headings of a log ("## 8.12", "## 8.16") rarely run
        from .1 in steps of one. A bare number ("**3.1**" over its paragraph)
        is one when two sections both run so (3.1, 3.2 … 4.1, 4.2): a log
        crosses a month's first days once at most. (Context keeps the answer
        in its memo: the model holds no caches.)"""
        found: dict[int, tuple[int, int, int, bool]] = {}
        for bi, b in enumerate(self.blocks):
            if b.kind == "heading" and (m := _OUTLINE.match(self.text, b.start, b.end)) is not None:
                found[bi] = (int(m.group(1)), int(m.group(2)), m.end(), m.end() >= b.end)
        worded = {(n, k) for n, k, _, bare in found.values() if not bare}
        bare = {(n, k) for n, k, _, b in found.values() if b}
        runs = {n for n, k in bare if k == 1 and (n, 2) in bare}
        return {bi: end for bi, (n, _, end, is_bare) in found.items()
                if (n, 1) in worded and (n, 2) in worded and not is_bare
                or is_bare and n in runs and len(runs) >= 2}


# blanks, and the invisible characters editors and chat apps leave (zero-width
# space, BOM, word joiner)
_SPACE = " \t\r\n\u3000\u200b\u200c\u200d\u2060\ufeff\xa0"


_TRAILING_BR = rx.compile(r"(?:\s*<br\s*/?>)+\s*$", re.I)
# a list item ticked off by a mark instead of a checkbox: "用户审计 ✅", "✔ 修复登录 bug", "框出单词图片 [done]"
_DONE_LEAD = rx.compile(r"(?:✅|✔️?|☑️?)")
_DONE_TAIL = rx.compile(r"(?:✅|✔️?|☑️?|[\[(（【](?:done|已完成)[\])）】])\s*$", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _indent_width(s: str) -> int:
    return sum(4 if c == "\t" else 1 for c in s)


# what code has and prose has not
_CODE_CHARS = rx.compile(r"[{};=<>()\[\]$]")
_CJK = rx.compile(r"[\u4e00-\u9fff]")


def _prose_block(lines: list[str], n: int) -> bool:
    """Does the fence opening at line n (no language named) hold Chinese prose
    rather than code? People paste a whole record into a ``` block to keep
    its layout; its lines are the minutes."""
    if lines[n].strip().strip("`").strip().lower() not in ("", "text", "txt", "plain", "markdown", "md"):
        return False
    body: list[str] = []
    for ln in lines[n + 1 :]:
        if ln.strip().startswith("```"):
            break
        body.append(ln)
    else:
        return False  # never closed: not a block we can tell the end of
    words = "".join("".join(body).split())
    return len(words) >= 60 and len(_CJK.findall(words)) >= 0.3 * len(words) \
        and len(_CODE_CHARS.findall(words)) < 0.02 * len(words)


def parse(text: str, spoken: bool = False) -> Structure:
    """The blocks and sentences of text. `spoken`: the text is a transcript's
    view, where speech recognition marks pauses with spaces, not punctuation."""
    st = Structure(text)
    from .lines import split_lines

    lines = split_lines(text, keepends=True)  # one definition of a line (lines.py)
    pos = 0
    starts: list[int] = []
    for ln in lines:
        starts.append(pos)
        pos += len(ln)
    st.line_starts = starts
    heading_stack: list[int] = []  # block indices of open headings by level
    item_stack: list[tuple[int, int]] = []  # (indent, block index)
    para = 0
    in_code = False
    prose_fence = False
    in_html = 0
    table_header: list[str] | None = None
    table_sep: str | None = None  # the cell separator of a table with no Markdown rule line
    table_ruled = False  # the open table has a Markdown rule line under its header
    row_cells = 0  # cells of the row so far (a row of such a table may go on over lines)
    row_key: str | None = None
    label: int | None = None
    label_detached = False
    label_seen_content = False
    label_class = ""
    lazy_title: int | None = None  # the title item whose unindented lines run on (see is_title_item)
    label_indent: int | None = None  # the indent of a list item that is the label (ends at its next sibling)
    front = lines and lines[0].strip() == "---"
    prev_blank = True

    def current_heading() -> int | None:
        return heading_stack[-1] if heading_stack else None

    def add(block: Block) -> int:
        st.blocks.append(block)
        return len(st.blocks) - 1

    for n, raw in enumerate(lines):
        base = starts[n]
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lineno = n + 1
        if front:
            if n > 0 and stripped == "---":
                front = False
            elif n > 0:
                m = re.match(r"^title:\s*(.+?)\s*$", body)
                if m:
                    i = add(Block("heading", base + m.start(1), base + m.end(1), lineno, level=0))
                    st.title = i
                elif (m := re.match(r"^date:\s*(.+?)\s*$", body)) is not None and st.front_date is None:
                    st.front_date = (base + m.start(1), base + m.end(1))
            continue
        if stripped.startswith("```"):
            if prose_fence:
                prose_fence = False  # the fence closing minutes pasted as a block
            elif not in_code and _prose_block(lines, n):
                prose_fence = True  # minutes pasted inside a fence are still minutes
            else:
                in_code = not in_code
            continue
        if in_code:
            continue
        # each layout pattern below is tried only on a line whose first
        # character it could start with: most lines are prose
        first = stripped[:1]
        if first == "<" and _HTML_OPEN.match(stripped):
            # Feishu template callouts and raw HTML hold instructions, not minutes.
            in_html += 1
            if _HTML_CLOSE.search(stripped):
                in_html -= 1
            continue
        if in_html:
            if _HTML_CLOSE.search(stripped):
                in_html -= 1
            continue
        if not stripped:
            if not prev_blank:
                para += 1
            prev_blank = True
            table_header = table_sep = None
            if label is not None and label_seen_content and not label_detached:
                label = None
            continue
        # Setext heading: the previous line underlined with === or ---. A long line,
        # or one ending a clause ("…最终定稿；"), over "---" is a paragraph and a rule:
        # plain-text minutes set their parts apart so ("===" still underlines a title)
        if first in ("=", "-") and _SETEXT.match(stripped) and not prev_blank and st.blocks and st.blocks[-1].line == lineno - 1 \
                and st.blocks[-1].kind == "para" \
                and (first == "=" or _SETEXT_TITLE.fullmatch(text, st.blocks[-1].start, st.blocks[-1].end)):
            b = st.blocks[-1]
            b.kind = "heading"
            b.level = 1 if stripped[0] == "=" else 2
            heading_stack[:] = [len(st.blocks) - 1]
            if st.title is None:
                st.title = len(st.blocks) - 1
            continue
        if first in ("-", "*", "_", "=") and _HR.match(body):
            prev_blank = True
            para += 1
            continue
        after_blank = prev_blank
        prev_blank = False
        if stripped.startswith("!["):
            continue  # images carry no minutes
        m = _HEADING.match(body) if first == "#" else None
        bold = _BOLD_LINE.match(stripped) if first == "*" else None
        cjk_head = first in _CJK_HEAD_FIRST and _CJK_HEAD_NUM.match(stripped) and len(stripped) <= 24 and not _CLAUSE_MARK.search(stripped)
        record_title = (not (m or bold or cjk_head) and stripped.endswith(_RECORD_ENDS) and table_header is None
                        and _RECORD_TITLE.match(stripped) and not _LIST.match(body))
        if m or bold or cjk_head or record_title:
            if m:
                level = len(m.group(1))
                s, e = base + m.start(2), base + m.end(2)
            elif bold:
                level = 6
                s, e = base + body.index("**") + 2, base + body.index("**") + 2 + len(bold.group(1))
            else:
                level = 2 if record_title else 3
                off = len(body) - len(body.lstrip())
                s, e = base + off, base + len(body.rstrip())
            s, e = _trim(text, s, e)
            if s >= e:
                continue
            while heading_stack and st.blocks[heading_stack[-1]].level >= level:
                heading_stack.pop()
            i = add(Block("heading", s, e, lineno, level=level, heading=current_heading(), para=para))
            heading_stack.append(i)
            if st.title is None and level <= 2:
                st.title = i
            item_stack.clear()
            label = None
            table_header = table_sep = None
            para += 1
            continue
        if table_sep is not None and table_sep not in stripped:
            table_header = table_sep = None  # a table with no rule line ends at the first line that is no row
        if (table_header is None or not table_ruled) and table_sep is None and not stripped.startswith("|"):
            # a Word table pasted as text: "拟办事项 | 负责人 | 截止时间" (or tabs) over its
            # rows, with no "---|---" line; only a task table's header is taken for one
            # (also after rows of a form the same paste began a table with: " | （二）完成内部评审")
            sep = "\t" if "\t" in stripped else "|" if "|" in stripped else None
            if sep is not None and is_task_header([c.strip() for c in stripped.split(sep) if c.strip()]):
                table_header = [header_name(text[base + a : base + b]) for a, b in _split_row(body, sep)]
                table_sep = sep
                row_key, row_cells = None, 0
                continue
        if table_sep is not None or stripped.startswith("|") or ("|" in stripped and (table_header is not None or (
                n + 1 < len(lines) and "|" in lines[n + 1] and _TABLE_SEP.match(lines[n + 1].strip())))):
            # GFM tables may leave out the outer pipes: "负责人 | 项目简述" over "---|---"
            # a row of a table with no rule line keeps a leading empty cell: " | 2.测试计划 | …"
            # is a Word row whose first cell is merged with the one above, not an outer pipe
            cells = _split_row(body, table_sep or "|", outer=table_sep is None)
            if _TABLE_SEP.match(stripped):
                table_ruled = True
                continue
            if table_header is None:
                table_header = [header_name(text[base + a : base + b]) for a, b in cells]
                table_ruled = False
                if not (table_sep is None and is_form_row(table_header)):
                    continue
                table_header = []  # a form: every row is a key and its value, no column has a name
            first_col, row_line = 0, lineno
            if table_sep is not None and 0 < row_cells < len(table_header) and st.blocks[-1].kind == "cell":
                # a Word cell of two paragraphs breaks its row over two lines: "1 | 确认改动 | 吴镇宇"
                # then "许志强 | 2023年5月". The first piece ends the cell above; the rest go on
                # in the row's next columns (each cell on its own line, `row` the row's first)
                a, b = cells[0]
                if text[base + a : base + b].strip():
                    st.blocks[-1].end = _trim(text, st.blocks[-1].start, base + b)[1]
                first_col, row_line = row_cells - 1, st.blocks[-1].row or lineno
                cells = [(0, 0)] + cells[1:]
            else:
                first_cell = text[base + cells[0][0] : base + cells[0][1]].strip() if cells else None
                # a Word cell merged down the rows leaves the first cell of the rows below blank:
                # they go on under the key above ("下周工作任务分配 | 白靖妍 | 1.…" then " |  | 2.…")
                row_key = row_key if not first_cell and table_sep is not None and row_key else first_cell
            row_cells = first_col + len(cells)
            for ci, (a, b) in enumerate(cells):
                if first_col and not ci:
                    continue
                col = table_header[first_col + ci] if first_col + ci < len(table_header) else None
                for s, e in _cell_parts(text, base + a, base + b):
                    add(Block("cell", s, e, lineno, heading=current_heading(), column=col,
                              row_key=row_key if first_col + ci else None, row=row_line, para=para))
            continue
        lm = _LIST.match(body)
        depth_indent = 0
        checked = None
        if lm and (lm.group("marker").strip() != ">" or len(body) > lm.end()):
            content_off = lm.end()
            depth_indent = _indent_width(lm.group("indent"))
            if lm.group("check"):
                checked = lm.group("check").strip()[1] in "xX"
            kind = "item"
        else:
            content_off = len(body) - len(body.lstrip())
            # A continuation line indented under a list item belongs to that item's block.
            kind = "para"
            depth_indent = _indent_width(body[:content_off])
        s, e = _trim(text, base + content_off, base + len(body))
        br = _TRAILING_BR.search(text, s, e)
        if br is not None:
            e = br.start()  # "洪麗雪<br>": a hard line break written as HTML is no part of the line
        if s >= e:
            continue
        if kind == "item" and checked is None:
            # as "- [x] …": done, not work still to do; the mark, like the box, is no part of the line
            lead, tail = _DONE_LEAD.match(text, s, e), _DONE_TAIL.search(text, s, e)
            if lead is not None and lead.end() < e:
                checked, s = True, _trim(text, lead.end(), e)[0]
            elif tail is not None and tail.start() > s:
                checked, e = True, _trim(text, s, tail.start())[1]
        while item_stack and item_stack[-1][0] >= depth_indent and kind == "item":
            item_stack.pop()
        lazy = None
        if kind == "para" and depth_indent == 0:
            top = item_stack[-1][1] if item_stack else None
            if not after_blank and top is not None and (
                    top == lazy_title or top == len(st.blocks) - 1 and is_title_item(st.blocks[top], text)):
                # "  5. 接下来的工作" then "完善对比实验" unindented: a title of a point over
                # its lines, as a converted page leaves them (Markdown's lazy continuation)
                lazy = lazy_title = top
            else:
                item_stack.clear()
                lazy_title = None
        parent = lazy if lazy is not None else item_stack[-1][1] if item_stack else None
        if kind == "para" and parent is not None and depth_indent > 0:
            parent = item_stack[-1][1]
        content = text[s:e]
        block = Block(kind, s, e, lineno, level=len(item_stack) if kind == "item" else 0,
                      checked=checked, heading=current_heading(), parent=parent, para=para)
        kv = _BOLD_KV.match(content) or _KV.match(content)
        if kv and _FIELD_AFTER_TASK.search(kv.group("key")):
            kv = None  # "压测报告补充数据 -- 责任人：X": the task comes first, the field after
        if kv and not content.startswith(("http", "[")):
            block.key = kv.group("key").strip("*` " + _SPACE)
            vs = s + kv.start("value")
            block.value_start = vs if kv.group("value").strip() else None
            if block.value_start is None and kind != "item" or (block.value_start is None and kind == "item"
                                                               and len(block.key) <= 12):
                block.kind = "label"
        if block.key is None and _INTRO_LINE.match(content) and (
                kind == "para" or n + 1 < len(lines) and lines[n + 1].strip()):
            # "经过讨论，我们最终得出以下结论：" over a list: too long for a key, but a
            # line that ends in a colon introduces what follows it all the same; so
            # does one that ends in 如下, colon or not, and so does a list item right
            # over what it introduces ("1. 经讨论汇总，工作分配如下" over "- 梁齐哲：登录模块"
            # or over "张桢：鼠标右键操作" lines)
            block.kind, block.key = "label", content.rstrip(" \t:：*")
        if kind == "para" and block.key is None and _MENTION_LINE.match(content):
            # "@Katrina  @Blueskymana" on a line of its own names who takes the list below
            block.kind, block.key = "label", content
        mclass = _marker_class(lm.group("marker")) if kind == "item" and lm else "para"
        if label is not None and label_seen_content and after_blank and mclass != label_class:
            # "相关 issue/PR:" governs its bullet list, not the "2." item after it
            label = None
        if label is not None and label_indent is not None and label_class == "para" and kind == "item" \
                and depth_indent <= label_indent:
            # "2、…分配如下：" over lines of its own governs them, not the "3、" item after them
            # (a label item over a flat list, "- 待办：" "- 完成X", still governs the list)
            label = None
        if block.kind != "label" and label is not None:
            block.label = label
            if not label_seen_content:
                label_class = mclass
            label_seen_content = True
        i = add(block)
        if parent is not None:
            st.blocks[parent].children += 1
        if block.kind == "label":
            label = i
            label_indent = depth_indent if kind == "item" else None
            label_seen_content = False
            nxt = lines[n + 1].strip() if n + 1 < len(lines) else ""
            label_detached = not nxt
        if kind == "item":
            item_stack.append((depth_indent, i))
    st.sentences = _sentences(st, spoken)
    return st


_TITLE_ITEM = rx.compile(r"[^。；;，,：:！？!?|]{2,16}")


def is_title_item(b: Block, text: str) -> bool:
    """A nested list item that titles a point ("  5. 接下来的工作"): short, no
    clause, no key. (A top-level list's last item over a paragraph is no title.)"""
    return b.kind == "item" and b.level >= 1 and b.key is None and _TITLE_ITEM.fullmatch(text, b.start, b.end) is not None


def _marker_class(marker: str) -> str:
    m = marker.strip()
    if m == ">":
        return "quote"
    return "bullet" if m in "-*+•·" else "number"


_ROW_BULLET = rx.compile(r"[ \t]*(?:[-*+][ \t]+)?")


def _split_row(body: str, sep: str = "|", outer: bool = True) -> list[tuple[int, int]]:
    """Cell spans (relative to the line) of a `| a | b |` row (or one split by
    `sep`); `outer`: a leading separator is the row's outer pipe, no cell."""
    spans: list[tuple[int, int]] = []
    # a table opened on a list item's line ("- | | 吴 | 张 |") has its outer pipe after the bullet
    lead = _ROW_BULLET.match(body)
    i = lead.end() + 1 if outer and body.startswith(sep, lead.end()) else 0
    while i <= len(body):
        j = body.find(sep, i)
        if j < 0:
            if body[i:].strip():
                spans.append((i, len(body)))
            break
        spans.append((i, j))
        i = j + 1
    return spans


def _cell_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A cell split at <br/>; a part that is a lone Markdown link yields its label."""
    out: list[tuple[int, int]] = []
    pos = a
    pieces = []
    for m in _BR.finditer(text, a, b):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, b))
    for s, e in pieces:
        s, e = _trim(text, s, e)
        if s >= e:
            continue
        link = _LINK.fullmatch(text, s, e)
        if link:
            out.append((link.start(1), link.end(1)))
        else:
            out.append((s, e))
    return out


# a pause in unpunctuated speech recognition: a space between two Han characters
_PAUSE = rx.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
_SIGNED_TAIL = rx.compile(r"\s*(?:(?:——|-{2,3}|—)\s*[\w\u4e00-\u9fff·\-/、 ]{1,25}|[（(][\w\u4e00-\u9fff·\-/、 ]{1,20}[)）])\s*$")
_MIN_CLAUSE = 12  # shorter runs between pauses join the next: "好 那我們就" is no clause of its own


def _sentences(st: Structure, spoken: bool = False) -> list[Sentence]:
    out: list[Sentence] = []
    text = st.text
    for bi, b in enumerate(st.blocks):
        if b.kind in ("heading", "label"):
            out.append(Sentence(b.start, b.end, b.line, bi))
            continue
        pos = b.start
        if spoken and b.end - b.start > 2 * _MIN_CLAUSE and _SENT_END.search(text, b.start, b.end) is None:
            ends = _pauses(text, b.start, b.end)  # a turn spoken without punctuation
        else:
            ends = [m.end() for m in _SENT_END.finditer(text, b.start, b.end)]
        for end in ends:
            if _SIGNED_TAIL.match(text, end, b.end):
                break  # "建议推送到华为云。--zhengyaohui", "…不明确的？（刘杰）": the name after the stop signs the line, it is no sentence
            s, e = _trim(text, pos, end)
            if _is_sentence(text, s, e):
                out.append(Sentence(s, e, b.line, bi))
            pos = end
        s, e = _trim(text, pos, b.end)
        if _is_sentence(text, s, e):
            out.append(Sentence(s, e, b.line, bi))
    return out


def _pauses(text: str, start: int, end: int) -> list[int]:
    """Where the pauses end clauses of at least _MIN_CLAUSE characters."""
    cuts, pos = [], start
    for m in _PAUSE.finditer(text, start, end):
        if m.start() - pos >= _MIN_CLAUSE and end - m.end() >= _MIN_CLAUSE // 2:
            cuts.append(m.start())
            pos = m.end()
    return cuts


def _is_sentence(text: str, s: int, e: int) -> bool:
    if s >= e:
        return False
    chunk = text[s:e]
    # Numbering debris such as "2." or "3," left between sentence ends.
    return _WORDY.search(chunk) is not None and _DEBRIS.fullmatch(chunk) is None


_WORDY = rx.compile(r"[\w\u4e00-\u9fff]")
_DEBRIS = rx.compile(r"[\d.,、，)）( ]+")


# clean() runs for every item and task: its patterns are compiled once here
# rather than looked up in re's cache on each call
_STRIKE = rx.compile(r"~~(.+?)~~")
_STRONG = rx.compile(r"\*\*(.+?)\*\*")
_EMPH = rx.compile(r"(?<!\w)\*(.+?)\*")
_ESCAPE = rx.compile(r"\\([\\`*_{}\[\]()#+\-.!&])")
_CHECKBOX = rx.compile(r"^\[[ xX]\]\s*")
_BLANKS = rx.compile(r"[ \t]+")


# every step of clean but the last needs one of these characters
_MARKUP = rx.compile(r"[\[~*\\&]")


def clean(s: str) -> str:
    """Display text: Markdown emphasis, links and escapes removed."""
    if _MARKUP.search(s) is None:
        # no link, emphasis, escape, entity or checkbox: each step below
        # would return the text unchanged (most sentences; one scan, not seven)
        return _BLANKS.sub(" ", s).strip()
    s = _LINK.sub(r"\1", s)
    s = _STRIKE.sub(r"\1", s)
    s = _STRONG.sub(r"\1", s)
    s = _EMPH.sub(r"\1", s)
    s = _ESCAPE.sub(r"\1", s)
    s = s.replace("&amp;", "&")
    s = _CHECKBOX.sub("", s)
    return _BLANKS.sub(" ", s).strip()


_LINKS = rx.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]+>|https?://\S+|[\s|｜,，、;；]")


def links_only(text: str, s: int = 0, e: int | None = None) -> bool:
    """A line of nothing but links or images: it names no work and states no decision."""
    return not _LINKS.sub("", text[s:e])


_BARE_LINKS = rx.compile(r"<https?://[^>\n]+>|https?://\S+|[\s|｜,，、;；]")


def bare_links_only(text: str, s: int = 0, e: int | None = None) -> bool:
    """A line of nothing but addresses: no link text ("[MongoDB](…)" names a
    choice), so it says nothing of its own."""
    return not _BARE_LINKS.sub("", text[s:e])
