"""Transcripts in each layout: speaker turns, owners from speech, settled points."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, assert_evidence
from minutes.ingest import read_path
from minutes.pipeline import record
from minutes.rules import load
from minutes.transcript import detect

T = ROOT / "corpora" / "transcripts"
MEETING = date(2024, 5, 6)


def run(name: str, **kw):
    doc = read_path(T / name)
    rec = record(doc, MEETING, **kw)
    assert_evidence(rec, doc.text)
    return doc, rec


@pytest.mark.parametrize("name", ["feishu-export.txt", "chat-lines.md", "bracketed.txt", "meeting.srt", "meeting.vtt"])
def test_layouts_are_detected_and_spans_exact(name: str) -> None:
    doc, rec = run(name)
    assert detect(doc.text, load())
    for a in rec.actions:
        # evidence excludes speaker labels and timestamps
        assert "：" not in a.source.text[:4] and "-->" not in a.source.text
        assert a.source.speaker


@pytest.mark.parametrize("name", ["../samples/product-sync.md", "../real/d002.md", "../real/d015.md"])
def test_notes_stay_notes(name: str) -> None:
    assert not detect(read_path(T / name).text, load())


def test_feishu_export_owners_from_first_person_and_address() -> None:
    _, rec = run("feishu-export.txt", speakers={"说话人1": "陈主持"})
    owners = {a.owner: a for a in rec.actions}
    assert owners["张三"].due == "2024-05-15" and owners["张三"].source.time == "00:01:12"
    assert owners["王五"].source.speaker == "李四"  # addressed by name, not the speaker
    assert "陈主持" in rec.meta.participants and "说话人1" not in rec.meta.participants
    assert rec.meta.topic == "产品迭代周会"


def test_agreement_in_a_row_is_consensus_and_objection_stays_open() -> None:
    _, rec = run("feishu-export.txt")
    cons = [c.source.text for c in rec.consensus]
    assert "上线时间定在5月20日，大家看可以吗？" in cons
    assert any("那就这么定了" in c for c in cons)
    assert "同意。" not in cons
    dis = [d.source.text for d in rec.disagreements]
    assert any("这个有风险" in d for d in dis) and any("回头再议" in d for d in dis)


def test_fillers_cleaned_from_text_but_source_exact() -> None:
    doc, rec = run("chat-lines.md")
    a = next(a for a in rec.actions if a.owner == "王五" and "申请" in a.task)
    assert a.source.text == "行，我我我明天就去申请。"
    assert "我我" not in a.text and a.due == "2024-03-13"
    team = next(a for a in rec.actions if "接口规范" in a.task)
    assert team.owner == "李四" and "就是说" not in team.text and "就是说" in team.source.text


def test_handover_names_the_receiver_not_the_speaker() -> None:
    _, rec = run("bracketed.txt")
    a = next(a for a in rec.actions if "监控告警" in a.task)
    assert a.owner == "周八" and a.source.speaker == "孙七"


def test_unnamed_speaker_is_flagged_until_mapped() -> None:
    text = "说话人1 00:00:01\n我来整理纪要，明天发出。\n\n说话人2 00:00:09\n好的。\n"
    r = record_text(text)
    assert r.actions[0].owner == "说话人1"
    assert any("--speaker" in m.message for m in r.missing)
    r = record_text(text, speakers={"说话人1": "陈晓"})
    assert r.actions[0].owner == "陈晓"
    assert not any("--speaker" in m.message for m in r.missing)


def test_input_override_forces_notes() -> None:
    from minutes.ingest import decode

    doc = decode("张三：周五发布新版本。\n李四：好的。\n王五：可以。\n赵六：没问题。\n".encode())
    as_notes = [c.source.text for c in record(doc, MEETING, input="notes").consensus]
    as_talk = [c.source.text for c in record(doc, MEETING, input="transcript").consensus]
    assert "周五发布新版本。" not in as_notes
    assert as_talk == ["周五发布新版本。"]


def record_text(text: str, **kw):
    from minutes.ingest import decode

    return record(decode(text.encode()), MEETING, **kw)


def test_long_transcript_segments_once() -> None:
    turn = "张三：这个我来跟，下周三前给你。\n李四：好的，没问题。\n"
    text = turn * 800  # ~24,000 characters
    r = record_text(text)
    assert len(r.actions) == 800


# --- export layouts met in public transcripts (written here, not copied) ------

def test_half_day_time_stamps_and_two_word_speakers(rec) -> None:
    text = ("[下午06:38:27] Bestian: 我们先看一下议题\n\n"
            "[下午06:40:18] Joshua Yang: 这个标签我可以打 下周三前弄好\n\n"
            "[下午06:41:02] Bestian: 好\n")
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.source.speaker, a.due) for a in r.actions] == [("Joshua Yang", "Joshua Yang", "2024-05-15")]
    assert_evidence(r, text)
    assert all("06:" not in a.source.text for a in r.actions)  # the stamp is no deadline, nor evidence


def test_numbered_labels_in_brackets_without_colon_over_running_lines(rec) -> None:
    text = ("【说话人0】我们把上线时间定一下。\n"
            "数据迁移还有两个表没做完，\n"
            "所以这周肯定上不了。\n"
            "【说话人1】那我来负责迁移，周五前做完。\n"
            "【说话人0】行，就这么定了。\n")
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.due) for a in r.actions] == [("说话人1", "2024-05-10")]
    assert_evidence(r, text)


def test_a_json_export_gives_one_turn_per_object(rec) -> None:
    text = ('[\n  {\n    "index": 1,\n    "speaker": "林主任",\n    "text": "这份报告我下周一前交给委员会。"\n  },\n'
            '  {\n    "index": 2,\n    "speaker": "王委员",\n    "text": "我不同意这个期限。"\n  }\n]\n')
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [("林主任", "这份报告我下周一前交给委员会。")]
    assert [d.source.speaker for d in r.disagreements] == ["王委员"]
    assert_evidence(r, text)


def test_a_hearing_record_with_titled_speakers_and_wrapped_lines(rec) -> None:
    text = ("陈议员：主席，我想问政府会否在年底前公布\n"
            "检讨结果？\n"
            "房屋局局长：主席，我们会在今年年底前完成检讨，并\n"
            "向委员会汇报。\n"
            "陈议员：主席，我不同意局长的说法。\n")
    assert detect(text, load())


def test_an_unpunctuated_turn_is_cut_at_its_pauses(rec) -> None:
    # speech recognition without punctuation: a date spoken in one clause
    # is not the deadline of a promise made in another
    text = ("张三：今天早上我们开了一个短会 讨论了一下网站的改版方向 然后那个标签的部分我可以打 大家有空再看看\n"
            "李四：好\n"
            "王五：那这样子就先这样 我们下次再来讨论细节的部分\n")
    r = rec(text)
    assert [(a.owner, a.due, a.source.text) for a in r.actions] == [("张三", None, "然后那个标签的部分我可以打")]


def test_an_export_with_prefixed_keys_escaped_names_and_html_paragraphs(rec) -> None:
    text = ('[\n  {\n    "section_id": 1,\n    "section_speaker": "%E6%9E%97%E4%B8%BB%E4%BB%BB",\n'
            '    "section_content": "<p>此部分由秘书处洽商。</p>"\n  },\n'
            '  {\n    "section_id": 2,\n    "section_speaker": "%E7%8E%8B%E5%A7%94%E5%91%98",\n'
            '    "section_content": "<p>可以。</p>"\n  }\n]\n')
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.source.text, a.source.speaker) for a in r.actions] == [("秘书处", "此部分由秘书处洽商。", "林主任")]
    assert_evidence(r, text)


def test_a_question_that_asks_someone_to_act_is_their_action(rec) -> None:
    text = ("陈议员：主席，我想问局长，可否给我提供过去三年的数据？\n"
            "房屋局局长：主席，可以。\n"
            "陈议员：我们再请国教署稍微研究一下。\n")
    r = rec(text)
    assert [(a.owner, a.source.speaker) for a in r.actions] == [("局长", "陈议员"), ("国教署", "陈议员")]


def test_a_json_hansard_names_its_speaker_by_title(rec) -> None:
    text = ('    {\n      "title": "主席",\n      "content": "局长，你有否补充？",\n      "sequence": 135\n    },\n'
            '    {\n      "title": "财经事务局局长",\n      "content": "我手上没有这个数字，我会在会后提供书面答复。",\n'
            '      "sequence": 136\n    }\n')
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [("财经事务局局长", "我手上没有这个数字，我会在会后提供书面答复。")]
    assert_evidence(r, text)


def test_a_phrase_before_lai_chuli_is_no_one_taking_it_on(rec) -> None:
    # "透过制定法例来处理": the tail of a phrase, not who takes the work on
    text = ("张三：唯一可以提供保障的便是透过制定法例来处理。\n"
            "李四：那王五来负责草拟，下周五前给大家。\n")
    r = rec(text)
    assert [a.owner for a in r.actions] == ["王五"]


def test_a_transcript_held_in_one_json_string_is_cut_at_its_escaped_line_breaks(rec) -> None:
    # datasets keep a meeting as one string ("input": "…\n[no.2]: …"): each
    # escaped line is a turn; evidence is the words as written, the label and
    # the closing quote left out; the other fields are no one's words
    text = ('{\n  "instruction": "请为以下会议生成标题。",\n'
            '  "input": "会议内容：\\n[no.1]: 场地的事谁来弄？\\n[no.2]: 我来吧，我明天把报价发到群里。'
            '\\n[no.1]: 嗯。\\n[no.0]: 我不同意这个期限。",\n'
            '  "output": "确定场地与报价"\n}\n')
    assert detect(text, load())
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [("no.2", "我来吧，我明天把报价发到群里。")]
    assert [d.source.text for d in r.disagreements] == ["我不同意这个期限。"]
    assert_evidence(r, text)


def test_a_json_string_of_prose_with_line_breaks_stays_one_line() -> None:
    from minutes.transcript import _lines

    text = '{"output": "第一点：预算\\n第二点：排期\\n第三点：分工"}\n'
    assert _lines(text) == [(0, len(text) - 1, 1)]


@pytest.mark.parametrize("text", [
    # section headings ending in a colon are no speaker headers
    "### 10.25~10.27\n\n### 进度：\n\n回顾整体设计流程。\n\n### 问题：\n\n### 10.28~10.31\n\n### 计划：\n\n完成库的测试。\n\n"
    "### 问题：\n\n仿真结果不稳定。\n",
    # header fields of plain-text minutes: 主持人 and 与会人员 lines are fields, not voices
    "2024/11/29 例会\n会议时间：10:00~12:00\n本次主持人：黄诚飘\n下次主持人：胡峰\n与会人员：贾超、刘长庚\n议题申报：\n"
    "1.需求审视 --苏锦铃\n    -- 同意新建分支，后续长期维护。\n",
])
def test_notes_with_colon_headings_or_header_fields_stay_notes(text: str) -> None:
    assert not detect(text, load())


def test_a_period_heading_dates_the_plan_section_beside_it(rec) -> None:
    # "### 10.28~10.31" then "### 计划：" at the same level: the plan of that period, due at its end
    text = "### 10.28~10.31\n\n### 计划：\n\n完成库的测试；\n\n### 问题：\n\n仿真结果不稳定。\n"
    r = rec(text, "2024-10-27")
    assert [(a.task, a.due) for a in r.actions] == [("完成库的测试", "2024-10-31")]


def test_spoken_commitments_to_look_something_up_or_pass_it_on(rec) -> None:
    # "我找一下…下次再分享", "我跟公司反映一下": the speaker takes it on; "我跟你说过" tells,
    # it does not commit (a search with no later time is done in the meeting: test_spoken)
    text = "张三：那我找一下看有没有现成的结果，下次再分享。\n李四：到时候我跟公司反映一下。\n王五：这个我跟你说过了。\n"
    r = rec(text)
    assert [a.owner for a in r.actions] == ["张三", "李四"]


def test_a_request_closed_by_a_tag_question_is_still_a_request(rec) -> None:
    text = "张三：我们再请法规会稍微研究一下，可以吗？\n李四：可以。\n王五：这个方案可以吗？\n"
    r = rec(text)
    assert [a.source.text for a in r.actions] == ["我们再请法规会稍微研究一下，可以吗？"]


def test_a_hearings_demand_of_a_public_body_is_the_bodys_action(rec) -> None:
    text = ("主席：请陈议员发言。\n陈议员：我要求政府尽快就退休保障制度展开谘询。\n"
            "李议员：我希望大家能理解。\n")
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [("政府", "我要求政府尽快就退休保障制度展开谘询。")]


def test_settling_on_a_next_step_or_agreeing_with_a_proposal_is_consensus(rec_rules) -> None:
    # "那就逐条。" settles how to go on; "我们赞同委员的意见" agrees with a proposal in
    # so many words; "那就你负责吧" hands out work instead, and "我不赞同" objects
    text = ("主席：时间不多了。\n委员甲：那就逐条。\n委员乙：这个方案请次长回应。\n次长：我们赞同委员的意见。\n"
            "委员丙：那就你负责吧。\n委员丁：我不赞同委员的意见。\n")
    r = rec_rules(text, input="transcript")
    assert [c.source.text for c in r.consensus] == ["那就逐条。", "我们赞同委员的意见。"]



def test_a_firm_objection_stays_one_after_a_conditional(rec_rules) -> None:
    # "如果认为…，我不敢苟同" objects; "如果不行，我们再换方案" (the guarded rule) does not
    text = ("议员：两个小组委员会的工作有疏慢。\n司长：如果认为两个小组委员会的工作有疏慢，我不敢苟同。\n"
            "议员：石议员可能略有误解。\n司长：如果不行，我们再换方案。\n")
    r = rec_rules(text, input="transcript")
    assert [d.source.text for d in r.disagreements] == [
        "如果认为两个小组委员会的工作有疏慢，我不敢苟同。", "石议员可能略有误解。"]


def test_a_spoken_sync_gives_its_promise_its_objection_and_its_deferral() -> None:
    # "我争取…搞定" promises; "有点赶，测试时间不够" objects; "后面再说吧" leaves it open, vaguely
    from minutes.ingest import Text

    text = ("[no.0]: 那支付那块大概什么时候能好？\n[no.1]: 我争取这周五之前搞定吧。\n"
            "[no.0]: 行，那就这么定了，下周五上线。\n[no.2]: 不过我觉得下周五上线有点赶，测试时间不够。\n"
            "[no.1]: 对了，那个监控的事情后面再说吧。\n")
    r = record(Text(text, "utf-8", "x", None), date(2024, 5, 6), layer="rules", speakers={"no.1": "吕莉"})
    assert [(a.owner, a.due) for a in r.actions] == [("吕莉", "2024-05-10")]
    assert [d.source.line for d in r.disagreements] == [4, 5]
    assert [v.phrase for v in r.vague] == ["后面再说"]


def test_a_hand_off_takes_its_task_from_the_last_clause_of_the_question() -> None:
    # "嗯，这个确实，那测试谁来跟一下？" — "我来吧。" — "好，那就你负责测试，周四前给个报告。"
    from minutes.ingest import Text

    text = ("[no.0]: 嗯，这个确实，那测试谁来跟一下？\n[no.3]: 我来吧。\n"
            "[no.0]: 好，那就你负责测试，周四前给个报告。\n")
    r = record(Text(text, "utf-8", "x", None), date(2024, 5, 6), layer="rules", speakers={"no.3": "周志豪"})
    assert [(a.owner, a.task, a.due) for a in r.actions] == [("周志豪", "测试", "2024-05-09")]
