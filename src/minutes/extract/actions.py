"""行动项: commitments that someone will do something after the meeting.

A sentence becomes an action from what it says (an owner pattern, a promise,
a requirement with a deadline, a work verb opening a list item) or from where
it stands (a plan section, a 明日计划 column, a checkbox). Reports of work
done, invitations, questions and speakers' opinions are not actions.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta

from .. import rx
from ..resolve.dates import Deadline, find_deadline, find_deadlines, first_deadline, has_year
from ..resolve.owners import (Owner, could_be_name, counts_things, find_owners, is_department, is_handle,
                              known_people, lead_name_owner, plausible, split_names, subject_owner, two_common_words)
from ..schema import Action, Producer
from ..structure import Block, clean, is_title_item, links_only
from ..columns import OWNER_COL, PERSON_COL
from .action_table import EMPTY_CELL as _EMPTY_CELL, table_actions as _table_actions
from .context import LINE_PUNCT, Context
from .meta import field_of, form_fields, is_entry_line
from .scope import scope_deadline
# imported here, not in the functions: _decide runs for every sentence
from .speech import is_commitment, merge_handoffs, speech_owners

_OWNER_KEYS = rx.compile(r"^(?:责任人|负责人|执行人|跟进人|承办人|Owner|Assignee)$", re.I)
_META_KEYS = rx.compile(r"时间|日期|地点|参会|参加|与会|出席|主持|记录|名称|主题|时长|类型|类别|链接|摘要|目的|请假|缺席|"
                        r"(?:参与|会议|列席|到会|其他|相关)人员$|^人员$|"
                        r"(?:分享|主讲|编写|撰写|整理|审核|汇报|报告|讲解|发言|发布)人$|"  # this meeting's speaker, scribe or publisher
                        r"签字$|签名$|签章$|"  # who signed the record off ("审阅签字：张稷平  2022年9月26日")
                        r"^(?:队名|组名|(?:会议)?小组)$")  # which team met ("会议小组：B挂组", "队名：Ranchhoddas")
_PEOPLE_FIELDS = ("participants", "initiator", "recorder")  # header fields the meta reader takes as who was there
_BLOCK_OWNER = rx.compile(r"以下(?:由|请)?\s*(?P<owner>[^，,：:\s]{1,16}?)\s*(?:负责|完成|跟进|落实)")
_HEAD_MENTION = rx.compile(r"[@＠](?P<owner>[\w\u4e00-\u9fff\-·.]+?)\s*$")
_PEOPLE_VALUE = rx.compile(r"^[\w\u4e00-\u9fff·\- ]{1,24}(?:\s*[、,，和/+＋&]\s*[\w\u4e00-\u9fff·\- ]{1,24})*$")
_NOT_NAMES = rx.compile(r"[\d]|负责|完成|进行|商定")
_NAME_SEP = rx.compile(r"\s*[、,，和/+＋&]\s*")
_LATIN_NAME = rx.compile(r"[A-Za-z][\w\- ]*")  # a handle may run into Han: "BEPAL怡宝"
# the roles that can make a sentence an action by what it says
_CUES = ("assign", "future", "modal", "imperative", "due-verb")
# a column that describes its row ("| 需求项 | 具体说明 |"): a verb there says what
# the row's item is for, not who must do what
_DESCRIBING_COL = rx.compile(r"说明|描述|简介|含义|定义|释义|Description", re.I)
# a key naming what a meeting is about ("议题：确认团队信息…"), not what anyone is to do
_TOPIC_KEY = rx.compile(r"(?:会议|讨论|主要)?(?:议题|主题)[\d一二三四五六七八九十]*")
# a department or group opening a line; its name holds no function word
# ("与团长及其他组长…", "下次组会…", "及时向…提交小组名单" open with no one)
# (not after a preposition: "根据赞助组…" opens an adjunct)
_LEADING_DEPT = rx.compile(r"(?!根据|按照|依照|通过|经过|关于|针对|随着)((?:(?![与向及和的在把对给次时])[\u4e00-\u9fffA-Za-z]){1,8}?"
                           r"(?:(?<![全内外局底顶头尾细大首])部(?![署分件门])|组[长员]?(?![织件合建成会内长员])|中心|团队|委员会|办公室|(?<![学本专])科(?![学技研])|处(?![理置])))"
                           r"(?=[\u4e00-\u9fff]{2})")
_CLAUSE_END = rx.compile(r"[，,；;。]")
_OPINION = rx.compile(r"觉得|认为|建议|感觉|看法|[？?]|吗|吧$")
_ROLE_WORDS = rx.compile(r"负责|组(?![件织合成建])|端|分工|成员|人员|开发|测试|设计|文档|美工|策划|运营|主持|记录|后勤|宣传|答辩|汇报|PM|经理|leader", re.I)
_AGENDA_LINE = rx.compile(r"(?:\*\*)?(?:议题|议程|Topic|Agenda)\s*[\d一二三四五六七八九十]+\s*[、:：.．]", re.I)
_NUMBERED = rx.compile(r"^(?:\d+|[一二三四五六七八九十]+)[\s、.．)）]+")
_POSITION_KEY = rx.compile(r"(?:经理|组长|队长|班长|主席|秘书|主任|负责人|联系人|委员|助理|候选人|议长|会长|部长|顾问|干事|总监|"
                           r"主持人?|记录人|PM|leader|lead|moderator|host|chair|facilitator|note[- ]?taker)$", re.I)
_NEXT_ROLE_KEYS = rx.compile(r"^下[次一周](?:次|个)?(?:会议|例会|周会|组会)?(?:轮值)?(?:主持|主持人|记录|记录人|纪要)$")
_FIELD_AFTER = rx.compile(r"(?:责任人|负责人|执行人|跟进人|Owner|Assignee)\s*[:：]", re.I)
_FIELD_LABEL = rx.compile(
    r"[，,。；;\s\-—]*(?:责任人|负责人|执行人|跟进人|完成时间|截止时间|截止日期|闭环时间|完成日期|时间节点|DDL|deadline|(?-i:Owner|ETA|Due))\s*[:：]?\s*"
    r"(?=[@＠]?[\x00\x01])", re.I)
_FIELD_TAIL = rx.compile(
    r"[，,。；;\s\-—]*(?:完成时间|截止时间|截止日期|闭环时间|完成日期|时间节点|DDL)\s*[:：]?\s*[^，,。；;\x00\x01]*$", re.I)
# a remark in brackets closing a value, a few words long, after a Chinese name:
# advice, not a name (after a Latin word, "mpvue（已停止维护）", it is a thing's)
_REMARK = rx.compile(r"(?<=[\u4e00-\u9fff])\s*[（(][^（()）\n]{4,}[)）]\s*$")
_LEAD_MARK = rx.compile(r"\s*[（(](?:负责人|组长|牵头人?|lead|owner|PM)[)）]", re.I)
# a request closed by a tag question ("…，可以吗？") is still a request
_TAG_QUESTION = rx.compile(r"[，,]\s*(?:可以|好|行|对|是|OK)(?:吗|嗎|吧|不)[？?]?\s*$")
# at the end, a "\*" is an escape left of a cut name and "->" the arrow to a cut owner
_TASK_TRIM = rx.compile(r"^[\s，,。；;：:、\-—*~>]+|(?:[\s，,。；;：:、\-—*~\\→]|[-=]>|\s\.)+$")


def extract_actions(ctx: Context) -> list[Action]:
    out, done_blocks = _table_actions(ctx)
    st = ctx.st
    for sent in st.sentences:
        bi = sent.block
        b = st.blocks[bi]
        role = ctx.role(bi)
        if role in ("skip", "meta") or b.kind == "label":
            continue
        if b.key and (_META_KEYS.search(b.key) or field_of(ctx, b.key) in _PEOPLE_FIELDS) \
                and not _OWNER_KEYS.match(b.key) and not _next_role(ctx, b, b.end):
            continue  # this meeting's facts ("采访、整理：范承泽" its scribe); the next meeting's host is a role handed out
        if form_fields(ctx, b):
            continue  # a row of the record's form: "会议时间 | 2016-08-08 | 地点 | 二楼会议室"
        if b.kind == "heading":
            if not ctx.content_heading(bi):
                act = _heading_action(ctx, bi)
                if act:
                    out.append(act)
                continue
            b = replace(b, kind="para")  # a heading that is a line of minutes is judged as one
        if bi in done_blocks or is_entry_line(ctx, b):
            continue  # a table row already taken, a plan line already recorded whole, an entry's dated title
        handed = _cell_roster(ctx, b, bi)
        if handed is not None:
            # the whole cell is the evidence of each of its lines, as a sentence is of its clauses
            done_blocks.add(bi)
            out.append(_build(ctx, b, bi, *handed[1], role, "strong", by=Producer(rule="owner.cell-roster"),
                              clause=(handed[0].end(), b.end, _cell_names(ctx, handed[0]))))
            continue
        plan_unit = role == "plan" and _is_plan_unit(ctx, bi)
        if not plan_unit and b.kind == "item" and sent.start == b.start and sent.end < b.end \
                and _FIELD_AFTER.search(ctx.text, sent.end, b.end):
            # "任务描述。责任人：X，完成时间：Y": the item is one action, its fields after the task
            plan_unit = True
        if plan_unit:
            s, e = b.start, b.end
        else:
            s, e = sent.start, sent.end
        if b.key and b.value_start is not None and s < b.value_start < e and not ctx.is_speaker(b) \
                and not _OWNER_KEYS.match(b.key) and ctx._role_of_text(b.key) == "plan":
            s = b.value_start  # "后续安排：孙悦…": the label is not part of the task
        verdict = _decide(ctx, b, bi, s, e, plan_unit)
        if verdict is None:
            continue
        if plan_unit:
            done_blocks.add(bi)
        if verdict[0] == "attach":
            continue
        parts = _assignments(ctx, s, e) or _mention_clauses(ctx, s, e)
        if parts:
            # "郑承浩完成调试任务8-10，周华平完成提高任务": one action per person, same evidence
            for cs, ce, owners in parts:
                out.append(_build(ctx, b, bi, s, e, role, verdict[0], by=Producer(rule="owner.assignments"),
                                  clause=(cs, ce, owners)))
            continue
        tasks = _task_clauses(ctx, s, e) if ctx.view is None else []
        if tasks:
            # "继续学习经典算法；调研与FPGA相关的工作": two tasks, two actions, same evidence (the guide)
            owners = _owners_for(ctx, b, bi, s, e)
            for cs, ce in tasks:
                out.append(_build(ctx, b, bi, s, e, role, verdict[0], by=Producer(rule=verdict[1]),
                                  clause=(cs, ce, owners)))
            continue
        out.append(_build(ctx, b, bi, s, e, role, verdict[0], by=Producer(rule=verdict[1])))
    out = _heading_deadlines(ctx, _opening_deadlines(ctx, _closing_deadlines(ctx, out)))
    return merge_handoffs(ctx, out) if ctx.view is not None else _list_peers(ctx, out)


def _task_clauses(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of a unit set apart by semicolons when each opens with a
    work verb ("下载BERT模型；进行微调"): a unit holding two tasks. [] for
    one task, or for clauses of which one is no task of its own (a reason,
    a condition, a detail)."""
    text = ctx.text
    if not _SEMI.search(text, s, e):
        return []
    out = []
    for cs, ce in _pieces(text, s, e, _SEMI):
        while cs < ce and text[cs] in " \t*":
            cs += 1
        lead = _CLAUSE_LEAD.match(text, cs, ce)  # "(邓） 继续学习…", "2. 下载…": who or a number first
        if lead:
            cs = lead.end()
        while ce > cs and text[ce - 1] in " \t。.":
            ce -= 1
        if ce - cs < 2:
            continue
        if ctx.rules.which("actions", "imperative", text, cs, ce) is None:
            return []
        out.append((cs, ce))
    return out if len(out) >= 2 else []


def _pieces(text: str, s: int, e: int, sep: "re.Pattern[str]") -> list[tuple[int, int]]:
    """text[s:e] cut at every match of `sep`, the separators left out."""
    out, pos = [], s
    for m in sep.finditer(text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return out


_SEMI = rx.compile(r"[；;]")
_CLAUSE_LEAD = rx.compile(r"(?:[（(][^（）()\n]{1,8}[)）]|\d{1,2}\s*[.、．)）])\s*")


# a list item that is only an aside: all in brackets, or a quoted comment
_ASIDE = rx.compile(r"\s*(?:[（(][^()（）\n]*[)）]\s*[。.]?\s*$|>)")
# a key that labels an opinion or a note, not a part of the work
_OPINION_KEY = rx.compile(r"建议|意见|看法|备注|说明|注意|注|疑问|问题|原因|理由|结论|背景")


def _list_peers(ctx: Context, out: list[Action]) -> list[Action]:
    """A list is read as one kind of thing: when most items of a list (a run
    of items with one parent, heading, depth and label, three or more,
    unbroken by other lines) are tasks by the rules, its other items are
    tasks too ("2. 独立管理员与用户界面" among "1. 分析…", "3. 修改…"), unless
    they say themselves that they are done, a report, a question, an
    alternative, a decision or a post held."""
    blocks, text, rules = ctx.st.blocks, ctx.text, ctx.rules
    taken = {ctx.spans[a.id][2] for a in out if a.id in ctx.spans}
    lists: list[list[int]] = []
    open_runs: dict[tuple, list[int]] = {}  # the lists still running, by where their items stand
    for bi, b in enumerate(blocks):
        if b.kind != "item":
            open_runs = {}  # a line, a label or a heading between items ends every list
            continue
        key = (b.parent, b.heading, b.level, b.label)
        run = open_runs.get(key)
        if run is None:
            run = open_runs[key] = []
            lists.append(run)
        if b.checked is None:
            run.append(bi)
    added: list[Action] = []
    for items in lists:
        if len(items) < 3:
            continue
        tasks = sum(bi in taken for bi in items)
        if 2 * tasks < len(items) or tasks == len(items):
            continue
        for bi in items:
            b = blocks[bi]
            if bi in taken or ctx.role(bi) in ("skip", "meta", "progress", "decision"):
                continue
            s, e = b.start, b.end
            if not _TWO_CJK.search(text, s, e) or links_only(text, s, e) or opens_option(ctx, bi):
                continue
            if _ASIDE.match(text, s, e) or _no_work(ctx, b):
                continue  # "（缓存）", "> chyyuu 基于…": a note in brackets or a quoted comment on the items
            if _part_and_name(ctx, bi) or _only_who(ctx, ctx.st.span(bi)) or _names_a_part(ctx, b, bi):
                continue  # "前端用户界面 田鸿龙" over its tasks: they are the actions; "邓皓文" alone is who
            if b.key and (_META_KEYS.search(b.key) or _POSITION_KEY.search(b.key) or ctx.is_speaker(b)
                          or _OPINION_KEY.fullmatch(b.key.strip("*# "))):
                continue  # "项目经理：孙悦" holds a post; "时间：…" is this meeting's; "建议：…", "熊伟：…" say what someone thinks
            if any(rules.any("actions", r, text, s, e) for r in ("done", "report", "question", "invite")) \
                    or rules.any("consensus", "trigger", text, s, e) or rules.any("disagreements", "trigger", text, s, e):
                continue  # "确定了本周的工作流程": what was decided, not a task; "甲提议…，乙担心…": left open
            # read from its peers, not its own words, yet not left to the learned layer's
            # veto: out of fold it cut about as many right as wrong here (tools/overrule.py)
            added.append(_build(ctx, b, bi, s, e, ctx.role(bi), "strong", by=Producer(rule="structure.list-peers")))
    if not added:
        return out
    return sorted(out + added, key=lambda a: a.source.start)


def _no_work(ctx: Context, b: Block) -> bool:
    """A short line, or its value after a key, that names no work: "以上", "（gmm）",
    "2024年4月2日", "周凯：请假"."""
    if b.end - b.start > 40:
        return False
    rules, text = ctx.rules, ctx.text
    return rules.any("actions", "fragment", text, b.start, b.end) is not None or (
        b.value_start not in (None, b.start) and rules.any("actions", "fragment", text, b.value_start, b.end) is not None)


def _section_name_line(ctx: Context, b: Block, s: int, e: int) -> bool:
    """A short prose line, unmarked, that is only a section's name ("本周完成工作",
    "下周计划"): plain-text minutes title their parts so, without a # or a colon."""
    if b.kind != "para" or b.key is not None or e - s > 12:
        return False
    words = ctx.text[s:e].strip(" \t*")
    # a line that opens on work ("准备明天的汇报", "落实测试计划") is a task, whatever it names
    return bool(words) and not LINE_PUNCT.search(words) and ctx._role_of_text(words) is not None \
        and ctx.rules.any("actions", "imperative", ctx.text, s, e) is None and not ctx.owners(s, e)


_TWO_CJK = rx.compile(r"[\u4e00-\u9fff]{2}")
# the words that name a deadline field ("截止时间", "DDL"): as a key, and heading a section
_DEADLINE_WORDS = r"(?:截止|完成|提交|交付|上交)(?:时间|日期)|DDL|deadline"
_DEADLINE_KEY = rx.compile(_DEADLINE_WORDS + r"|时间节点", re.I)
# a line that speaks of the whole list above it ("以上工作应当在下周二前完成",
# "这些工作应当在周二之前解决")
# or a line of nothing but a deadline for them: "最晚周六早上完成这个初稿", "务必在周三前提交",
# "11.15号最终的截止日期"
_ABOVE_ALL = rx.compile(r"[\s*]*(?:(?:以上|上述|这些|这几项)(?:的|几项|各项|所有)?(?:工作|任务|内容|事项)"
                        r"|(?:最晚|最迟|务必|请于|请在|须于|须在)[^，,。；;\n]{1,12}?(?:完成|提交|交)"
                        r"(?:这个|这些|上述|以上|全部|所有)?(?:初稿|草稿|工作|任务|内容)?[\s。！!]*$"
                        r"|[^，,。；;\n]{1,12}?(?:是|为)?(?:最终|最后)?的?(?:截止|截至)(?:日期|时间)[\s。！!]*$)")
# the next meeting's time, by which the work above is due ("下次组会时间暂定为5.9的
# 下午4点，届时需完成第2阶段的工作"): the guide dates 下次会议前 by the next meeting
_NEXT_MEETING_DUE = rx.compile(r"[\s*]*(?:下次|下一次)[^，,。；;]{0,4}(?:会|讨论)[^。；;]*?(?:届时|之前|以前|前)[^。；;]{0,6}(?:完成|提交|交)")


# a form's instruction left in the minutes ("填写问题或任务，完成时间：2022年10月15日"): template text
_FORM_HINT = rx.compile(r"\s*(?:请)?(?:填写|在此填写|在此输入)")


def _heading_deadlines(ctx: Context, out: list[Action]) -> list[Action]:
    """"##### ddl：2月26日" closing a task section (under "### 任务：") dates
    every task of that section the words of which give no date (`due` set,
    `due_text` null), as a deadline line after a list does."""
    blocks, text = ctx.st.blocks, ctx.text
    for bi, b in enumerate(blocks):
        if b.kind != "heading" or not _DEADLINE_HEADING.match(text, b.start, b.end):
            continue
        h = b.heading
        while h is not None and ctx._role_of_text(ctx.st.span(h)) != "plan":
            h = blocks[h].heading
        ref = ctx.ref_date(bi)
        if h is None or ref is None:
            continue
        d = ctx.deadline(b.start, b.end, ref)
        if d is None or d.date is None:
            continue
        for i, a in enumerate(out):
            where = ctx.spans.get(a.id)
            if where is not None and where[2] is not None and h < where[2] < bi and a.due is None and a.due_text is None:
                out[i] = a.model_copy(update={"due": d.date.isoformat()})
    return out


# a heading that is a deadline field: "ddl：2月26日", "截止时间: 5月20日"
_DEADLINE_HEADING = rx.compile(rf"[\s*#]*(?:{_DEADLINE_WORDS})\s*[:：]", re.I)


def _closing_deadlines(ctx: Context, out: list[Action]) -> list[Action]:
    """"截止时间：周三前" (or "以上工作应在周三前完成") on its own line after a
    list of tasks dates every task of that list (`due` set, `due_text` null:
    the words are not in their line), and is itself a task
    (docs/annotation.md). A second deadline line further down dates only the
    tasks after the first: each task is looked at once, so a long list of
    such lines stays linear."""
    blocks = ctx.st.blocks
    order = sorted(range(len(out)), key=lambda i: out[i].source.start)
    starts = [out[i].source.start for i in order]
    added: list[Action] = []
    run = 0  # first block of the list that a deadline line here would close
    for bi, b in enumerate(blocks):
        listed = b.kind in ("item", "para", "cell")  # the rows of a task table are a list too
        prev = blocks[bi - 1] if bi else None
        if not listed or prev is None or prev.heading != b.heading or prev.kind not in ("item", "para", "cell"):
            run = bi + (not listed)  # a new list starts here (or after this label or heading)
        if not listed or b.kind == "cell":
            continue
        keyed = bool(b.key) and b.value_start is not None and bool(_DEADLINE_KEY.search(b.key or "")) \
            and not _FORM_HINT.match(b.key or "")
        above = not keyed and (_ABOVE_ALL.match(ctx.text, b.start, b.end) is not None
                               or _NEXT_MEETING_DUE.match(ctx.text, b.start, b.end) is not None)
        if not (keyed or above):
            continue
        first = bisect_left(starts, b.start)
        own = first < len(starts) and starts[first] < b.end
        if own and keyed:
            continue  # already a task of its own (an item whose words assign it)
        ref = ctx.ref_date(bi)
        # a deadline key's value is a date field, where a bare "5.22" is a date
        d = ctx.deadline(b.value_start if keyed else b.start, b.end, ref, field=keyed) if ref else None
        if d is None or d.date is None or run >= bi:
            continue
        dated = False
        for k in range(bisect_left(starts, blocks[run].start), first):
            i = order[k]
            if out[i].due_text is None:  # undated, or dated only by a heading far above: the line right after is nearer
                out[i] = out[i].model_copy(update={"due": d.date.isoformat()})
                dated = True
        run = bi + 1
        if dated and not own:
            added.append(_build(ctx, b, bi, b.start, b.end, ctx.role(bi), "strong",
                                by=Producer(rule="action.closing-deadline")))
    return sorted(out + added, key=lambda a: a.source.start) if added else out


def _opening_deadlines(ctx: Context, out: list[Action]) -> list[Action]:
    """"本周计划：一周以后（6月30号）能让lkp…跑起来" over a numbered list: a plan
    line that states its date opens a list of tasks, each due then (`due` set,
    `due_text` null) unless it says its own date."""
    blocks = ctx.st.blocks
    by_block: dict[int, list[int]] = {}
    for i, a in enumerate(out):
        sp = ctx.spans.get(a.id)
        if sp is not None and sp[2] is not None:
            by_block.setdefault(sp[2], []).append(i)
    for bi, b in enumerate(blocks):
        if b.kind != "para" or not b.key or b.value_start is None or ctx._role_of_text(b.key) != "plan":
            continue
        nxt = bi + 1
        if nxt >= len(blocks) or blocks[nxt].kind != "item" or blocks[nxt].heading != b.heading:
            continue
        ref = ctx.ref_date(bi)
        d = ctx.deadline(b.value_start, b.end, ref) if ref else None
        if d is None or d.date is None:
            continue
        for j in range(nxt, len(blocks)):
            c = blocks[j]
            if c.kind != "item" or c.heading != b.heading:
                break
            if c.key and ctx._role_of_text(c.key) == "plan":
                continue  # "5. 后续计划：…" states a plan of its own
            for i in by_block.get(j, ()):
                if out[i].due is None and out[i].due_text is None:
                    out[i] = out[i].model_copy(update={"due": d.date.isoformat()})
    for bi, idx in by_block.items():
        # "会议确定了本周的计划安排。由姜鑫负责…。陈少杰负责…。": a sentence naming the
        # period's plan dates the tasks after it in the same paragraph
        b = blocks[bi]
        ref = ctx.ref_date(bi) if b.kind == "para" else None
        if ref is None:
            continue
        for i in idx:
            a, sp = out[i], ctx.spans.get(out[i].id)
            if a.due is not None or a.due_text is not None or sp is None or sp[0] <= b.start:
                continue
            m = None
            for m in _PERIOD_PLAN.finditer(ctx.text, b.start, sp[0]):
                pass  # the last plan phrase before the task
            if m is None:
                continue
            d = ctx.deadline(m.start(), m.end(), ref)
            if d is not None and d.date is not None:
                out[i] = a.model_copy(update={"due": d.date.isoformat()})
    return out


# a period and its plan in one phrase ("本周的计划安排", "下周任务"), in a sentence before the tasks
_PERIOD_PLAN = rx.compile(r"(?:本周|这周|下周|下一周|本月|下月|下个月)的?(?:工作)?(?:计划|任务|安排|分工)")


def build_action(ctx: Context, bi: int, s: int, e: int, by: Producer) -> Action:
    """An action over text[s:e] decided outside the rules (the learned layer):
    owner, deadline and task come from the same resolvers as every action."""
    return _build(ctx, ctx.st.blocks[bi], bi, s, e, ctx.role(bi), "strong", by=by, strict=True)


def _is_plan_unit(ctx: Context, bi: int) -> bool:
    """Top-level lines of a plan section are its tasks; their children are detail."""
    b = ctx.st.blocks[bi]
    line = ctx.st.span(bi)
    if not re.search(r"[\u4e00-\u9fff]", line) or "？" in line or links_only(line):
        return False
    if _only_who(ctx, line):
        return False  # "| 邓皓文 |", "+ 产品": who, the owner field of a row or list, not a task
    if b.children and any(x.parent == bi and _people_value(ctx, x) for x in ctx.st.blocks[bi + 1 : bi + 1 + 2 * b.children]):
        return False  # "前、后端分工" whose children name the people
    if b.kind == "cell":
        return b.row_key is not None and not _EMPTY_CELL.match(ctx.st.span(bi))
    if b.kind == "item":
        if b.parent is None:
            return True
        parent = ctx.st.blocks[b.parent]
        if parent.kind == "label" or ctx._role_of_text(ctx.st.span(b.parent)) == "plan" \
                or ctx._names_owner(ctx.st.span(b.parent)) or _group_title(ctx, b.parent):
            return True  # the tasks of a group ("前端：") or of a plan item ("下阶段计划")
        # "分工" lines such as "前端：张三、李四" nested under "前、后端分工"
        return _people_value(ctx, b) is not None
    # (a line under the title of a plan point, "5. 接下来的工作", is one of its tasks)
    return b.kind == "para" and (b.parent is None or is_title_item(ctx.st.blocks[b.parent], ctx.text)
                                 and ctx._role_of_text(ctx.st.span(b.parent)) == "plan")


def _only_who(ctx: Context, line: str) -> bool:
    words = line.strip(" \t*#|-：:")
    return 0 < len(words) <= 6 and (_person_key(ctx, words) or bool(ctx.rules.any("owners", "group", words)))


def _people_value(ctx: Context, b: Block) -> list[tuple[int, int]] | None:
    """`前端：顾洋丞、胡昌宇` — a role whose value is only names."""
    if not b.key or b.value_start is None or _OWNER_KEYS.match(b.key):
        return None
    # the value is tested before the key: most `name：words` lines (every
    # transcript turn) fail on a value that is not names, and the key's
    # person and group lookups cost more
    # "张三（负责人）、李四", "姜赫扬（请参考项目设计文档）": a mark or a remark is no name
    names = _value_names(_REMARK.sub("", _LEAD_MARK.sub("", ctx.text[b.value_start : b.end])))
    if names is None:
        return None
    if _person_key(ctx, b.key):
        return None  # "易sir：技术审核": the key is the person, the value their part
    if _POSITION_KEY.search(b.key) and not _NEXT_ROLE_KEYS.match(b.key):
        return None  # "项目经理：张三" says who holds a post, not what they must do
    if _MEMBERS_KEY.fullmatch(b.key.strip("*# ")) or _RANK_KEY.fullmatch(b.key.strip("*# ")):
        return None  # "成员：崔卓、郭彦禛": who is in the team, no part of the work
    role_key = _group_name(ctx, b.key) or bool(_ROLE_WORDS.search(b.key))
    if not role_key and not all(_person_key(ctx, n) for n in names):
        return None  # "工作总结：王嘉凯" names people; "成品：Team Profile" does not
    if role_key and not all(_person_key(ctx, n) or _could_be_person(n) for n in names):
        return None  # "用户端：企业、专家": whom a part is for, not who does it
    spans = []
    pos = b.value_start
    for n in names:
        i = ctx.text.find(n, pos, b.end)
        spans.append((i, i + len(n)))
        pos = i + len(n)
    return spans


# who is in a team, as a key ("成员：", "组员：", "小组成员：")
_MEMBERS_KEY = rx.compile(r"(?:小组|团队|项目|本组|参会|与会|参与)?(?:成员|组员|队员|人员|名单)")
# a place in a ranking ("第一順序：丁慧瑩", "第二志愿：…"): who comes where, no part of the work
_RANK_KEY = rx.compile(r"第[一二三四五六七八九十\d]+(?:顺序|顺位|志愿|名|位)?")


def _could_be_person(name: str) -> bool:
    """A name no rule places that may still be someone's: Han that is no
    common word ("清梅" may be someone; "企业", "专家" are not), or a
    capitalised or @ Latin name, spaces and all ("Joshua Yang", "@dean")."""
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return could_be_name(name) and not two_common_words(name)
    return bool(re.fullmatch(r"@?[A-Z][\w\-. ]*|@[\w\-.]+", name))


def opens_option(ctx: Context, bi: int) -> bool:
    """Does block bi open an alternative under discussion ("方案二 …")? Then it
    is no work, for the rules and the learned layer alike. Asked once per
    block: each sentence of a long one-line block asking it again re-read the
    whole block (quadratic)."""
    found = ctx.memo.options.get(bi)
    if found is None:
        b = ctx.st.blocks[bi]
        found = ctx.memo.options[bi] = ctx.rules.any("disagreements", "option", ctx.text, b.start, b.end) is not None
    return found


def _next_role_key(b: Block) -> bool:
    """"下次会议主持人：吴峰光": the line's own key hands out a role for next time."""
    return bool(b.key and _NEXT_ROLE_KEYS.match(b.key) and b.value_start is not None)


def _next_role_inline(ctx: Context, b: Block, e: int) -> tuple[int, int] | None:
    """Who follows a role key further on the line ("下次例会时间：1月5号，轮值主持：王冲")."""
    if b.kind == "heading":
        return None  # "## 下次主持人" over a template
    hit = ctx.rules.any("actions", "next-role", ctx.text, b.start, e)
    return hit.spans["owner"] if hit is not None and "owner" in hit.spans else None


def _next_role(ctx: Context, b: Block, e: int) -> bool:
    """Does the line hand out a role for next time, by its key or further on?"""
    return _next_role_key(b) or _next_role_inline(ctx, b, e) is not None


_NAME_CLAUSE = rx.compile(r"[，,。；;！!？?]")
_DONE_VALUE = rx.compile(r"\s*(?:已经?|都)?(?:完成|做完|写完|搞定|结束)了?\s*[。.!！]?\s*|\s*(?:done|ok|finished)\s*[。.!！]?\s*", re.I)


def _names_a_part(ctx: Context, b: Block, bi: int) -> bool:
    """"- 会议议程", "完成情况", "讨论结果" alone on a line name a part of the record,
    as a heading does: no task, whatever list or section they stand in (with a
    time in it, "准备明天的汇报", or opening with a task verb, "完善待办功能", the line is work)."""
    return b.kind in ("item", "para") and b.key is None and b.end - b.start <= 8 \
        and not _NAME_CLAUSE.search(ctx.text, b.start, b.end) and ctx._role_of_text(ctx.st.span(bi)) is not None \
        and ctx.rules.which("actions", "imperative", ctx.text, b.start, b.end) is None \
        and not ctx.deadline(b.start, b.end, ctx.ref_date(bi) or date(2000, 1, 1))


def _decide(ctx: Context, b: Block, bi: int, s: int, e: int, plan_unit: bool) -> tuple[str, str] | None:
    """('strong' | 'weak' | 'attach', why) when the span is an action; None when not.
    A weak sign's action the learned layer may overrule (learn.layer.apply).

    `why` names what settled it: the id of the cue rule that fired, or the
    structural reason (section.plan, structure.checkbox, owner.key …)."""
    rules, text = ctx.rules, ctx.text
    if ctx.view is not None and b.kind == "para" and b.checked is None and not plan_unit and ctx.is_speaker(b):
        # a turn of a spoken transcript: the written layouts below (keys, rosters,
        # tables, lists, topics signed by who raised them) have no place in it
        return _decide_turn(ctx, b, bi, s, e)
    if b.key and b.value_start is not None and not ctx.is_speaker(b) and not _OWNER_KEYS.match(b.key):
        s = max(s, b.value_start)  # cues in a label ("需要帮助：") are not the line's words
    if _next_role(ctx, b, e):
        return "strong", "action.next-role"  # "下次会议主持人：吴峰光", though a heading so named is a template to skip
    if b.key and b.value_start is not None and _POSITION_KEY.search(b.key.strip("*# ")) \
            and _value_names(text[b.value_start:e].replace("@", "")) is not None:
        return None  # "副议长候选人：朱廷峻", "Moderator: @dean": who holds a post, no task (the guide)
    if b.key and b.value_start is not None and _DONE_VALUE.fullmatch(text, b.value_start, e):
        return None  # "伍芷蕴（美工）：完成": a roll call of work done, no work still to do
    if b.key and ctx._role_of_text(b.key) in ("progress", "skip"):
        return None  # "当前进展：…" reports, "讨论目标：…" says what the meeting is for: neither assigns
    if opens_option(ctx, bi):
        return None  # "方案二 …" is an alternative under discussion
    if _AGENDA_LINE.match(text, b.start, e) or bi in _signed_topics(ctx)[0]:
        return None  # "议题5、申请一键启用反馈优化 --- 王鼎": a topic and who raised it, not a task
    if b.kind == "item" and b.children and b.key is None and ctx._role_of_text(text[b.start:b.end]) == "plan":
        return None  # "- 安排本周任务" over its tasks names the list; the tasks are its items
    if _names_a_part(ctx, b, bi):
        return None
    if b.kind == "cell" and b.column and _ROLE_COLUMN.fullmatch(b.column.strip("*# ")):
        return None  # "| 角色 |" holds what a member is (前端开发), not what they will do
    if b.kind == "cell" and b.row_key is None and e - b.start <= 8 and field_of(ctx, text[b.start:e]) is not None:
        return None  # "| 参与人员 | 吕博图，… |": the key of a meeting-info table, not a task
    if b.kind == "cell" and b.row_key and len(b.row_key) <= 8 and field_of(ctx, b.row_key) is not None:
        return None  # "| 参与人员 | 全体 |", "| 形式 | 飞书会议 |": its value, this meeting's, not a task
    if b.kind == "item" and b.children and _owner_item(ctx, text[b.start:b.end]):
        return None  # "+ 后端" or "+ 毛英明" over sub-items says who does them, as "后端：" does
    if b.kind == "item" and b.children and _part_and_name(ctx, bi) and ctx.role(bi) != "progress":
        return None  # "1. 前端管理员界面 魏荣来（本周）" over its tasks titles the part and says who
    if b.kind == "item" and b.parent is not None and _part_and_name(ctx, b.parent) and ctx.role(bi) != "progress" \
            and not rules.maybe("actions", ("done", "report", "question"), text, s, e):
        return "strong", "owner.parent"  # "- 实现用户的添加和删除" under "前端管理员界面 魏荣来": one of his tasks
    if (plan_unit or ctx.role(bi) == "plan") and _group_title(ctx, bi):
        return None  # "1. **前端开发**" over its sub-items titles a part of the plan; they are its tasks
    if _no_work(ctx, b):
        return None  # "以上", "（gmm）", "2024年4月2日", "周凯：请假": a line with no work in it (a piece of a line may sign it)
    if _section_name_line(ctx, b, s, e):
        return None  # "本周完成工作" on a line of its own titles the lines under it, as a heading would
    if b.kind == "item" and ctx.titles_paragraphs(bi):
        return None  # "1. 关键进展" over paragraphs names a sub-section, as a heading would

    cues = _Cues(ctx, s, e)
    has, cue = cues.has, cues.cue

    if b.checked is not None:
        if ctx.owners(s, e) or plan_unit or _context_owner(ctx, bi):
            return "strong", "structure.checkbox"
        return None
    if b.kind in ("item", "para") and b.value_start is not None and not _OPINION.search(text, b.value_start, e) \
            and (ctx.role(bi) == "plan" or "、" in (b.key or "") or _people_value(ctx, b)) \
            and (_key_names(ctx, b) or _people_value(ctx, b)):
        # weak: a key that reads as a part and a value that reads as a name are
        # often neither ("前端：vue", "会议翻译：Lily"), which the learned layer tells apart
        return "weak", "owner.assignment"  # "黄启元、李维淼：体系结构设计", "工作总结：王嘉凯"  # "下次会议主持人：吴峰光" assigns a role for next time
    if _in_roster(ctx, bi) and ctx.role(bi) != "progress":
        return "strong", "owner.roster"  # (under 本周完成情况 the same lines report what each did)
    if b.key and _OWNER_KEYS.match(b.key) and b.value_start is not None:
        rest = re.sub(r"[@＠][\w\u4e00-\u9fff\-·.]+|[\s，,、]", "", text[b.value_start : e])
        return ("strong" if rest else "attach"), "owner.key"
    if _volunteered_talk(ctx, b, bi):
        return "strong", "owner.talk"
    if _HANDS_OUT.search(text, s, e) and ctx.role(bi) == "progress" and _assignments(ctx, s, e) \
            and not rules.maybe("actions", ("done", "report"), text, s, e):
        # "前端4个页面进行具体分工，王嘉凯完成…，叶俊辰完成…": parts handed out at a
        # progress review are work to do, one action each
        return "strong", "owner.assignments"
    if not plan_unit and not ctx.is_speaker(b) and not rules.maybe("actions", _CUES, text, s, e) \
            and "@" not in text[s:e] and "＠" not in text[s:e]:
        # no cue at all: only who-then-verb or a known participant with a deadline can still make it an action
        return _lead_name(ctx, b, bi, s, e) or _known_with_deadline(ctx, b, bi, s, e) or _trailing_name(ctx, b, bi, s, e) \
            or _opening_by(ctx, b, bi, s, e)
    question = has("question")
    if has("invite"):
        return None
    done = has("done")
    if plan_unit:
        if question and not ctx.deadline(s, e, ctx.ref_date(bi) or date(2000, 1, 1)):
            return None
        if _WHETHER.search(text, s, e) and _LEFT_OPEN.search(text, s, e):
            return None  # 遗留问题 "服务器采购是否走集采，待定": a question left open, not work (the guide)
        # a plan heading over what was done or talked over ("讨论了登录功能的开发进度")
        # does not make those lines work still to do
        return None if (done or has("report")) and not has("future") else ("strong", "section.plan")
    if ctx.is_speaker(b):
        if _asked(ctx, cues, question, s, e):
            return "strong", "owner.asked"
        if ctx.view is not None:
            return _spoken_verdict(ctx, bi, s, e, cues, question, done)
        # A speaker's words are opinions unless they promise something themselves.
        if question:
            return None
        if has("future"):
            return cue("future")
        if rules.any("transcripts", "first-person", text, s, e):
            return "strong", "transcript.first-person"  # "这个我来负责吧"
        if has("assign"):
            return cue("assign")  # "我们会请交通部再提一份报告": a request names its doer
        if ctx.view is None and b.value_start is not None and s <= b.value_start and not done \
                and ctx.role(bi) != "progress" and (b.key in ctx.people or b.key.lower() in ctx._people_lower()
                     or rules.any("owners", "person-name", b.key)) \
                and not has("report") and not _OPINION.search(text, b.value_start, e) \
                and (r := rules.which("actions", "imperative", text, b.value_start, e)) is not None:
            # written minutes: "Lou：把框选出的单词单独保存出来" hands Lou (a participant)
            # the work; a turn of speech would give a view, an opinion or a report
            # ("Redis 7：提供缓存支持" is a part of a system, not someone)
            return "weak", r.id
        return None
    if has("report") and not has("future"):
        return None
    if done and not has("future"):
        return None
    owners = ctx.owners(s, e)
    progress = ctx.role(bi) == "progress"
    if owners and not progress and len(owners) >= 2 and _mention_clauses(ctx, s, e):
        return "strong", "owner.mention"  # "@甲 画时序图 @乙 写伪代码": each group of mentions gets a part
    if owners and all(o.rule == "owner.mention" for o in owners) and (progress or not _mention_at_edge(text, s, e, owners)
                                                                       and not has("addressed")):
        owners = []  # "存在一个邀请 @zccrs 加入 TC 的决议" mentions, it does not assign
    if has("assign") and owners:
        return cue("assign")
    if question:
        return None
    if has("future"):
        return cue("future")
    ref = ctx.ref_date(bi) or date(2000, 1, 1)
    if has("modal") and not has("conditional"):
        due = ctx.deadline(s, e, ref)
        if owners or (due and due.date) or (not progress and (b.kind == "item" or _OPENS_MODAL.match(text, s, e))):
            return cue("modal")
        if subject_owner(text, s, e, rules, ctx.people):
            return cue("modal")  # "人事科要在…前组织…": a named subject must do something
    if b.kind in ("item", "para") and any(o.rule in _TRAILING for o in ctx.owners(s, e)):
        return "strong", "owner.trailing"  # "数据库扩充 【lpx】": a task and who takes it
    if progress:
        return None  # in a progress report only explicit promises count
    lead = _lead_name(ctx, b, bi, s, e)
    if lead:
        return lead
    if has("due-verb") and b.kind in ("item", "para", "cell"):
        due = ctx.deadline(s, e, ref)
        if due is not None:
            return cue("due-verb")
    if has("imperative") and b.kind in ("item", "para", "cell") and b.parent is None \
            and (s <= (b.value_start or b.start) or not text[b.start:s].strip()) \
            and not (b.key and b.value_start is not None and _TOPIC_KEY.fullmatch(b.key.strip("*# "))) \
            and not (b.kind == "cell" and b.column and _DESCRIBING_COL.search(b.column)):
        # a verb opening the line ("修改SDD文档"); one opening a later sentence
        # goes on with what the line said first ("尝试跑通…；研究手册中的示例");
        # one opening the value of "议题：" names what the meeting is about
        return "weak", cues.seen.get("imperative") or "action.imperative"
    if has("assign") and b.key and text[b.value_start or s : e].lstrip().startswith("负责"):
        return cue("assign")
    if owners and any(o.rule == "owner.mention" for o in owners) and b.kind == "item" \
            and ctx.role(bi) != "progress" and re.search(r"[@＠][^@＠\s]+\s*(?:~~)?\s*$", text[s:e]):
        return "strong", "owner.mention"  # "task@owner" lines
    return _known_with_deadline(ctx, b, bi, s, e)


class _Cues:
    """The cue roles of the actions pack asked of one span, each tested once
    (a verdict asks most of them several times): `has(role)`, and `cue(role)`,
    the verdict citing the rule that fired."""

    __slots__ = ("ctx", "s", "e", "seen")

    def __init__(self, ctx: Context, s: int, e: int) -> None:
        self.ctx, self.s, self.e = ctx, s, e
        self.seen: dict[str, str | None] = {}  # role → id of the first rule of it that matches

    def has(self, role: str) -> bool:
        seen = self.seen
        if role not in seen:
            r = self.ctx.rules.which("actions", role, self.ctx.text, self.s, self.e)
            seen[role] = r.id if r is not None else None
        return seen[role] is not None

    def cue(self, role: str) -> tuple[str, str]:
        return "strong", self.seen.get(role) or f"action.{role}"


def _decide_turn(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[str, str] | None:
    """_decide for a turn of a spoken transcript: the cues alone decide."""
    cues = _Cues(ctx, s, e)
    has = cues.has
    if _no_work(ctx, b):
        return None
    question = has("question")
    if has("invite"):
        return None
    done = has("done")
    if _asked(ctx, cues, question, s, e):
        return "strong", "owner.asked"
    return _spoken_verdict(ctx, bi, s, e, cues, question, done)


def _asked(ctx: Context, cues: _Cues, question: bool, s: int, e: int) -> bool:
    """"我想问局长，可否提供数据？": a request to a named one, put as a question."""
    return question and cues.has("assign") and any(o.rule == "owner.asked" for o in ctx.owners(s, e))


def _spoken_verdict(ctx: Context, bi: int, s: int, e: int, cues: "_Cues", question: bool,
                    done: bool) -> tuple[str, str] | None:
    """Whether a turn of speech commits someone: a promise, a handover, a
    request, or an obligation with a date; questions and reports do not."""
    rules, text = ctx.rules, ctx.text
    has, cue = cues.has, cues.cue
    if question:
        # "我们再请国教署研究一下……，可以吗？": a request closed by a tag question is
        # still a request, and so, spoken, is "你…优化一下行吗" with no comma (the rule
        # transcript.you-tag; "这样好吗" asks what the room thinks): only the words
        # before the tag are asked
        tag = _TAG_QUESTION.search(text, s, e)
        at = tag.start() if tag is not None else _you_tag(ctx, s, e)
        if at is not None:
            question = rules.any("actions", "question", text, s, at) is not None
    if question or (done and not has("future")):
        return None
    if _TRAILS_OFF.search(text[s:e]):
        return None  # "比如说我再去", "我可以把這個...": cut off before what is to be done
    if is_commitment(ctx, s, e):
        return "strong", "transcript.commitment"
    if has("future"):
        return cue("future")
    if has("assign"):
        return cue("assign")
    if not has("modal"):
        return None  # asked first: the deadline lookup is dearer and most turns have no modal
    due = ctx.deadline(s, e, ctx.ref_date(bi) or date(2000, 1, 1))
    return cue("modal") if due is not None and due.date is not None else None


def _you_tag(ctx: Context, s: int, e: int) -> int | None:
    """Where the tag of "你…一下好吗" opens in the turn text[s:e], when the rule finds one."""
    h = ctx.rules.rules["transcript.you-tag"].search(ctx.text, s, e)
    return h.spans["tag"][0] if h is not None and "tag" in h.spans else None


# an utterance that breaks off before its work: dots, or a few words ending on a
# motion or intent word ("比如说我再去")
_TRAILS_OFF = rx.compile(r"(?:\.{2,}|…+)\s*$|^\W*[^，,。；;\n]{0,6}(?:去|来|來|想|要|把|再)\s*[。.]?\s*$")
_WHETHER = rx.compile(r"是否|要不要|能否|可否")
# the question itself said to be open (a task may ask one: "验证…是否正常")
_LEFT_OPEN = rx.compile(r"待定|未定|待议|待讨论|待确定|尚未确定|还没定|再议|再定")

# an obligation that opens its sentence, its doer left implicit ("需进一步补充类图")
_OPENS_MODAL = rx.compile(r"\s*(?:我们|咱们|我方|我组|本组)?(?:还|仍|均|都|也)?(?:需要|需|应当|应该|必须|务必)")


def _assignments(ctx: Context, s: int, e: int) -> list[tuple[int, int, list[Owner]]]:
    """Clauses of one unit that each give a person their own task; [] unless there are two or more."""
    text = ctx.text
    out: list[tuple[int, int, list[Owner]]] = []
    for cs, ce in _assignment_clauses(text, s, e):
        while cs < ce and text[cs] in " \t":
            cs += 1
        if ce - cs < 3:
            continue
        owners = [o for o in ctx.owners(cs, ce) if o.rule in _ASSIGNING] or _lead_name_owner(ctx, cs, ce)
        if owners and owners[0].start - cs > 2 and _FRONTED_BY.fullmatch(text, owners[-1].end, ce) \
                and text[cs:owners[0].start].rstrip().endswith("由"):
            out.append((cs, ce, owners))  # "前台框架由张立鹏负责": the part first, then who takes it
            continue
        if owners and not out and owners[0].start - cs > 2:
            # "然后是本次作业的分工：许佳俊负责…": a label before the first of them;
            # "决定由张三负责…": the decision that hands them out
            colon = max(text.rfind("：", cs, owners[0].start), text.rfind(":", cs, owners[0].start))
            if colon >= 0 and owners[0].start - colon <= 3:
                cs = colon + 1
            elif _ASSIGN_LEAD.fullmatch(text, cs, owners[0].start):
                cs = owners[0].start
        if owners and owners[0].start - cs <= 2:
            out.append((cs, ce, owners))
        elif out and not ctx.deadline(cs, ce, ctx.meeting_date or date(2000, 1, 1)):
            # (a closing "周五前提交" dates them all)
            if owners or ce - cs > 8:
                return []  # a clause among them that assigns nothing: not a list of assignments
            out[-1] = (out[-1][0], ce, out[-1][2])  # "任晓琪负责解析命令，执行命令，返回结果": the same one's next steps
    if any(_ROLE_ONLY.fullmatch(text, owners[-1].end, ce) for _, ce, owners in out):
        return []  # "吕莉牵头，周志豪协助，下周五前拿出方案": roles in one piece of work, not parts of it
    return out if len(out) >= 2 and len({tuple(o.name for o in x[2]) for x in out}) >= 2 else []


# (more who share the role may follow the first: "财务部、采购部配合")
_ROLE_ONLY = rx.compile(r"(?:\s*[、和与及]\s*[^，,。；;、\s]{1,8}?)*\s*(?:来|去)?(?:牵头|协助|配合|支持|参与|主导|协同|辅助)\s*")


def _assignment_clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """text[s:e] cut at clause ends, and at a 、 that closes one assignment
    and opens the next ("张庆安负责需求分析、许必详负责概要设计"); a 、 between
    two names ("徐潇瑞、尤心心负责…") joins owners and cuts nothing."""
    out = []
    for cs, ce in _pieces(text, s, e, _CLAUSE_END):
        for n in _NEXT_ASSIGNMENT.finditer(text, cs, ce):
            if "负责" in text[cs:n.start()]:
                out.append((cs, n.start()))
                cs = n.end()
        out.append((cs, ce))
    return out


_ASSIGNING = ("owner.responsible", "owner.by")
_HANDS_OUT = rx.compile(r"分工|分配|分派|认领")
_FRONTED_BY = rx.compile(r"\s*(?:同学|老师)?\s*(?:来|去)?负责\s*")
# a 、 followed by someone (at most six characters) who takes a part
_NEXT_ASSIGNMENT = rx.compile(r"、(?=\s*[^、，,；;。\s]{1,6}?\s*负责(?!人|任))")
# words that hand out the parts before the first owner: "决定由", "最终决定的是"
_ASSIGN_LEAD = rx.compile(r"[^，,。；;]{0,8}?(?:决定|确定|商定|约定|分配|分工为?)(?:了|的是|为|如下)?\s*[:：]?\s*由?\s*|[并改]?由\s*")


_NAME_COLON = rx.compile(r"([^：:<>|\s][^：:<>|]{0,15}?)\s*[：:]\s*")


def _cell_roster(ctx: Context, b: Block, bi: int) -> "tuple[re.Match[str], tuple[int, int]] | None":
    """"陈浩：配置服务器API<br />殷绍轩、许志豪：搜寻…": the lines of one
    table cell (split at <br>) that each hand a part to named people are a
    roster in one cell, one action per line. Every line of the cell must be
    such a hand-out, and a progress column (研究进度) reports rather than
    hands out. The match of this line's `names：` and the whole cell's
    span when it is one, else None."""
    if b.kind != "cell":
        return None
    if bi not in ctx.memo.cell_rosters:
        _cell_group(ctx, b, bi)  # decides every line of the cell at once: a long cell stays linear
    return ctx.memo.cell_rosters[bi]


def _cell_group(ctx: Context, b: Block, bi: int) -> None:
    blocks, text = ctx.st.blocks, ctx.text
    lo = bi
    while lo > 0 and blocks[lo - 1].kind == "cell" and (blocks[lo - 1].line, blocks[lo - 1].column) == (b.line, b.column):
        lo -= 1
    hi = bi + 1
    while hi < len(blocks) and blocks[hi].kind == "cell" and (blocks[hi].line, blocks[hi].column) == (b.line, b.column):
        hi += 1
    found: list[re.Match[str]] = []
    if hi - lo >= 2 and ctx.role(bi) != "progress" and not (b.column and ctx._role_of_text(b.column) == "progress"):
        for j in range(lo, hi):
            c = blocks[j]
            m = _NAME_COLON.match(text, c.start, c.end)
            if m is None or len(_HAN.findall(text, m.end(), c.end)) + len(re.findall(r"[A-Za-z]+", text[m.end():c.end])) < 2 \
                    or not _cell_names(ctx, m):
                found = []
                break
            found.append(m)
    span = (blocks[lo].start, blocks[hi - 1].end)
    for j in range(lo, hi):
        ctx.memo.cell_rosters[j] = (found[j - lo], span) if found else None


def _cell_names(ctx: Context, m: "re.Match[str]") -> list[Owner]:
    return _all_people(ctx, m.start(1), m.end(1), "owner.cell-roster")


_MENTION_RUN = rx.compile(r"(?:(?<![A-Za-z0-9_.\-])[@＠][\w\u4e00-\u9fff\-·.]+?(?=[\s@＠，,。；;：:、）)(（]|$)\s*)+")


def _mention_clauses(ctx: Context, s: int, e: int) -> list[tuple[int, int, list[Owner]]]:
    """"@甲 画时序图 @乙 写伪代码 @丙 整理接口": a line that hands a part to
    each group of mentions, one action per group (the words up to the next
    group are its task). Words before the first group count as a part of
    their own when they name who ("大家每个人都做类图 然后@乙 …"). [] unless
    two or more groups with different people each get words."""
    text = ctx.text
    runs = [m for m in _MENTION_RUN.finditer(text, s, e)]
    if len(runs) < 2:
        return []
    lead_end = runs[0].start()
    if _OWNER_FIELD_END.search(text, s, lead_end):
        return []  # "责任人：@甲 收集问题，@乙 确保…": the owners of one task, listed in its field
    out: list[tuple[int, int, list[Owner]]] = []
    if len(_HAN.findall(text, s, lead_end)) >= 2:
        owners = [o for o in ctx.owners(s, lead_end) if o.rule != "owner.mention"]
        if owners:
            out.append((s, lead_end, owners))
    for k, m in enumerate(runs):
        ce = runs[k + 1].start() if k + 1 < len(runs) else e
        if ctx.rules.any("actions", "view-lead", text, m.end(), ce) is not None:
            return []  # "@甲 建议…，@乙 担心…": each states a view, no one is handed a part
        if len(_HAN.findall(text, m.end(), ce)) + len(re.findall(r"[A-Za-z]{2,}", text[m.end():ce])) < 2:
            continue  # a mention with no words of its own ("@甲 @乙 继续…" is one group)
        owners = [o for o in ctx.owners(m.start(), m.end()) if o.rule == "owner.mention"
                  and not _PRONOUN_ONLY.fullmatch(o.name)]
        if owners:
            out.append((m.end(), ce, owners))  # the task is the words after the mentions
    names = {tuple(o.name for o in x[2]) for x in out}
    return out if len(out) >= 2 and len(names) >= 2 else []


_OWNER_FIELD_END = rx.compile(_FIELD_AFTER.pattern + r"\s*$", re.I)  # a 责任人 field the words end on
_PRONOUN_ONLY = rx.compile(r"我|我们|你|你们|大家|all|everyone", re.I)


def _lead_name(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[str, str] | None:
    """"王磊完成登录模块", "赵敏先写测试报告": who, then straight to the work,
    outside progress reports and not told as done or asked."""
    if b.kind not in ("item", "para") or ctx.role(bi) == "progress":
        return None
    rules, text = ctx.rules, ctx.text
    owners = _lead_name_owner(ctx, s, e)
    if not owners:
        return None
    if any(rules.any("actions", r, text, s, e) for r in ("done", "report", "question", "invite")):
        return None
    return "strong", owners[0].rule  # the lead-name rule that found who


def _lead_name_owner(ctx: Context, s: int, e: int) -> list[Owner]:
    """lead_name_owner of text[s:e], once per span: _decide asks it to judge
    a sentence and _owners_for again to name the owner of the same one."""
    found = ctx.memo.lead_names.get((s, e))
    if found is None:
        found = ctx.memo.lead_names[(s, e)] = lead_name_owner(ctx.text, s, e, ctx.rules, ctx.people)
    return found


# a line that ends in a spaced-off name, or in a name or initials in brackets,
# after a dash or an arrow
# (after a dash, a list: "预装软件，预配置镜像---王之旭，王建兴，刘晓旭")
_ENDS_IN_NAME = rx.compile(r"(?:\s[\u4e00-\u9fff]{2,4}|[)）】\]]\**|(?:[-—]|->|→|=>)\s*[\w\u4e00-\u9fff]{2,25}"
                           r"(?:\s*[、，,/&+＋]\s*[\w\u4e00-\u9fff]{2,25})*)"
                           r"\s*[。；;.]?\s*$")
_TRAILING = ("owner.trailing", "owner.trailing-name", "owner.name-tag")
_BOLD_LEAD = rx.compile(r"\*\*([^*\n]{1,12})\*\*")


def _trailing_name(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[str, str] | None:
    """"3. 后端用户业务 陶志豪", "文件系统抽象设计 【wsr】": a part of the work
    and, after a space or in brackets, who takes it; outside progress reports
    and not told as done."""
    if b.kind not in ("item", "para") or not _ENDS_IN_NAME.search(ctx.text, s, e) or ctx.role(bi) == "progress":
        return None  # the cheap test first: most lines do not end in a name
    if (lead := _BOLD_LEAD.match(ctx.text, s, e)) is not None and field_of(ctx, lead.group(1)) is not None:
        return None  # "**参与人员**  李斯嘉  张译尹": who attended, a meeting fact
    rule = next((o.rule for o in ctx.owners(s, e) if o.rule in _TRAILING), None)
    if rule is None:
        return None
    if any(ctx.rules.any("actions", r, ctx.text, s, e) for r in ("done", "report", "question")):
        return None
    return "strong", rule


_TALK = rx.compile(r"\s*(?:分享|主讲|讲解|做报告|作报告|带读|领读)(?!了|过|完)")


def _volunteered_talk(ctx: Context, b: Block, bi: int) -> bool:
    """"李四：分享《…》": a talk someone takes on, outside progress reports."""
    return bool(b.key and b.value_start is not None and b.kind in ("item", "para")
                and _TALK.match(ctx.text, b.value_start) and _person_key(ctx, b.key)
                and not ctx.is_speaker(b) and ctx.role(bi) != "progress")


def _opening_by(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[str, str] | None:
    """"由黄龙、孔雪保同学对UI界面进行开发": a line that opens by handing the work
    to someone; not in a progress report, where it tells who did it."""
    if b.kind not in ("item", "para") or ctx.role(bi) == "progress":
        return None
    head = _LINE_LEAD.match(ctx.text, s, e)
    lead = head.end() if head else s
    if not ctx.text.startswith(("由", "交由"), lead) or ctx.rules.maybe("actions", ("done", "report"), ctx.text, s, e):
        return None  # ("由李四进行了需求讲解" tells who did it)
    return ("strong", "owner.by") if any(o.rule == "owner.by" and o.start - lead <= 3 for o in ctx.owners(s, e)) else None


# what may stand before the words of a line: a number, a bullet, a checkbox
_LINE_LEAD = rx.compile(r"\s*(?:[\d一二三四五六七八九十]{1,2}\s*[、.．)）]\s*|[（(]\d{1,2}[)）]\s*)?")


def _known_with_deadline(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[str, str] | None:
    """"4.1+4.2 章玉婷 在周一之前push": a known participant and a deadline."""
    if b.kind not in ("item", "para") or not ctx.people:
        return None
    if not known_people(ctx.text, s, e, ctx.people):
        return None
    d = ctx.deadline(s, e, ctx.ref_date(bi) or date(2000, 1, 1))
    if d is None or (d.date is not None and d.date == ctx.meeting_date and has_year(d) and not _BY_WHEN.search(d.text)):
        return None  # "2024年5月6日上午，王建国主持召开…": the day of the meeting itself, no deadline
    if ctx.rules.any("disagreements", "trigger", ctx.text, s, e) is not None:
        return None  # "彭磊认为…，戴安认为…，暂未定论，下周再讨论": the date is when it is taken up again
    if any(ctx.rules.any("actions", r, ctx.text, s, e) for r in ("report", "question")):
        return None  # "会议听取了陈红同志关于第二季度…的汇报": a report, its date the time it covers
    return "strong", "owner.known-with-deadline"


_BY_WHEN = rx.compile(r"前|截止|为止|之内|以内")


def _mention_at_edge(text: str, s: int, e: int, owners: list[Owner]) -> bool:
    """A mention that opens a line ("@赵六 下周三前…") or closes it ("任务@王五")."""
    head = re.sub(r"^(?:\[[ xX]\]\s*|~~|\*\*)*", "", text[s:e])
    lead = e - s - len(head)
    tail = re.sub(r"(?:~~|\*\*|\s|[。；;,，])*$", "", text[s:e])
    return any(o.start - 1 <= s + lead or o.end >= s + len(tail) for o in owners)


def _namelike(ctx: Context, key: str) -> bool:
    """A key that names someone: a known person, a department, or a short name."""
    return key in ctx.people or is_department(key, ctx.rules) or bool(ctx.rules.any("owners", "group", key)) or (
        _person_key(ctx, key) and not _META_KEYS.search(key))


# words that make a `name：…` line someone speaking rather than a part handed out
_HAN = rx.compile(r"[\u4e00-\u9fff]")
_UTTERANCE = rx.compile(r"[我你您咱吧吗呢啊呀嘛哈哦？?！!]|觉得|认为|同意|可以")


def _roster_line(ctx: Context, b: Block) -> bool:
    if b.kind not in ("item", "para") or b.key is None or b.value_start is None or b.checked is not None:
        return False
    if not 2 <= b.end - b.value_start <= 40 or _UTTERANCE.search(ctx.text, b.value_start, b.end):
        return False
    if len(_HAN.findall(ctx.text, b.value_start, b.end)) < 4:
        return False  # "姜开琦：Albert", "张三：组长": who is called what, not a part of the work
    if _CODE_KEY.fullmatch(b.key.strip("* ")):
        return False  # "**A5-14F：** 地坪24坪…": a unit's code, no one's handle
    if ctx.rules.any("actions", "done", ctx.text, b.value_start, b.end) is not None:
        return False  # "张朔：登录注册UI和跳转做完了": who reports what is done
    return bool(_key_names(ctx, b) or _lone_surname(ctx, b.key))


_CODE_KEY = rx.compile(r"[A-Z0-9][A-Z0-9\-_.]*\d[A-Z0-9\-_.]*")


def _lone_surname(ctx: Context, key: str) -> bool:
    """A key that is a surname alone ("林：前端的开发"), as small teams sign their parts."""
    return len(key) <= 2 and ctx.rules.any("owners", "surname", key) is not None


def _in_roster(ctx: Context, bi: int) -> bool:
    """"鲍韦彤：数据库设计" among lines like it, each naming someone else: a
    roster of who takes which part, not a chat (speakers come back, and
    speak: 我, 吧, 觉得, a question)."""
    if ctx.memo.rosters is None:
        ctx.memo.rosters = _rosters(ctx)
    return bi in ctx.memo.rosters


def _rosters(ctx: Context) -> frozenset[int]:
    # One pass over the blocks: runs of adjacent roster lines of one kind,
    # depth and paragraph, kept when every key in the run is a different name
    # (asked block by block, a long roster would be walked once per line).
    blocks = ctx.st.blocks
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        keys = [blocks[i].key for i in run]
        # surnames alone sign a roster only three or more at a time: two are as often a chat,
        # and so are two participants' lines ("王磊：登录做完了" / "李娜：接口还差一点")
        need = 3 if all(_lone_surname(ctx, k) for k in keys if k) or any(ctx.is_speaker(blocks[i]) for i in run) else 2
        if len(run) >= need and len(set(keys)) == len(keys):
            out.update(run)
        run.clear()

    for i, b in enumerate(blocks):
        if not _roster_line(ctx, b):
            close()
            continue
        last = blocks[run[-1]] if run else None
        if last is None or (b.kind, b.level) != (last.kind, last.level):
            close()
        run.append(i)
    close()
    return frozenset(out)


def _staffed_part(ctx: Context, b: Block, bi: int) -> list[Owner]:
    """"客户端开发：胡以欣，车子杰" earlier in the minutes says who the part is:
    a later "客户端开发：配好环境…" is theirs."""
    if not b.key or b.value_start is None:
        return []
    if ctx.memo.staffing is None:
        staffing: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        for j, x in enumerate(ctx.st.blocks):
            if x.key and x.key not in staffing and (spans := _people_value(ctx, x)):
                staffing[x.key.strip("*# ")] = (j, spans)
        ctx.memo.staffing = staffing
    found = ctx.memo.staffing.get(b.key.strip("*# "))
    if found is None or found[0] >= bi:
        return []
    return [Owner(ctx.text[a:z], a, z, "owner.staffed-part") for a, z in found[1]]


def _key_names(ctx: Context, b: Block) -> list[Owner]:
    """"黄启元、李维淼：体系结构设计", "毛英明/张蔚：…": a key that is only people's names."""
    if not b.key or b.value_start is None or not _KEY_LIST.search(b.key) and not _person_key(ctx, b.key):
        return []
    i = ctx.text.find(b.key, b.start, b.value_start)
    return _all_people(ctx, i, i + len(b.key), "owner.key") if i >= 0 else []


_KEY_LIST = rx.compile(r"、|(?<=[\u4e00-\u9fff])/(?=[\u4e00-\u9fff])")  # "毛英明/张蔚", not a path "`docs/report/`"


def _all_people(ctx: Context, s: int, e: int, rule: str) -> list[Owner]:
    """The names in text[s:e] as owners, when every one of them is someone's
    name (a key "黄启元、李维淼", a cell's "殷绍轩、许志豪"); else []."""
    out = []
    for a, z in split_names(ctx.text, s, e):
        name = ctx.text[a:z]
        if not _person_key(ctx, name):
            return []
        out.append(Owner(name, a, z, rule))
    return out


_HAN_MENTION = rx.compile(r"(?<![\w@＠.])[@＠]([\u4e00-\u9fff]{2,4})(?=[\s@＠，,。；;：:、)）]|$)", re.M)


def _mentioned(ctx: Context) -> frozenset[str]:
    """Chinese names @-mentioned anywhere in the document: such a name is a
    person's wherever it stands ("校怡哲：需求文档完善" in a roster), though
    no surname rule knows 校."""
    if ctx.memo.mentioned is None:
        ctx.memo.mentioned = frozenset(m.group(1) for m in _HAN_MENTION.finditer(ctx.text))
    return ctx.memo.mentioned


def _listed(ctx: Context) -> frozenset[str]:
    """Names the document lists beside someone's name ("鲁睿，魏来"): each is a
    person's wherever it stands, though its characters read as words to the
    name rule (来). Every name of the list must have a name's shape, and one
    must be a name by the rule."""
    if ctx.memo.listed is None:
        found: set[str] = set()
        rules = ctx.rules
        for m in _NAME_LIST.finditer(ctx.text):
            names = _LIST_SEP.split(m.group())
            strict = [bool(rules.any("owners", "person-name", n)) for n in names]
            if any(strict) and not all(strict) \
                    and all(ok or rules.any("owners", "name-shape", n) for ok, n in zip(strict, names)):
                found.update(n for ok, n in zip(strict, names) if not ok)
        ctx.memo.listed = frozenset(found)
    return ctx.memo.listed


_NAME_LIST = rx.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}(?:\s*[、，,/]\s*[\u4e00-\u9fff]{2,3})+(?![\u4e00-\u9fff])")
_LIST_SEP = rx.compile(r"\s*[、，,/]\s*")


def _person_key(ctx: Context, key: str) -> bool:
    key = key.strip()
    if key in ctx.people or key in _mentioned(ctx) or ctx.rules.any("owners", "person-name", key) or key in _listed(ctx):
        return True
    m = _SURNAME_TITLED.fullmatch(key)
    if m:
        # "张工", "王总": a surname and a title; "分工", "员工", "加工" are words
        return bool(ctx.rules.any("owners", "surname", m.group(1).removeprefix("小").removeprefix("老")))
    return bool(_HANDLE_KEY.fullmatch(key) and _HANDLE_CHAR.search(key) and not ctx.rules.any("owners", "list-label", key))


# a handle, or a nickname with a title ("易sir", "东哥", "王老师")
_HANDLE_KEY = rx.compile(r"@?[A-Za-z][A-Za-z0-9_\-]*(?:\s?sir)?|[\u4e00-\u9fff]{1,2}(?:sir|老师|哥|姐)", re.I)
_SURNAME_TITLED = rx.compile(r"([\u4e00-\u9fff]{1,2})[总工]")
_HANDLE_CHAR = rx.compile(r"[a-z0-9\u4e00-\u9fff]")


def _group_name(ctx: Context, key: str) -> bool:
    """A label that names who acts: a known person, a department or team, a
    role group such as 前端/后端/测试, or a Latin handle."""
    if key in ctx.people or is_department(key, ctx.rules) or ctx.rules.any("owners", "group", key):
        return True
    return bool(_GROUP_HANDLE.fullmatch(key)) and not _META_KEYS.search(key) \
        and not ctx.rules.any("owners", "list-label", key)


_GROUP_HANDLE = rx.compile(r"@?[A-Za-z][A-Za-z0-9_\-]{1,30}")  # ASCII: \w would take "ROC组件体系改造" for a handle


# a column of what members are ("| 角色 |"), beside the one of what they do
_ROLE_COLUMN = rx.compile(r"(?:成员|团队|组内)?(?:角色|岗位|职务|身份|职位)(?:分工)?")


def _value_names(value: str) -> list[str] | None:
    """The names a value holds when it holds nothing else ("顾洋丞、胡昌宇",
    "Lily / Tom"); None for any other value. Bold marks are no part of a name."""
    plain = value.replace("*", "")
    if not _PEOPLE_VALUE.match(plain) or _NOT_NAMES.search(plain):
        return None
    names = _NAME_SEP.split(plain.strip())
    if not all(1 <= len(n) <= 20 and (len(n) <= 4 or _LATIN_NAME.fullmatch(n)) for n in names):
        return None
    return names


# of the group words, those that are a team even without a colon after them:
# bare 产品, 测试, 设计, 文档 over a list are as often its topic
_TEAM_ITEM = rx.compile(r"(?:前端|后端|前后端|客户端|服务端|移动端|\S{1,6}(?:组|小组|团队))")


# a list item that is nothing but a bold title ("**前端开发**", "**技术支持**：")
_BOLD_TITLE = rx.compile(r"\s*\*\*[^*\n]{1,24}\*\*\s*[:：]?\s*$")
_TAGGED_TITLE = rx.compile(r"\s*[^\s\[\]]{1,12}\s*\[name=[^\]\n]+\]\s*$")


def _group_title(ctx: Context, bi: int) -> bool:
    """A list item that only titles the sub-items under it: "**前端开发**",
    or a short title signed with a HackMD tag, "贊助 [name=Cynthia]"."""
    b = ctx.st.blocks[bi]
    return b.kind == "item" and bool(b.children) and (_BOLD_TITLE.match(ctx.text, b.start, b.end) is not None
                                                      or _TAGGED_TITLE.match(ctx.text, b.start, b.end) is not None)


def _owner_item(ctx: Context, words: str) -> bool:
    """A list item that is only who acts, over the items they do: a person's
    name (a known person too), a department or a team (后端, 测试组), not a Latin
    word, which is as often a topic ("Docker") as a handle."""
    w = words.strip("*# ：:")
    if not w or re.search(r"\s", w):
        return False
    return _bare_name(ctx, w) or is_department(w, ctx.rules) \
        or (_TEAM_ITEM.fullmatch(w) is not None and ctx.rules.any("owners", "group", w) is not None)


def _bare_name(ctx: Context, words: str) -> bool:
    """A line or label that is nothing but a person's name ("毛英明", "王卫增")."""
    return words in ctx.people or bool(
        _CJK_NAME.fullmatch(words) and ctx.rules.any("owners", "person-name", words)
        and not ctx.rules.any("owners", "list-label", words) and not _group_name(ctx, words))


_CJK_NAME = rx.compile(r"[\u4e00-\u9fff]{2,3}")


# a numbered topic signed by who brings it: "3. 新增tag评审  --余诗&李亚杰",
# "议题5、申请一键启用反馈优化 --- 王鼎"
_SIGNED_TOPIC = rx.compile(r"\s*(?:\*\*)?(?:(?:议题|议程|Topic)\s*)?[\d一二三四五六七八九十]+\s*[、.．:：)）]\s*[^。；;\n]{2,80}?"
                           r"\s(?:——|-{2,3}|—)\s*"
                           r"(?P<who>[\w\u4e00-\u9fff·\-]{2,20}(?:\s*[&＆、/,，和]\s*[\w\u4e00-\u9fff·\-]{2,20})*)"
                           r"\s*(?:\*\*)?\s*$", re.I)


# a numbered topic opened by who presents it ("1. 张子涵介绍检索评估结果。") or
# closed by the presenter in brackets ("3. Sig-compiler各部件版本规划介绍（赵川峰）")
_REPORTED_TOPIC = rx.compile(r"\s*(?:\*\*)?[\d一二三四五六七八九十]+\s*[、.．)）]\s*(?:\*\*)?(?:"
                             r"(?P<who>[\u4e00-\u9fff]{2,4}?(?:[、和与][\u4e00-\u9fff]{2,4}?)*|[A-Za-z][A-Za-z0-9_\-]{1,24})\s*"
                             r"(?:介绍|汇报|报告|分享|演示|展示|讲解)"
                             r"|[^。；;\n]{2,80}?\s*[（(](?P<who2>[\u4e00-\u9fff]{2,4}(?:[、，,][\u4e00-\u9fff]{2,4})*)[)）]\s*(?:\*\*)?\s*$)")


def _signed_topic_over(ctx: Context, bi: int) -> list[Owner]:
    """The signer of the numbered topic line this line follows up, when every
    name in the signature is someone's: the follow-ups of a topic are its
    presenter's (the openEuler SIG way: "3. 新增tag评审 --余诗&李亚杰" then
    "遗留问题：" and its items). A topic governs down to the next topic line
    or heading."""
    return _signed_topics(ctx)[1].get(bi, [])


def _signed_topics(ctx: Context) -> tuple[frozenset[int], dict[int, list[Owner]]]:
    """The signed topic lines, and the signers of the topic each line follows up (once per document)."""
    if ctx.memo.signed_topics is None:
        ctx.memo.signed_topics = _find_signed_topics(ctx)
    return ctx.memo.signed_topics


def _find_signed_topics(ctx: Context) -> tuple[frozenset[int], dict[int, list[Owner]]]:
    st, text = ctx.st, ctx.text
    topics: set[int] = set()
    out: dict[int, list[Owner]] = {}
    current: list[Owner] = []
    heading: int | None = None
    for i, b in enumerate(st.blocks):
        if b.kind == "heading" or b.heading != heading:
            current, heading = [], b.heading
            if b.kind == "heading":
                continue
        if b.kind in ("item", "para") and (b.parent is None or b.kind == "para"):
            # from the line's start: an item's number is its list marker, outside the block
            line_start = text.rfind("\n", 0, b.start) + 1
            m = _SIGNED_TOPIC.match(text, line_start, b.end)
            if m is not None:
                topics.add(i)  # a title and its signature, no task ("3. 新增tag评审 --余诗")
            else:
                m = _REPORTED_TOPIC.match(text, line_start, b.end)  # may itself be work: "1. 张三演示并提交…"
            if m is not None:
                who = "who" if m.start("who") >= 0 else "who2"
                names = _all_people(ctx, m.start(who), m.end(who), "owner.signed-topic")
                current = names  # an unsigned or unknown signature ends the topic before it, and owns nothing
                continue
            if _AGENDA_LINE.match(text, b.start, b.end) or is_entry_line(ctx, b):
                current = []  # a new agenda, or the next meeting of a log ("2022/3/4 openEuler release 会议")
                continue
        if current:
            out[i] = current
    return frozenset(topics), out


# who works on a section's topic, as a key: "人员：范，虞" (not 成员, which introduces a team)
_STAFF_KEY = rx.compile(r"(?:人员|负责人|责任人|执行人)")


def _staff_over(ctx: Context, bi: int) -> list[Owner]:
    """"## 装甲板匹配 / - 人员：范，虞 / 1. …": a line under a topic's heading that
    names who works on it owns the lines after it, up to the next such line."""
    st, text = ctx.st, ctx.text
    b = st.blocks[bi]
    if b.heading is None or b.kind not in ("item", "para"):
        return []
    for j in range(bi - 1, max(b.heading, bi - 30), -1):
        p = st.blocks[j]
        if p.heading != b.heading or p.kind not in ("item", "para"):
            return []
        if p.key is None or p.value_start is None or _STAFF_KEY.fullmatch(p.key.strip("*-# ")) is None:
            continue
        spans = split_names(text, p.value_start, p.end)
        if not spans or not all(len(text[a:z]) <= 4 and plausible(text[a:z], ctx.people)
                                and (text[a:z] in ctx.people or ctx.rules.any("owners", "surname", text[a:z])
                                     or _person_key(ctx, text[a:z])) for a, z in spans):
            return []
        return [Owner(text[a:z], a, z, "owner.staff") for a, z in spans]
    return []


# a part's short name and, after a space, who ("前端管理员界面 魏荣来"); a topic
# sentence with its presenter ("libkperf在…新建分支 -- 刘长庚") is no part
_PART_NAME = rx.compile(r"[^，,。；;：:、\-—]{2,16}\s+\S{2,4}")
# a note in brackets after a name ("魏荣来（本周）"): when, not who
_TRAILING_NOTE = rx.compile(r"\s*[（(][^（）()]{1,8}[)）]$")


def _title_line(ctx: Context, b: Block) -> str:
    """An item's words as a title: marks, a closing colon and a note in
    brackets after the name left out ("前端管理员界面 魏荣来（本周）")."""
    return _TRAILING_NOTE.sub("", ctx.text[b.start:b.end].strip("*# ：:"))


def _last_name(ctx: Context, line: str) -> str | None:
    """The person after the last space of a title ("前端用户界面 田鸿龙"), if any."""
    words = line.split()
    last = words[-1] if len(words) > 1 else ""
    return last if last and (last in ctx.people or ctx.rules.any("owners", "person-name", last)) else None


def _part_and_name(ctx: Context, pi: int) -> bool:
    """Is item pi a part of the work and who takes it ("前端用户界面 田鸿龙",
    "前端管理员界面 魏荣来（本周）"), over items of its own?"""
    pb = ctx.st.blocks[pi]
    if pb.kind != "item" or not pb.children:
        return False
    line = _title_line(ctx, pb)
    if not _PART_NAME.fullmatch(line) or _last_name(ctx, line) is None:
        return False
    # its items are bare tasks, not who said what ("- 胡峰：建议…" under a topic and its presenter)
    kids = [c for c in ctx.st.blocks[pi + 1 : pi + 1 + 2 * pb.children] if c.parent == pi]
    return not any(c.key for c in kids)


# a row headed by when, not who: "| 第10周 | …", "| 周三 | …", "| 3月 | …"
_WHEN_KEY = rx.compile(r"第?[\d一二三四五六七八九十]+\s*(?:周|天|日|号|月|次|期|轮|阶段)|(?:周|星期)[一二三四五六日天]")


def _context_owner(ctx: Context, bi: int) -> list[Owner]:
    """Owners given by where the line stands: a table row, a heading's @X,
    a block label such as 以下由市场部负责."""
    st, text = ctx.st, ctx.text
    b = st.blocks[bi]
    if b.kind == "cell" and b.row_key:
        row = b.row_key.strip("*@ ")
        # a handle, or a short key that can name someone ("| 沙箱补充 | 完成本地沙箱… |" names a thing)
        if row and not row.isdigit() and not _WHEN_KEY.fullmatch(row) and (is_handle(row) or len(row) <= 4 and (
                _person_key(ctx, row) or _group_name(ctx, row) or len(row) <= 3 and could_be_name(row))):
            i = text.rfind(b.row_key, 0, b.start)
            return [Owner(row, i, i + len(row), "owner.row")] if i >= 0 else []
    if b.kind == "cell" and b.column:
        # a table laid out by person, week by week down the rows ("| | 吴骏东 | 张子辰 |"
        # over "| 11 | rkplat | |"): a cell is the work of the person heading its column
        col = b.column.strip("*@ ")
        if col in ctx.people or ctx.rules.any("owners", "person-name", col):
            i = text.rfind(col, 0, b.start)
            return [Owner(col, i, i + len(col), "owner.column")] if i >= 0 else []
    if b.kind == "item" and b.parent is not None:
        pb = st.blocks[b.parent]
        if _TAGGED_TITLE.match(text, pb.start, pb.end):
            # "贊助 [name=Cynthia]" over its tasks: the tag names who takes them
            tagged = [o for o in ctx.owners(pb.start, pb.end) if o.rule == "owner.name-tag"]
            if tagged:
                return [Owner(o.name, o.start, o.end, "owner.parent") for o in tagged]
        line = _title_line(ctx, pb)
        last = _last_name(ctx, line) or (line if line and _owner_item(ctx, line) else None)
        if last is not None:
            # "前端用户界面 田鸿龙" owns the items under it, as "1. 毛英明" alone does
            i = text.rfind(last, pb.start, pb.end)
            return [Owner(last, i, i + len(last), "owner.parent")]
    nl = ctx.name_line_over(bi) if b.kind == "item" and b.parent is None else None
    if nl is not None:
        nb = st.blocks[nl]
        name = text[nb.start:nb.end].strip("* ")
        i = text.find(name, nb.start, nb.end)
        return [Owner(name, i, i + len(name), "owner.name-line")]
    if b.label is not None:
        lb = st.blocks[b.label]
        m = _BLOCK_OWNER.search(text, lb.start, lb.end)
        if m:
            return [Owner(m.group("owner"), m.start("owner"), m.end("owner"), "owner.block")]
        mentions = [h for r in ctx.rules.role("owners", "mention") for h in r.finditer(text, lb.start, lb.end)]
        if mentions and lb.key and lb.key.lstrip().startswith(("@", "＠")):
            return [Owner(text[a:z], a, z, "owner.label-mention")
                    for h in mentions for a, z in [h.spans["owner"]]]
        if lb.key and (lb.value_start is None or not text[lb.value_start:lb.end].strip()) \
                and _bare_name(ctx, lb.key.strip("* ")):
            # "王卫增：" alone on its line, a person's name, over a list: his items
            name = lb.key.strip("* ")
            i = text.find(name, lb.start, lb.end)
            return [Owner(name, i, i + len(name), "owner.person-label")] if i >= 0 else []
        if lb.key and _group_name(ctx, lb.key):
            # a group label over a list ("前端：", "后端小组：") owns each item under it
            i = text.find(lb.key, lb.start, lb.end)
            return [Owner(lb.key, i, i + len(lb.key), "owner.group")] if i >= 0 else []
    signed = _signed_topic_over(ctx, bi) or _staff_over(ctx, bi)
    if signed:
        return signed
    h = b.heading
    while h is not None:
        hb = st.blocks[h]
        m = _HEAD_MENTION.search(text, hb.start, hb.end)
        if m:
            return [Owner(m.group("owner"), m.start("owner"), m.end("owner"), "owner.heading")]
        m = _BLOCK_OWNER.search(text, hb.start, hb.end)
        if m:
            return [Owner(m.group("owner"), m.start("owner"), m.end("owner"), "owner.heading")]
        name = _NUMBERED.sub("", text[hb.start:hb.end].strip("*@ "))  # "# 1 巩炜晟": the number is no part of the name
        if ctx.role(bi) == "plan" and ctx.heading_role(h) is None and (
                name in ctx.people or ctx.rules.any("owners", "person-name", name) or ctx.rules.any("owners", "group", name)):
            # "### 周立" over "**待做：**": a person's heading owns the plan lines under it
            i = text.find(name, hb.start, hb.end)
            return [Owner(name, i, i + len(name), "owner.heading-person")]
        h = hb.heading
    return []


def _owners_for(ctx: Context, b: Block, bi: int, s: int, e: int) -> list[Owner]:
    text, rules, people = ctx.text, ctx.rules, ctx.people
    if ctx.view is not None and ctx.is_speaker(b):
        return speech_owners(ctx, s, e)
    owners = ctx.owners(s, e)
    if not owners and b.kind == "cell" and (row_people := _row_person(ctx, bi)):
        return row_people
    staffed = _staffed_part(ctx, b, bi)
    if owners and not (staffed and owners[0].end <= (b.value_start or 0)):
        return owners  # (a part's word in the key, "客户端开发：", is who only when no line staffs the part)
    spans = _people_value(ctx, b)
    if spans:
        return [Owner(text[a:z], a, z, "owner.assignment") for a, z in spans]
    if staffed:
        return staffed
    if not _next_role_key(b) and (inline := _next_role_inline(ctx, b, e)) is not None:
        return [Owner(text[a:z], a, z, "action.next-role") for a, z in split_names(text, *inline)]  # "…，轮值主持：王冲"
    if _next_role_key(b):
        return find_owners(text, b.value_start, e, rules, people) or [
            Owner(n, i, i + len(n), "owner.assignment")
            for n in [text[b.value_start:e].strip(" 。；;")] for i in [text.find(n, b.value_start, e)] if n and i >= 0]
    key_names = _key_names(ctx, b)
    if key_names:
        return key_names
    if b.key and _lone_surname(ctx, b.key) and _in_roster(ctx, bi):
        i = text.find(b.key, b.start)
        return [Owner(b.key, i, i + len(b.key), "owner.roster-surname")]
    if b.key and b.value_start is not None and (text[b.value_start:e].lstrip().startswith("负责")
                                                 or (ctx.role(bi) == "plan" and _namelike(ctx, b.key))):
        # "章玉婷：负责GUI", and under a plan heading "张三：3月20日前输出方案"
        i = text.find(b.key, b.start)
        return [Owner(b.key, i, i + len(b.key), "owner.key")]
    if ctx.is_speaker(b):
        i = text.find(b.key, b.start)
        if not re.search(r"[/]", b.key):
            return [Owner(b.key, i, i + len(b.key), "owner.speaker")]
    if ctx.role(bi) == "plan" and (hit := rules.any("owners", "plan-trailing", text, s, e)) is not None:
        # "甘特图-何嘉欣" among the tasks handed out: the task, a dash, who takes it
        return [Owner(text[a:z], a, z, "owner.plan-dash") for a, z in split_names(text, *hit.spans["owner"])]
    if ctx.role(bi) == "plan" and (hit := rules.any("owners", "plan-leading", text, s, e)) is not None:
        # "王道宇 金融领域，QEMU" under 分工: who, a space, the part they take
        names = split_names(text, *hit.spans["owner"])
        if all(_person_key(ctx, text[a:z]) for a, z in names):
            return [Owner(text[a:z], a, z, "owner.plan-lead") for a, z in names]
    owners = subject_owner(text, s, e, rules, people) or _lead_name_owner(ctx, s, e) \
        or known_people(text, s, e, people)
    if owners:
        return owners
    m = _LEADING_DEPT.match(text, s, e)
    # "测试部提供性能基线数据": a department opening the line does the work ("設定一組…" counts things)
    dept: list[Owner] = []
    if m and not re.search(r"[我你咱]|今天|本次|这次|第", m.group(1)) and not counts_things(m.group(1)) \
            and rules.which("actions", "imperative", text, m.start(1), m.end(1)) is None:
        # ("完善分组管理功能…" opens with the work: 完善分组 is no department)
        # "请财务处核算…": the department, without the word that hands it the work
        dept = [Owner(text[a:z], a, z, "owner.department") for a, z in split_names(text, m.start(1), m.end(1))[:1]]
        if _work_follows(ctx, m.end(1), e):
            return dept
    if b.start < s:  # an owner named earlier in the same item: "提醒学员注意…。特别注意…"
        owners = find_owners(text, b.start, s, rules, people)
        if owners:
            return owners
    # with no work right after it, the word may name a thing ("个人中心原型" under
    # "### 黄子涵"): the person the item stands under comes first
    return _child_names(ctx, b, bi) or _context_owner(ctx, bi) or dept


def _work_follows(ctx: Context, s: int, e: int) -> bool:
    """Work is named within a few characters of `s`, before the clause ends: after
    "测试部" in "测试部本周提供数据", not after "个人中心" in "个人中心原型，10.29 前交"
    (a page of the product, not a department)."""
    end = min(e, s + 8)
    if (c := _CLAUSE_END.search(ctx.text, s, end)) is not None:
        end = c.start()
    return any(ctx.rules.which("actions", "imperative", ctx.text, k, e) is not None for k in range(s, end))


_PAREN = rx.compile(r"[（(][^)）\n]*[)）]")


def _row_person(ctx: Context, bi: int) -> list[Owner]:
    """The names in the row's column of who ("| 姓名 |", "| 负责人 |") for a
    cell of another column. A Word cell merged down the rows leaves the
    first cells of the rows below it blank: only such a row takes the name
    of the row above. A row that has its first cell and an empty cell of
    who has no owner (a name from another row would be invented)."""
    blocks, text = ctx.st.blocks, ctx.text
    b = blocks[bi]
    if b.column is None or _PERSON_COLS.match(b.column):
        return []

    def row_of(c: Block) -> int:
        return c.row if c.row is not None else c.line

    row = row_of(b)
    first = bi  # the row's first cell (a row's cells stand together)
    while first > 0 and blocks[first - 1].kind == "cell" and row_of(blocks[first - 1]) == row:
        first -= 1
    last = bi
    while last + 1 < len(blocks) and blocks[last + 1].kind == "cell" and row_of(blocks[last + 1]) == row:
        last += 1
    found = next((c for c in blocks[first:last + 1] if c.column is not None and _PERSON_COLS.match(c.column)), None)
    if found is None and blocks[first].row_key is not None:
        # the row's first column is blank: merged with the rows above, whose who holds here
        i = first - 1
        while found is None and i >= 0 and blocks[i].kind == "cell":
            c = blocks[i]
            if c.column is not None and _PERSON_COLS.match(c.column):
                found = c
            i -= 1
    if found is None:
        return []
    names = [Owner(text[a:z], a, z, "owner.column") for a, z in split_names(text, found.start, found.end)
             if not _EMPTY_CELL.match(text[a:z])]
    return names if names and all(plausible(o.name, ctx.people) or _MEMBER_ID.fullmatch(o.name) for o in names) else []


# in a column of who, a student or staff number names a member ("| 201250190 |")
_MEMBER_ID = rx.compile(r"\d{6,12}")
_PERSON_COLS = rx.compile(f"(?:{PERSON_COL.pattern})|(?:{OWNER_COL.pattern})", re.I)


def _child_names(ctx: Context, b: Block, bi: int) -> list[Owner]:
    """"图纸（五月20交图纸）" over sub-items "齐福运", "东哥": a task whose
    sub-items do nothing but name who takes it."""
    if b.kind != "item" or not b.children:
        return []
    blocks, text = ctx.st.blocks, ctx.text
    out: list[Owner] = []
    for j in range(bi + 1, len(blocks)):
        if len(out) == b.children:
            break  # every sub-item seen: what follows is their own detail or the next line
        c = blocks[j]
        if c.parent != bi:
            if c.kind == "item" and c.level > b.level:
                continue  # a grandchild: only the direct sub-items name people
            break
        name = _PAREN.sub("", text[c.start:c.end]).strip(" *")
        if not name or c.checked is not None or not _person_key(ctx, name):
            return []
        i = text.find(name, c.start, c.end)
        out.append(Owner(name, i, i + len(name), "owner.child-names"))
    return out


_NAMES_BRACKET = rx.compile(r"[（(](?P<who>[^（）()\n]{1,16})[)）](?=[\s。.；;]*$)")


def _deadline_for(ctx: Context, b: Block, bi: int, s: int, e: int) -> tuple[Deadline | None, bool]:
    """The deadline in the sentence, else one stated by its column or heading
    (明日计划, 本周计划); the flag says whether it was written in the sentence."""
    ref = ctx.ref_date(bi)
    if ref is None:
        # Without a meeting date only an absolute date with a year is known:
        # "本周六（2023.04.08）前" is due on the date its brackets give.
        found = find_deadlines(ctx.text[s:e], date(2000, 1, 1))
        d = next((x for x in found if x.date is not None and has_year(x)), None) or first_deadline(found)
        if d is not None:
            if d.date is not None and not has_year(d):
                d = Deadline(d.text, d.start, d.end, None, d.rule, d.vague, d.reading)
            return _shift(d, s), True
        return None, False
    d = ctx.deadline(s, e, ref)
    if d is not None:
        return _into_scope_week(ctx, b, _shift(d, s), ref), True
    d = _signed_date(ctx, s, e, ref) or _tail_date(ctx, b, e, ref) or _key_date(ctx, b, s, ref)
    if d is not None:
        return d, True
    d = scope_deadline(ctx, b, ref)
    return (d, False) if d is not None else (None, False)


_BARE_WEEKDAY = rx.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")


def _into_scope_week(ctx: Context, b: Block, d: Deadline, ref: date) -> Deadline:
    """"下周任务安排：被测软件，周一下午5点前准备好": a bare weekday in the plan
    of a later week falls in that week, not in the meeting's."""
    if d.rule != "deadline.weekday" or d.date is None or not _BARE_WEEKDAY.match(d.text):
        return d
    scope = scope_deadline(ctx, b, ref)
    if scope is None or scope.date is None:
        return d
    weeks = (_monday(scope.date) - _monday(d.date)).days // 7
    if weeks <= 0:
        return d
    return Deadline(d.text, d.start, d.end, d.date + timedelta(weeks=weeks), d.rule, d.vague, d.reading)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# "项目最终成果展示 - whj (12.7)": after the owner who signs a task, its date in
# brackets; of several steps ("材料12.6，测试12.7") the last is when it is done
_SIGNED_DATE = rx.compile(r"(?P<bracket>[(（](?P<when>[^()（）\n]{0,16}?\d{1,2}[./]\d{1,2}[^()（）\n]{0,4})[)）])[\s*。；;.]*$")
_MONTH_DAY = rx.compile(r"\d{1,2}[./]\d{1,2}")
# a bare month.day standing as a mark of its own where the line ends, or
# before the owner's bracket that ends it: "…@李渊 @俊磊 7.14", "文案 3/10 (曹、蔡)"
_BARE_MARK_DATE = rx.compile(r"(?<![\w.／/])(?P<when>\d{1,2}[./]\d{1,2})(?![\w.／/%])"
                             r"\s*(?P<bracket>[(（][^()（）\n]{1,30}[)）])?[\s*。；;.]*$")


def _marked_date(ctx: Context, s: int, e: int, ref: date) -> Deadline | None:
    """A bare "7.14" is a date only beside who takes the work: after the
    owners that end the line, or before the bracket that names them (in
    prose the same digits are versions, scores, sections)."""
    m = _BARE_MARK_DATE.search(ctx.text, s, e)
    if m is None or m.start("when") - s < 2:
        return None
    owners = ctx.owners(s, e)
    at = m.start("bracket") if m.group("bracket") else None
    if not any((at is not None and o.start >= at)
               or (o.rule in (*_TRAILING, "owner.mention") and not ctx.text[o.end:m.start("when")].strip(" *"))
               for o in owners):
        return None
    d = find_deadline(m.group("when"), ref, field=True)
    if d is None or d.date is None:
        return None
    return Deadline(m.group("when"), m.start("when"), m.end("when"), d.date, d.rule, d.vague, d.reading)


def _signed_date(ctx: Context, s: int, e: int, ref: date) -> Deadline | None:
    m = _SIGNED_DATE.search(ctx.text, s, e)
    if m is None or not any(o.rule in _TRAILING and o.end <= m.start("bracket") for o in ctx.owners(s, e)):
        return _marked_date(ctx, s, e, ref)
    last = list(_MONTH_DAY.finditer(ctx.text, m.start("when"), m.end("when")))[-1]
    d = find_deadline(last.group(), ref, field=True)
    if d is None or d.date is None:
        return None
    # the whole bracket is the date's words: the task keeps none of them
    return Deadline(m.group("bracket"), m.start("bracket"), m.end("bracket"), d.date, d.rule, d.vague, d.reading)


# what may stand around a date that closes an item: "于24日（周二）（含）之前。"
_DATE_FRAME = rx.compile(r"(?:[\s。.，,；;！!*]|[（(][^（）()\n]{0,4}[)）]|于|在|最晚|最迟|之前|以前|前|为止|截止|完成|含)*")


_TAIL_MAX = 60  # a date and its frame ("于2024年5月24日（周五）（含）之前。") fit well within this


def _tail_date(ctx: Context, b: Block, e: int, ref: date) -> Deadline | None:
    """"将预测函数整合入buff类。29号（周日）（含）之前。": when what is left of the
    item after the task is nothing but a date, the task is due then."""
    if b.kind not in ("item", "para") or e >= b.end or b.end - e > _TAIL_MAX:
        return None  # (a long rest is more than a date: not read again for every action of a long line)
    d = ctx.deadline(e, b.end, ref)
    if d is None or d.date is None:
        return None
    text = ctx.text
    if _DATE_FRAME.fullmatch(text, e, e + d.start) is None or _DATE_FRAME.fullmatch(text, e + d.end, b.end) is None:
        return None
    return _shift(d, e)


# a key that is only a date: "11.28：完成系统的集成", "12月9日："
_KEY_DATE = rx.compile(r"[\s*]*(?:\d{4}\s*[./-]\s*)?\d{1,2}\s*(?:[./]\s*\d{1,2}|月\s*\d{1,2}\s*[日号]?)\s*(?:前|之前|以前)?[\s*]*")


# work said to start on the date ("开始写文档"): the date is no due
_STARTS = rx.compile(r"\s*(?:开始|启动|着手|开工|动工|start)", re.I)


def _key_date(ctx: Context, b: Block, s: int, ref: date) -> Deadline | None:
    """"11.28：完成系统的集成": a date keying a task it does not hold in its
    value dates it, when it lies after the meeting (a log's entries are keyed
    by the day they record, on or before it)."""
    if b.key is None or b.value_start is None or s < b.value_start or not _KEY_DATE.fullmatch(b.key) \
            or _STARTS.match(ctx.text, b.value_start):
        return None  # ("12.1：开始写文档" says when the work starts, not when it is due)
    at = ctx.text.find(b.key, b.start, b.value_start)
    if at < 0:
        return None
    d = find_deadline(b.key, ref, field=True)
    if d is None or d.date is None or d.date <= ref:
        return None
    return _shift(d, at)


def _shift(d: Deadline, offset: int) -> Deadline:
    return Deadline(d.text, d.start + offset, d.end + offset, d.date, d.rule, d.vague, d.reading)


def _strict_owners(ctx: Context, b: Block, bi: int, s: int, e: int) -> list[Owner]:
    """Owners that say themselves: explicit patterns (责任人：, 由X负责, @X), a
    key of names ("黄启元、李维淼：…", not a speaker's), a name that opens the
    line and goes to the work ("王磊完成…"), a group label or table row."""
    return ctx.owners(s, e) or (_key_names(ctx, b) if not ctx.is_speaker(b) else []) \
        or _lead_name_owner(ctx, s, e) or _context_owner(ctx, bi)


def _build(ctx: Context, b: Block, bi: int, s: int, e: int, role: str | None, verdict: str,
           by: Producer | None = None, strict: bool = False,
           clause: tuple[int, int, list[Owner]] | None = None) -> Action:
    """`strict`: for a unit no rule decided, owners only as `_strict_owners`
    gives them: no guess from a sentence's subject.
    `clause`: one assignment of several in the unit; its words give the task,
    owner and deadline, the whole unit stays the evidence."""
    text = ctx.text
    ts, te = (clause[0], clause[1]) if clause else (s, e)
    if clause:
        owners = clause[2]
    else:
        owners = _strict_owners(ctx, b, bi, s, e) if strict else _owners_for(ctx, b, bi, s, e)
    due, written = _deadline_for(ctx, b, bi, ts, te)
    if clause and due is None:
        due, written = _deadline_for(ctx, b, bi, s, e)  # "…，周五前完成" closes all of them
        if due is not None and written and due.start < ts:
            due, written = None, False  # a date in an earlier part is that part's, not this one's
    for o in owners:
        if o.rule == "owner.child-names":
            # "韩梅（素材另行提供）" under the task names who takes it: the line is the
            # action's owner field, not a task of its own (nor a unit left to the model)
            blocks = ctx.st.blocks
            c = next((blocks[j] for j in range(bi + 1, len(blocks)) if blocks[j].start <= o.start < blocks[j].end), None)
            if c is not None:  # (the sub-items follow their task: no copy of the block list to find them)
                ctx.field_spans.append((c.start, c.end))
    source = ctx.source(s, e, b)
    names = [o.name for o in owners]
    cuts = [(o.start, o.end) for o in owners if ts <= o.start < te]
    if due is not None and written and ts <= due.start < te:
        cuts.append((due.start, due.end))
    if names and (m := _NAMES_BRACKET.search(text, ts, te)) is not None \
            and set(re.split(r"[、,，/\s]+", m["who"].strip())) <= set(names):
        cuts.append((m.start(), m.end()))  # "陈晨负责拆解 KR…（陈晨）": who, said again at the end
    task = _task(text, ts, te, cuts, b, due_last=due is not None and written)
    vague = bool(due is not None and due.vague) or any(o.vague for o in owners)
    aid = ctx.new_id("action", source.text)
    ctx.spans[aid] = (s, e, bi)
    if verdict == "weak":
        ctx.weak.add(aid)
    return Action(
        id=aid, text=clean(text[s:e]), source=source, task=task,
        owner="、".join(names) if names else None, owners=names,
        due=due.date.isoformat() if due is not None and due.date is not None else None,
        due_text=due.text if due is not None and written else None,
        vague=vague, status="已完成" if b.checked else "open", by=by,
    )


# _task's clean-up, compiled once (it runs for every action)
_OWNER_MARK = rx.compile(r"(?:\d{1,2}[.、．](?=\x00)|[一二三四五六七八九十]是(?=\x00))?(?:由|请|(?:->|→|=>)\s*|交给|(?:会议|会上)?要求|@|＠)?(?:各位|各|全体|所有)?\s*`?\x00+`?(?:同学|老师|同志)?\s*(?:你们|你|您)?\s*(?:这边|那边)?(?:来|去)?(?:负责|牵头|跟进(?=[，,。；;]|$))?[，,：:]?")
_DUE_MARK = rx.compile(r"(?:在|于|截止(?:日期|时间)?是?在?)?\s*\x01+[日号]?(?:\s*[（(][^（）()\n]{0,4}[)）])*\s*(?:之前|以前|前|期间)?")
_OWNER_FIELD = rx.compile(r"^(?:责任人|负责人|执行人)\s*[:：]\s*")
# the record's own voice before the work ("会议决定[由人事处]进一步征求意见", "决定：…")
_DECIDED = rx.compile(r"^(?:会议|经研究[，,]?\s*)(?:决定|要求|同意|明确|强调|议定)\s*[:：，,]?\s*|^(?:决定|要求|同意|明确|强调|议定)\s*[:：，,]\s*")
# a modal opening the task, not the 要 of 要求; with a gap after it, where the date was
# cut ("将[在两周内]完成原型设计"), 将 and 需 are modals too, not 将 = 把
_MUST = rx.compile(r"^(?:需要|要(?!求)|应当|应该|必须|务必)(?=[\u4e00-\u9fff])|^(?:需要|将|会|需|须|要|应|应当|应该|必须|务必)\s+(?=[\u4e00-\u9fff])")
_MODAL_GAP = rx.compile(r"(?<=[\u4e00-\u9fff])(?:须|需要|需|必须|务必|应当|应该)\s+(?=[\u4e00-\u9fff])")
_SETTLE = rx.compile(r"^(?:确定|决定|明确|要求)\s+(?=\S)")
_SPOKEN_OPENER = rx.compile(r"^(?:(?:行|好|好的|嗯|那|那就|OK|ok|(?:我来|我去|交给我)(?:吧|的|了|啊)?)[，,]\s*)+")  # "我来吧，我…"
_FIRST_PERSON = rx.compile(r"(?:^|(?<=[，,]))(?:我们组|我们部门|我们团队|我们这边|我这边|你那边|你们那边|我来|我会|我先|我(?!们))\s*(?=\S)")
_PARTICLE = rx.compile(r"[吧啊呢哈]+(?=[。！!，,]?$)")
_EMPTY_PAREN = rx.compile(r"\s*(?:[（(]\s*(?:due|by|截止)?\s*[:：]?\s*[)）]|【\s*】|\[\s*\])", re.I)
_TAKES = rx.compile(r"^负责(?=\S)")
_PUNCT_SPACE = rx.compile(r"\s*([，。；：、])\s*|(?<=[（(])\s+|\s+(?=[)）])")
_OWNER_JOIN = rx.compile(r"(\x00+)\s*(?:和|与|及|以及|、|/|[+＋&])\s*(?=\x00)")


# the field marks of a to-do list's plugins (Obsidian Tasks: "📅 2024-05-10" due,
# "✅ …" done, "⏳" scheduled, "🔼" priority, "🔁" recurring): their dates are read as
# the deadline, the marks are no words of the task
_TASK_MARKS = rx.compile(r"\s*[📅📆🗓⏳⌛🛫✅➕🔁🔼🔽⏫⏬🔺][\ufe0f]?")


# a bracketed label opening the item says what kind of line it is: "【待办】…", "[TODO] …"
_LABEL_LEAD = rx.compile(r"^\s*[【\[]\s*(?:待办|待跟进|跟进|行动项?|任务|TODO|Action(?:\s*Item)?|AI)\s*[】\]]\s*", re.I)


# English, once the owner and the date are cut: "Alice will send the deck by Friday."
# leaves "will send the deck by ."; the task is "send the deck"
_EN_TASK_EDGES = rx.compile(r"^(?:will|to|needs?\s+to|should|shall|must|is\s+to)\s+(?=[a-z])|\s+(?:by|before|until|on|due)\s*[.。]?\s*$", re.I)


def _task(text: str, s: int, e: int, cuts: list[tuple[int, int]], b: Block, due_last: bool = False) -> str:
    """What is to be done, without owner and date words."""
    chars = list(text[s:e])
    for n, (a, z) in enumerate(cuts):
        mark = "\x01" if n == len(cuts) - 1 and due_last else "\x00"
        for i in range(max(a, s), min(z, e)):
            chars[i - s] = mark
    t = "".join(chars)
    t = _OWNER_JOIN.sub(r"\1", t)  # "裴跃和涂玉华负责…": the 和 between two owners goes with them
    t = _FIELD_LABEL.sub("", t)  # "责任人：", "完成时间：" before the owner and date they introduce
    t = _FIELD_TAIL.sub("", t)
    t = _OWNER_MARK.sub("", t)
    t = _DUE_MARK.sub(" ", t)
    t = _OWNER_FIELD.sub("", t)
    t = _DECIDED.sub("", t)
    t = _MUST.sub("", t)
    t = _MODAL_GAP.sub("", t)  # "平台一期须[于6月30日前]上线": the modal before the cut date
    t = _SETTLE.sub("", t)  # "确定[节后第一个工作日]完成压测"
    # spoken openers and the first person are not part of the task
    t = _SPOKEN_OPENER.sub("", t)
    t = _FIRST_PERSON.sub("", t)
    t = _PARTICLE.sub("", t)
    t = clean(t)
    t = _EMPTY_PAREN.sub("", t)
    t = _TASK_MARKS.sub("", t)
    t = _LABEL_LEAD.sub("", t)
    t = _TAKES.sub("", t)
    t = _PUNCT_SPACE.sub(r"\1", t)
    t = _EN_TASK_EDGES.sub("", t)
    return _TASK_TRIM.sub("", t) or clean(text[s:e])


def _heading_action(ctx: Context, hi: int) -> Action | None:
    """A sub-heading under a plan section that names an owner ("公众号问答机器人@邢立涛")."""
    st, text = ctx.st, ctx.text
    hb = st.blocks[hi]
    parent = hb.heading
    if parent is None or ctx.heading_role(parent) != "plan":
        return None
    m = _HEAD_MENTION.search(text, hb.start, hb.end)
    if not m:
        return None
    return _build(ctx, hb, hi, hb.start, hb.end, "plan", "strong", by=Producer(rule="owner.heading"))
