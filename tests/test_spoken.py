"""Spoken meetings (issue 13): ASR layouts, back-channels, turns that commit together.

The transcripts here are written for the tests in the shapes real ASR
exports take ([no.N]:, [spkN]:, SPEAKER_NN:, 说话人N：, time stamps).
"""
from __future__ import annotations

from datetime import date

import pytest

from minutes.ingest import Text
from minutes.pipeline import record
from minutes.rules import load


def rec(text: str, speakers: dict[str, str] | None = None, input: str = "auto"):
    return record(Text(text, "utf-8", "x", "t.txt"), date(2024, 5, 6), speakers=speakers, input=input)


def exact(r, text: str) -> None:
    for kind in ("consensus", "disagreements", "actions", "vague", "discussion"):
        for it in getattr(r, kind):
            assert text[it.source.start:it.source.end] == it.source.text, (kind, it.source)


ASR = ("[no.0]: 嗯，我们今天主要对一下上线的事情。\n"
       "[no.1]: 嗯。\n"
       "[no.2]: 那那这个方案大概啥时候能出来啊？\n"
       "[no.1]: 我我这边下周三之前给大家。\n"
       "[no.0]: 好的。\n")


@pytest.mark.parametrize("label", ["[no.3]", "[spk1]", "SPEAKER_02", "说话人3", "[SPEAKER_1]"])
@pytest.mark.parametrize("colon", [":", "："])
def test_asr_speaker_labels(label: str, colon: str) -> None:
    text = (f"{label}{colon} 嗯，这个接口我来改吧，明天给你们。\n"
            f"[no.9]{colon} 好的。\n" if label != "[no.9]" else "")
    text += f"{label}{colon} 那就这么定了。\n[spk7]{colon} 行。\n[spk8]{colon} 可以。\n"
    r = rec(text)
    spk = label.strip("[]")
    assert [a.owner for a in r.actions] == [spk]
    assert r.actions[0].source.speaker == spk
    exact(r, text)


def test_time_stamped_asr_lines() -> None:
    text = ("[00:00:05] [spk0]: 嗯，先看排期。\n"
            "[00:00:09] [spk1]: 压测报告我周五前发出来。\n"
            "00:00:15 SPEAKER_02: 对。\n")
    r = rec(text)
    assert [(a.owner, a.due) for a in r.actions] == [("spk1", "2024-05-10")]
    assert r.actions[0].source.time == "00:00:09"



def test_csv_asr_export_rows() -> None:
    # index, start, end, speaker, words: a diarised export saved as CSV
    text = ("1,0:00:05,0:00:07,主持人,嗯，先看排期\n"
            "2,0:00:09,0:00:12,李明,压测报告我周五前发出来\n"
            "3,0:00:13,0:00:14,主持人,好的\n").replace("\\n", "\n")
    r = rec(text)
    assert [(a.owner, a.source.time, a.source.text) for a in r.actions] == [("李明", "0:00:09", "压测报告我周五前发出来")]
    exact(r, text)


def test_a_council_record_kept_as_a_list_of_titled_speakers() -> None:
    # "* 林委員世嘉：…": a titled speaker behind a list marker; a plain "- 张三：…"
    # line stays a roster line of notes
    text = "* 林委員世嘉：請院長督導衛生署，下個月提出疫苗基金的規劃。\n* 陳院長沖：我會請衛生署研議。\n".replace("\\n", "\n")
    r = rec(text)
    assert r.meta.participants == ["林委員世嘉", "陳院長沖"]
    assert "陳院長沖" in [a.source.speaker for a in r.actions]
    assert rec("- 张三：登录模块\n- 李四：注册模块\n".replace("\\n", "\n")).meta.participants == []
    exact(r, text)


def test_one_voice_with_time_stamps_is_a_transcript() -> None:
    # a chat export of one person reporting: every line time-stamped
    text = ("[上午04:30:34] Bestian: 今天先讲进度\n[上午04:31:09] Bestian: 我稍后把录音转写上传\n"
            "[上午04:34:38] Bestian: 接下来讲上传的问题\n").replace("\\n", "\n")
    r = rec(text)
    assert [(a.owner, a.source.speaker) for a in r.actions] == [("Bestian", "Bestian")]
    exact(r, text)


def test_voice_tags_without_a_webvtt_header() -> None:
    # a Teams transcript pasted as "<v 名 姓>…</v>" lines, no header, no cue times
    text = "<v 永昌 石>数据字典这块谁来加？</v>\n\n<v 云霄 陈>我待会儿把会议纪要整理给你们。</v>\n\n<v 永昌 石>行。</v>\n"
    r = rec(text)
    assert r.meta.participants == ["永昌 石", "云霄 陈"]
    assert [(a.owner, a.source.speaker) for a in r.actions] == [("云霄 陈", "云霄 陈")]
    exact(r, text)


def test_a_meeting_corpus_segment_file_with_every_character_spaced() -> None:
    # STM: recording, channel, speaker, start, end, words; the corpus spaces every
    # character, which the matching view joins while evidence keeps the spaces
    text = ("M_R003 0 001-M 117.41 125.90 大 家 注 意 安 全\n"
            "M_R003 0 002-F 126.00 131.80 我 回 去 把 报 名 表 发 给 大 家\n"
            "M_R003 0 001-M 132.00 133.10 好 的\n").replace("\\n", "\n")
    r = rec(text)
    assert [(a.owner, a.source.time) for a in r.actions] == [("002-F", "126.00")]
    assert r.actions[0].source.text == "我 回 去 把 报 名 表 发 给 大 家"
    exact(r, text)


def test_speech_recognition_lines_with_no_speaker() -> None:
    # Whisper's "[start --> end] words": a transcript whose speakers are unknown
    text = ("[51:19.240 --> 51:21.240] 然后我们剩下时间\n[51:21.240 --> 51:23.240] 给自己打一下广告\n"
            "[51:23.240 --> 51:27.240] 麻烦大家会后把报名表发给我\n").replace("\\n", "\n")
    r = rec(text)
    assert [(a.owner, a.source.time) for a in r.actions] == [(None, "51:23.240")]
    exact(r, text)


def test_one_utterance_a_line_with_no_labels_when_asked() -> None:
    # no speaker labels at all: notes unless the reader says it is a transcript;
    # then each line is an unknown speaker's turn, and 我 names no one
    text = "对对对，然后我们放个模板在群里。\n我把希哲也拉上。\n这个事我会跟相如谈的。\n".replace("\\n", "\n")
    notes = record(Text(text, "utf-8", "x", "t.txt"), date(2024, 5, 6), layer="rules")
    assert notes.actions == []  # (the learned layer may still judge a line of notes)
    assert all(a.by.model and a.owner is None for a in rec(text).actions)
    r = rec(text, input="transcript")
    assert [(a.owner, a.source.text) for a in r.actions] == [(None, "我把希哲也拉上。"), (None, "这个事我会跟相如谈的。")]
    exact(r, text)

def test_lines_that_only_answer_make_an_unlabelled_transcript() -> None:
    # no labels, but three lines that only answer ("对。", "嗯。"): speech, read
    # one utterance a line without being asked; two such lines are not enough
    from minutes.transcript import detect

    text = ("然后这个接口我们下周要定下来。\n对。\n那前端那边谁来对一下？\n嗯。\n"
            "我周五前把接口文档发到群里。\n好的。\n")
    assert detect(text, load())
    assert not detect(text.replace("好的。\n", ""), load())
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [(None, "我周五前把接口文档发到群里。")]
    assert r.actions[0].due == "2024-05-10"
    exact(r, text)


def test_speaker_mapping_renames_everywhere() -> None:
    r = rec(ASR, speakers={"no.1": "李雷", "no.0": "韩梅"})
    assert [a.owner for a in r.actions] == ["李雷"]
    assert r.actions[0].source.speaker == "李雷"
    assert "李雷" in r.meta.participants and "韩梅" in r.meta.participants
    assert not any(m.field == "owner" and "未命名" in m.message for m in r.missing)


def test_back_channels_leave_the_view_with_exact_offsets() -> None:
    from minutes.transcript import build_view

    view = build_view(ASR, load())
    assert "嗯。" not in view.text.splitlines()  # a turn that is only 嗯 is not matched
    assert "那那" not in view.text  # a stutter keeps one
    for i, ch in enumerate(view.text):
        if ch != "\n":
            assert ASR[view.cmap[i]] == ch
    r = rec(ASR)
    assert [a.owner for a in r.actions] == ["no.1"]
    assert r.actions[0].source.text == "我我这边下周三之前给大家。"
    assert r.actions[0].due == "2024-05-15"
    exact(r, ASR)


def test_commitment_spread_over_turns_is_one_action_of_who_accepted() -> None:
    text = ("王芳：监控告警的阈值这个谁来弄？\n"
            "李明：我来吧。\n"
            "王芳：行，那就你负责，周四前给我。\n")
    r = rec(text)
    assert len(r.actions) == 1
    a = r.actions[0]
    assert a.owner == "李明"
    assert "监控告警的阈值" in a.task
    exact(r, text)


def test_a_commitment_in_the_accepting_turns_own_words_is_confirmed_not_repeated() -> None:
    # "我来吧我来吧，我周四之前把场地定下来" says the task itself; "那场地就你负责" confirms it
    text = ("[no.0]: 场地那边谁去联系一下？\n"
            "[no.2]: 我来吧我来吧，我周四之前把场地定下来。\n"
            "[no.0]: 行，那场地就你负责。\n")
    r = rec(text)
    assert [(a.owner, a.task, a.due, a.source.line) for a in r.actions] == [("no.2", "把场地定下来", "2024-05-09", 2)]
    exact(r, text)


def test_work_asked_of_you_is_taken_by_who_says_yes() -> None:
    # "你去跟人事说一下" — "好的，我明天就去": one action, the replier's, with the reply's day;
    # "行，那就先加三个" settles the proposal; "五个人有点多吧" objects to it
    text = ("说话人3 00:00:41\n我建议临时加五个人。\n\n说话人1 00:00:50\n五个人有点多吧，预算不一定批得下来。\n\n"
            "说话人3 00:00:58\n那先加三个？\n\n说话人1 00:01:03\n行，那就先加三个，你去跟人事说一下。\n\n"
            "说话人3 00:01:08\n好的，我明天就去。\n")
    r = rec(text, speakers={"说话人1": "张总", "说话人3": "周凯"})
    assert [(a.owner, a.task, a.due) for a in r.actions] == [("周凯", "跟人事说一下", "2024-05-07")]
    assert [c.text for c in r.consensus] == ["行，那就先加三个，你去跟人事说一下。"]
    assert [d.text for d in r.disagreements] == ["五个人有点多吧，预算不一定批得下来。"]
    exact(r, text)


def test_a_phrase_said_twice_over_is_read_once_with_exact_offsets() -> None:
    from minutes.transcript import build_view

    text = "[no.1]: 可以可以，我来吧我来吧。\n[no.2]: 公司法现在大修，大修之后再讨论。\n"
    view = build_view(text, load())
    assert "可以可以" not in view.text and "我来吧我来吧" not in view.text
    assert "大修，大修之后" in view.text  # a repetition across a pause links two clauses
    for i, ch in enumerate(view.text):
        if ch != "\n":
            assert text[view.cmap[i]] == ch


def test_you_is_the_addressee_only_when_the_turns_show_who() -> None:
    r = rec("王芳：这个你看一下。\n李明：嗯。\n王芳：下周给我就行。\n")
    assert all(a.owner in (None, "李明") for a in r.actions)
    r = rec("王芳：咱们下周把文档补上。\n李明：好。\n王芳：行。\n")
    assert all(a.owner is None for a in r.actions)


def test_chat_owner_is_the_speaker_not_a_fragment() -> None:
    text = "张三：嗯，那个，推广方案这个我来负责吧，下周三之前给大家。\n"
    r = rec(text)
    assert [(a.owner, a.due) for a in r.actions] == [("张三", "2024-05-15")]


@pytest.mark.parametrize("line", ["那就这么定了吧", "就按这个来", "行，就这么办"])
def test_settling_turns_are_consensus(line: str) -> None:
    text = f"王芳：下周二统一上线。\n李明：{line}。\n赵敏：好。\n"
    assert len(rec(text).consensus) >= 1


@pytest.mark.parametrize("line", ["我觉得不行", "这个太高了", "不同意"])
def test_objections_are_disagreements(line: str) -> None:
    text = f"王芳：预算按三十万报。\n李明：{line}。\n赵敏：嗯。\n"
    assert len(rec(text).disagreements) == 1


@pytest.mark.parametrize("line, phrase", [("这个后面再说吧", "后面再说"), ("到时候再看", None), ("尽快吧", "尽快")])
def test_spoken_vague(line: str, phrase: str | None) -> None:
    text = f"王芳：接口文档谁来补？\n李明：我来补，{line}。\n赵敏：好。\n"
    r = rec(text)
    phrases = [v.phrase for v in r.vague]
    if phrase:
        assert phrase in phrases


def test_traditional_script_is_matched_and_shown_as_written() -> None:
    text = ("### 林志明：\n這個報告我下週三之前給大家。\n\n"
            "### 陳美玲：\n好，那就這麼定了。\n\n"
            "### 黃國華：\n我不太同意這個預算。\n")
    r = rec(text)
    assert [(a.owner, a.due) for a in r.actions] == [("林志明", "2024-05-15")]
    assert "報告" in r.actions[0].task and "報告" in r.actions[0].text  # the document's own script
    assert len(r.consensus) == 1 and len(r.disagreements) == 1
    assert "陳美玲" in r.meta.participants
    exact(r, text)


def test_traditional_notes_keep_offsets() -> None:
    text = "會議決定：採用方案乙。\n- 張偉負責在5月20日前完成壓力測試報告\n"
    r = rec(text, input="notes")
    assert [(a.owner, a.due) for a in r.actions] == [("張偉", "2024-05-20")]
    assert r.actions[0].source.text == "張偉負責在5月20日前完成壓力測試報告"
    assert len(r.consensus) == 1
    exact(r, text)


def test_traditional_record_keeps_its_process_fields_as_models() -> None:
    import warnings

    text = "會議主題：測試\n申請發出：2024-09-25\n審核人：張三\n- 張偉負責在5月20日前完成報告\n"
    r = rec(text, input="notes")
    assert r.meta.topic == "測試" and r.meta.process is not None and r.meta.process.reviewer == "張三"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns when a nested model was left a dict
        r.model_dump_json()


def test_a_story_told_in_the_first_person_is_no_promise() -> None:
    text = ("说话人0：那你后来怎么处理的？\n"
            "说话人1：我当时就把仓位全清了，后来我跟朋友说再也不碰了。\n"
            "说话人0：那下期节目的资料呢？\n"
            "说话人1：这个我来整理，周五前发给你。\n")
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [("说话人1", "这个我来整理，周五前发给你。")]
    exact(r, text)


def test_a_hearing_asks_offices_to_act() -> None:
    # "希望X能…" and "请相关机关尽速…": requests to an office, in a council's words
    text = ("郑委员：我希望在今天会议之后法务部能尽快提出修正的对案。\n"
            "主席：委员要求的资料，请相关机关尽速送交本委员会。\n")
    r = rec(text)
    assert [a.owner for a in r.actions] == ["法务部", "相关机关"]
    assert r.actions[1].vague  # 相关机关 hides who
    exact(r, text)


def test_a_word_that_qualifies_something_is_no_owner() -> None:
    text = ("说话人0：土地的事怎么办？\n"
            "说话人1：我们拿到同意权之后，才能以地主的身份交给地主的来申请，这个我们下周一前会处理好。\n")
    r = rec(text)
    assert all(a.owner != "地主的" for a in r.actions)
    exact(r, text)


def test_an_officials_promise_in_a_council_record() -> None:
    # long office titles are speakers; "我会会后…" is the official's, "我们会继续…"
    # an action with no owner (the guide's 我们 rule), "于会后以书面补充" a promise
    text = ("主席：局长，你有否补充？\n"
            "财经事务及库务局局长：我会会后看看有什么资料可以提供。\n"
            "何议员：会否要求警方搜集有关数字？\n"
            "财经事务及库务局局长：我且看看有否这方面的资料，于会后以书面补充。\n"
            "房屋局局长：我们会继续宣传，让更多长者可以受惠。\n")
    r = rec(text)
    assert [a.owner for a in r.actions] == ["财经事务及库务局局长", "财经事务及库务局局长", None]
    exact(r, text)


def test_a_member_objecting_to_a_non_answer_is_a_disagreement() -> None:
    text = ("何议员：局长会否要求警方搜集有关数字？\n"
            "保安局局长：我相信警方在日常工作中会处理不同的数字。\n"
            "何议员：主席，局长答了等于没有答。\n"
            "保安局局长：至于与外国比较，我就此不敢作出承诺。\n")
    r = rec(text)
    assert [d.source.text for d in r.disagreements] == ["主席，局长答了等于没有答。", "至于与外国比较，我就此不敢作出承诺。"]
    exact(r, text)


def test_a_promise_for_a_moment_later_is_the_speakers() -> None:
    # 我 + a time soon (回去, 稍后, 一会儿) + what they will do; "我回去想了很久" tells a story
    text = ("[no.1]: 表格我回去会发给你。\n[no.2]: 我稍后再把录音听一下。\n"
            "[no.1]: 我回去想了很久。\n[no.2]: 完了以后我向总经理汇报。\n")
    r = rec(text)
    assert [(a.owner, a.source.text) for a in r.actions] == [
        ("no.1", "表格我回去会发给你。"), ("no.2", "我稍后再把录音听一下。"), ("no.2", "完了以后我向总经理汇报。")]
    exact(r, text)


def test_a_polite_request_is_owned_by_the_one_who_says_yes() -> None:
    # 麻烦/拜托 asks for work; 您 is the one other speaker who answered 行 (an agreeing
    # back-channel), and no one when the answer only acknowledges (嗯)
    text = "[no.2]: 就是麻烦到时候您看一下那个邮箱。\n[no.1]: 行。\n[no.2]: 麻烦您把合同再检查一遍。\n[no.1]: 嗯。\n"
    r = rec(text)
    assert [a.owner for a in r.actions] == ["no.1", None]
    assert r.actions[0].by.rule == "action.polite-request"
    assert rec("[no.1]: 这个流程很麻烦。\n[no.2]: 是的。\n").actions == []
    exact(r, text)


def test_a_request_after_then_names_its_doer() -> None:
    # "然后请X…" in speech: 然后 opens the clause as a comma would
    text = "[no.1]: 我就先开一个 issue，然后请Peter把遇到的情况写到这个issue上。\n[no.2]: 好。\n"
    r = rec(text)
    assert "Peter" in [a.owner for a in r.actions]
    exact(r, text)


def test_a_look_or_a_word_said_now_is_no_promise(rec_rules) -> None:
    # "我看一下", "我先说一下": done in the meeting as it is said; a later time makes it one
    r = rec_rules("甲：我看一下，好像不是劳动部。\n乙：好的。\n甲：我先说一下，就是暂时还用不上那个外转。\n"
                  "乙：那我找一下看有没有现成的结果，如果没有的话下一次再来分享。\n甲：好。\n", input="transcript")
    assert [(a.source.text, a.owner) for a in r.actions] == [("那我找一下看有没有现成的结果，如果没有的话下一次再来分享。", "乙")]


def test_we_will_just_do_this_settles_in_the_meetings_voice(rec_rules) -> None:
    # "咱们就先不等", "那我们今天就只推荐这一个": what the meeting will do; "我们先看一下" is a look now
    r = rec_rules("甲：申请单这块要不要等财务？\n乙：咱们就先不等。\n甲：我们先看一下这个页面。\n"
                  "乙：那我们今天就只推荐这一个。\n", input="transcript")
    assert [c.source.text for c in r.consensus] == ["咱们就先不等。", "那我们今天就只推荐这一个。"]


def test_spoken_objections_of_a_hearing(rec_rules) -> None:
    # "意见就不太一样了", "比喻并不适当", "说的是一套、做的又是一套", "我已经回答了" (declining)
    r = rec_rules("委员甲：但是法务部的意见就不太一样了，对不对？\n部长：这件事所作的比喻并不适当。\n"
                  "委员甲：你们说的是一套、做的又是一套。\n部长：主席，关于性质的问题，我已经回答了。\n"
                  "委员甲：我刚才已经说过，我们支持这项工作。\n", input="transcript")
    assert len(r.disagreements) == 4
    assert all("支持这项工作" not in d.source.text for d in r.disagreements)


def test_asr_stretches_and_lettered_speakers() -> None:
    # "[38:57 - 38:58] Speaker 9: …" on one line; AssemblyAI's "[2.89s - 6.21s] Speaker A:"
    # over the words on the next line; a lettered speaker is a label, not a person
    one = ("[38:57 - 38:58] Speaker 9: 这个接口文档我明天发给大家。\n"
           "[38:58 - 38:59] Speaker 7: 好的。\n")
    r = rec(one)
    assert [(a.owner, a.source.time) for a in r.actions] == [("Speaker 9", "38:57 - 38:58")]
    two = ("[2.89s - 6.21s] Speaker A:\n这个接口文档我明天发给大家。\n\n"
           "[6.21s - 7.86s] Speaker B:\n好的。\n")
    r = rec(two)
    assert [a.owner for a in r.actions] == ["Speaker A"]
    assert "Speaker A" not in r.meta.participants and "Speaker B" not in r.meta.participants
    exact(r, two)


def test_a_committee_reading_rules_on_each_article(rec_rules) -> None:
    # article by article: passed or deleted is decided, held over is left open,
    # and the question put to the floor decides nothing yet
    r = rec_rules("主席：进行第十二条。请问各位，对第十二条照审查会版本通过，有无异议？\n"
                  "委员甲：有异议。\n主席：既有异议，本条保留。\n"
                  "主席：进行第十三条。第十三条照审查会版本通过。\n"
                  "主席：第十四条删除，不处理。\n", input="transcript")
    assert [c.source.text for c in r.consensus] == ["第十三条照审查会版本通过。", "第十四条删除，不处理。"]
    assert any("本条保留" in d.source.text for d in r.disagreements)


def test_we_will_is_a_promise_with_no_owner(rec_rules) -> None:
    # "我们会…/我们再…" promises what the speaker's side will do; 我们 names no one
    r = rec_rules("甲：协议这块怎么约束？\n乙：我们会用一份合作协议来约束这些事。\n甲：说不清的话呢？\n"
                  "乙：那我们再拉个群吧。\n甲：以前我们会用纸质表格。\n", input="transcript")
    assert [(a.task, a.owner) for a in r.actions] == [("我们会用一份合作协议来约束这些事", None), ("那我们再拉个群", None)]


def test_work_asked_of_the_one_spoken_to(rec_rules) -> None:
    # "你先梳理一下这个事": asked of the addressee; a question about it asks nothing
    r = rec_rules("甲：申请单流程还没定。\n甲：你先梳理一下这个事。\n乙：好。\n甲：你先梳理一下了吗？\n", input="transcript")
    assert [(a.task, a.owner) for a in r.actions] == [("你先梳理一下这个事", "乙")]


def test_a_decision_told_of_is_not_one_made(rec_rules) -> None:
    # "决定/确定/批准" said in a meeting mostly tell of a decision made elsewhere;
    # a settling turn decides. In written minutes "决定采用…" still decides.
    r = rec_rules("甲：这个方案很早我们就已经决定了。\n乙：但下一步的工作不是我们能决定的。\n"
                  "甲：那这样，按季度结算，无异议吧？\n乙：无异议，就这样决定。\n", input="transcript")
    assert [c.source.text for c in r.consensus] == ["无异议，就这样决定。"]
    written = rec_rules("## 结论\n\n经讨论，决定采用方案B。\n")
    assert [c.source.text for c in written.consensus] == ["经讨论，决定采用方案B。"]


def test_an_interviews_byline_is_its_header(rec_rules) -> None:
    # "采访、整理：X" names the scribe, "被采访人：Y" who was there: no task, no owner
    r = rec_rules("采访、整理：邵文瀚\n被采访人：柯阿姨\n\n邵：您是哪一年进厂的？\n柯：我是89年来的，到现在二十多年了。\n")
    assert r.actions == []
    assert r.meta.recorder == "邵文瀚" and "柯阿姨" in r.meta.participants


def test_a_committee_amends_words_of_an_article(rec_rules) -> None:
    # "「二週前」修正為「五日前」", "「第五項」三字刪除": the chair's ruling on the wording
    r = rec_rules("主席：第四项中「第五项」三字删除。\n委员甲：「二周前」太短了。\n主席：好。「二周前」修正为「五日前」。\n"
                  "主席：「彩色」二字删除，有无异议？\n", input="transcript")
    assert [c.source.text for c in r.consensus] == ["第四项中「第五项」三字删除。", "「二周前」修正为「五日前」。"]


def test_a_charge_laid_on_the_one_spoken_to_is_an_action() -> None:
    # "你们这个保安一定要定时巡逻一下": work laid on the listeners, not a view;
    # "你一定要相信我" asks nothing to be done
    r = rec("园长：你们这个保安一定要定时巡逻一下。\n王老师：好的。\n园长：你一定要相信我。\n")
    assert [a.source.text for a in r.actions] == ["你们这个保安一定要定时巡逻一下。"]


def test_work_asked_with_whom_is_taken_by_who_says_yes() -> None:
    # "你跟财务再算一下，周三之前给我个数" — "行，我周三前给你": the work is the request's,
    # the owner the one who said yes, not "给你"
    text = ("说话人1 00:00:31\n那这样，你跟财务再算一下，周三之前给我个数。\n\n"
            "说话人3 00:00:36\n行，我周三前给你。\n")
    r = rec(text, speakers={"说话人3": "周凯"})
    assert [(a.owner, a.task, a.due) for a in r.actions] == [("周凯", "跟财务再算一下，周三之前给我个数", "2024-05-08")]
    exact(r, text)


def test_a_meeting_apps_export_with_times_in_brackets() -> None:
    # "王磊(00:00:33): …": named speakers with the time in brackets are turns (and the
    # participants); "好，那就定在下下周五上线" settles; "bug 的话李娜你盯一下" asks 李娜;
    # "有点悬" and "先放一放" leave their points open
    text = ("王磊(00:00:05): 今天主要定一下新版本的上线时间。\n"
            "李娜(00:00:12): 我这边测试还有两个严重bug没修完，下周五上线有点悬。\n"
            "王磊(00:00:33): 好，那就定在下下周五上线。bug 的话李娜你盯一下，每天同步进度。\n"
            "李娜(00:00:40): 嗯好。\n"
            "赵敏(00:00:44): 另外运营那边想加个弹窗，我觉得没必要，影响体验。\n"
            "王磊(00:00:50): 这个先放一放，到时候再看。\n")
    r = rec(text)
    assert r.meta.participants == ["王磊", "李娜", "赵敏"]
    assert [c.text for c in r.consensus] == ["好，那就定在下下周五上线。"]
    assert [a.owner for a in r.actions] == ["李娜"]
    assert [d.source.line for d in r.disagreements] == [2, 6]
    exact(r, text)


def test_a_chat_export_with_dated_message_headers() -> None:
    # "张伟 2024-05-06 10:01" over each message: the speakers are the participants and
    # the first header's day is the meeting date; "王强你明天把…" asks 王强, the task
    # keeps no 你
    text = ("张伟 2024-05-06 10:01\n大家看下这个版本的排期，5月20号能不能提测？\n\n"
            "李娜 2024-05-06 10:03\n后端没问题，我这边周五前把接口都联调完\n\n"
            "张伟 2024-05-06 10:10\n好，那就这么定了。王强你明天把前端排期更新到飞书上。\n")
    from minutes.ingest import Text
    from minutes.pipeline import record

    r = record(Text(text, "utf-8", "x", None), None, layer="rules")
    assert (r.meta.date, r.meta.participants) == ("2024-05-06", ["张伟", "李娜"])
    assert [(a.owner, a.task, a.due) for a in r.actions] == [
        ("李娜", "后端没问题，把接口都联调完", "2024-05-10"), ("王强", "把前端排期更新到飞书上", "2024-05-07")]
    assert [c.text for c in r.consensus] == ["好，那就这么定了。"]
    exact(r, text)


@pytest.mark.parametrize("text, promise, owner", [
    # the perfective reports work done ("我查了一下", "整理出来了", "去过",
    # "把…清空了"); the same speaker's "我明天再整理一下" still commits
    ("[no.0]: 我查了一下去年的数据，差不多有六种情况。\n"
     "[no.1]: 字段我整理出来了，一共三个。\n"
     "[no.0]: 所以我把缓存清空了，这个逻辑是对的。\n"
     "[no.1]: 我明天再整理一下接口文档。\n"
     "[no.0]: 好的。\n", "我明天再整理一下接口文档。", "no.1"),
    # "…我来登入的话" states a condition, "我先不要讲" declines, "我就先给大家说到
    # 这里" is said now and "我就发现…" reports; "那我来登入吧" still takes the work
    ("[no.0]: 全部都我来登入的话，会很慢。\n"
     "[no.1]: 好，那我先不要讲这个。\n"
     "[no.1]: 我就先给大家说到这里。\n"
     "[no.1]: 我就发现其实还会有一些格式问题。\n"
     "[no.0]: 那我来登入吧，明天弄好。\n", "那我来登入吧，明天弄好。", "no.0"),
    # pasting, sharing on the screen, a screenshot, a poll: done as it is
    # said; the same act put off till later ("回头截个图") is still a promise
    ("[no.0]: 我把这个录音稿贴上去啊，大家看一下。\n"
     "[no.1]: 我就把它简单分享一下在萤幕上。\n"
     "[no.0]: 这里我再发一个投票。\n"
     "[no.1]: 报错那个我回头截个图发给你。\n", "报错那个我回头截个图发给你。", "no.1"),
    # an utterance cut off before its work ("比如说我再去", "我可以把這個...")
    # promises nothing; a whole one ending on a motion word ("…发过去") does
    ("[no.0]: 比如说我再去\n"
     "[no.1]: 我可以把这个...\n"
     "[no.0]: 方案我今天整理好发过去。\n", "方案我今天整理好发过去。", "no.0"),
], ids=["done-is-no-promise", "condition-refusal-or-talk-now", "act-on-the-shared-screen", "cut-off"])
def test_what_a_first_person_says_without_promising(text: str, promise: str, owner: str) -> None:
    r = rec(text)
    assert [a.source.text for a in r.actions] == [promise]
    assert r.actions[0].owner == owner
    exact(r, text)


def test_times_on_lines_of_their_own_make_a_transcript() -> None:
    # a copied video or recorder transcript: the time, then what was said;
    # an agenda with two times on lines of their own stays notes
    text = ("00:05\n嗯，今天主要对一下上线的事情\n00:12\n这个接口我来改吧，明天给你们\n"
            "00:20\n好的\n00:26\n那就这么定了\n")
    r = rec(text)
    assert [a.source.text for a in r.actions] == ["这个接口我来改吧，明天给你们"]
    assert r.actions[0].due == "2024-05-07"
    exact(r, text)
    agenda = ("## 议程\n\n14:00\n签到\n\n14:30\n王磊介绍方案\n\n## 行动项\n\n"
              "- 王磊负责整理会议纪要，周五前发出\n- 李娜负责联系供应商\n- 张伟负责预订下次会议室\n- 赵敏负责更新项目排期\n")
    from minutes.transcript import detect

    assert detect(text, load()) and not detect(agenda, load())
    assert [x.owner for x in rec(agenda).actions] == ["王磊", "李娜", "张伟", "赵敏"]


def test_a_request_closed_by_a_tag_question_asks_the_one_who_answers() -> None:
    # "你…优化一下行吗" asks, with no comma before the tag; "这样好吗" asks the room
    text = ("[no.0]: 你回去以后向着这个方向优化一下行吗\n[no.1]: 行。\n"
            "[no.0]: 这样好吗\n[no.1]: 好。\n")
    r = rec(text)
    assert [(a.source.text, a.owner) for a in r.actions] == [("你回去以后向着这个方向优化一下行吗", "no.1")]
    exact(r, text)
