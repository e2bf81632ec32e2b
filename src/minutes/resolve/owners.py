"""Who must act: owner spans found in a sentence, as written.

Owners are never invented. Each one is a substring of the source; words that
name nobody (有人, 这个, 我们) are dropped, a quantifier stays with the group it
counts (各组员, 全体成员, as the gold keeps them), and vague owners (相关部门,
大家) are kept but marked so the record can flag them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rx
from ..rules import RuleSet

# Whitespace separates names only between Han names ("张三 李四") or before a
# mention; "TC 成员" and "Merlin Lu" are one name each. The 与 of 参与者 and 与会人员 joins no two names.
_SPLIT = rx.compile(r"\s*(?:、|以及|和|及|(?<!参)与(?!会)|/|,|，|&|\+|＋)\s*|(?<=[a-z])\s+(?=[a-z])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s+(?=[@＠])")
# words that lead into a name without being part of it: discourse links
# (其中, 然后), a list number run into the name ("5.第一组负责…") and the verbs that hand work to someone (建议, 要求, 考虑 X 负责)
_DROP_PREFIX = rx.compile(r"^(?:\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]是|(?:明确|确定|决定|商定|议定|同意|指定)(?=由)|(?:最终|最后|会议)?(?:决定|商定|议定|指定)(?:的是|了)?|请|交由|由|让|交给|交付|是|为|需要|会后|稍后|随后|目前|主要由|那就|那么|那|就|"
                          r"其中|另外|然后|同时|首先|最后|并|建议|希望|要求|安排|考虑|@|＠|"
                          # a time run into the name, whole ("请下周二前统一反馈": not "二前统一");
                          # a formal record's enumerator ("一是保卫处要…", "二是后勤处负责…")
                          r"(?:今天|明天|后天|今晚|明晚|(?:本|下|这)周[一二三四五六日天末]?)(?:前|之前|内|之内)?)+")
# "等人", and a time word run into the name ("请大家今天和明天阅读…")
_DROP_SUFFIX = rx.compile(r"(?:等人|等|这边|那边|今天|明天|后天|今晚|明晚|本周|下周|这周)$")
_NOT_OWNER = rx.compile(
    r"^(?:只|主要|具体|分别|共同|各自|专门|全权|统一|一起|来|将|会|谁|哪边|哪里|哪位|哪个|哪些|哪方|人|有人|我|你|他|她|它|这|那|这个|那个|这些|那就|就|"
    r"本次|此事|该|其|我们|你们|他们|我们组|我们部门|我们团队|我们这边|我这边|我方|大家都|目前|今年|去年|明天|后天|下周|本周|会议|例会|首先|然后|最后|同时|"
    r"另外|如果|若|可以|可能|需要|应该|期望|希望|相关|下|上|中|前|后|对|在|于|的|了|是|也|还|都|就|再|又|"
    r"项目|任务|工作|问题|方案|文档|代码|功能|数据|内容|部分|事项|模块|其他|其它|这部分|后续|之后)$"
)
VAGUE_OWNERS = rx.compile(r"^(?:相关部门|有关部门|相关人员|有关人员|相关同事|大家|各部门|有关单位|相关单位|相关机关|有关机关|相关方|各相关方|相关负责人)$")
# A lone work verb is never an owner ("评估会员积分…" starts with a verb).
_VERB_ONLY = rx.compile(r"^(?:评估|梳理|整理|完成|提交|提供|确认|跟进|落实|推进|发送|编写|撰写|制定|补充|更新|修改|联系|沟通|"
                        r"对接|组织|安排|协调|调研|测试|验证|排查|输出|发布|合并|上传|部署|评审|审核|处理|解决|汇总|统计|核实|"
                        r"通知|申请|设计|开发|实现|分析|研究|检查|收集|反馈|讨论|继续|开始|确保|准备|阅读|学习|查看|熟悉|思考)$")
_COUNT = rx.compile(r"^[一二两三四五六七八九十几\d]+\s*(?:个)?(?:人|位|名)")
# a time word opening the words ("下次组会…", "本周小组…"): when, not who
_TIME_LEAD = rx.compile(r"^(?:[下上本这每今明昨前后][次回周月年天轮]|[今明昨]日|目前|现在|当前|届时|之后|随后|会后)")
_VERB_LEAD = rx.compile(r"^(?:使用|进行|通过|利用|采用|根据|按照|对于|关于|针对|把|将|从|向|给|用|以|在|于)")
_MANNER_LEAD = rx.compile(r"^(?:逐|依次|一一|分批|陆续)")
_LINK_LEAD = rx.compile(r"^(?:反正|因为|因為|所以|但是|而且|如果|假如|要是|既然|可由|可以由|然后|那么|那麼)")
_VERB_MEASURE = rx.compile(r"^[\u4e00-\u9fff]个(?!人)")
_PRONOUN_IN = rx.compile(r"[我你您咱]|他们|她们")
_VERBISH = rx.compile(r"(?:完成|提交|提供|整理|负责|推进|进行|确认|跟进|讨论|决议|修改|开发|测试|准备|需要|应该|可以|没有|已经|正在)")


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    start: int
    end: int
    rule: str
    vague: bool = False


def split_names(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split an owner group into names, each as a span of `text`."""
    out: list[tuple[int, int]] = []
    pos = s
    for m in list(_SPLIT.finditer(text, s, e)) + [None]:
        ps, pe = pos, (m.start() if m else e)
        if m:
            pos = m.end()
        chunk = text[ps:pe]
        pm = _DROP_PREFIX.match(chunk)
        if pm:
            ps += pm.end()
            chunk = text[ps:pe]
        sm = _DROP_SUFFIX.search(chunk)
        if sm and len(chunk) - len(sm.group()) >= 2:
            pe -= len(sm.group())
            chunk = text[ps:pe]
        chunk = chunk.strip(" *~()（）[]【】\\")  # "\*\*婷": markdown's escaped emphasis around a name
        if not chunk:
            continue
        ps = text.index(chunk, ps)
        pe = ps + len(chunk)
        out.append((ps, pe))
    return out


_HAN = rx.compile(r"[\u4e00-\u9fff]+")


def plausible(name: str, people: set[str]) -> bool:
    """Could these words name who acts? Not a pronoun phrase, a head count, a
    time, a verb phrase or a word that qualifies something ("地主的")."""
    if name in people:
        return True
    if _NOT_OWNER.match(name) or _VERB_ONLY.match(name) or re.fullmatch(r"[\d.+\-#]+", name):
        return False
    if _COUNT.match(name):
        return False  # "一人收集整理": a head count, not who
    if _TIME_LEAD.match(name) and len(name) > 2:
        return False  # "下次组" in "下次组会时间…" is a time, not a group
    if _VERB_LEAD.match(name) and len(name) > 2:
        return False  # "使用mcu", "通过接口": a phrase that opens with a verb or preposition
    if _MANNER_LEAD.match(name):
        return False  # "逐条比" in "通知逐条比对": how the work is done, not who
    if _LINK_LEAD.match(name):
        return False  # "反正你去查", "因為警方負責", "可由審、檢…": a linking word, then maybe who
    if name.endswith("的") and len(name) > 1:
        return False  # "以地主的来申请": a word that qualifies something, not who
    if _VERB_MEASURE.match(name):
        return False  # "打个补丁", "开个会": a verb and its measure word, not who
    if _PRONOUN_IN.search(name):
        return False  # "推广方案这个我", "那就你": the person is the speaker or the addressee, not these words
    han = len(re.findall(r"[\u4e00-\u9fff]", name))
    if han > 8 or len(name) > 24:
        return False
    if han >= 3 and _VERBISH.search(name):
        return False
    return True


def find_owners(text: str, start: int, end: int, rules: RuleSet, people: set[str]) -> list[Owner]:
    """Owners named in text[start:end], strongest pattern first; [] when none."""
    found: list[Owner] = []
    for role in ("owner", "mention", "trailing"):
        of_role, scr = rules.screened("owners", role)
        if scr is not None and scr.search(text, start, end) is None:
            continue  # no rule of the role can match in the span
        for rule in of_role:
            for hit in rule.finditer(text, start, end):
                group = "owner" if "owner" in hit.spans else "owner2" if "owner2" in hit.spans else None
                if group is None:
                    continue
                gs, ge = hit.spans[group]
                for s, e in split_names(text, gs, ge):
                    name = text[s:e]
                    if rule.id == "owner.field":
                        # "责任人：@A 收集问题，@B 确保对外提供": the mentions are the owners
                        continue
                    if not (plausible(name, people) or VAGUE_OWNERS.match(name)):
                        continue
                    if role == "owner" and not (_named(name, people, rules) or could_be_name(name)):
                        # "请勿…", "要求尽量…", "分工负责…": the words before the cue
                        # are no one who can act; the owner stays null
                        continue
                    if role == "trailing" and len(name) in (2, 3) and name not in people and _HAN.fullmatch(name) \
                            and not could_be_name(name):
                        # "冰箱贴（金属）", "（程式）": a common word in brackets says what, not who,
                        # nor does one after a space ("…报告使用 CC-BY-4.0 许可证")
                        # (with no one listed, a name that is also a word, 李娜, stays null: never guessed)
                        continue
                    found.append(Owner(name, s, e, rule.id, bool(VAGUE_OWNERS.match(name))))
                if rule.id == "owner.field":
                    found.extend(_field_owners(text, gs, ge, hit, rules, people))
        if found:
            break
    by = next((o for o in found if o.rule == "owner.by"), None)
    if by is not None and _DECIDED_BY.search(text, start, by.start):
        # "小组全体成员…确定了由熊韫文同学对…进行设计": who decided is not who does it
        found = [o for o in found if o.start >= by.start]
    explicit = [o for o in found if o.rule == "owner.field"]
    return _dedupe(explicit or found)  # a 责任人 field outranks every other mention


_DECIDED_BY = rx.compile(r"(?:决定|确定|商定|议定|同意|安排)了?\s*由\s*$")


def _field_owners(text: str, gs: int, ge: int, hit, rules: RuleSet, people: set[str]) -> list[Owner]:
    # A 责任人 field runs to the end of the line; mentions inside it name the
    # owners, otherwise its first words do.
    line_end = text.find("\n", gs)
    line_end = len(text) if line_end < 0 else line_end
    mentions = [Owner(text[h.spans["owner"][0]:h.spans["owner"][1]], *h.spans["owner"], "owner.field")
                for r in rules.role("owners", "mention") for h in r.finditer(text, gs, line_end)]
    if mentions:
        return mentions
    first = re.match(r"[^\s，,。；;（(]+(?:\s*[、和及/]\s*[^\s，,。；;（(]+)*", text[gs:ge])
    if not first:
        return []
    out = []
    for s, e in split_names(text, gs, gs + first.end()):
        name = text[s:e]
        if plausible(name, people) or VAGUE_OWNERS.match(name):
            out.append(Owner(name, s, e, "owner.field", bool(VAGUE_OWNERS.match(name))))
    return out


def subject_owner(text: str, start: int, end: int, rules: RuleSet, people: set[str]) -> list[Owner]:
    """The subject of a promise ("庄老师正在…", "学员们需要…"): weaker, used
    only when the sentence is already an action."""
    for rule in rules.role("owners", "subject"):
        hit = rule.search(text, start, end)
        if hit and "owner" in hit.spans:
            s, e = hit.spans["owner"]
            spans = split_names(text, s, e)
            names = [text[a:b] for a, b in spans]
            if names and all(plausible(n, people) and _subjectish(n, people) and _named(n, people, rules)
                             for n in names):
                # only who can act is a subject: "整合在周六前完成", "争取在第9周前" name no one
                return [Owner(text[a:b], a, b, rule.id, bool(VAGUE_OWNERS.match(text[a:b]))) for a, b in spans]
    return []


def lead_name_owner(text: str, start: int, end: int, rules: RuleSet, people: set[str]) -> list[Owner]:
    """"王磊完成登录模块", "赵敏先写测试报告": a sentence that opens with who
    and goes straight to a work verb. The opener must be a known participant,
    a name-shaped word (surname + given name), a department or a group: a
    topic word before a verb ("接口调整…") is not an owner."""
    for rule in rules.role("owners", "lead-name"):
        hit = rule.search(text, start, end)
        if hit is None or "owner" not in hit.spans:
            continue
        gs, ge = hit.spans["owner"]
        owners = []
        listed = rule.extra.get("scope") == "participants"  # only a listed participant opens it
        for s, e in split_names(text, gs, ge):  # "王宁和韩慧敏准备…": each must be someone
            name = text[s:e].lstrip("@")
            s += len(text[s:e]) - len(name)
            if (name not in people and not _full_name(name, rules)) if listed \
                    else not _lead_name_ok(name, rules, people, laid_out=rule.id != "owner.lead-name"):
                owners = []
                break
            owners.append(Owner(name, s, e, rule.id))
        if owners:
            return owners
    return []


def _full_name(name: str, rules: RuleSet) -> bool:
    """"陈佳庆", "王林诺": a surname and a given name that is no common word,
    three characters in all, is someone's whether listed or not ("高并发" is
    a surname character before a word)."""
    return len(name) == 3 and bool(rules.any("owners", "person-name", name)) \
        and could_be_name(name) and could_be_name(name[1:])


_COUNTED = rx.compile(r"(?<!第)[一两二三四五六七八九十几][组組套个個]$")


def counts_things(name: str) -> bool:
    """"設定一組", "做一套": a number and a measure word count things; they name no team."""
    return _COUNTED.search(name) is not None


_HANDLE = rx.compile(r"[A-Za-z][A-Za-z0-9_\-]*")  # ASCII: \w would take "ROC组件" for one


def is_handle(word: str) -> bool:
    """A Latin handle as teams write them ("zeno", "ljm-dev"), whole."""
    return _HANDLE.fullmatch(word) is not None


def _lead_name_ok(name: str, rules: RuleSet, people: set[str], laid_out: bool = False) -> bool:
    """`laid_out`: the name opens a roster line ("高原  编写…", "高原——前端"),
    whose layout says a person comes first; in a sentence ("周边做成…") a
    common word opening it is more often a topic."""
    if name in people or is_department(name, rules):
        return True
    if counts_things(name):
        return False
    if any(len(p) >= 2 and len(name) > len(p) and name.startswith(p) for p in people):
        return False  # "罗琦提出…" with 罗琦 listed: the name ran into the verb
    # a bare group word opening a line is more often a verb ("测试验证…", "设计方案"):
    # groups count here only with their suffix ("测试组", "前端同学")
    if rules.any("owners", "group", name) and re.search(
            r"(?:组|团队|同学|侧)$|^(?:前端|后端|前后端|客户端|服务端|移动端|算法|运营|市场|销售|财务|法务|美工|策划|硬件)$", name):
        return True
    # a group of people by role ("项目组成员", "各组组长"): not a lone role word, which opens topics
    if len(name) >= 3 and _ROLE_GROUP.search(name):
        return True
    if name[:1].isascii() and name.lower() in {p.lower() for p in people}:
        return True
    # two-character name shapes (白盒, 方案, 周边) are too often words: participants,
    # a shape that is no common word (王磊, 赵敏), or, when no one is listed, the
    # first word of a roster line
    return bool(rules.any("owners", "person-name", name)) and (
        len(name) >= 3 or could_be_name(name) or (not people and laid_out))


_ROLE_GROUP = rx.compile(r"(?:成员|组员|组长|同学们|老师们|队员|委员|干事|负责人|秘书长|会长|部长|主席|主任|经理|总监|助教|队长|班长|社长)$")
_MODAL_AFTER = rx.compile(r"\s*(?:需要|需|应该|应当|必须|务必|要)")


_ACTOR = rx.compile(r"(?:们|同学|老师|导师|助教|学员|组长|组员|成员|参与者|与会者|社区|团队|委员会|大家|各位|全体|所有人|每人|每个人|负责人|"
                    r"经理|主管|总监|部长|主任|秘书|局长|处长|科长|院长|校长|署长|厅长|司长|市长|县长|会长|社长|所长|馆长|师兄|师姐|师弟|师妹|学长|学姐|队长|队员|"
                    r"^[小老阿][\u4e00-\u9fff]|[A-Za-z0-9_\-]*[a-z0-9][A-Za-z0-9_\-]*)$")


def _named(name: str, people: set[str], rules: RuleSet) -> bool:
    """Can this name act? A participant, a name-shaped word, a department or
    group, a role, or a Latin handle (handles hold a lower-case letter or a
    digit: PPT and UI are things, not people)."""
    return name in people or bool(rules.any("owners", "person-name", name)) or is_department(name, rules) \
        or bool(rules.any("owners", "group", name)) or bool(VAGUE_OWNERS.match(name)) or bool(_ACTOR.search(name))


def could_be_name(name: str) -> bool:
    """A word we cannot place: a given name or nickname ("清梅", "鹏鹏",
    "大毛") may be one, a common dictionary word ("尽量", "分工", "文档") is
    not. Latin words stay as they were (TC, SIG names); Chinese phrases
    longer than a name are not names."""
    if not re.search(r"[\u4e00-\u9fff]", name):
        # a handle may be any Latin word; with no letter at all ("6.8", "3-1") it is a date or a number
        return re.search(r"[A-Za-z]", name) is not None
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return False
    from ..segment import word_frequency  # loads jieba's dictionary: only for a word no rule placed

    return word_frequency(name) < _COMMON_WORD


def two_common_words(name: str) -> bool:
    """"运营目标", "任务分解": four characters that are two common words make a
    phrase. Only where a name is all that may stand (a value of names): groups
    and bodies ("其余人员", "裁判法院") are such phrases too."""
    from ..segment import word_frequency

    return len(name) == 4 and all(word_frequency(half) >= _COMMON_WORD for half in (name[:2], name[2:]))


# jieba's frequency above which a word is common vocabulary rather than a
# name: 丽丽 81, 海涛 32, 志强 15 stay names; 分组 151, 文档 181, 尽量 2179 do not.
_COMMON_WORD = 100


def _subjectish(name: str, people: set[str]) -> bool:
    if name in people:
        return True
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-.]*", name):
        # a handle ("Yukari 会后会…"); where the participants are listed, a
        # Latin word none of them goes by names a project ("dubbo-go 需要…")
        return not people or name.lower() in {p.lower() for p in people}
    # Chinese subjects: roles and names are short nouns; "这部分对接模块" is not.
    return len(name) <= 4 and not re.search(r"[的了在是把将对与和]", name)


def known_people(text: str, start: int, end: int, people: set[str]) -> list[Owner]:
    """Known participants named in a line (for "4.1+4.2 章玉婷 在周一之前push");
    not one the work is for, about or done with ("协助蒋一鸣部署…", "和李四对接",
    "对王嘉凯搭建的框架进行讨论")."""
    out = []
    for p in sorted(people, key=len, reverse=True):
        if len(p) < 2:
            continue
        i = text.find(p, start, end)
        if i >= 0 and not any(o.start <= i < o.end for o in out) \
                and not _OBJECT_BEFORE.search(text, max(start, i - 2), i):
            out.append(Owner(p, i, i + len(p), "owner.known"))
    return sorted(out, key=lambda o: o.start)


_OBJECT_BEFORE = rx.compile(r"(?:协助|帮助|帮|配合|和|与|跟|同|给|向|找|问|联系|通知|提醒|等|对|把)\s*$")


def is_department(name: str, rules: RuleSet) -> bool:
    return rules.any("owners", "department", name) is not None


def _dedupe(owners: list[Owner]) -> list[Owner]:
    seen: set[str] = set()
    out = []
    for o in sorted(owners, key=lambda o: o.start):
        if o.name not in seen and not any(_decorates(o, x) for x in owners):
            seen.add(o.name)
            out.append(o)
    return out


_DECORATION = rx.compile(r"(?:.*[由请])?(?P<name>.+?)(?:同学|老师|同志)?")


def _decorates(outer: Owner, inner: Owner) -> bool:
    """Is `outer` the name `inner` with words around it that are no part of it,
    found by a looser pattern ("对此由组长" beside "组长", "梁坤同学" beside "梁坤")?"""
    if outer is inner or not (outer.start <= inner.start and inner.end <= outer.end) or outer.name == inner.name:
        return False
    m = _DECORATION.fullmatch(outer.name)
    return m is not None and m.group("name") == inner.name
