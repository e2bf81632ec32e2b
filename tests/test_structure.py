from __future__ import annotations

from minutes.structure import clean, parse

DOC = """# 产品周会

- 时间：2024-05-06 14:00-15:30
- 参会人员：张三、李四

## 行动项

1. 张三负责整理需求。李四下周三前给出评估；
   - 细节：接口文档
2. [x] 更新文档@王五

| 姓名 | 明日计划 |
| --- | --- |
| 赵六 | [#21 设计原型](https://x/21)<br/>[#22 写测试](https://x/22) |

结论：
同意采用方案B
"""


def test_offsets_are_exact_and_sentences_split() -> None:
    st = parse(DOC)
    for s in st.sentences:
        assert DOC[s.start:s.end].strip() == DOC[s.start:s.end]
    texts = [DOC[s.start:s.end] for s in st.sentences]
    assert "张三负责整理需求。" in texts
    assert "李四下周三前给出评估；" in texts


def test_blocks_know_headings_nesting_tables_and_labels() -> None:
    st = parse(DOC)
    by_text = {st.span(i): b for i, b in enumerate(st.blocks)}
    assert st.span(st.title) == "产品周会"
    assert by_text["时间：2024-05-06 14:00-15:30"].key == "时间"
    child = by_text["细节：接口文档"]
    assert st.span(child.parent).startswith("张三负责")
    done = by_text["[x] 更新文档@王五".removeprefix("[x] ")] if "更新文档@王五" in by_text else None
    assert done is not None and done.checked is True
    cell = by_text["#22 写测试"]
    assert cell.kind == "cell" and cell.column == "明日计划" and cell.row_key == "赵六"
    assert by_text["结论："].kind == "label"
    assert st.span(by_text["同意采用方案B"].label) == "结论："
    assert st.headings_of(st.blocks.index(cell)) == ["产品周会", "行动项"]


def test_crlf_offsets_index_the_text_as_read() -> None:
    doc = DOC.replace("\n", "\r\n")
    st = parse(doc)
    assert any(doc[s.start:s.end] == "张三负责整理需求。" for s in st.sentences)
    assert all("\r" not in doc[s.start:s.end] for s in st.sentences)


def test_section_numbers_are_not_list_markers() -> None:
    st = parse("3.1,3.2,3.3，王兆桓负责\n4.1+4.2 章玉婷 在周一之前push\n")
    assert [st.span(i) for i in range(len(st.blocks))] == ["3.1,3.2,3.3，王兆桓负责", "4.1+4.2 章玉婷 在周一之前push"]


def test_a_line_naming_a_meetings_record_is_a_heading() -> None:
    doc = ("需求分析-G05小组第一次例会会议记录\n下一步：\n张三完成用例图\n\n"
           "需求分析-G05小组第二次例会会议记录\n李四汇报进展\n以上内容参考第一次会议记录\n")
    st = parse(doc)
    heads = [st.span(i) for i, b in enumerate(st.blocks) if b.kind == "heading"]
    assert heads == ["需求分析-G05小组第一次例会会议记录", "需求分析-G05小组第二次例会会议记录"]
    assert st.span(st.title) == "需求分析-G05小组第一次例会会议记录"
    report = next(b for i, b in enumerate(st.blocks) if st.span(i) == "李四汇报进展")
    assert report.label is None  # the first meeting's plan section ends at the second's title
    assert st.span(report.heading) == "需求分析-G05小组第二次例会会议记录"
    # a list item or a table cell naming a record stays what it is
    items = parse("1. 在github仓库维护会议纪要\n")
    assert [b.kind for b in items.blocks] == ["item"]


def test_callouts_and_front_matter_are_skipped() -> None:
    doc = "---\ntitle: 社区双周会\n---\n<div class=\"callout\">\n会前要点：请确认时间\n</div>\n正文一句。\n"
    st = parse(doc)
    assert st.span(st.title) == "社区双周会"
    assert [doc[s.start:s.end] for s in st.sentences][-1] == "正文一句。"
    assert not any("会前要点" in doc[s.start:s.end] for s in st.sentences)


def test_clean_removes_markdown() -> None:
    assert clean("[x] ~~沟通[图片](http://a)问题@朱庆裕~~") == "沟通图片问题@朱庆裕"
    assert clean("**前端**：Vue") == "前端：Vue"


def test_a_clause_over_a_rule_is_a_paragraph_and_a_title_over_one_a_heading() -> None:
    # plain-text minutes set their parts apart with "---": a long line or one
    # ending a clause stays a paragraph; a short title over "---" or "===" heads
    text = ("决议\n---\n"
            "最终提交与预演安排：比赛提交时间为4月18日至24日，团队需在此之前完成定稿；\n---\n"
            "AssemblyAI Transcription - Evaluation_1.mp4\n===\n")
    st = parse(text)
    assert [(b.kind, st.span(i)[:6]) for i, b in enumerate(st.blocks)] == [
        ("heading", "决议"), ("para", "最终提交与预"), ("heading", "Assemb")]


def test_a_word_form_pasted_as_rows_has_keys_not_column_names() -> None:
    # "| 会议名称 | 第八次会议 |" opens a form of keys and values: its first row is
    # a row, and no cell below stands in a column named 会议名称
    st = parse("| 会议名称 | 第八次会议 |\n| 会议时间 | 2015 12 9 | 会议地点 | 宿舍 |\n"
               "| 安昕瑜：负责登录的测试<br/>白国风：负责单据的测试 |\n")
    by_text = {st.span(i): b for i, b in enumerate(st.blocks)}
    assert by_text["第八次会议"].row_key == "会议名称"
    assert by_text["白国风：负责单据的测试"].column is None
    # a table of named columns keeps its header
    st = parse("| 任务 | 负责人 |\n| 写测试 | 王磊 |\n")
    assert {st.span(i): b for i, b in enumerate(st.blocks)}["王磊"].column == "负责人"
