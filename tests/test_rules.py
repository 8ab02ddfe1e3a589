"""Every rule of the format, broken once: the error names the file, the line, the field.

Each case edits the minimal site (tests/minimal_site.py). ``line`` is either a line number or
a piece of text: the error must point at the line of the edited file where that text stands.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image

from liangxiang.pipeline import read_content
from conftest import build_site
from minimal_site import FILES, jpeg_bytes, write_site


def _gif_bytes() -> bytes:
    import io

    out = io.BytesIO()
    Image.new("RGB", (400, 400), "red").save(out, "GIF")
    return out.getvalue()


@dataclass
class Case:
    id: str
    edits: dict  # file -> (old, new) | full text | bytes | None (delete)
    path: str
    line: int | str
    field: str
    message: str
    hint: str = ""
    extra: dict = field(default_factory=dict)


def sub(file: str, old: str, new: str) -> dict:
    assert old in FILES[file], f"{old!r} not in {file}"
    return {file: (old, new)}


def nested(file: str, first: str, rest: str) -> str:
    """A file of the minimal site with its first line and the others set in (under a key, as a list item)."""
    return "".join((first if i == 0 else rest) + line + "\n" for i, line in enumerate(FILES[file].splitlines()))


SECRET_PHOTO = {"content/photos/secret.jpg": jpeg_bytes(color="#36c")}  # a hidden member's own photo

CASES = [
    # files and syntax
    Case("gbk", {"members.yaml": FILES["members.yaml"].encode("gbk")}, "members.yaml", 3, "-", "GBK", "UTF-8"),
    # audit S: a whole GBK file where a line ("post: 住院医师") reads as UTF-8 by chance was said
    # to be UTF-8 with 108 lines pasted in GBK, each to be typed again
    Case("gbk-line-valid-as-utf8", {"members.yaml": FILES["members.yaml"].replace("绿化养护员", "住院医师").encode("gbk")},
         "members.yaml", 3, "-", "GBK/GB2312 编码", "另存为 UTF-8"),
    # AS-AG L1: a rare name character is GB 18030's alone; the hint to reopen the file as GBK lost it
    Case("gb18030", {"members.yaml": FILES["members.yaml"].replace("绿化养护员", "绿化养护员䶮").encode("gb18030")},
         "members.yaml", 3, "-", "GB18030 编码", "选 GB 18030，再“通过编码保存”选 UTF-8"),
    # AS-AG L7: two files joined, the second's byte-order mark before a comment: "delete up to the colon" of a line with none
    Case("bom-before-a-comment", {"content/zones/garden.yaml": ("\ufeff\ufeff# 花园\n" + FILES["content/zones/garden.yaml"]).encode()},
         "content/zones/garden.yaml", 1, "-", "看不见的字符（零宽不换行空格 U+FEFF）", "删掉这一行，重新输入"),
    # audit T: one character cut short, or a ° pasted from a Western code page, was "a file not in
    # UTF-8", to be reopened as GBK: that garbles every other line
    Case("damaged-character", {"members.yaml": FILES["members.yaml"].encode().replace("绿化养护员".encode(), "绿化养护员".encode()[:-1])},
         "members.yaml", "    post: ", "-", "这一行有损坏的字（在“post: 绿化养护”后面）", "不要转换整个文件的编码"),
    Case("latin1-degree-sign", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].encode().replace("  - 浇水".encode(), "  - 浇水18°C".encode("utf-8").replace("°".encode(), b"\xb0"))},
         "content/zones/garden.yaml", "  - ", "-", "这一行有损坏的字（在“- 浇水18”后面）", "重新输入这个字或符号"),
    Case("replacement-character", sub("members.yaml", "post: 绿化养护员", "post: 绿化养护\ufffd"),
         "members.yaml", "post: ", "-", "这里有一个损坏的字“\ufffd”", "重新输入原来的字"),
    # audit T: what editors type for "later" was published and printed on a desk plate
    Case("placeholder-promise", sub("content/commitments/2026.yaml", "promise: 热情服务", "promise: 待填写"),
         "content/commitments/2026.yaml", "promise: 待填写", "commitments[2].promise", "“待填写”像是还没写的占位文字，会照原样发布在网页上，印在标志牌或桌牌上",
         "这一条先不要提交"),
    Case("placeholder-duty", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水\n  - TODO"), "content/zones/garden.yaml", "  - TODO", "duties[2]",
         "“TODO”像是还没写的占位文字", "写上真正的内容，或删掉这一项"),
    Case("placeholder-optional", sub("members.yaml", "post: 绿化养护员", "post: 绿化养护员\n    department: 同上"), "members.yaml", "department: 同上",
         "members[1].department", "“同上”像是还没写的占位文字，会照原样发布在网页上", "还不知道的话删掉这一行"),
    Case("placeholder-story", sub("content/stories/a-key.md", "故事正文。", "待补充"), "content/stories/a-key.md", "待补充", "body",
         "“待补充”像是还没写的占位文字，会照原样发布在网页上", "写上故事的正文"),
    # audit T: a story dated 1026 (one key slipped) was published, sorted last
    Case("date-year-slipped", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 1016-05-12"), "content/stories/a-key.md", "date: 1016", "date",
         "日期 1016-05-12 的年份不对：要在 1900 到 2100 之间", "是不是 2016-05-12？"),
    # audit T: pinyin typed with its tones was hinted as "w-ng-ji-ngu"
    Case("id-with-tones", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhāng-wěi"), "content/zones/garden.yaml", "leader:", "leader",
         "编号只能用", "编号里的拼音不带声调：写成 zhang-wei"),
    # audit T: an item whose "- " was deleted was "a line missing its colon", a line too low
    Case("item-without-dash", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水\n  除草"), "content/zones/garden.yaml", "  除草", "duties",
         "YAML 格式错误：这一行前面少了列表的“- ”", "在这一行的字前面加上“- ”"),
    Case("id-without-dash", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members:\n  - zhang-wei\n  li-na"),
         "content/zones/garden.yaml", "  li-na", "members", "YAML 格式错误：这一行前面少了列表的“- ”", "在这一行的字前面加上“- ”"),
    # audit T: hints that were missing or named what the file does not have
    Case("size-a5", sub("content/zones/garden.yaml", "service_phone:", "signboard: {size: A5}\nservice_phone:"), "content/zones/garden.yaml", "signboard:",
         "signboard.size", "（现在是“A5”）", "写成 210x148mm（A5 的尺寸，横放）"),
    Case("period-q5", {"content/assessments/2026-Q1.yaml": None,
                       "content/assessments/2026-Q5.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("period: 2026-Q1", "period: 2026-Q5")},
         "content/assessments/2026-Q5.yaml", "period:", "period", "考核期要写成", "一年只有四个季度"),
    Case("copied-year-file", {"content/commitments/2026 (1).yaml": FILES["content/commitments/2026.yaml"]}, "content/commitments/2026 (1).yaml", 0,
         "-", "像是 2026.yaml 的副本", "把文件改名为那一年（例如 2027.yaml），并改掉文件里的 year"),
    Case("hidden-members-old-id", {**sub("members.yaml", "    name: 隐藏人\n", "    name: 隐藏人\n    aliases: [mimi]\n"),
                                   **sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei, li-na, mimi]")},
         "content/zones/garden.yaml", "members: [", "members[3]", "找不到党员“mimi”",
         "“mimi”是 secret-person 以前的编号，secret-person 设为不公开（hidden: true），公开的内容不能提到他/她：从列表里删掉 mimi 这一项"),
    # audit V: a short GBK line, read as UTF-8 with a hanzi by chance, was "a damaged character"
    Case("gbk-short-line", {"members.yaml": FILES["members.yaml"].encode().replace("    name: 李娜".encode(), "    name: 杨芳".encode("gbk"))},
         "members.yaml", 12, "-", "是别的编码（GBK）的文字", "删掉这一行的文字重新输入"),
    # audit AS-B 1: an empty cell's 无 or N/A copied from a spreadsheet was published ("N/A · 无")
    Case("none-written-optional", sub("members.yaml", "post: 绿化养护员", "post: N/A"), "members.yaml", "post: N/A", "members[1].post",
         "“N/A”是说没有，会照原样发布在网页上", "没有就删掉这一行：可选的项目不写，网页上就不显示这一项"),
    Case("none-written-duty", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水\n  - 无"), "content/zones/garden.yaml", "  - 无", "duties[2]",
         "“无”是说没有，会照原样发布在网页上，印在标志牌或桌牌上", "删掉这一项"),
    Case("none-written-required", sub("content/commitments/2026.yaml", "promise: 热情服务", "promise: （无）"),
         "content/commitments/2026.yaml", 10, "commitments[2].promise", "“（无）”是说没有", "这一项必须写：写上真正的内容"),
    Case("none-written-too-short", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 无"), "content/org.yaml", "hotline:", "hotline",
         "“无”是说没有", "没有就删掉这一行"),
    # a number too short, not a list of too few (AS-N 13: "至少要有 3 项 … 使用默认的监督热线")
    Case("hotline-number-too-short", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 12"), "content/org.yaml", "hotline:", "hotline",
         "太短了：至少 3 个字符（现在是“12”）", ""),
    # audit AS-B 7: a year of joining or an honor still to come was a notice, and published as a fact
    Case("joined-to-come", sub("members.yaml", "    joined: 2008\n", "    joined: 2031\n"), "members.yaml", 8, "members[1].joined",
         "入党年份 2031 在今年（2026）之后", "写入党的年份，例如 2008；是不是输错了一位？"),
    Case("joined-to-come-hidden", sub("members.yaml", "    name: 隐藏人\n", "    name: 隐藏人\n    joined: 2062\n"), "members.yaml", "joined: 2062",
         "members[4].joined", "入党年份 2062 在今年（2026）之后", "写入党的年份，例如 2008；是不是输错了一位？"),  # audit AS-Y L9
    Case("joined-before-the-party", sub("members.yaml", "    joined: 2008\n", "    joined: 1920\n"), "members.yaml", 8, "members[1].joined",  # audit AM 12
         "入党年份 1920 在中国共产党成立（1921 年）之前", "写入党的年份，例如 2008；是不是输错了一位？"),
    # audit AS-B 2: grades as "优秀: 90" lines were told "a list of one": - {优秀: 90, 合格: 80, …}, four unknown fields
    Case("grades-as-pairs", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 0317-2720000\ngrades:\n  优秀: 90\n  合格: 80\n  不合格: 0"),
         "content/org.yaml", "grades:", "grades", "这里应该是一个列表", "写成 - {name: 优秀, min: 90}、- {name: 合格, min: 80}，其余照样"),
    Case("roles-as-pairs", sub("content/zones/garden.yaml", "roles:\n  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}", "roles:\n  监督员: 王芳"),
         "content/zones/garden.yaml", "roles:", "roles", "这里应该是一个列表", "写成 - {role: 监督员, name: 王芳}"),
    # audit AS-B 3: the bracket stuck to the first name, whose id was made up (wang-jian-guo)
    Case("names-in-full-width-brackets", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: 【欧阳晓红，李娜】"),
         "content/zones/garden.yaml", "members:", "members", "这里应该是一个列表", "这里写编号，不写名称，写成列表：[ouyang-xiaohong, li-na]"),
    # audit AS-B 8: a cover written from the story's folder, as its text's images are, was "outside content/"
    Case("cover-from-the-storys-folder", sub("content/stories/a-key.md", "featured: true", "featured: true\ncover: ../photos/zhang-wei.jpg"),
         "content/stories/a-key.md", "cover:", "cover", "图片路径“../photos/zhang-wei.jpg”要相对于 content/ 写，不是相对于这个文件", "写成 photos/zhang-wei.jpg"),
    Case("date-without-its-day", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 2016年5月"), "content/stories/a-key.md", "date:", "date",
         "日期要写成 YYYY-MM-DD", "日期要写到哪一天：写成 2016-05-日，例如 2016-05-01"),  # audit AS-B 11: no hint
    Case("placeholder-in-brackets", sub("content/commitments/2026.yaml", "promise: 热情服务", "promise: 【待填写】"),
         "content/commitments/2026.yaml", 10, "commitments[2].promise", "“【待填写】”像是还没写的占位文字"),
    # audit AS-AD L2: a Cyrillic а in han-xue was offered as h-n-xue
    Case("id-with-a-cyrillic-letter", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zh\u0430ng-wei"), "content/zones/garden.yaml", "leader:", "leader",
         "编号只能用小写字母", "编号里的“\u0430”是俄文或希腊文字母，看上去像英文字母（多半是从别处复制来的）：换成英文输入法重新输入，写成 zhang-wei"),
    Case("id-with-tones-and-a-space", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhāng wěi"), "content/zones/garden.yaml", "leader:",
         "leader", "编号只能用", "编号里的拼音不带声调：写成 zhang-wei"),
    # audit AH F2: a space from Word or WeChat in an id was said to be a tone mark
    Case("id-with-a-no-break-space", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang\u00a0wei"), "content/zones/garden.yaml",
         "leader:", "leader", "编号只能用", "编号中间有不间断空格，编号里不能有空格，词之间用“-”连接：写成 zhang-wei"),
    Case("id-with-a-full-width-space", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang　wei, li-na]"),
         "content/zones/garden.yaml", "members:", "members[1]", "编号只能用", "编号中间有全角空格，编号里不能有空格，词之间用“-”连接：写成 zhang-wei"),
    Case("id-with-a-full-width-space-before-its-dash", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang　-wei"), "content/zones/garden.yaml",
         "leader:", "leader", "编号只能用", "编号中间有全角空格，编号里不能有空格，词之间用“-”连接：写成 zhang-wei"),
    Case("big5", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("花园责任区", "花園責任區").replace("花园一片", "花園一片").replace("浇水", "澆水")
                  .replace("业务带头人", "業務帶頭人").replace("监督员", "監督員").encode("big5")}, "content/zones/garden.yaml", 2, "-", "Big5 编码", "选 Big5"),
    Case("gbk-pasted-lines", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].encode().replace("  - 浇水".encode(), "  - 浇水".encode("gbk"))},
         "content/zones/garden.yaml", "  - ", "-", "是别的编码（GBK）的文字", "删掉这一行的文字重新输入"),
    Case("tab-indent", sub("members.yaml", "    name: 张伟", "\tname: 张伟"), "members.yaml", "\tname", "name", "制表符"),
    # a list item has no key of its own: the field is the list it is in
    Case("tab-indent-item", sub("content/zones/garden.yaml", "  - 浇水", "\t- 浇水"), "content/zones/garden.yaml", "\t- 浇水", "duties", "制表符"),
    # a value of spaces alone (a full-width one left by an input method) is empty, not a name; a sign
    # drew an empty duty and failed with a traceback (audit 27)
    Case("blank-name", sub("members.yaml", "    name: 张伟", "    name: \u3000"), "members.yaml", "name: \u3000", "members[1].name",
         "不能为空：只有空格或看不见的字符，等于没写", "是必填的"),
    Case("blank-duty", sub("content/zones/garden.yaml", "  - 浇水", "  - \u3000\n  - 浇水"), "content/zones/garden.yaml", "  - \u3000", "duties[1]",
         "这一项是空的：只有空格或看不见的字符", "删掉这一项"),
    Case("blank-org-name", sub("content/org.yaml", "name: 测试单位", 'name: "  "'), "content/org.yaml", 'name: "  "', "name", "不能为空"),
    Case("branch-id-for-a-zone", sub("content/stories/a-key.md", "zone: garden", "zone: b1"), "content/stories/a-key.md", "zone: b1", "zone",
         "找不到责任区“b1”", "“b1”是党支部（第一党支部）的编号，这里要写责任区的编号：b1 的责任区有 garden"),
    Case("zone-file-and-id-in-chinese", {"content/zones/garden.yaml": None,
                                         "content/zones/花园.yaml": FILES["content/zones/garden.yaml"].replace("id: garden", "id: 花园")},
         "content/assessments/2026-Q1.yaml", "zone: garden", "results[1].zone", "找不到责任区“garden”",
         "content/zones/花园.yaml 里的责任区编号“花园”写得不对（见那一条错误）：如果那就是 garden，把编号写成 garden，文件名也改成 garden.yaml"),
    Case("zero-width-scope", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: \u200b\u00a0"), "content/zones/garden.yaml", "scope:", "scope", "不能为空"),
    Case("key-number", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\n1: 口号\n"), "content/zones/garden.yaml", "1: 口号", "1", "不认识的字段“1”"),
    Case("key-bool-in-list-item", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    yes: 李四\n    true: 1\n"), "members.yaml", "    true", "members[2].true", "不认识的字段“true”"),
    # a list of records written without "- " is the file's error, not a year or a period emptied in silence (audit 18)
    Case("commitments-not-a-list", {"content/commitments/2026.yaml": "year: 2026\ncommitments:\n  member: li-na\n  promise: 热情服务\n"},
         "content/commitments/2026.yaml", "commitments:", "commitments", "这里应该是一个列表", "在这一项前面加“- ”，写成 - {member: li-na, promise: 热情服务}"),
    Case("commitments-a-text", {"content/commitments/2026.yaml": "year: 2026\ncommitments: li-na 热情服务\n"},
         "content/commitments/2026.yaml", "commitments:", "commitments", "这里应该是一个列表（现在是“li-na 热情服务”）"),
    # a list of records written as a text, or as one record: the entries meant, in their fields (audit D, session 35)
    Case("honors-a-text", sub("members.yaml", "    honors:\n      - {year: 2017, title: 优秀共产党员, by: 党委}", "    honors: 2017年优秀共产党员、2020年岗位能手"),
         "members.yaml", "honors:", "members[1].honors", "这里应该是一个列表", "写成 - {year: 2017, title: 优秀共产党员}、- {year: 2020, title: 岗位能手}；还可以写 by（授予单位）"),
    Case("honors-one-entry", sub("members.yaml", "    honors:\n      - {year: 2017, title: 优秀共产党员, by: 党委}", "    honors:\n      year: 2017\n      title: 优秀共产党员"),
         "members.yaml", "honors:", "members[1].honors", "这里应该是一个列表", "只有一项也要写成列表：在这一项前面加“- ”，写成 - {year: 2017, title: 优秀共产党员}"),
    Case("roles-a-text", sub("content/zones/garden.yaml", "roles:\n  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}", "roles: 监督员 王芳"),
         "content/zones/garden.yaml", "roles:", "roles", "这里应该是一个列表", "写成 - {role: 监督员, name: 王芳}；还可以写 member（党员编号）"),
    # audit F (session 36): a record's own comma cut it in two entries; names in one text were told "- 徐光明" again
    Case("progress-a-text", sub("content/commitments/2026.yaml", "    progress:\n      - {date: 2026-03-12, text: 补植草坪}", "    progress: 2026-03-12 补植草坪，修剪绿篱"),
         "content/commitments/2026.yaml", "progress:", "commitments[1].progress", "这里应该是一个列表", "写成 - {date: 2026-03-12, text: 补植草坪，修剪绿篱}"),
    Case("member-names-in-a-text", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: 张伟、李娜"), "content/zones/garden.yaml", "members:", "members",
         "这里应该是一个列表", "这里写编号，不写名称，写成列表：[zhang-wei, li-na]"),
    Case("results-not-a-list", {"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\nresults:\n  zone: garden\n  score: 85\n"},
         "content/assessments/2026-Q1.yaml", "results:", "results", "这里应该是一个列表"),
    Case("merge-key-of-no-mapping", sub("members.yaml", "  - id: li-na\n", "  - <<: b1\n    id: li-na\n"),
         "members.yaml", "<<: b1", "members[2].<<", "后面要写一组字段的锚点名", "锚点写在前面一条记录上"),
    # a list inside the list: it was told "duties" is a text (audit D, session 35)
    Case("duty-dashed-twice", sub("content/zones/garden.yaml", "  - 浇水", "  - - 浇水"), "content/zones/garden.yaml", "  - - 浇水", "duties[1]",
         "duties 的第 1 条写成了列表里的列表：这一行多了一个“- ”", "每条只用一个“- ”开头，写成 - 浇水"),
    Case("hash-cuts-a-duty", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水 #3、#4 号楼"), "content/zones/garden.yaml", "#3", "duties[1]",
         "YAML 把“#3、#4 号楼”当成注释丢掉了，这里只读到“浇水”", "把整个值用引号括起来：\"浇水 #3、#4 号楼\"；如果是注释，在“#”后面加一个空格"),
    Case("fullwidth-hash-comment", sub("content/zones/garden.yaml", "scope: 花园一片\n", "＃ 负责人下月调整\nscope: 花园一片\n"), "content/zones/garden.yaml", "＃ 负责人", "-",
         "以全角的“＃”开头，YAML 不把它当成注释", "把“＃”改成“#”"),
    Case("dash-bullet", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水\n  — 除草"), "content/zones/garden.yaml", "— 除草", "-", "列表的一项以“—”开头", "把“—”改成“-”"),
    Case("dot-bullets", sub("content/zones/garden.yaml", "  - 浇水", "  • 浇水\n  • 除草"), "content/zones/garden.yaml", "• 浇水", "-", "列表的一项以“•”开头", "半角短横线加空格"),
    Case("unclosed-bracket", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei, li-na"), "content/zones/garden.yaml", "members: [", "members",
         "方括号“[”没有配对的“]”", "末尾加上“]”"),
    # a line that ends in a comma, or in its bracket, goes on as the file's next lines: they were blamed (audit M)
    Case("unclosed-brace-ending-in-a-comma", sub("members.yaml", "by: 党委}", "by: 党委,"), "members.yaml", "{year: 2017", "members[1].honors[1]",
         "花括号“{”没有配对的“}”", "在这一项的末尾加上“}”"),
    Case("unclosed-bracket-alone", sub("members.yaml", "    joined: 2008\n", "    joined: 2008\n    tags: [\n"), "members.yaml", "tags: [", "tags",
         "方括号“[”没有配对的“]”"),
    Case("closing-bracket-doubled", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei, li-na]]"),
         "content/zones/garden.yaml", "members: [", "members", "多了一个“]”", "删掉这个“]”"),
    Case("closing-brace-doubled", sub("members.yaml", "by: 党委}", "by: 党委}}"), "members.yaml", "{year: 2017", "members[1].honors[1]", "多了一个“}”", "删掉这个“}”"),
    Case("opening-brace-doubled", sub("members.yaml", "- {year: 2017", "- {{year: 2017"), "members.yaml", "{{year: 2017", "members[1].honors[1]",
         "花括号“{”多写了一个", "删掉一个“{”"),
    Case("braces-doubled", sub("members.yaml", "      - {year: 2017, title: 优秀共产党员, by: 党委}", "      - {{year: 2017, title: 优秀共产党员, by: 党委}}"),
         "members.yaml", "{{year: 2017", "members[1].honors[1]", "花括号“{”写了两层", "删掉一个“{”和末尾的一个“}”"),
    Case("unclosed-brace", sub("content/zones/garden.yaml", "member: li-na}", "member: li-na"), "content/zones/garden.yaml", "业务带头人", "roles[1]", "花括号“{”没有配对的“}”"),
    Case("fullwidth-hash-after-a-value", sub("members.yaml", "post: 绿化养护员", "post: 绿化养护员 ＃ 手机13803170000"), "members.yaml", "＃ 手机", "post",
         "“＃”是全角的井号，YAML 不把后面的文字当注释", "半角空格加半角井号"),
    Case("fullwidth-space-before-hash", sub("members.yaml", "post: 绿化养护员", "post: 绿化养护员\u3000# 暂不公开"), "members.yaml", "暂不公开", "post",
         "“#”前面是一个全角空格", "换成半角空格"),
    Case("merge-conflict-yaml", sub("members.yaml", "    post: 绿化养护员\n", "<<<<<<< HEAD\n    post: 绿化养护员\n=======\n    post: 绿化队长\n>>>>>>> origin/main\n"),
         "members.yaml", "<<<<<<< HEAD", "-", "git 合并冲突的标记", "删掉另一版和这三行标记"),
    Case("merge-conflict-story", sub("content/stories/a-key.md", "故事正文。", "<<<<<<< HEAD\n故事正文。\n=======\n故事的正文。\n>>>>>>> 3f2a1b9"),
         "content/stories/a-key.md", "<<<<<<< HEAD", "-", "git 合并冲突的标记"),
    # audit X: a conflict resolved by hand, some of its marker lines left in: published, or "a colon is missing" a line further on
    Case("conflict-leftover-yaml", sub("members.yaml", "    post: 绿化养护员\n", "    post: 绿化养护员\n=======\n"),
         "members.yaml", "=======", "-", "这一行“=======”是 git 合并冲突留下的标记", "删掉这一行，再核对上下文"),
    Case("conflict-leftover-story", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n=======\n故事的正文。\n>>>>>>> 3f2a1b9"),
         "content/stories/a-key.md", ">>>>>>> 3f2a1b9", "-", "这一行“>>>>>>> 3f2a1b9”是 git 合并冲突留下的标记"),
    # audit Z1: saved with Windows line ends the lone "=======" was missed; in a story's front matter it is YAML, never an underline
    Case("conflict-leftover-crlf", {"members.yaml": FILES["members.yaml"].replace("    post: 绿化养护员\n", "    post: 绿化养护员\n=======\n").replace("\n", "\r\n")},
         "members.yaml", "=======", "-", "这一行“=======”是 git 合并冲突留下的标记"),
    Case("conflict-leftover-front-matter", sub("content/stories/a-key.md", "title: 一把钥匙\n", "title: 一把钥匙\n=======\n"),
         "content/stories/a-key.md", "=======", "-", "这一行“=======”是 git 合并冲突留下的标记"),
    Case("conflict-leftover-head", sub("content/stories/a-key.md", "故事正文。", "<<<<<<< HEAD\n故事正文。"),
         "content/stories/a-key.md", "<<<<<<< HEAD", "-", "git 合并冲突留下的标记"),
    Case("id-mentioned-chat-style", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: @zhang-wei"), "content/zones/garden.yaml", "leader:", "leader",
         "这个值的第一个字符不能直接写", "编号前面不要加“@”：写成 leader: zhang-wei"),  # quoted, as the hint said, it was an id of nobody (audit X)
    Case("zone-filed-in-a-subfolder", {"content/zones/garden.yaml": None, "content/zones/old/garden.yaml": FILES["content/zones/garden.yaml"]},
         "content/assessments/2026-Q1.yaml", "{zone: garden", "results[1].zone", "找不到责任区“garden”",
         "content/zones/old/garden.yaml 没有被读取（见那一条错误）"),  # was "add it to content/zones/" (audit X)
    Case("at-in-a-note", sub("content/assessments/2026-Q1.yaml", "note: 差}", "note: @李四 负责回访}"), "content/assessments/2026-Q1.yaml", "@李四", "results[2]",
         "这个值的第一个字符不能直接写", "要用引号括起来"),  # a note, not an id, though the line begins with zone: (audit Z1)
    Case("zone-filed-in-a-subfolder-by-another-name", {"content/zones/garden.yaml": None, "content/zones/2024/huayuan.yaml": FILES["content/zones/garden.yaml"]},
         "content/assessments/2026-Q1.yaml", "{zone: garden", "results[1].zone", "找不到责任区“garden”",
         "content/zones/2024/huayuan.yaml 没有被读取（见那一条错误）"),  # its id, not its file's name (audit Z1)
    Case("line-separator", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园\u2028一片\n"), "content/zones/garden.yaml", "scope:", "-",
         "看不见的换行符（U+2028）", "删掉它"),
    # the name of another kind of record where an id goes: what it is, and whom it stands for (audit 21)
    Case("group-name-for-members", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [第一党小组]"),
         "content/zones/garden.yaml", "members:", "members[1]", "编号只能用", "“第一党小组”是党小组 b1-g1 的名称，这里要写党员的编号，一人一项：这个党小组的党员有 zhang-wei"),
    Case("branch-name-for-leader", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: 第一党支部"),
         "content/zones/garden.yaml", "leader:", "leader", "编号只能用", "只写一人（这个党支部的党员有 zhang-wei, li-na）"),
    Case("member-name-for-zone", sub("content/stories/a-key.md", "zone: garden", "zone: 李娜"),
         "content/stories/a-key.md", "zone:", "zone", "编号只能用", "“李娜”是党员 li-na 的名称，这里要写责任区的编号；李娜所在的责任区有 garden, closed"),
    # values written as people write them elsewhere: the one to write (audit 21)
    Case("date-month-first", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 03/20/2016"),
         "content/stories/a-key.md", "date:", "date", "YYYY-MM-DD", "年份写在最前面：写成 2016-03-20"),
    Case("date-day-or-month-first", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 03/05/2016"),
         "content/stories/a-key.md", "date:", "date", "YYYY-MM-DD", "3 月 5 日写成 2016-03-05，或者 5 月 3 日写成 2016-05-03"),
    Case("period-in-words", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2026年第一季度"),
         "content/assessments/2026-Q1.yaml", "period:", "period", "YYYY-Qn", "写成 2026-Q1"),
    Case("score-in-words", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 九十五}"),
         "content/assessments/2026-Q1.yaml", "九十五", "results[1].score", "应该是数字", "用阿拉伯数字写：写成 95"),
    Case("year-in-words", sub("members.yaml", "joined: 2008", "joined: 二〇〇八年"),
         "members.yaml", "joined:", "joined", "年份", "用阿拉伯数字写：写成 2008"),
    Case("year-with-month", sub("members.yaml", "joined: 2008", "joined: 2008年7月"),
         "members.yaml", "joined:", "joined", "年份", "只写年份：写成 2008"),
    Case("year-of-two-digits", sub("members.yaml", "joined: 2008", "joined: 08年"),
         "members.yaml", "joined:", "joined", "年份", "年份写四位数字，例如 2008"),
    Case("zone-saved-as-csv", {"content/zones/new.yaml": "id,name,branch,leader\nnew,新责任区,b1,zhang-wei\n"},
         "content/zones/new.yaml", 1, "-", "文件内容应该是“字段: 值”的形式", "CSV"),
    Case("fullwidth-slash-in-a-path", sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos／zhang-wei.jpg"),
         "members.yaml", "photo:", "photo", "找不到图片", "路径里的“／”是全角字符，换成半角的：写成 photos/zhang-wei.jpg"),
    Case("soft-hyphen-in-an-id", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang\u00adwei"),
         "content/zones/garden.yaml", "leader:", "leader", "看不见的字符（软连字符 U+00AD）", "写成 zhang-wei"),
    # one category for five: said at org.yaml, not at every story (audit 22)
    Case("categories-fullwidth-comma", sub("content/org.yaml", "hotline: 0317-2720000\n", "hotline: 0317-2720000\nstory_categories: [劳动模范，真情服务小故事]\n"),
         "content/org.yaml", "story_categories:", "story_categories[1]", "会当成一个类别：里面有全角逗号或顿号", "写成 [劳动模范, 真情服务小故事]"),
    Case("site-url-a-page", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/", "site_url: https://dj.qinghe.org.cn/dj/index.html"),
         "mkdocs.yml", "site_url:", "site_url", "以一个网页（“index.html”）结尾（现在是“https://dj.qinghe.org.cn/dj/index.html”）", "",
         extra={"to write": "写到网站的文件夹为止：https://dj.qinghe.org.cn/dj/"}),  # as written: MkDocs adds a "/" (audit AS-Q F07)
    Case("site-url-full-stop", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/", "site_url: https://dj.qinghe.org.cn/dj/。"),
         "mkdocs.yml", "site_url:", "site_url", "全角的“。”（现在是“https://dj.qinghe.org.cn/dj/。”）", ""),
    Case("phone-to-be-decided", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 待定"),
         "content/zones/garden.yaml", "service_phone:", "service_phone", "电话里没有号码（现在是“待定”）"),
    Case("story-only-its-title", sub("content/stories/a-key.md", "故事正文。", "# 一把钥匙"),
         "content/stories/a-key.md", "# 一把钥匙", "body", "故事正文只有标题"),
    # a zone file holding its zone under a key, or several zones: one error, not every field missing
    Case("zone-under-a-key", {"content/zones/garden.yaml": "zone:\n" + nested("content/zones/garden.yaml", "  ", "  ")},
         "content/zones/garden.yaml", 1, "zone", "责任区的字段写在“zone:”下面", "删掉“zone:”这一行"),
    Case("zones-in-one-file", {"content/zones/garden.yaml": "zones:\n" + nested("content/zones/garden.yaml", "  - ", "    ")
                                                          + nested("content/zones/closed.yaml", "  - ", "    "),
                               "content/zones/closed.yaml": None},
         "content/zones/garden.yaml", 1, "zones", "一个文件只写一个责任区，这里写了 2 个", "content/zones/编号.yaml"),
    Case("zone-as-a-list-item", {"content/zones/garden.yaml": nested("content/zones/garden.yaml", "- ", "  ")},
         "content/zones/garden.yaml", 1, "-", "责任区的字段写成了列表的一项", "删掉开头的“- ”"),
    # an entry written as one pair: said so, not as a line to delete nor as its two fields missing (audit 21)
    Case("progress-as-a-pair", sub("content/commitments/2026.yaml", "{date: 2026-03-12, text: 补植草坪}", "2026-03-12: 补植草坪"),
         "content/commitments/2026.yaml", "2026-03-12: 补植", "progress[1].2026-03-12", "是日期，不是字段名", "{date: 2026-03-12, text: 补植草坪}"),
    Case("progress-as-a-text", sub("content/commitments/2026.yaml", "{date: 2026-03-12, text: 补植草坪}", "2026-03-12 补植草坪"),
         "content/commitments/2026.yaml", "2026-03-12 补植", "progress[1]", "“字段: 值”的一组内容", "{date: 2026-03-12, text: 补植草坪}"),
    Case("result-as-a-pair", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "garden: 90"),
         "content/assessments/2026-Q1.yaml", "garden: 90", "results[1].garden", "是责任区编号，不是字段名", "{zone: garden, score: 90}"),
    Case("branch-as-a-list", sub("members.yaml", "    branch: b2", "    branch: [b2, b1]"), "members.yaml", "branch: [b2", "members[3].branch", "只能写一个", "branch: b2（一名党员只属于一个党支部）"),
    Case("two-branches-in-one", sub("members.yaml", "    branch: b2", "    branch: b2、b1"), "members.yaml", "branch: b2、", "members[3].branch", "编号只能用", "这里只能写一个编号，例如 b2"),
    Case("fullwidth-space-after-dash", sub("content/zones/garden.yaml", "  - 浇水", "  -\u3000浇水"), "content/zones/garden.yaml", "浇水", "-", "短横线“-”后面是一个全角空格", "半角空格"),
    Case("hash-cuts-a-post", sub("members.yaml", "post: 绿化养护员", "post: 秩序维护员 #3岗"), "members.yaml", "#3岗", "members[1].post", "只读到“秩序维护员”"),
    Case("fullwidth-comma-in-flow", sub("content/commitments/2026.yaml", "{date: 2026-03-12, text: 补植草坪}", "{date: 2026-03-12，text: 补植草坪}"), "content/commitments/2026.yaml", "，text", "progress[1]",
         "花括号 {…} 里的写法不对", "“text”前面的逗号是全角的“，”：改成半角逗号加空格“, ”"),
    Case("id-number-in-a-note", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden, score: 90, note: 投诉人身份证130982195503121234}"),
         "content/assessments/2026-Q1.yaml", "投诉人", "results[1].note", "这里有一个身份证号（130982********1234），会公开发布", "身份证号不能公开：删掉它"),
    # audit AS-M 9: another role's mistake failed the whole list, and the ID number was said only once it was fixed
    Case("id-number-beside-a-failed-role", sub("content/zones/garden.yaml", "  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}\n",
                                                "  - {role: 业务带头人, member: li-na, name: 李娜}\n  - {role: 监督员, name: 王芳 身份证130982195603121234}\n"),
         "content/zones/garden.yaml", "王芳 身份证", "roles[2].name", "这里有一个身份证号（130982********1234），会公开发布", "删掉它"),
    # audit T: a free page was searched for hidden members' names only; a number grouped as on a
    # form, typed full-width or in the old 15-digit form was not seen anywhere
    Case("id-number-on-a-free-page", sub("content/about.md", "活动简介。", "活动简介。\n\n联系人王芳，身份证 130103199001011234。"),
         "content/about.md", "联系人", "-", "这里有一个身份证号（130103********1234），会公开发布", "删掉它"),
    Case("id-number-grouped", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden, score: 90, note: 身份证号 130103 19900101 123X}"),
         "content/assessments/2026-Q1.yaml", "身份证号", "results[1].note", "这里有一个身份证号（130103********123X）"),
    Case("id-number-full-width", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden, score: 90, note: １３０１０３１９９００１０１１２３３}"),
         "content/assessments/2026-Q1.yaml", "１３０", "results[1].note", "这里有一个身份证号（130103********1233）"),
    Case("id-number-old-form", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden, score: 90, note: 证号130103900101123}"),
         "content/assessments/2026-Q1.yaml", "证号", "results[1].note", "这里有一个身份证号（130103*****1123）"),
    # audit V: a grouped number the quick look passed over; numbers of other things are no ID number
    Case("id-number-grouped-by-date", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片，负责人证号 130103 1990 01 01 123X"),
         "content/zones/garden.yaml", "scope:", "scope", "这里有一个身份证号（130103********123X）"),
    Case("progress-lost-its-indent", sub("content/commitments/2026.yaml", "      - {date: 2026-03-12, text: 补植草坪}\n", "      - {date: 2026-03-12, text: 补植草坪}\n    date: 2026-04-01\n"),
         "content/commitments/2026.yaml", "    date: 2026-04-01", "commitments[1].date", "不认识的字段“date”", "“date”是 progress 里的字段：这一行的缩进不对，要缩进到 progress: 下面作为一项，以“- ”开头"),
    # the value YAML keeps is the last one: a problem with it is said at its own line (audit 19)
    Case("duplicate-key-value-checked-at-its-line", sub("members.yaml", "    photo: photos/zhang-wei.jpg\n", "    photo: photos/zhang-wei.jpg\n    photo: photos/zhang-wie.jpg\n"),
         "members.yaml", "zhang-wie", "members[1].photo", "找不到图片“photos/zhang-wie.jpg”"),
    Case("id-read-as-a-number", sub("members.yaml", "  - id: li-na\n", "  - id: 2021.10\n"), "members.yaml", "2021.10", "members[2].id", "（现在是“2021.10”）", "例如写成 2021-10"),
    # audit 34: one person pasted twice: "change the id" made two pages for one person
    Case("member-pasted-twice", sub("members.yaml", "  - id: ouyang-xiaohong\n", "  - id: li-na\n    name: 李娜\n    branch: b2\n  - id: ouyang-xiaohong\n"),
         "members.yaml", "  - id: li-na\n    name: 李娜\n    branch: b2", "members[3].id", "党员编号“li-na”重复了", "同一个人写了两遍的话，删掉其中一条；是同名的另一个人，才给这一条改用另一个编号"),
    Case("member-id-taken", sub("members.yaml", "  - id: ouyang-xiaohong\n", "  - id: li-na\n    name: 李四\n    branch: b2\n  - id: ouyang-xiaohong\n"),
         "members.yaml", "  - id: li-na\n    name: 李四", "members[3].id", "党员编号“li-na”重复了", "改用另一个编号"),
    # audit 34: a story's other mistake hid its cover's wrong path until the next run
    Case("cover-beside-a-rejected-field", sub("content/stories/a-key.md", "featured: true\n", "featured: 是\ncover: photos/no-such.jpg\n"),
         "content/stories/a-key.md", "cover:", "cover", "找不到图片“photos/no-such.jpg”"),
    Case("photo-beside-a-rejected-field", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    joined: 二〇〇八\n    photo: photos/li-na.jpg\n"),
         "members.yaml", "photo: photos/li-na", "members[2].photo", "找不到图片“photos/li-na.jpg”"),
    # audit 34: an entry's wrong date hid that the member had two entries that year until the next run
    Case("commitment-twice-one-rejected", {"content/commitments/2026.yaml":
         FILES["content/commitments/2026.yaml"].replace("{date: 2026-03-12,", "{date: 2026/3/12,").replace("  - member: li-na\n", "  - member: zhang-wei\n")},
         "content/commitments/2026.yaml", "  - member: zhang-wei\n    promise: 热情", "commitments[2].member", "党员“zhang-wei”在 2026 年已经有一条承诺"),
    Case("result-twice-one-rejected", {"content/assessments/2026-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("score: 90}", "score: 190}")
         .replace("{zone: closed,", "{zone: garden,")},
         "content/assessments/2026-Q1.yaml", "{zone: garden, score: 69.5", "results[2].zone", "责任区“garden”在 2026-Q1 已经有一条考核结果"),
    # `~` and `null` are YAML's empty: said as written, not as "nothing after the colon"
    Case("tilde-for-empty", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: ~"), "content/zones/garden.yaml", "scope: ~", "scope",
         "写的“~”在 YAML 里表示空，等于没写", "把“~”换成内容"),
    Case("null-item", sub("content/zones/garden.yaml", "  - 浇水", "  - null"), "content/zones/garden.yaml", "  - null", "duties[1]",
         "这一项是空的：写的“null”在 YAML 里表示空", "把“null”换成内容，或者删掉这一行"),
    Case("duplicate-key", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    name: 李四\n"), "members.yaml", "李四", "members[2].name", "两次", "最后一个"),
    # a field of another kind of record names the file it goes in, not a near spelling (audit 35: score -> scope, commitments -> content)
    Case("score-in-a-zone", sub("content/zones/garden.yaml", "service_phone:", "score: 93.5\nservice_phone:"), "content/zones/garden.yaml", "score: 93.5", "score",
         "不认识的字段“score”", "“score”是考核结果的字段，不写在这里：写在 content/assessments/考核期.yaml"),
    Case("zone-fields-in-members", sub("members.yaml", "    post: 绿化养护员", "    post: 绿化养护员\n    duties: [巡查]"), "members.yaml", "duties: [巡查]", "members[1].duties",
         "不认识的字段“duties”", "“duties”是责任区的字段，不写在这里：每个责任区一个文件，写在 content/zones/编号.yaml"),
    Case("half-full-width-list", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: ［zhang-wei, li-na]"), "content/zones/garden.yaml",
         "members: ［", "members", "这里应该是一个列表", "“［”是全角括号，YAML 不认：换成半角（英文）的方括号，写成 [zhang-wei, li-na]"),
    Case("fullwidth-space-indent", sub("members.yaml", "    name: 李娜", "\u3000\u3000name: 李娜"), "members.yaml", "\u3000\u3000name", "name", "全角空格", "半角空格"),
    Case("nbsp-after-colon", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader:\u00a0zhang-wei"), "content/zones/garden.yaml", "leader:", "leader", "不间断空格"),
    Case("fullwidth-colon", sub("members.yaml", "    post: 绿化养护员", "    post： 绿化养护员"), "members.yaml", "post：", "members[1].post", "全角", ":"),
    # two items of one line: the one whose key the colon follows (its whole path, as YAML read it)
    Case("fullwidth-colon-in-a-flow-list", sub("members.yaml", "    honors:\n      - {year: 2017, title: 优秀共产党员, by: 党委}",
                                               "    honors: [{year: 2017, title: 优秀共产党员, by: 党委}, {year: 2018, title：优秀, by: 党委}]"),
         "members.yaml", "title：优秀", "members[1].honors[2].title", "全角", ":"),
    Case("yaml-syntax", sub("content/org.yaml", "name: 测试单位", 'name: "测试单位'), "content/org.yaml", 1, "name", "YAML 格式错误"),
    Case("yaml-no-space-after-colon", sub("content/zones/garden.yaml", "scope: 花园一片", "scope:花园一片"), "content/zones/garden.yaml", "scope:花园", "-", "“scope”后面的冒号要跟一个空格", "scope: 花园一片"),
    # the colon left out: PyYAML stops at the next key; the mistake is the line above it
    Case("yaml-key-without-colon", sub("content/zones/garden.yaml", "scope: 花园一片", "scope 花园一片"), "content/zones/garden.yaml", "scope 花园", "-", "“scope”后面少了冒号“:”", "写成“scope: 花园一片"),
    # a section's colon left out: PyYAML stops at the nested line below; the mistake is the key above
    # audit AS-AE M1: a key saved half-typed was said at the next line, which has nothing wrong
    Case("yaml-half-typed-key", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nserv\n"), "content/zones/garden.yaml", "serv", "-",
         "“serv”这一行没写完：后面少了冒号“:”和值", "写成“serv: …”，或者删掉这一行"),
    Case("yaml-section-without-colon", sub("content/zones/garden.yaml", "duties:\n", "duties\n"), "content/zones/garden.yaml", "duties", "-", "“duties”后面少了冒号“:”", "写成“duties:”，下面缩进的几行是它的内容"),
    Case("yaml-list-item-without-colon", sub("members.yaml", "    honors:\n", "    honors\n"), "members.yaml", "    honors", "-", "“honors”后面少了冒号“:”", "写成“honors:”"),
    # audit AS-U 5: a result's "- " deleted: said one line past the end of the file, as a missing colon
    Case("flow-item-without-dash-last", sub("content/assessments/2026-Q1.yaml", "  - {zone: closed", "  {zone: closed"), "content/assessments/2026-Q1.yaml",
         "  {zone: closed", "results", "这一行前面少了列表的“- ”", "加上“- ”"),
    Case("flow-item-without-dash-first", sub("content/assessments/2026-Q1.yaml", "  - {zone: garden", "  {zone: garden"), "content/assessments/2026-Q1.yaml",
         "  {zone: garden", "results", "这一行前面少了列表的“- ”", "加上“- ”"),
    # audit AS-T 5: the line naming a list deleted, its items left under a field with a value
    Case("list-key-deleted-under-a-value", sub("content/zones/garden.yaml", "roles:\n", ""), "content/zones/garden.yaml", "  - {role: 业务带头人", "-",
         "“- ”列表写在“leader: zhang-wei”下面，可是“leader”已经有值", "在这一行上面补上“roles:”，和“leader:”左边对齐"),
    # items of id and name could be branches, groups or members: no list is named
    Case("list-key-deleted-unnamed", sub("content/org.yaml", "branches:\n", ""), "content/org.yaml", "  - id: b1", "id",
         "“- ”列表写在“supervision: 欢迎监督”下面", "在这一行上面补上这个列表的字段名和冒号，和“supervision:”左边对齐"),
    Case("list-key-deleted-under-text", sub("content/zones/garden.yaml", "duties:\n  - 浇水\n", "  - 浇水\n  - 修剪\n"), "content/zones/garden.yaml", "  - 浇水", "scope",
         "这几行“- ”上面少了一行“duties:”，YAML 把它们并进了“scope”的文字", "在这一行上面补一行“duties:”，和“scope:”左边对齐"),
    # audit 21: an item indented one space too far is folded into the one above, silently
    Case("list-item-folded-in", sub("content/zones/garden.yaml", "  - 浇水\n", "  - 浇水\n   - 除草\n"), "content/zones/garden.yaml", "   - 除草", "duties[1]",
         "这一行的“- ”比上一项多缩进了，YAML 把它并进了上一项：会印成一项“浇水 - 除草”", "和上一项的“- ”对齐"),
    # audit 22: an item's "- " left out, the line is read on as the item above (会印成一项)
    Case("list-item-without-dash", sub("content/zones/garden.yaml", "  - 浇水\n", "  - 浇水\n    除草\n"), "content/zones/garden.yaml", "    除草", "duties[1]",
         "YAML 把两行连成了一项：会印成一项“浇水 除草”", "在这一行开头加“- ”，和上一项的“- ”对齐"),
    Case("flow-list-fullwidth-comma-at-line-end", sub("content/zones/closed.yaml", "duties: [巡查]", "duties: [巡查，\n  保洁]"), "content/zones/closed.yaml", "  保洁", "duties[1]",
         "会印成一项“巡查， 保洁”", "把上一行末尾的“，”换成“,”"),
    Case("record-without-dash", sub("members.yaml", "  - id: li-na\n", "    id: li-na\n"), "members.yaml", "    id: li-na", "members[1].id",
         "第二次出现“id”（第 2 行已经有了）：多半是下一条记录少了开头的“- ”", "在“id”前面加“- ”"),
    Case("methods-fullwidth-comma", sub("content/assessments/2026-Q1.yaml", "published: 2026-04-05\n", "published: 2026-04-05\nmethods: [监督员评议，党员互评]\n"),
         "content/assessments/2026-Q1.yaml", "methods:", "methods[1]", "会当成一种考核方式", "写成 [监督员评议, 党员互评]"),
    Case("list-folded-into-a-text", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片：\n  - 东区\n"), "content/zones/garden.yaml", "  - 东区", "scope",
         "这一行以“- ”开头，YAML 把它并进了“scope”前面的文字", "写成“scope: |”"),
    Case("yaml-key-without-colon-hint-whole", sub("content/zones/garden.yaml", "scope: 花园一片", "scope 花园一片，见 https://dj.qinghe.org.cn/dj/zones/garden/  # 旧写法"), "content/zones/garden.yaml", "scope 花园", "-",
         "“scope”后面少了冒号“:”", "写成“scope: 花园一片，见 https://dj.qinghe.org.cn/dj/zones/garden/”（"),  # whole, to copy; the comment left out
    # a paragraph of `content: |` pasted at the margin: YAML ends the text above it and blamed a "*" or a colon (audit 27)
    Case("text-paragraph-outdented-bold", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  第一段。\n\n**标准**：随叫随到。\n"),
         "content/zones/garden.yaml", "**标准**", "-", "这一行是“content”的正文，但缩进比上面的正文少", "在这一行开头加 2 个半角空格，和上面的正文对齐"),
    # a comment at the margin amid the text cuts it (audit 28: blamed on a "*")
    Case("text-cut-by-a-comment", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  第一段。\n# 备注：待审核\n  **标准**：随叫随到。\n"),
         "content/zones/garden.yaml", "# 备注", "-", "“content”的正文中间有一行顶格写的注释：YAML 在这里把正文截断了", "把它移到“content: |”这一行上面"),
    # its first line indented with full-width spaces: the text is empty, the rest an error at the next field (audit 28)
    Case("text-indented-full-width", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n\u3000\u3000第一段。\n  第二行。\n"),
         "content/zones/garden.yaml", "\u3000\u3000第一段", "-", "开头是全角空格：YAML 只认半角空格缩进", "比“content:”多缩进两格（全角空格可以留着"),
    # read without complaint by YAML, and published wrong (audit 28)
    Case("field-indented-into-a-text", sub("content/zones/garden.yaml", "scope: 花园一片\nduties:\n  - 浇水\nleader: zhang-wei\n",
                                          "scope: 花园一片\nduties:\n  - 浇水\ncontent: |\n  第一段。\n  leader: zhang-wei\n"),
         "content/zones/garden.yaml", "  leader:", "leader", "“leader”缩进了，YAML 把它当成了上面“content: |”正文的一部分，不是字段", "和“content”上下对齐"),
    # the guide says <!-- --> hides a note: in a plain text it is published, printed on a plate (audit 28)
    # an id written as the name: references to zhang-wei were offered another member (audit 28)
    Case("member-id-written-as-the-name", {"members.yaml": FILES["members.yaml"].replace("  - id: zhang-wei\n    name: 张伟\n    photo: photos/zhang-wei.jpg\n", "  - id: 张伟\n    name: 张伟\n")
                                           + "  - id: huang-wei\n    name: 黄伟\n    branch: b1\n"},
         "content/commitments/2026.yaml", "member: zhang-wei", "member", "找不到党员“zhang-wei”", "党员编号“张伟”写得不对（见那一条错误）：改成 zhang-wei"),
    # the roster written as its list alone: told to add the line `members:` (audit 28)
    Case("members-without-their-key", {"members.yaml": "\n".join(line[2:] for line in FILES["members.yaml"].splitlines()[1:]) + "\n"},
         "members.yaml", "- id: zhang-wei", "-", "这里只有一串“- ”", "在第一个“- ”的上面加一行“members:”（顶格）"),
    Case("html-comment-in-a-promise", sub("content/commitments/2026.yaml", "    promise: 带头养护花园\n", "    promise: 带头养护花园<!-- 经费未落实 -->\n"),
         "content/commitments/2026.yaml", "<!-- 经费", "promise", "“<!-- 经费未落实 -->”在这里不是注释", "备注不要写进内容"),
    Case("comment-line-in-a-promise", sub("content/commitments/2026.yaml", "    promise: 带头养护花园\n", "    promise: |\n      带头养护花园\n      # 备注：书记说再斟酌\n"),
         "content/commitments/2026.yaml", "# 备注", "promise", "以“#”开头的这一行不是注释：它会照原样公开，也会印在桌牌上", "注释写在“promise: |”这一行的上面"),
    Case("note-as-a-heading-in-content", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  # 备注：这段先不要公开\n  第一段。\n"),
         "content/zones/garden.yaml", "# 备注", "content", "以“#”开头的这一行会成为公开的标题，不是注释", "备注不要写进正文"),
    Case("text-paragraph-outdented-plain", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  第一段。\n\n2026年起，每周巡查一次。\n"),
         "content/zones/garden.yaml", "2026年起", "-", "这一行是“content”的正文", "“content: |”下面的每一行都要这样缩进"),
    Case("yaml-over-indented-key", sub("content/zones/garden.yaml", "scope: 花园一片", "   scope: 花园一片"), "content/zones/garden.yaml", "   scope", "scope", "“scope”比上一行的“branch”多缩进了 3 个空格", "删掉“scope”前面多出的 3 个空格"),
    # the first field indented, the rest not: PyYAML asked for a "---" before the second one (audit 29)
    Case("yaml-first-key-indented", sub("content/zones/garden.yaml", "id: garden", "  id: garden"), "content/zones/garden.yaml", "  id: garden", "id", "第一个字段“id”比下面的“name”多缩进了 2 个空格", "删掉“id”前面多出的 2 个空格"),
    Case("story-first-key-indented", sub("content/stories/a-key.md", "---\ntitle:", "---\n title:"), "content/stories/a-key.md", " title:", "title", "第一个字段“title”比下面的", "删掉“title”前面多出的 1 个空格"),
    # a BOM where two files were joined, a zero-width space in a key: YAML blamed the next line (audit 29)
    Case("bom-at-a-line-start", sub("members.yaml", "  - id: li-na\n", "\ufeff  - id: li-na\n"), "members.yaml", "- id: li-na", "id", "这一行开头有一个看不见的字符（零宽不换行空格 U+FEFF）", "删掉这一行开头到冒号的文字"),
    Case("zero-width-space-before-a-colon", sub("content/zones/garden.yaml", "scope: 花园一片", "scope\u200b: 花园一片"), "content/zones/garden.yaml", "scope\u200b",
         "scope", "这一行的字段名里有一个看不见的字符（零宽空格 U+200B）", "重新输入"),  # not "开头" (audit M)
    Case("zero-width-space-in-a-key", sub("content/zones/garden.yaml", "scope: 花园一片", "sco\u200bpe: 花园一片"), "content/zones/garden.yaml", "sco\u200bpe", "scope", "这一行的字段名里有一个看不见的字符（零宽空格 U+200B）", "重新输入"),
    # a mistake on the field right after a text: said there, not as the text's last line outdented (audit 29)
    Case("yaml-error-after-a-text", sub("content/zones/garden.yaml", "leader: zhang-wei", "content: |\n  第一段。\n\n  - 一项\nleader: *张伟*"),
         "content/zones/garden.yaml", "leader: *", "leader", "值以 * 或 & 开头", "引号括起来"),
    Case("yaml-no-space-after-dash", sub("members.yaml", "  - id: li-na\n", "  -id: li-na\n"), "members.yaml", "-id: li-na", "-", "短横线“-”后面要有一个空格", "- id: li-na"),
    Case("yaml-curly-quotes-colon", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: “花园一片，时间: 全天”"), "content/zones/garden.yaml", "scope: “", "scope", "多了一个冒号", "中文引号 “ ”"),
    Case("yaml-curly-quotes-flow", sub("content/assessments/2026-Q1.yaml", "note: 差}", "note: ‘差, 整改’}"), "content/assessments/2026-Q1.yaml", "note: ‘", "results[2].整改’", "不认识的字段", "中文引号 ‘ ’"),
    # one text where a list belongs: the hint writes the list that was meant
    Case("list-as-dunhao-text", sub("content/zones/garden.yaml", "duties:\n  - 浇水", "duties: 浇水、除草、修剪"), "content/zones/garden.yaml", "duties:", "duties", "这里应该是一个列表", "用“、”隔开的 3 项要各写一行、以“- ”开头，例如“- 浇水”"),
    Case("list-as-numbered-text", sub("content/zones/garden.yaml", "duties:\n  - 浇水", "duties: 1. 浇水 2. 除草"), "content/zones/garden.yaml", "duties:", "duties", "这里应该是一个列表", "去掉“1.”“2.”这样的序号"),
    Case("list-of-one-id-as-text", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: zhang-wei"), "content/zones/garden.yaml", "members:", "members", "这里应该是一个列表", "只有一项也要写成列表：[zhang-wei]"),
    Case("list-of-ids-with-commas", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: zhang-wei，li-na"), "content/zones/garden.yaml", "members:", "members", "这里应该是一个列表", "写成列表：[zhang-wei, li-na]"),
    Case("list-in-fullwidth-brackets", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: 【zhang-wei，li-na】"), "content/zones/garden.yaml", "members:", "members", "这里应该是一个列表", "“【】”是全角括号，YAML 不认：换成半角（英文）的方括号，写成 [zhang-wei, li-na]"),
    # a long value quoted in the hint ends with "…": cut without a mark, it was copied as the duty (audit 35)
    Case("dash-no-space-long", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水\n  -春秋两季病虫害防治，打药前一天在楼道和广场张贴通知"), "content/zones/garden.yaml",
         "  -春秋", "-", "短横线“-”后面要有一个空格", "写成“- 春秋两季病虫害防治，打药前一天在楼道和广…”"),
    Case("list-first-dash-no-space", sub("content/zones/garden.yaml", "  - 浇水", "  -浇水\n  - 修剪"), "content/zones/garden.yaml", "duties:", "duties", "列表", "下一行的短横线“-”后面要有一个空格：写成“- 浇水…”"),
    Case("bidi-override-raw", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园\u202e一片"), "content/zones/garden.yaml", "scope:", "scope", "看不见的控制字符（U+202E）", "删掉它"),
    Case("bidi-override-escaped", sub("content/zones/garden.yaml", "scope: 花园一片", 'scope: "花园\\u202e一片"'), "content/zones/garden.yaml", "scope:", "scope", "看不见的控制字符（U+202E）", "转义"),
    Case("control-char-in-story", sub("content/stories/a-key.md", "故事正文。", "故事\x07正文。"), "content/stories/a-key.md", "故事\x07", "body", "看不见的控制字符（U+0007）"),
    # session 24: MkDocs could not read these, and published the "---" lines and all as the page's text
    Case("free-page-front-matter-full-width-colon", {"content/about.md": "---\ntitle：关于\n---\n\n活动简介。\n"}, "content/about.md", 2, "title", "全角", "半角"),
    Case("free-page-front-matter-no-key", {"content/about.md": "---\n关于创建活动\n---\n\n活动简介。\n"}, "content/about.md", 2, "-",
         "页面开头两行“---”之间应该写“title: 标题”", "写成 title: 页面标题"),
    # audit M: published with "title: 关于" as its text (a heading under "----"), its menu entry in English
    Case("free-page-front-matter-unclosed", {"content/about.md": "---\ntitle: 关于\n\n# 活动简介\n\n正文。\n"}, "content/about.md", 1, "-",
         "页面开头的信息区（title）没有结束", "在第 2 行（“title: 关于”）下面加一行“---”"),
    Case("story-front-matter-never-closed", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("featured: true\n---\n", "featured: true\n")},
         "content/stories/a-key.md", 1, "-", "没有结束：缺少第二个“---”", "行（“featured: true”）下面加一行“---”，再写正文"),  # audit AQ 7: said which line
    Case("free-page-front-matter-closed-by-four", {"content/about.md": "---\ntitle: 关于\n----\n\n正文。\n"}, "content/about.md", 3, "-",
         "缺少第二个“---”", "第 3 行的“----”要写成正好三个半角减号“---”"),
    Case("free-page-front-matter-closed-by-a-dash", {"content/about.md": "---\ntitle: 关于\n———\n\n正文。\n"}, "content/about.md", 3, "-",
         "缺少第二个“---”", "第 3 行的“———”要写成"),
    # audit AM 5: a story's two fences typed wrong were said in two runs, the second at line 1
    Case("story-fences-both-dashes", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("---\n", "———\n")},
         "content/stories/a-key.md", 1, "-", "第一行的“———”要写成三个半角减号“---”", "第一行写“---”"),
    Case("story-fences-both-dashes-closing", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("---\n", "———\n")},
         "content/stories/a-key.md", 8, "-", "要用一行“---”结束", "第 8 行的“———”要写成正好三个半角减号“---”"),
    Case("free-page-front-matter-toml", {"content/about.md": "+++\ntitle = \"关于\"\n+++\n\n正文。\n"}, "content/about.md", 1, "-",
         "“+++”要写成三个半角减号“---”", "“title: …”"),  # Hugo's way: MkDocs would publish the lines as text
    Case("control-char-in-page", sub("content/about.md", "活动简介。", "活动\x1b[31m简介。"), "content/about.md", "活动\x1b", "-", "看不见的控制字符（U+001B）"),
    Case("yaml-dash-after-key", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: - 花园一片"), "content/zones/garden.yaml", "scope: -", "scope", "“- ”不能写在“字段:”的同一行", "另起一行"),
    Case("yaml-text-after-block-bar", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: | 花园一片"), "content/zones/garden.yaml", "scope: |", "scope", "“|”或“>”后面不能接着写文字", "下一行"),
    Case("yaml-question-key", sub("content/zones/garden.yaml", "scope: 花园一片", "? scope: 花园一片"), "content/zones/garden.yaml", "? scope", "-", "字段名的写法不对", "字段: 值"),
    # audit M: followed, the hint 写成 promise: “当好居民的”贴心人"" printed that on the desk plate
    Case("yaml-quotes-in-quotes", sub("content/commitments/2026.yaml", "promise: 带头养护花园", 'promise: "带头养护"花园""'), "content/commitments/2026.yaml", '"带头', "promise",
         "值里面还有同样的引号", "去掉外面的引号，里面的用中文引号：写成 promise: 带头养护“花园”"),
    Case("yaml-apostrophe-in-single-quotes", sub("members.yaml", "post: 绿化养护员", "post: '老王's 站长'"), "members.yaml", "'老王", "post",
         "值里面还有同样的引号", "去掉外面的引号：写成 post: 老王's 站长"),
    Case("yaml-text-after-quotes", sub("content/zones/garden.yaml", "scope: 花园一片", 'scope: "办事"最多跑一次'), "content/zones/garden.yaml", "最多跑一次", "scope", "引号只能把整个值括起来", "scope: “办事”最多跑一次"),
    Case("yaml-text-after-brackets", sub("content/zones/garden.yaml", "  - 浇水", "  - [重点]浇水"), "content/zones/garden.yaml", "[重点]", "duties[1]", "YAML 把它当成了列表", '写成 - "[重点]浇水"'),
    Case("yaml-document-end-mid-file", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\n...\n\n"), "content/zones/garden.yaml", "...", "-", "文件中间出现了“---”或“...”", "删掉这一行"),
    Case("yaml-value-starts-with-bang", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: !花园一片"), "content/zones/garden.yaml", "scope: !", "scope", "第一个字符不能直接写", "引号"),
    Case("yaml-item-starts-with-star", sub("content/zones/garden.yaml", "  - 浇水", "  - **重点**浇水"), "content/zones/garden.yaml", "**重点**", "duties[1]", "值以 * 或 & 开头",
         '把这一项用英文引号括起来，写成 - "**重点**浇水"'),
    Case("yaml-value-starts-with-star", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: **花园**一片"), "content/zones/garden.yaml", "scope: **", "scope", "值以 * 或 & 开头", "引号"),
    # a photo or a Word file saved under a record's name was called GBK text (audit 25)
    Case("zone-file-is-a-photo", {"content/zones/garden.yaml": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\xff\xdb"}, "content/zones/garden.yaml", 1, "-",
         "这个文件其实是 JPEG 图片，不是文字文件", "照片放进 content/photos/"),
    Case("story-saved-by-word", {"content/stories/a-key.md": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"}, "content/stories/a-key.md", 1, "-",
         "其实是 Word、Excel 或压缩包文件", "不要用 Word 或 WPS 保存成 .yaml 或 .md"),
    # three of audit 25's: full-width braces, a role's outsider written as a member, a duty cut by its colon
    Case("honor-full-width-braces", sub("members.yaml", "      - {year: 2017, title: 优秀共产党员, by: 党委}", "      - ｛year: 2017, title: 优秀共产党员, by: 党委｝"),
         "members.yaml", "｛year", "members[1].honors[1]", "括号“｛”“｝”是全角的", "改成半角（英文）的 { } 或 [ ]"),
    Case("duty-cut-by-colon", sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水时间: 每日7:00"), "content/zones/garden.yaml", "浇水时间", "duties[1]",
         "duties 的第 1 条应该是一段文字：“浇水时间”后面的半角冒号加空格", "写成 - 浇水时间：每日7:00"),
    Case("role-outsider-as-member", sub("content/zones/garden.yaml", "{role: 监督员, name: 王芳}", "{role: 监督员, member: 王芳}"), "content/zones/garden.yaml",
         "member: 王芳", "roles[2].member", "编号只能用", "“王芳”不在党员名单里的话，把 member 改成 name：写成 name: 王芳"),
    Case("joined-two-digits", sub("members.yaml", "joined: 2008", "joined: 98"), "members.yaml", "joined: 98", "joined", "不能小于 1900", "年份写四位数：写成 1998"),
    Case("period-half-year", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2026-H1"), "content/assessments/2026-Q1.yaml", "period:", "period",
         "考核期要写成 YYYY-Qn", "这半年是 2026-Q1 和 2026-Q2，每个季度一个文件（写最后一个季度的结果就用 2026-Q2：period 和文件名都写成它；已经有 2026-Q2.yaml 的话，别改名覆盖它"),
    Case("id-trailing-space", sub("members.yaml", "- id: li-na\n", '- id: "li-na "\n'), "members.yaml", 'id: "li-na "', "members[2].id", "编号只能用",
         "“li-na”后面多了一个空格：删掉它，写成 li-na"),  # a plain space, not "U+0020" (audit AQ 7)
    Case("utf16", {"members.yaml": FILES["members.yaml"].encode("utf-16")}, "members.yaml", 1, "-", "UTF-16", "通过编码保存"),
    # audit AS-Q F06: its byte-order mark begins as UTF-16's, and was said to be that
    Case("utf32", {"members.yaml": FILES["members.yaml"].encode("utf-32")}, "members.yaml", 1, "-", "文件是 UTF-32 编码，无法按 UTF-8 读取", "通过编码保存"),
    Case("yaml-bad-int-tag", sub("members.yaml", "joined: 2008", "joined: !!int ''"), "members.yaml", "joined: !!int", "members[1].joined", "空值不能按类型标记“!!int”", "!!"),
    # audit AC: a number past Python's 4,300 digits, no tag written: its field's own message, not "!!int"
    Case("yaml-huge-int", sub("members.yaml", "joined: 2008", "joined: " + "9" * 5000), "members.yaml", "joined: 999", "members[1].joined", "应该是年份（四位数字）（现在是“999", "年份只写四位数字"),
    Case("yaml-surrogate-escape", sub("content/zones/garden.yaml", "scope: 花园一片", 'scope: "花园\\ud800一片"'), "content/zones/garden.yaml", "scope:", "scope", "不完整的字符", "删掉这个"),
    # audit AH F7: a sentence where a group of fields goes is filled into them
    Case("progress-chinese-date", sub("content/commitments/2026.yaml", "      - {date: 2026-03-12, text: 补植草坪}", "      - 2026年3月12日，补植草坪"),
         "content/commitments/2026.yaml", "2026年3月12日", "commitments[1].progress[1]", "这里应该是“字段: 值”的一组内容", "写成 {date: 2026-03-12, text: 补植草坪}"),
    Case("review-as-a-word", sub("content/commitments/2026.yaml", "    review: {date: 2026-11-20, result: 优秀, by: 群众评议}", "    review: 优秀"),
         "content/commitments/2026.yaml", "review:", "commitments[1].review", "这里应该是“字段: 值”的一组内容", "写成 {result: 优秀}；"),
    Case("honor-as-a-sentence", sub("members.yaml", "      - {year: 2017, title: 优秀共产党员, by: 党委}", "      - 2017年 优秀共产党员（党委）"),
         "members.yaml", "2017年", "members[1].honors[1]", "这里应该是“字段: 值”的一组内容", "写成 {year: 2017, title: 优秀共产党员, by: 党委}"),
    Case("date-no-such-day", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 2016-4-31"), "content/stories/a-key.md", "date: 2016", "date",
         "日期要写成 YYYY-MM-DD", "2016 年 4 月只有 30 天"),
    Case("date-with-time-zone", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 2016-05-12T09:00:00+08:00"), "content/stories/a-key.md",
         "date: 2016", "date", "日期要写成 YYYY-MM-DD", "写成 2016-05-12（只写日期，不写时间）"),
    Case("date-with-weekday", sub("content/stories/a-key.md", "date: 2016-05-12", "date: 2016-05-12（周四）"), "content/stories/a-key.md",
         "date: 2016", "date", "日期要写成 YYYY-MM-DD", "写成 2016-05-12（星期几不用写）"),
    # audit AH F9: a local tag beside another was shown as "!!!custom"
    Case("yaml-local-tag", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("scope: 花园一片", "scope: !!binary 5byg5Lyf")
                            .replace("  - 浇水", "  - !custom 浇水")}, "content/zones/garden.yaml", "  - !custom", "duties[1]",
         "“浇水”不能按类型标记“!custom”读取", "去掉值前面的“!custom”标记"),
    Case("yaml-binary-tag", sub("content/org.yaml", "name: 测试单位", "name: !!binary 5byg5Lyf"), "content/org.yaml", "name: !!binary", "name", "“5byg5Lyf”不能按类型标记“!!binary”读取", "!!"),
    Case("yaml-bad-bool-tag", sub("content/org.yaml", "name: 测试单位", "name: !!bool maybe"), "content/org.yaml", "name: !!bool", "name", "“maybe”", "!!"),
    Case("yaml-bad-date-tag", sub("content/org.yaml", "name: 测试单位", "name: !!timestamp 2020-13-45"), "content/org.yaml", "name: !!timestamp", "name", "!!timestamp"),
    Case("alias-bomb", {"content/zones/garden.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))},
        "content/zones/garden.yaml", "f: &f", "-", "别名"),  # where it grows past a million, not the first line (AS-AG L7)
    # an alias inside its own anchor: said at the anchor, not as nesting too deep at 1:1 (audit AS-U F8)
    Case("alias-inside-itself", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: &a [*a]"), "content/zones/garden.yaml", "scope: &a", "scope",
         "别名“*a”写在了它自己的锚点“&a”里面", "去掉里面的“*a”"),
    Case("alias-inside-its-list", sub("content/zones/garden.yaml", "duties:\n  - 浇水\n", "duties: &jobs\n  - 浇水\n  - *jobs\n"), "content/zones/garden.yaml", "duties: &jobs", "duties",
         "别名“*jobs”写在了它自己的锚点“&jobs”里面"),
    Case("deep-nesting", {"content/zones/garden.yaml": "id: " + "[" * 3000 + "]" * 3000 + "\n"}, "content/zones/garden.yaml", 1, "-", "太深"),
    Case("deep-nesting-at-its-line", sub("members.yaml", "joined: 2008", "joined: " + "[" * 3000 + "]" * 3000), "members.yaml", "joined: [[", "-", "太深"),  # audit AC 3: not line 1
    Case("deep-emphasis", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n" + "*" * 1200 + "强调" + "*" * 1200), "content/stories/a-key.md", "强调", "body", "一层套一层，太深了"),
    Case("too-large", {"content/stories/a-key.md": FILES["content/stories/a-key.md"] + "长" * 1_000_000}, "content/stories/a-key.md", 0, "-", "太大"),
    Case("not-a-mapping", {"content/zones/garden.yaml": "- id: garden\n"}, "content/zones/garden.yaml", 1, "-", "字段: 值"),
    # keys, types, ranges
    Case("unknown-key", sub("members.yaml", "    post: 绿化养护员", "    pots: 绿化养护员"), "members.yaml", "pots:", "members[1].pots", "不认识", "post"),
    Case("fullwidth-key", sub("members.yaml", "    post: 绿化养护员", "    ｐｏｓｔ： 绿化养护员"), "members.yaml", "ｐｏｓｔ", "members[1].ｐｏｓｔ", "不认识", "半角）输入法，重新输入 post"),
    Case("cyrillic-key", sub("members.yaml", "    post: 绿化养护员", "    pоst: 绿化养护员"), "members.yaml", "pоst", "members[1].pоst", "不认识", "重新输入 post"),
    Case("story-tags", sub("content/stories/a-key.md", "zone: garden", "zone: garden\ntags: [抗洪]"), "content/stories/a-key.md", "tags:", "tags", "不认识的字段“tags”", "它的类别写在 category，只写一个"),
    Case("unknown-field-lists-the-fields", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片\nremark: 花园"), "content/zones/garden.yaml", "remark", "remark", "不认识",
         "这里能写的有 id、name、short_name、branch、location、scope、duties"),
    Case("group-as-near-to-several", {**sub("content/org.yaml", "      - {id: b1-g1, name: 第一党小组}", "      - {id: b1-g1, name: 第一党小组}\n      - {id: b1-g2, name: 第二党小组}"),
                                      **sub("members.yaml", "group: b1-g1", "group: b1-g3")}, "members.yaml", "group: b1-g3", "group", "找不到党小组“b1-g3”",
         "相近的党小组有 b1-g1（第一党小组）、b1-g2（第二党小组）：写其中的一个"),
    Case("key-with-tel-inside", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片\ntitel: 花园"), "content/zones/garden.yaml", "titel", "titel", "不认识", "内容格式里没有这个字段"),
    Case("private-key", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    mobile: 13800000000\n"), "members.yaml", "mobile", "members[2].mobile", "不认识", "不公开"),
    Case("missing-field", sub("content/zones/garden.yaml", "scope: 花园一片\n", ""), "content/zones/garden.yaml", 1, "scope", "缺少必填字段"),
    Case("type-int", sub("members.yaml", "joined: 2008", "joined: 二〇〇八年"), "members.yaml", "joined", "members[1].joined", "应该是年份（四位数字）"),
    Case("type-list", sub("content/zones/garden.yaml", "duties:\n  - 浇水", "duties: 浇水"), "content/zones/garden.yaml", "duties", "duties", "列表"),
    # audit AC: a long name of lowercase letters is no id
    Case("name-of-letters-too-long", sub("content/org.yaml", "name: 测试单位", "name: " + "a" * 2001), "content/org.yaml", "name: aaa", "name", "太长了：最多 2000 个字符（现在 2001 个）", "删减一些文字"),
    Case("id-too-long", sub("members.yaml", "id: li-na", "id: " + "li-na" * 13), "members.yaml", "li-nali-na", "members[2].id", "编号太长了：最多 64 个字符（现在 65 个）", "zhang-wei"),
    Case("phone-too-short", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: \"12\""), "content/zones/garden.yaml", "service_phone", "service_phone", "电话号码“12”不完整（2 位数字）"),
    # audit AS-L (mutants that survived): a local number a digit short with no area code, the 02x area codes,
    # an honour still to come, a link in a scheme the site does not link to, links to pages that are not there
    Case("phone-local-six-digits", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 272000"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "电话号码“272000”不完整（6 位数字）"),
    Case("phone-02x-short", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 021-6512345"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "不完整：区号 021 后面的号码有 7 位，应该是 8 位"),
    Case("phone-02x-long", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 020-123456789"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "多了数字：区号 020 后面的号码有 9 位，应该是 8 位"),
    Case("honor-to-come", sub("members.yaml", "{year: 2017, title: 优秀共产党员, by: 党委}", "{year: 2027, title: 优秀共产党员, by: 党委}"),
         "members.yaml", "2027", "members[1].honors[1].year", "荣誉年份 2027 在今年（2026）之后", "还没评上的先不要写"),
    Case("joined-next-year", sub("members.yaml", "joined: 2008", "joined: 2027"), "members.yaml", "joined", "members[1].joined",
         "入党年份 2027 在今年（2026）之后"),
    Case("link-ftp", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[通知](ftp://files.example.cn/a.pdf)。"),
         "content/stories/a-key.md", "ftp://", "body", "链接“ftp://files.example.cn/a.pdf”不能用", "换成 https:// 开头的网址"),
    # a browser reads "\" as "/": a path on this host that no page has, published with no word (audit AS-O 11)
    Case("link-with-a-backslash", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[通知](\\javascript:alert(1))。"),
         "content/stories/a-key.md", "javascript", "body", "以反斜杠“\\”开头：它不是网址，也不是本站的页面", "用“/”分隔"),
    Case("link-to-no-member", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[她](/members/nobody/)。"),
         "content/stories/a-key.md", "nobody", "body", "链接“/members/nobody/”指向的页面不存在", "members/zhang-wei/"),
    Case("link-to-no-zone", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[那里](/zones/nowhere/)。"),
         "content/stories/a-key.md", "nowhere", "body", "链接“/zones/nowhere/”指向的页面不存在"),
    # audit AS-L F12: a GIF named .jpg, and a folder with no photo in it, had no test
    Case("photo-a-gif", {"content/photos/zhang-wei.jpg": _gif_bytes()}, "members.yaml", "photo:", "members[1].photo",
         "不是 JPEG、PNG 或 WebP 图片（是 GIF）", "请转成 JPEG 或 PNG 再放进来"),
    Case("photo-an-empty-folder", {**sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos/zhang"), "content/photos/zhang/说明.txt": "照片待补"},
         "members.yaml", "photo:", "members[1].photo", "“photos/zhang”是一个文件夹，不是图片", "把照片本身放在 photos/zhang"),
    # audit AS-M 9: the one message of 42 with no hint
    Case("role-with-member-and-name", sub("content/zones/garden.yaml", "  - {role: 监督员, name: 王芳}", "  - {role: 监督员, name: 王芳, member: li-na}"),
         "content/zones/garden.yaml", "监督员", "roles[2]", "member 和 name 要写一个，而且只写一个", "两个都写了就删掉一个"),
    Case("role-with-neither", sub("content/zones/garden.yaml", "  - {role: 监督员, name: 王芳}", "  - {role: 监督员}"),
         "content/zones/garden.yaml", "监督员", "roles[2]", "member 和 name 要写一个，而且只写一个", "名单外的人写 name: 姓名"),
    # audit AS-M 2: a mobile written 3-4-4 a digit short was "3 phone numbers: put 、 between them"
    Case("spaced-mobile-too-short", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 139 3170 258"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "手机号码“139 3170 258”不完整：现在有 10 位数字，手机号应该是 11 位", "重新输入 11 位数字"),
    # audit AS-AD M1: the sign's call button dialled 1337, and a host name was printed on the sign
    Case("phone-with-script", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 'javascript:alert(1337)//0317-2720001'"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "电话里有英文、网址或网页代码“javascript”", "这里只写电话号码，可以在括号里加说明"),
    Case("phone-with-a-host", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-2720001 或访问 example.cn"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "电话里有英文、网址或网页代码“example”", "这里只写电话号码"),
    Case("phone-with-an-attribute", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: '0317-2720001\" onclick=\"x'"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "电话里有英文、网址或网页代码“\"”", "这里只写电话号码"),
    Case("empty-list", sub("content/zones/garden.yaml", "duties:\n  - 浇水", "duties: []"), "content/zones/garden.yaml", "duties", "duties", "至少要有 1 项",
         "在“duties:”下面写工作职责，每项一行，以“- ”开头"),
    Case("score-range", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 101}"), "content/assessments/2026-Q1.yaml", "101", "results[1].score", "不能大于 100", "得分在 0 到 100 之间（百分制）"),
    Case("score-with-a-letter-o", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 9O}"), "content/assessments/2026-Q1.yaml", "9O", "results[1].score",
         "应该是数字", "“O”是字母，不是数字：写成 90"),
    Case("score-without-its-point", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 955}"), "content/assessments/2026-Q1.yaml", "955", "results[1].score",
         "不能大于 100", "是漏了小数点的话，写成 95.5"),
    Case("score-below-nought", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: -5}"), "content/assessments/2026-Q1.yaml", "-5", "results[1].score",
         "不能小于 0", "得分在 0 到 100 之间"),
    Case("joined-three-digits", sub("members.yaml", "joined: 2008", "joined: 198"), "members.yaml", "joined: 198", "joined", "不能小于 1900", "年份写四位数，例如 1998"),
    Case("honor-year-mistyped", sub("members.yaml", "{year: 2017,", "{year: 2917,"), "members.yaml", "2917", "honors[1].year", "不能大于 2100", "是不是输错了一位？"),
    Case("date-without-a-year", sub("content/commitments/2026.yaml", "2026-03-12", "3月12日"), "content/commitments/2026.yaml", "3月12日", "progress[1].date", "YYYY-MM-DD",
         "日期要写上年份，例如写成 2026-03-12"),  # audit 34: the build's year (SOURCE_DATE_EPOCH in tests)
    Case("date-format", sub("content/commitments/2026.yaml", "2026-03-12", "2026/03/12"), "content/commitments/2026.yaml", "2026/03/12", "progress[1].date", "YYYY-MM-DD"),
    Case("date-slashes", sub("content/commitments/2026.yaml", "2026-03-12", "2026/3/5"), "content/commitments/2026.yaml", "2026/3/5", "progress[1].date", "YYYY-MM-DD", "写成 2026-03-05"),
    Case("date-in-words", sub("content/commitments/2026.yaml", "2026-03-12", "2026年3月12日"), "content/commitments/2026.yaml", "2026年3月12日", "progress[1].date", "YYYY-MM-DD", "写成 2026-03-12"),
    Case("hidden-yes", sub("members.yaml", "    hidden: true\n", "    hidden: yes\n"), "members.yaml", "hidden: yes", "members[4].hidden", "只能是 true 或 false（现在是“yes”）", "小写的 true"),
    Case("score-true", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: true}"), "content/assessments/2026-Q1.yaml", "score: true", "results[1].score", "应该是数字（现在是“true”）"),
    Case("joined-true", sub("members.yaml", "joined: 2008", "joined: true"), "members.yaml", "joined", "members[1].joined", "应该是年份（四位数字）（现在是“true”）"),
    # YAML reads both as a float, which pydantic took as the year 2008 (audit AS-U 9b)
    Case("joined-float", sub("members.yaml", "joined: 2008", "joined: 2008.0"), "members.yaml", "joined", "members[1].joined", "应该是年份（四位数字）（现在是“2008.0”）", "只写年份：写成 2008"),
    Case("joined-exponent", sub("members.yaml", "joined: 2008", "joined: 2.008e3"), "members.yaml", "joined", "members[1].joined", "应该是年份（四位数字）（现在是“2.008e3”）", "年份只写四位数字"),
    Case("score-with-unit", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 93.5分}"), "content/assessments/2026-Q1.yaml", "93.5分", "results[1].score", "数字", "写成 93.5，去掉“分”"),
    # AS-AG L6: "例如 86.5" for a band written as its range
    Case("grade-min-as-a-range", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 0317-2720000\ngrades:\n  - {name: 优秀, min: 90-100}\n  - {name: 不合格, min: 0}"),
         "content/org.yaml", "90-100", "grades[1].min", "应该是数字", "只写一个数（这一档的最低分）：写成 90"),
    # AS-AG L6: a member has no content field to move the rest to
    Case("member-name-too-long", sub("members.yaml", "    name: 李娜", "    name: " + "李" * 3000), "members.yaml", "李李李", "members[2].name",
         "太长了", "很长的经过写成一篇故事（content/stories/ 里）"),
    # AS-AG L6: "check the indentation and colons" for a sign's values written as a list
    Case("signboard-as-a-list", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-2720001\nsignboard: [80x60cm, portrait]"),
         "content/zones/garden.yaml", "signboard:", "signboard", "这里应该是“字段: 值”的一组内容", "写成 {size: 80x60cm, orientation: portrait}"),
    Case("grade-beside-score", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90, grade: 优秀}"), "content/assessments/2026-Q1.yaml", "grade:", "results[1].grade", "不认识的字段“grade”", "等次由得分 score 按 org.yaml 的 grades 自动算出"),
    Case("qr-code-on-zone", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nqrcode: https://example.org/z\n"), "content/zones/garden.yaml", "qrcode:", "qrcode", "不认识的字段“qrcode”", "二维码按网页地址自动生成"),
    Case("phone-from-excel", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 1.3899E+10"), "content/zones/garden.yaml", "service_phone", "service_phone", "电话号码被表格软件改成了数字（现在读出来是“13899000000”）", "service_phone: \"13899012345\""),
    Case("hotline-from-excel", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 13899012345.0"), "content/org.yaml", "hotline", "hotline", "电话号码被表格软件改成了数字", "hotline: \"13899012345\""),
    Case("score-fullwidth", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: ９０}"), "content/assessments/2026-Q1.yaml", "９０", "results[1].score", "数字", "写成 90"),
    Case("year-with-unit", sub("members.yaml", "joined: 2008", "joined: 2008年"), "members.yaml", "joined", "members[1].joined", "应该是年份（四位数字）", "只写年份：写成 2008"),
    Case("date-excel-serial", sub("content/commitments/2026.yaml", "2026-03-12", "46123"), "content/commitments/2026.yaml", "46123", "progress[1].date", "YYYY-MM-DD", "Excel 表格里的日期序号，46123 就是 2026-04-11：写成 2026-04-11"),
    Case("date-two-digit-year", sub("content/commitments/2026.yaml", "2026-03-12", "26-03-12"), "content/commitments/2026.yaml", "26-03-12", "progress[1].date",
         "YYYY-MM-DD", "年份要写四位：写成 2026-03-12"),  # audit M: no hint
    Case("date-without-dashes", sub("content/commitments/2026.yaml", "2026-03-12", "20260312"), "content/commitments/2026.yaml", "20260312", "progress[1].date", "YYYY-MM-DD", "写成 2026-03-12"),
    Case("date-with-time", sub("content/commitments/2026.yaml", "2026-03-12", "2026-03-12 08:30"), "content/commitments/2026.yaml", "2026-03-12 08:30", "progress[1].date", "YYYY-MM-DD", "写成 2026-03-12（只写日期，不写时间）"),
    Case("date-slashed-year-slip", sub("content/commitments/2026.yaml", "2026-03-12", "1026/3/12 8:30"), "content/commitments/2026.yaml", "1026/3/12", "progress[1].date",
         "YYYY-MM-DD", "是不是 2026-03-12（只写日期，不写时间）？"),  # audit V: was "写成 1026-03-12", itself refused
    Case("date-impossible", sub("content/commitments/2026.yaml", "2026-03-12", "2026-02-30"), "content/commitments/2026.yaml", "2026-02-30", "progress[1].date", "没有这一天", "2026 年 2 月只有 28 天"),
    Case("date-month-13", sub("content/commitments/2026.yaml", "2026-03-12", "2026-13-12"), "content/commitments/2026.yaml", "2026-13-12", "progress[1].date", "没有这一天", "月份只能是 01 到 12"),
    Case("text-too-long", sub("content/zones/garden.yaml", "scope: 花园一片", "scope: " + "花园" * 1001), "content/zones/garden.yaml", "scope:", "scope", "最多 2000 个字符（现在 2002 个）", "删减"),
    Case("size-in-words", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 60×40厘米}\n"), "content/zones/garden.yaml", "60×40", "signboard.size", "标志牌尺寸只能是", "写成 60x40cm"),
    Case("size-without-unit", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 900x600}\n"), "content/zones/garden.yaml", "900x600", "signboard.size", "标志牌尺寸只能是", "写成 900x600mm"),
    # audit 34: the orientation written into the size, a unit on each side, centimetres for millimetres
    Case("size-in-metres", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 0.6x0.4m}\n"), "content/zones/garden.yaml", "0.6x0.4m",
         "signboard.size", "标志牌尺寸只能是", "写成 600x400mm"),  # audit M: no hint
    Case("size-with-orientation", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard:\n  size: A3 横版\n"), "content/zones/garden.yaml",
         "A3 横版", "signboard.size", "标志牌尺寸只能是", "写成 size: A3，下一行同样缩进写 orientation: landscape"),
    Case("size-with-two-units", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 60cm x 40cm}\n"), "content/zones/garden.yaml",
         "60cm x 40cm", "signboard.size", "标志牌尺寸只能是", "写成 60x40cm"),
    Case("size-millimetres-as-cm", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 600x400cm}\n"), "content/zones/garden.yaml",
         "600x400cm", "signboard.size", "标志牌尺寸只能是", "写成 600x400mm"),
    Case("size-in-centimetres", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: 90x60cm}\n"), "content/zones/garden.yaml", "90x60cm", "signboard.size", "标志牌尺寸只能是", "写成 900x600mm"),
    Case("size-paper", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\nsignboard: {size: A3纸}\n"), "content/zones/garden.yaml", "A3纸", "signboard.size", "标志牌尺寸只能是", "写成 A3"),
    Case("score-chinese-full-stop", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90。5}"), "content/assessments/2026-Q1.yaml", "90。5", "results[1].score", "应该是数字", "“。”不是小数点：写成 90.5"),
    Case("score-decimal-comma", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90，5}"), "content/assessments/2026-Q1.yaml", "90，5", "results[1].score", "应该是数字", "“，”不是小数点：写成 90.5"),
    Case("id-full-width-digit", sub("members.yaml", "  - id: li-na\n", "  - id: li-na-２\n"), "members.yaml", "li-na-２", "members[2].id", "编号只能用", "编号里有全角字符，换成英文输入法重新输入：写成 li-na-2"),
    Case("id-with-name-in-brackets", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang-wei（张伟）"), "content/zones/garden.yaml", "leader:", "leader", "编号只能用", "括号里的说明不能写在编号里（要说明就写在这一行的 # 后面）：写成 zhang-wei"),
    Case("hidden-quoted", sub("members.yaml", "    hidden: true\n", "    hidden: 'true'\n"), "members.yaml", "hidden:", "members[4].hidden", "只能是 true 或 false", "去掉引号：写成 true，不加引号"),
    Case("period-format", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2026-Q5"), "content/assessments/2026-Q1.yaml", "Q5", "period", "YYYY-Qn",
         "文件名是 2026-Q1.yaml：写成 2026-Q1"),  # audit Q: the one error met without a hint
    Case("period-year", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 0000-Q1"), "content/assessments/2026-Q1.yaml", "0000-Q1", "period", "考核期“0000-Q1”的年份不对"),
    Case("period-lower-case", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2026-q1"), "content/assessments/2026-Q1.yaml", "2026-q1", "period", "YYYY-Qn", "写成 2026-Q1"),
    Case("status-in-chinese", sub("members.yaml", "    status: former", "    status: 已调离"), "members.yaml", "已调离", "members[3].status", "active 或 former", "写成 former"),
    Case("year-range", sub("content/commitments/2026.yaml", "year: 2026", "year: 26"), "content/commitments/2026.yaml", "year: 26", "year", "不能小于"),
    # audit 34: the format has no word for retired or died: what to write instead
    Case("status-retired", sub("members.yaml", "    status: former", "    status: 退休"), "members.yaml", "退休", "members[3].status", "active 或 former",
         "退休的党员仍是本单位的党员：写 active（或删掉 status），branch 写离退休党支部（如果有）；调离本单位的才写 former"),
    Case("status-died", sub("members.yaml", "    status: former", "    status: 已故"), "members.yaml", "已故", "members[3].status", "active 或 former",
         "格式里没有“去世”：写 former（网页保留，但会标注“已调离”），或写 hidden: true 不再公开他/她的网页"),
    Case("enum", sub("members.yaml", "status: former", "status: formr"), "members.yaml", "formr", "members[3].status", "active 或 former", "former"),
    Case("enum-nothing-alike", sub("members.yaml", "status: former", "status: off"), "members.yaml", "status: off", "members[3].status", "只能是 active 或 former（现在是“off”）",
         "从 active 或 former 里选一个"),  # audit AQ 7: no hint, and "a | b" is a programmer's notation
    Case("bool", sub("members.yaml", "hidden: true", "hidden: 是的"), "members.yaml", "hidden", "members[4].hidden", "true 或 false"),
    Case("id-in-chinese", sub("members.yaml", "id: li-na", "id: 何小鹏"), "members.yaml", "何小鹏", "members[2].id", "编号只能用", "例如写成 he-xiaopeng"),
    Case("id-read-as-yes", sub("members.yaml", "id: li-na", "id: true"), "members.yaml", "id: true", "members[2].id", "这里应该是一段文字",
         'YAML 把不加引号的 true 当成“是/否”：要当文字用就加英文引号，写成 "true"；或者换一个编号'),
    Case("pinyin-id-with-a-space", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang wei"), "content/zones/garden.yaml", "leader:", "leader", "编号只能用",
         "编号里不能有空格，词之间用“-”连接：写成 zhang-wei"),
    Case("two-ids-with-a-space", sub("members.yaml", "    branch: b2", "    branch: b2 b1"), "members.yaml", "branch: b2 b1", "members[3].branch", "编号只能用", "这里只能写一个编号，例如 b2"),
    Case("names-with-a-chinese-comma", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [张伟，李娜]"), "content/zones/garden.yaml", "members:", "members[1]", "编号只能用", "几个编号之间用半角逗号“,”分开：写成 [zhang-wei, li-na]"),
    Case("zone-id-in-chinese", sub("content/zones/garden.yaml", "id: garden", "id: 同心广场"), "content/zones/garden.yaml", "同心广场", "id", "编号只能用", "例如写成 tongxin-guangchang"),
    Case("id-with-zero-width-space", sub("members.yaml", "id: li-na", "id: li\u200b-na"), "members.yaml", "li\u200b-na", "members[2].id", "看不见的字符（零宽空格 U+200B）", "写成 li-na"),
    Case("id-pattern", sub("members.yaml", "id: li-na", "id: Li_Na"), "members.yaml", "Li_Na", "members[2].id", "编号只能用", "li-na"),
    Case("role-member-or-name", sub("content/zones/garden.yaml", "{role: 监督员, name: 王芳}", "{role: 监督员}"), "content/zones/garden.yaml", "监督员", "roles[2]", "只写一个"),
    Case("sign-size", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nsignboard: {size: 60x40}\n"), "content/zones/garden.yaml", "signboard", "signboard.size", "标志牌尺寸"),
    Case("sign-size-absurd", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nsignboard: {size: 90000x600mm}\n"), "content/zones/garden.yaml", "signboard", "signboard.size", "宽和高都在 100 到 5000 之间", "2000x…mm"),
    # stems, uniqueness
    Case("zone-stem", sub("content/zones/garden.yaml", "id: garden", "id: gardens"), "content/zones/garden.yaml", "id: gardens", "id", "文件名"),
    Case("year-stem", sub("content/commitments/2026.yaml", "year: 2026", "year: 2025"), "content/commitments/2026.yaml", "year: 2025", "year", "文件名"),
    Case("period-stem", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2026-Q2"), "content/assessments/2026-Q1.yaml", "period", "period", "文件名"),
    Case("member-unique", sub("members.yaml", "id: li-na", "id: zhang-wei"), "members.yaml", 11, "id", "重复", extra={"names": "members.yaml:2"}),
    Case("branch-unique", sub("content/org.yaml", "id: b2", "id: b1"), "content/org.yaml", "id: b1\n    name: 第二", "id", "重复"),
    Case("zone-alias-is-another-id", {"content/zones/garden-2.yaml": FILES["content/zones/garden.yaml"].replace("id: garden", "id: garden-2").replace("name: 花园责任区", "name: 花园二区")
                         .replace("aliases: [old-garden]", "aliases: [garden]")}, "content/zones/garden-2.yaml", "aliases", "aliases", "和现有责任区的编号相同"),
    Case("zone-in-two-suffixes", {"content/zones/garden.yml": FILES["content/zones/garden.yaml"]}, "content/zones/garden.yml", 0, "-", "garden.yaml 和 garden.yml 是同一个编号的两个文件"),
    # AS-AG L3: the id's hint offered garden-2 (garden is taken), the file's "for example garden.yaml", which is that zone's
    Case("zone-copy-capitalized", {"content/zones/Garden.yaml": FILES["content/zones/garden.yaml"].replace("id: garden", "id: Garden")},
         "content/zones/Garden.yaml", 1, "id", "文件名“Garden.yaml”也要改", "把文件改名为 garden-2.yaml"),
    Case("story-slug", {"content/stories/A Key.md": FILES["content/stories/a-key.md"]}, "content/stories/A Key.md", 0, "-", "文件名"),
    # references
    Case("ref-branch", sub("members.yaml", "name: 李娜\n    branch: b1", "name: 李娜\n    branch: b9"), "members.yaml", "b9", "branch", "找不到党支部", "是不是要写 b"),
    Case("ref-group", sub("members.yaml", "group: b1-g1", "group: b1-g9"), "members.yaml", "b1-g9", "group", "找不到党小组", "b1-g1"),
    Case("group-of-branch", sub("members.yaml", "name: 欧阳晓红\n", "name: 欧阳晓红\n    group: b1-g1\n"), "members.yaml", "group: b1-g1\n    branch: b2", "group", "不属于"),
    Case("ref-leader", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang-wie"), "content/zones/garden.yaml", "zhang-wie", "leader", "找不到党员", "zhang-wei"),
    # the roster emptied (members: []): 25 errors each suggesting to add or check one id (audit AS-Y L2),
    # then each saying why, and none at the cause (AS-AE M2): one error, at the list
    Case("ref-roster-emptied", {"members.yaml": "members: []\n"}, "members.yaml", "members: []", "members",
         "党员名单是空的（members: []），别处却有", "是不是不小心删空了？从 git 里恢复它（git checkout -- members.yaml）"),
    Case("ref-leader-shortened", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: ouyang"), "content/zones/garden.yaml", "leader: ouyang", "leader", "找不到党员",
         "是不是要写 ouyang-xiaohong（欧阳晓红）？"),
    Case("ref-role", sub("content/zones/garden.yaml", "member: li-na}", "member: lina}"), "content/zones/garden.yaml", "lina", "roles[1].member", "找不到党员", "li-na"),
    Case("ref-hidden", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei, secret-person]"), "content/zones/garden.yaml", "secret-person", "members", "不公开"),
    Case("ref-hidden-commitment", sub("content/commitments/2026.yaml", "member: li-na", "member: secret-person"), "content/commitments/2026.yaml", "secret-person", "member", "不公开"),
    Case("ref-story-member", sub("content/stories/a-key.md", "members: [zhang-wei]", "members: [zhang-wei, nobody]"), "content/stories/a-key.md", "nobody", "members", "找不到党员"),
    Case("ref-story-zone", sub("content/stories/a-key.md", "zone: garden", "zone: gardn"), "content/stories/a-key.md", "gardn", "zone", "找不到责任区", "garden"),
    Case("ref-assessment-zone", sub("content/assessments/2026-Q1.yaml", "{zone: garden", "{zone: nowhere"), "content/assessments/2026-Q1.yaml", "nowhere", "zone", "找不到责任区",
         "改过编号的，这里写新编号，再把旧编号写进新责任区的 aliases"),  # an alias is no reference: both are said at once
    Case("empty-list-item", sub("members.yaml", "  - id: li-na\n", "  -\n  - id: li-na\n"), "members.yaml", 11, "members[2]",
         "这一项是空的：“-”后面和下面都没有内容", "在“- ”后面写这一项的字段"),  # was "“”下面是空的" (audit H, session 37)
    Case("ref-member-renamed", sub("content/commitments/2026.yaml", "member: li-na", "member: lina-old"), "content/commitments/2026.yaml", "lina-old", "member", "找不到党员",
         "改过编号的，这里写新编号，再把旧编号写进他/她的 aliases"),
    Case("ref-commitment-member", sub("content/commitments/2026.yaml", "member: li-na", "member: li-ba"), "content/commitments/2026.yaml", "li-ba", "member", "找不到党员", "li-na"),
    # a roster entry whose id was not read is the one a reference looks for, not a person alike (audit AQ 1)
    Case("ref-member-id-not-read", sub("members.yaml", "  - id: li-na\n", "  - ID: li-na\n"), "content/commitments/2026.yaml", "member: li-na", "member", "找不到党员",
         "members.yaml 第 11 行的党员李娜没有读到编号 id（见那一条错误）：写上 id: li-na，这里就对了"),
    Case("ref-member-another-person", sub("content/commitments/2026.yaml", "member: li-na", "member: huang-lei"), "content/commitments/2026.yaml", "huang-lei", "member", "找不到党员",
         "先在 members.yaml 里添加，或检查拼写"),  # not "是不是要写 zhang-wei（张伟）？…aliases": another person
    Case("grade-name", sub("content/commitments/2026.yaml", "result: 优秀", "result: 很好"), "content/commitments/2026.yaml", "很好", "review.result", "不是考核等次"),
    Case("category-words-swapped", sub("content/stories/a-key.md", "category: 真情服务小故事", "category: 先锋党员"), "content/stories/a-key.md", "category", "category",
         "story_categories", "是不是要写 党员先锋？"),
    Case("category", sub("content/stories/a-key.md", "category: 真情服务小故事", "category: 真情小故事"), "content/stories/a-key.md", "category", "category", "story_categories", "真情服务小故事"),
    Case("one-result-per-zone", sub("content/assessments/2026-Q1.yaml", "  - {zone: closed", "  - {zone: garden, score: 80}\n  - {zone: closed"), "content/assessments/2026-Q1.yaml", "score: 80", "zone", "已经有一条考核结果"),
    Case("one-commitment-per-year", sub("content/commitments/2026.yaml", "member: li-na", "member: zhang-wei"), "content/commitments/2026.yaml", "member: zhang-wei\n    promise: 热情", "member", "已经有一条承诺"),
    Case("successor-active", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nsuccessor: closed\n"), "content/zones/garden.yaml", "successor", "successor", "archived"),
    Case("successor-circle", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nstatus: archived\nsuccessor: closed\n"),
         "content/zones/closed.yaml", "successor", "successor", "接续关系绕成了一个圈：closed → garden → closed", "把它的 status 改回 active"),
    Case("successor-missing", sub("content/zones/closed.yaml", "successor: garden", "successor: gaden"), "content/zones/closed.yaml", "successor", "successor", "找不到责任区", "garden"),
    Case("alias-is-id", sub("content/zones/garden.yaml", "aliases: [old-garden]", "aliases: [closed]"), "content/zones/garden.yaml", "aliases", "aliases", "现有责任区"),
    # audit AM 1: said at the zone whose id is not the alias's (a copy), not at the later file, which may be the original
    Case("alias-twice", sub("content/zones/closed.yaml", "successor: garden\n", "successor: garden\naliases: [old-garden]\n"), "content/zones/closed.yaml", "aliases", "aliases", "重复",
         "像是 garden 原来的编号"),
    Case("alias-copied", sub("content/zones/garden.yaml", "aliases: [old-garden]", "aliases: [closed-old]") | sub("content/zones/closed.yaml", "successor: garden\n", "successor: garden\naliases: [closed-old]\n"),
         "content/zones/garden.yaml", "aliases", "aliases", "重复", "像是 closed 原来的编号"),
    # audit AS-B 11: two members in one file were told of a copied file
    Case("alias-twice-in-the-roster", {"members.yaml": FILES["members.yaml"].replace("    joined: 2008\n", "    joined: 2008\n    aliases: [zhang-wei-old]\n")
            .replace("  - id: li-na\n    name: 李娜\n", "  - id: li-na\n    name: 李娜\n    aliases: [zhang-wei-old]\n")},
         "members.yaml", "aliases: [zhang-wei-old]\n    branch", "members[2].aliases", "重复", "“zhang-wei-old”像是 zhang-wei 原来的编号：在这里删掉它"),
    Case("ref-by-name", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: 张伟"), "content/zones/garden.yaml", "leader: 张伟", "leader", "编号只能", "“张伟”的编号是 zhang-wei"),
    Case("ref-branch-by-name", sub("members.yaml", "    branch: b2\n    status: former", "    branch: 第二党支部\n    status: former"), "members.yaml", "第二党支部", "members[3].branch", "编号只能", "编号是 b2"),
    Case("ref-deleted-member", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: wang-jianguo"), "content/zones/garden.yaml", "leader: wang", "leader", "找不到党员", "status: former"),
    Case("phone-cut-short", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-272 或 8 号楼门卫"), "content/zones/garden.yaml", "service_phone", "service_phone", "“0317-272”不完整：区号 0317 后面的号码有 3 位，应该是 7 或 8 位", "能拨打"),
    # session 24: ten digits after a 0 passed, and a local number one digit short went onto the sign
    Case("phone-local-digit-missing", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-272000"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "“0317-272000”不完整：区号 0317 后面的号码有 6 位，应该是 7 或 8 位", "能拨打"),
    Case("phone-beijing-digit-missing", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 010-6512345"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "“010-6512345”不完整：区号 010 后面的号码有 7 位，应该是 8 位", "能拨打"),
    Case("duty-as-name-value", sub("content/zones/garden.yaml", "  - 浇水\n", "  - 巡查时间: 每日7:00\n"), "content/zones/garden.yaml", "巡查时间", "duties[1]",
         "半角冒号加空格让它成了“名称: 值”", "写成 - 巡查时间：每日7:00"),
    # audit AM 8: sub-items under a duty were told to be written as Python's ['补植'], which the sign would print
    Case("duty-with-sub-items", sub("content/zones/garden.yaml", "  - 浇水\n", "  - 植被养护:\n    - 补植\n    - 修剪\n"), "content/zones/garden.yaml", "植被养护", "duties[1]",
         "下面又分了小项", "写成 - 植被养护：补植、修剪；或者把每个小项各写成一条"),
    Case("phone-two-numbers", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-2720001 0317-2720002"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "这里写了 2 个电话号码", "两个号码之间加“、”"),
    Case("phone-extension-unsaid", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-2720001 8001"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "这里写了 2 个电话号码", "8001 是分机号的，写成 0317-2720001转8001"),
    Case("phone-too-long", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-2720001转8001、8002、8003（夜间及节假日转值班室8009，周末转总值班室8010，春节期间另行通知，其他时间请拨打服务热线0317-2720000）"),
         "content/zones/garden.yaml", "service_phone", "service_phone", "太长了：最多 80 个字符（现在 88 个）"),  # said in characters, not "项" (audit 20)
    Case("phone-no-number", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 电话待定"), "content/zones/garden.yaml", "service_phone", "service_phone", "没有号码", "能拨打"),
    # a colon or a point inside the number: 2721:365 would dial 2721 (audit 25)
    Case("phone-colon", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 2721:365"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "电话号码“2721:365”中间有“:”", "只用“-”分开"),
    Case("phone-point", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317.2720001"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "中间有“.”", "只用“-”分开"),
    # a # or * inside: 0317-#2721365 was told its local number had 0 digits (audit D, session 35)
    Case("phone-hash", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-#2720001"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "电话号码“0317-#2720001”中间有“#”", "有分机号写“转”"),
    # code in a phone was printed on the sign and its digits dialled (audit F, session 36)
    Case("phone-markup", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: '0317-2720001\"><img src=x>'"), "content/zones/garden.yaml", "service_phone", "service_phone",
         "电话里有网页代码“>”", "这里只写电话号码"),
    Case("hotline-markup", sub("content/org.yaml", "hotline: 0317-2720000", "hotline: 0317-2720000<script>alert(158)</script>"), "content/org.yaml", "hotline", "hotline",
         "电话里有网页代码“<script”", "这里只写电话号码"),
    # numbers Python reads that people do not write: 9_0 and 9e1 were published as 90, !!binary too (audit 25)
    Case("score-underscore", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 9_0}"), "content/assessments/2026-Q1.yaml", "score: 9_0", "results[1].score",
         "应该是数字", "不要加“_”：写成 90"),
    Case("score-exponent", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 9e1}"), "content/assessments/2026-Q1.yaml", "score: 9e1", "results[1].score",
         "应该是数字"),
    Case("score-binary", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: !!binary OTA=}"), "content/assessments/2026-Q1.yaml", "score: !!binary", "results[1].score",
         "不能按类型标记“!!binary”读取"),  # its bytes are "90": a score, but not as written
    # a member's own id badly written: each reference to the id meant is sent to that error (audit 25)
    Case("member-id-in-chinese", sub("members.yaml", "  - id: li-na\n", "  - id: 李娜\n"), "content/commitments/2026.yaml", "member: li-na", "commitments[2].member",
         "找不到党员“li-na”", "的党员编号“李娜”写得不对（见那一条错误）：改成 li-na，这里就对了"),
    # a story not ready: no field holds it back, and "did you mean date?" led nowhere (audit 25)
    Case("story-draft", sub("content/stories/a-key.md", "featured: true\n", "featured: true\ndraft: true\n"), "content/stories/a-key.md", "draft: true", "draft",
         "不认识的字段“draft”", "每个故事都会公开：还没定稿的，先不要提交这个文件"),
    Case("phone-letter-o", sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 0317-272000O"), "content/zones/garden.yaml", "service_phone", "service_phone", "有字母“O”", "是不是数字 0"),
    # audit 21: deleting only the `- member:` line handed the hidden member's promise to the entry above
    Case("commitment-of-hidden-member", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    hidden: true\n"), "content/commitments/2026.yaml", "member: li-na", "commitments[2].member",
         "设为不公开", "删掉这一整条承诺：从“- member: li-na”这一行起，到下一个“- member:”之前"),
    Case("role-name-of-hidden-member", sub("content/zones/garden.yaml", "name: 王芳}", "name: 隐藏人}"), "content/zones/garden.yaml", "隐藏人", "roles[2].name", "设为不公开（hidden: true）的党员的姓名", "隐藏人（居民代表）"),
    Case("member-alias-is-id", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    aliases: [zhang-wei]\n"), "members.yaml", "aliases: [zhang-wei]", "members[2].aliases", "现有党员"),
    Case("member-alias-twice", sub("members.yaml", "    name: 李娜\n    branch: b1\n", "    name: 李娜\n    branch: b1\n    aliases: [lina]\n  - id: li-na2\n    name: 李娜二\n    branch: b1\n    aliases: [lina]\n"), "members.yaml", 18, "members[3].aliases", "重复"),
    Case("grades-empty", sub("content/org.yaml", "branches:", "grades: []\nbranches:"), "content/org.yaml", "grades", "grades", "至少要有 1 项",
         "在“grades:”下面写考核等次，每项一行，以“- ”开头；或者删掉“grades”这一行，使用默认的考核等次"),
    Case("categories-empty", sub("content/org.yaml", "branches:", "story_categories: []\nbranches:"), "content/org.yaml", "story_categories", "story_categories", "至少要有 1 项",
         "在“story_categories:”下面写典型类别，每项一行，以“- ”开头；或者删掉“story_categories”这一行，使用默认的典型类别"),
    Case("comma-splits-flow-text", sub("content/commitments/2026.yaml", "text: 补植草坪}", "text: 补植草坪, 居民满意}"),
         "content/commitments/2026.yaml", "补植草坪, 居民满意", "progress[1].居民满意", "不认识的字段“居民满意”", "半角逗号“,”把文字分成了两段"),
    Case("duties-folded-into-text", sub("content/zones/garden.yaml", "duties:\n  - 浇水", "duties: 浇水\n  - 施肥"), "content/zones/garden.yaml", "  - 施肥", "duties",
         "YAML 把它并进了“duties”前面的文字", "“duties:”后面不写文字，下一行起每条单独一行"),
    Case("score-not-a-number", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: NaN}"), "content/assessments/2026-Q1.yaml", "NaN", "results[1].score",
         "应该是数字（现在是“NaN”）", "写成一个具体的数"),
    Case("score-infinite", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: .inf}"), "content/assessments/2026-Q1.yaml", ".inf", "results[1].score",
         "应该是数字", "写成一个具体的数"),
    Case("grade-minimums-upside-down", sub("content/org.yaml", "branches:", "grades:\n  - {name: 优秀, min: 9}\n  - {name: 合格, min: 80}\n  - {name: 不合格, min: 0}\nbranches:"),
         "content/org.yaml", "min: 9}", "grades[1].min", "“优秀”的最低分 9 不比“合格”的 80 高", "例如 优秀 90、合格 80"),
    Case("category-twice", sub("content/org.yaml", "branches:", "story_categories: [劳动模范, 党员先锋, 劳动模范]\nbranches:"),
         "content/org.yaml", "story_categories:", "story_categories[3]", "典型类别“劳动模范”重复了", "删去重复的类别"),
    Case("grade-name-twice", sub("content/org.yaml", "branches:", "grades:\n  - {name: 优秀, min: 90}\n  - {name: 优秀, min: 60}\nbranches:"), "content/org.yaml", "min: 60", "grades[2].name", "重复", "名称都不同"),
    # photos
    # outside content/: a web address and a path on the editor's computer get what to do (audit 25)
    Case("photo-web-address", sub("members.yaml", "photos/zhang-wei.jpg", "https://img.example.cn/p/zhang-wei.jpg"), "members.yaml", "https://img.example.cn", "photo",
         "图片不能写网址", "下载这张图片，把图片存进 content/photos/members/ 里，写 photos/members/zhang-wei.jpg"),  # the folder of its kind (audit AS-S 10)
    Case("photo-windows-path", sub("members.yaml", "photos/zhang-wei.jpg", "'D:\\照片\\张伟.jpg'"), "members.yaml", "D:", "photo",
         "这是你电脑上的文件路径", "把图片存进 content/photos/members/ 里，写 photos/members/张伟.jpg"),
    # the folder the other members' photos are in, not the example site's
    Case("photo-web-address-beside-others", {**sub("members.yaml", FILES["members.yaml"], FILES["members.yaml"].replace(
        "photos/zhang-wei.jpg", "https://img.example.cn/p/zhang-wei.jpg").replace("    name: 李娜\n", "    name: 李娜\n    photo: photos/li-na.jpg\n")),
        "content/photos/li-na.jpg": jpeg_bytes((600, 800))},
         "members.yaml", "https://img.example.cn", "photo", "图片不能写网址", "下载这张图片，把图片存进 content/photos/ 里，写 photos/zhang-wei.jpg"),
    # a cover or the logo outside content/: an example of its own kind, not a member's photo (audit AS-S 10)
    Case("cover-outside", sub("content/stories/a-key.md", "members: [zhang-wei]", "members: [zhang-wei]\ncover: ../outside.jpg"), "content/stories/a-key.md", "cover:", "cover",
         "图片路径必须在 content/ 里面", "写相对于 content/ 的路径，例如 photos/stories/a-key.jpg"),
    Case("photo-percent-encoded", {**sub("members.yaml", "photos/zhang-wei.jpg", "photos/%E5%BC%A0%E4%BC%9F.jpg"), "content/photos/张伟.jpg": jpeg_bytes()},
         "members.yaml", "%E5", "photo", "找不到图片", "从浏览器地址栏复制来的编码后的路径：写成 photos/张伟.jpg"),
    Case("photo-missing", sub("members.yaml", "photos/zhang-wei.jpg", "photos/zhang-wie.jpg"), "members.yaml", "zhang-wie.jpg", "photo", "找不到图片", "photos/zhang-wei.jpg"),
    Case("photo-file-name-with-a-space", {**sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    photo: photos/li-na.jpg\n"), "content/photos/li-na.jpg ": jpeg_bytes()},
         "members.yaml", "photos/li-na.jpg", "photo", "找不到图片", "照片的文件名“li-na.jpg ”里多了空格：把文件改名为 li-na.jpg"),
    Case("photo-case", sub("members.yaml", "photos/zhang-wei.jpg", "photos/zhang-wei.JPG"), "members.yaml", "zhang-wei.JPG", "photo", "找不到图片", "photos/zhang-wei.jpg"),
    # AS-AG M1: uploaded beside the photo to replace it; on Windows and macOS the two are one file
    Case("photo-case-twin", {"content/photos/Zhang-Wei.jpg": jpeg_bytes(color="#36c")}, "content/photos/Zhang-Wei.jpg", 0, "-",
         "“content/photos/Zhang-Wei.jpg”、“content/photos/zhang-wei.jpg”只差大小写", "记录里写的是 photos/zhang-wei.jpg，网站用它：删掉另外的（git rm \"content/photos/Zhang-Wei.jpg\"）"),
    Case("page-case-twin", {"content/About.md": "# 关于二\n"}, "content/About.md", 0, "-", "只差大小写", "例如留下 about.md：git rm \"content/About.md\""),
    Case("photo-other-person", sub("members.yaml", "photos/zhang-wei.jpg", "photos/wang-lei.jpg"), "members.yaml", "wang-lei.jpg", "photo", "找不到图片", "检查文件名"),
    Case("photo-outside", sub("members.yaml", "photos/zhang-wei.jpg", "../members.yaml"), "members.yaml", "../members.yaml", "photo", "content/ 里面"),
    Case("photo-from-repository", sub("members.yaml", "photos/zhang-wei.jpg", "content/photos/zhang-wei.jpg"), "members.yaml", "content/photos", "photo", "找不到图片", "路径从 content/ 里面写起，用“/”分隔：写成 photos/zhang-wei.jpg"),
    Case("photo-from-site-root", sub("members.yaml", "photos/zhang-wei.jpg", "/photos/zhang-wei.jpg"), "members.yaml", "/photos", "photo", "要从 content/ 里面写起", "写成 photos/zhang-wei.jpg"),
    Case("logo-svg", {"content/photos/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"></svg>',
                      **sub("content/org.yaml", "name: 测试单位\n", "name: 测试单位\nlogo: photos/logo.svg\n")},
         "content/org.yaml", "logo:", "logo", "SVG 矢量图", "导出成 PNG"),
    Case("photo-absolute", sub("members.yaml", "photos/zhang-wei.jpg", "/etc/passwd"), "members.yaml", "/etc/passwd", "photo", "content/ 里面"),
    Case("photo-not-image", sub("members.yaml", "photos/zhang-wei.jpg", "about.md"), "members.yaml", "about.md", "photo", "不是图片"),
    Case("photo-empty-file", {**sub("members.yaml", "photos/zhang-wei.jpg", "photos/empty.jpg"), "content/photos/empty.jpg": ""},
         "members.yaml", "empty.jpg", "photo", "这个图片文件是空的（0 字节）", "重新把照片放进来"),  # audit 29: "或已损坏"
    Case("photo-truncated", {"content/photos/zhang-wei.jpg": jpeg_bytes()[:-400]}, "members.yaml", "zhang-wei.jpg", "photo", "不完整", "重新导出"),
    Case("photo-folder", sub("members.yaml", "photos/zhang-wei.jpg", "photos"), "members.yaml", "photo: photos", "photo", "文件夹", "photos/zhang-wei.jpg"),
    Case("photo-backslash", sub("members.yaml", "photos/zhang-wei.jpg", "photos\\zhang-wei.jpg"), "members.yaml", "zhang-wei.jpg", "photo", "找不到图片", "photos/zhang-wei.jpg"),
    # copied from Windows' Explorer, from members.yaml's folder: the hint names the file itself (audit 29)
    # audit AS-AD L2: ..\..\etc\passwd was told "write ../../etc/passwd", which is outside content/ too
    Case("photo-backslash-outside", sub("members.yaml", "photos/zhang-wei.jpg", "..\\..\\etc\\passwd"), "members.yaml", "passwd", "photo",
         "图片路径必须在 content/ 里面", "写相对于 content/ 的路径，例如 photos/members/zhang-wei.jpg"),
    Case("photo-backslash-up-and-case", sub("members.yaml", "photos/zhang-wei.jpg", "..\\photos\\Zhang-Wei.JPG"), "members.yaml", "Zhang-Wei.JPG", "photo", "找不到图片", "不用“\\”：写成 photos/zhang-wei.jpg"),
    Case("photo-heic", {**sub("members.yaml", "photos/zhang-wei.jpg", "photos/zhang-wei.heic"),
                        "content/photos/zhang-wei.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 2000},
         "members.yaml", "zhang-wei.heic", "photo", "HEIC", "转成 JPEG"),
    # a repository that keeps its photos in Git LFS, checked out without them (audit AS-Y L4: "不是图片（或已损坏）")
    Case("photo-lfs-pointer", {"content/photos/zhang-wei.jpg": "version https://git-lfs.github.com/spec/v1\n"
                               "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n"},
         "members.yaml", "zhang-wei.jpg", "photo", "Git LFS 的指针文件", "git lfs pull"),
    # a path no file system can hold, and an address urlsplit cannot read: said, not a traceback (audit B, session 20)
    Case("photo-name-too-long", sub("members.yaml", "photos/zhang-wei.jpg", "photos/" + "张" * 90 + ".jpg"),
         "members.yaml", "photo:", "photo", "太长（超过 255 字节", "短一些的名字"),
    Case("photo-nul", sub("members.yaml", "photo: photos/zhang-wei.jpg", 'photo: "photos/zhang-wei.jpg\\0"'),
         "members.yaml", "photo:", "photo", "空字符（U+0000）", "重新输入"),
    # an image pasted from a web page as its data (audit 29: a message of 63,000 characters; "too long, shorten the text")
    Case("photo-pasted-as-data", sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: data:image/jpeg;base64," + "A" * 4000),
         "members.yaml", "photo:", "photo", "一长串图片数据（“data:”开头）", "把图片另存为文件"),
    Case("image-pasted-as-data", sub("content/stories/a-key.md", "故事正文。", "故事正文。![现场](data:image/jpeg;base64," + "A" * 4000 + ")"),
         "content/stories/a-key.md", "故事正文", "body", "”没有发布：这里写的是一长串图片数据", "把图片另存为文件"),
    Case("link-name-too-long", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[方案](" + "方" * 90 + ".md)。"),
         "content/stories/a-key.md", "故事正文", "body", "太长（超过 255 字节", "短一些的名字"),
    Case("link-not-an-address", sub("content/stories/a-key.md", "故事正文。", "故事正文，见[通知](http://[待补充])。"),
         "content/stories/a-key.md", "故事正文", "body", "“http://[待补充]”不是有效的网址", "https://"),
    Case("image-not-an-address", sub("content/about.md", "活动简介。", "活动简介。![图](//[a)"),
         "content/about.md", "活动简介", "-", "不能来自别的网站", "photos/"),
    # audit AM 9: a path on the editor's computer was "another website"; a backslashed one was told stories/../photos/…
    Case("image-windows-path", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![现场](C:\\Users\\张三\\Desktop\\现场.jpg)"),
         "content/stories/a-key.md", "![现场]", "body", "这是你电脑上的文件路径", "把图片存进 content/photos/ 里，写 photos/现场.jpg"),
    Case("image-backslashes", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![张伟](..\\photos\\zhang-wei.jpg)"),
         "content/stories/a-key.md", "![张伟]", "body", "路径用“/”分隔", "写成 ../photos/zhang-wei.jpg"),
    Case("photo-bomb", {**sub("members.yaml", "photos/zhang-wei.jpg", "photos/bomb.png"), "content/photos/bomb.png": "BOMB"}, "members.yaml", "bomb.png", "photo", "像素太多", "不超过"),
    # stories, files, settings
    Case("story-no-front-matter", {"content/stories/a-key.md": "只有正文。\n"}, "content/stories/a-key.md", 1, "-", "缺少信息区", "---"),
    Case("story-front-matter-unclosed", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("featured: true\n---", "featured: true\n----")}, "content/stories/a-key.md", 8, "-", "没有结束", "第 8 行的“----”"),
    Case("story-front-matter-toml", {"content/stories/a-key.md": "+++\ntitle = \"一把钥匙\"\ndate = 2016-05-12\n+++\n故事正文。\n"},  # Hugo's way (audit M)
         "content/stories/a-key.md", 1, "-", "“+++”要写成三个半角减号“---”", "“title: …”"),
    Case("story-front-matter-dashes", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("---", "———", 1)}, "content/stories/a-key.md", 1, "-", "三个半角减号"),
    Case("story-empty-body", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。\n", "\n")}, "content/stories/a-key.md", 9, "body", "正文是空的"),
    # audit 32: a note whose end was missing, or typed with an input method's dashes, was published without a word
    Case("comment-never-closed", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n<!-- 待核实：水位高度\n\n第二段。"),
         "content/stories/a-key.md", "<!-- 待核实", "body", "备注“<!--”没有结束", "在备注的末尾写上半角的“-->”"),
    Case("comment-closed-with-ime-dashes", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  创建内容。\n  <!-- 联系人未定 ——>\n"),
         "content/zones/garden.yaml", "<!-- 联系人", "content", "备注“<!--”没有结束", "备注结尾的“——>”要写成半角的“-->”"),
    # audit 32: a footnote mark with no note was published as typed, without a word
    Case("footnote-without-its-note", sub("content/stories/a-key.md", "故事正文。", "故事正文[^1]。"), "content/stories/a-key.md", "[^1]", "body",
         "注释标记“[^1]”没有对应的注释", "在正文末尾另起一行写“[^1]: 注释文字”"),
    Case("footnote-mark-full-width", sub("content/stories/a-key.md", "故事正文。", "故事正文[^１]。\n\n[^1]: 说明"), "content/stories/a-key.md", "[^１]", "body",
         "注释标记“[^１]”没有对应的注释", "写成半角的 [^1]"),
    Case("footnote-note-with-a-full-width-colon", sub("content/stories/a-key.md", "故事正文。", "故事正文[^1]。\n\n[^1]： 说明"), "content/stories/a-key.md", "故事正文[^1]", "body",
         "注释标记“[^1]”没有对应的注释", "冒号是全角的"),
    # audit 32: a dash Word put in an id or a date looked just like the "-" the hint said to write
    Case("id-with-words-dash", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang\u2010wei"), "content/zones/garden.yaml", "leader:", "leader",
         "编号只能用", "里面的“\u2010”不是半角减号“-”，是连字符（U+2010"),
    Case("date-with-en-dashes", sub("content/assessments/2026-Q1.yaml", "published: 2026-04-05", "published: 2026\u201304\u201305"), "content/assessments/2026-Q1.yaml",
         "published:", "published", "日期要写成", "是短横线 en dash（U+2013，多半是 Word、WPS 自动替换的）：删掉它，用英文输入法重新输入“-”，写成 2026-04-05"),
    Case("flow-score-after-a-no-break-space", sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden, score:\u00a090}"),
         "content/assessments/2026-Q1.yaml", "score:\u00a090", "score", "“score”的冒号后面是一个不间断空格", "冒号后面要用普通的半角空格"),
    # audit 32: a value in {…} that YAML cannot read got a hint to quote the whole entry, or was said as a "{" unclosed
    Case("flow-value-opening-with-a-bracket", sub("content/commitments/2026.yaml", "text: 补植草坪}", "text: [补充] 补植草坪}"), "content/commitments/2026.yaml", "[补充]",
         "progress[1]", "“text”的值以方括号“[”开头", '写成 text: "[补充] 补植草坪"'),
    Case("flow-value-with-a-comment-mark", sub("content/commitments/2026.yaml", "text: 补植草坪}", "text: 补植草坪 #3号楼下月}"), "content/commitments/2026.yaml", "补植草坪 #",
         "progress[1]", "“text”的值里有“ #”", '写成 text: "补植草坪 #3号楼下月"'),
    Case("flow-value-quoted-then-more", sub("content/commitments/2026.yaml", "text: 补植草坪}", 'text: "补植"草坪}'), "content/commitments/2026.yaml", "补植",
         "progress[1]", "引号只能把整个值括起来", "写成 text: “补植”草坪"),
    Case("story-body-only-a-comment", sub("content/stories/a-key.md", "故事正文。", "<!-- 待补充：正文 -->"), "content/stories/a-key.md", 9, "body", "正文只有注释", "注释外面"),
    # a body with nothing to read was published empty (audit 35): a heading and a comment, a sub-heading, &nbsp;, a rule
    Case("story-body-title-and-comment", sub("content/stories/a-key.md", "故事正文。", "# 一把钥匙\n\n<!-- 正文待补 -->"), "content/stories/a-key.md", 9, "body",
         "故事正文只有标题，网页上标题下面是空的"),
    Case("story-body-only-a-subheading", sub("content/stories/a-key.md", "故事正文。", "## 故事经过"), "content/stories/a-key.md", 9, "body",
         "故事正文只有标题（# …），下面没有文字", "写故事的正文"),
    *(Case(f"story-body-only-{name}", sub("content/stories/a-key.md", "故事正文。", body), "content/stories/a-key.md", 9, "body", "故事正文里没有文字")
      for name, body in (("nbsp", "&nbsp;"), ("rule", "***"), ("tag", '<div class="x"></div>'), ("backslash", "\\\\"))),
    Case("story-link-missing", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[关于](../abuot.md)。"), "content/stories/a-key.md", "abuot", "body", "指向的页面不存在", "about.md"),
    Case("page-link-missing", sub("content/about.md", "活动简介。", "活动简介，见[故事](stories/a-kye.md#top)。"), "content/about.md", "a-kye", "-", "stories/a-kye.md#top", "stories/a-key.md"),
    Case("story-image-misspelt", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![张伟](photos/zhang-wie.jpg)"), "content/stories/a-key.md", "![张伟]", "body", "找不到图片“photos/zhang-wie.jpg”", "photos/zhang-wei.jpg"),
    Case("story-link-attachment", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[通知](files/通知.pdf)"), "content/stories/a-key.md", "通知.pdf", "body", "不会发布", "完整网址"),
    Case("story-link-photo", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[原图](../photos/a.jpg)"), "content/stories/a-key.md", "原图", "body", "指向照片", "![照片说明]"),
    Case("story-link-web-address", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[新闻](www.gov.cn/news)"), "content/stories/a-key.md", "新闻", "body", "不是完整的网址", "https://www.gov.cn/news"),
    Case("story-link-hidden-member", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[某人](/members/secret-person/)"), "content/stories/a-key.md", "某人", "body", "不公开的党员", "取消 hidden"),
    Case("story-link-photo-beside-image", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![张伟](photos/zhang-wei.jpg)\n\n[原图](photos/zhang-wei.jpg)"), "content/stories/a-key.md", "[原图]", "body", "指向照片"),
    Case("page-link-to-printables-without-them", {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n"),
                                                  "content/about.md": "# 关于\n\n[下载桌牌](print/plates/zhang-wei.pdf)\n"}, "content/about.md", "下载桌牌", "-", "不生成印刷品", "printables: false"),
    Case("field-name-in-chinese", sub("content/commitments/2026.yaml", "text: 补植草坪}", "text: 补植草坪, 时间: 上午9:00}"), "content/commitments/2026.yaml", "时间", "时间", "不认识的字段“时间”", "英文引号"),
    Case("nav-page-address", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nnav:\n  - 关于: about/\n"), "mkdocs.yml", "  - 关于", "nav", "文件名", "写成 about.md"),
    Case("nav-web-address", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nnav:\n  - 官网: www.example.cn\n"), "mkdocs.yml", "  - 官网", "nav", "不是完整的网址", "https://www.example.cn"),
    Case("story-link-empty", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[活动规则]()。"), "content/stories/a-key.md", "[活动规则]()", "body", "没有写地址", "[活动规则](about.md)"),
    Case("page-link-reference-undefined", sub("content/about.md", "活动简介。", "活动简介。\n\n见[故事][gushi]。\n\n[gu-shi]: stories/a-key.md"), "content/about.md", "[gushi]", "-", "编号“gushi”没有定义", "[gushi]: 地址"),
    Case("page-link-reference-collapsed", sub("content/about.md", "活动简介。", "活动简介。\n\n见[故事] []。"), "content/about.md", "[故事]", "-", "编号“故事”没有定义", "[故事](地址)"),
    Case("story-link-anchor-missing", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[规则](../about.md#规则)。"), "content/stories/a-key.md", "#规则", "body", "“#规则”在那一页找不到对应的小标题", "#关于"),
    # audit AP 6: a heading's first words written for its whole id; the hint named the page's first 8 headings
    Case("page-link-anchor-part-of-a-heading", sub("content/about.md", "活动简介。", "活动简介，见[流程](#办事流程)。\n\n## 联系电话\n\n## 办事流程（2026年版）\n"), "content/about.md", "[流程]", "-",
         "“#办事流程”在这一页找不到", "是不是要写 #办事流程2026年版？"),
    Case("page-link-anchor-typo", sub("content/about.md", "活动简介。", "活动简介，见[time](#opening-hoers)。\n\n## 联系电话\n\n## Opening hours\n"), "content/about.md", "[time]", "-",
         "“#opening-hoers”在这一页找不到", "是不是要写 #opening-hours？"),
    Case("page-link-anchor-punctuation", sub("content/about.md", "活动简介。", "活动简介，见[电话](#联系（电话）)。\n\n## 联系（电话）\n"), "content/about.md", "[电话]", "-", "在这一页找不到", "写成 #联系电话"),
    # audit 32: a #fragment on a member's or a zone's page was never checked
    Case("link-anchor-on-a-zone-page", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[花园](zones/garden/#职责)。"), "content/stories/a-key.md", "#职责", "body",
         "“#职责”在那一页找不到对应的小标题", "去掉“#”和后面的字，链接到整页"),
    Case("link-anchor-on-a-member-page", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[张伟](members/zhang-wei/#commitment-2025)。"), "content/stories/a-key.md",
         "#commitment-2025", "body", "“#commitment-2025”在那一页找不到对应的小标题"),
    Case("zone-link-anchor-no-headings", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  见[故事](../stories/a-key.md#开头)\n"), "content/zones/garden.yaml", "开头", "content", "找不到对应的小标题", "那一页没有这样的小标题"),
    Case("hidden-photo-in-markdown", {**sub("members.yaml", "    hidden: true\n", "    hidden: true\n    photo: photos/secret.jpg\n"), **SECRET_PHOTO,
                                      **sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![合影](photos/secret.jpg)")},
         "content/stories/a-key.md", "![合影]", "body", "不公开的党员“secret-person”的照片", "取消这名党员的 hidden"),
    Case("hidden-photo-as-cover", {**sub("members.yaml", "    hidden: true\n", "    hidden: true\n    photo: photos/secret.jpg\n"), **SECRET_PHOTO,
                                   **sub("content/stories/a-key.md", "featured: true\n", "featured: true\ncover: photos/secret.jpg\n")},
         "content/stories/a-key.md", "cover:", "cover", "不公开的党员“secret-person”的照片"),
    Case("hidden-photo-copy-as-cover", {**sub("members.yaml", "    hidden: true\n", "    hidden: true\n    photo: photos/secret.jpg\n"), **SECRET_PHOTO,
                                        "content/photos/group.jpg": "COPY OF content/photos/secret.jpg",
                                        **sub("content/stories/a-key.md", "featured: true\n", "featured: true\ncover: photos/group.jpg\n")},
         "content/stories/a-key.md", "cover:", "cover", "不公开的党员“secret-person”的照片（或它的副本）"),
    # audit 29: a file named after a hidden member's id, though that member's record names no photo
    Case("photo-named-after-hidden-member", {"content/photos/secret-person.jpg": "COPY OF content/photos/zhang-wei.jpg",
                                             **sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    photo: photos/secret-person.jpg\n")},
         "members.yaml", "photo: photos/secret-person.jpg", "members[2].photo", "按不公开的党员“secret-person”（hidden: true）的编号起名", "给文件改个名字"),
    Case("image-named-after-hidden-member", {"content/photos/secret-person.jpg": "COPY OF content/photos/zhang-wei.jpg",
                                             **sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![车库](photos/secret-person.jpg)")},
         "content/stories/a-key.md", "![车库]", "body", "按不公开的党员“secret-person”（hidden: true）的编号起名"),
    Case("page-link-fullwidth-brackets", sub("content/about.md", "活动简介。", "活动简介，见[故事]（stories/a-key.md）。"), "content/about.md", "[故事]（", "-", "全角括号", "[文字](地址)"),
    Case("story-link-lenticular-brackets", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n第二段。\n\n【李娜】(members/li-na/)带头。"), "content/stories/a-key.md", "【李娜】", "body", "全角方括号“【】”", "[文字](地址)"),
    Case("page-link-space-before-address", sub("content/about.md", "活动简介。", "活动简介，见[故事] (stories/a-key.md)。"), "content/about.md", "[故事] (", "-", "之间有空格", "方括号紧跟圆括号"),
    # audit F (session 36): "是不是要写 post？" about what looked like post already
    Case("field-name-with-a-full-width-space", sub("members.yaml", "    post: 绿化养护员", "    post\u3000: 绿化养护员"), "members.yaml", "post", "members[1].post\u3000",
         "字段名后面多了一个全角空格", "删掉它，写成 post:"),
    Case("field-in-pinyin", sub("members.yaml", "    post: 绿化养护员", "    gangwei: 绿化养护员"), "members.yaml", "gangwei", "members[1].gangwei", "不认识的字段“gangwei”", "是不是要写 post（岗位）"),
    Case("field-by-its-chinese-title", sub("content/zones/garden.yaml", "scope: 花园一片", "责任范围: 花园一片"), "content/zones/garden.yaml", "责任范围", "责任范围", "不认识的字段“责任范围”", "是不是要写 scope（责任范围）"),
    # audit 29: the roster's id misspelt; every reference is right, and the hint must not spread the typo
    Case("id-example-taken", sub("members.yaml", "  - id: li-na\n", "  - id: Zhang-Wei\n    name: 张伟\n    branch: b1\n  - id: li-na\n"), "members.yaml", "id: Zhang-Wei",
         "members[2].id", "编号只能用", "例如写成 zhang-wei-2（zhang-wei 已经是 members.yaml 第 2 行的编号）"),
    # audit F (session 36): a zone's own id in capitals was told to take garden-2, as if another zone had garden
    Case("id-in-capitals-of-its-own-file", sub("content/zones/garden.yaml", "id: garden", "id: Garden"), "content/zones/garden.yaml", "id: Garden",
         "id", "编号只能用", "例如写成 garden"),
    Case("year-digits-swapped", sub("content/commitments/2026.yaml", "year: 2026", "year: 2206"), "content/commitments/2026.yaml", "year: 2206", "year",
         "不能大于 2100", "是不是 2026？"),
    Case("period-year-digits-swapped", sub("content/assessments/2026-Q1.yaml", "period: 2026-Q1", "period: 2206-Q1"), "content/assessments/2026-Q1.yaml",
         "period: 2206-Q1", "period", "考核期“2206-Q1”的年份不对", "是不是 2026-Q1？"),
    Case("member-own-id-misspelt", sub("members.yaml", "  - id: zhang-wei", "  - id: zhang-wie"), "content/zones/garden.yaml", "leader: zhang-wei", "leader",
         "找不到党员“zhang-wei”", "members.yaml 第 2 行张伟的编号写的是“zhang-wie”，和他/她的姓名拼音、照片文件名“zhang-wei”不一样：如果是那里写错了，把那里改成 zhang-wei"),
    Case("ref-member-far-from-any", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: chang-bo"), "content/zones/garden.yaml", "chang-bo", "leader", "找不到党员“chang-bo”", "先在 members.yaml 里添加"),
    Case("tags-fullwidth-comma", sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    tags: [党员示范岗，青年文明号]\n"), "members.yaml", "tags:", "members[2].tags[1]", "会当成一个标识", "写成 [党员示范岗, 青年文明号]"),
    Case("ids-with-dunhao", sub("content/stories/a-key.md", "members: [zhang-wei]", "members: [zhang-wei、li-na]"), "content/stories/a-key.md", "members:", "members[1]", "编号只能用", "写成 [zhang-wei, li-na]"),
    # audit AM 10: ２０２６.yaml looks like 2026.yaml in many fonts; the message showed the two and left the editor to see why
    Case("year-file-named-in-full-width", {"content/commitments/２０２６.yaml": FILES["content/commitments/2026.yaml"], "content/commitments/2026.yaml": None},
         "content/commitments/２０２６.yaml", "year: 2026", "year", "文件名里有全角字符", "把文件改名为 2026.yaml（用半角的数字和字母）"),
    Case("year-file-named-in-chinese", {"content/commitments/2026年.yaml": FILES["content/commitments/2026.yaml"], "content/commitments/2026.yaml": None},
         "content/commitments/2026年.yaml", 1, "year", "文件名是“2026年”", "把文件改名为 2026.yaml"),
    # a page the site has not, whose whole path is like another's (stories/rules.md, stories/index.md): no guess, the general hint
    Case("story-link-unlike-any-page", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[规则](rules.md)。"), "content/stories/a-key.md", "rules.md", "body",
         "链接“rules.md”指向的页面不存在", "写相对于 content/ 的文件路径，例如 about.md"),
    Case("story-link-with-entity", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n第二段。\n\n见[规则](rules&amp;faq.md)。"), "content/stories/a-key.md", "rules&amp;", "body", "链接“rules&faq.md”指向的页面不存在"),
    Case("page-link-address-missing", sub("content/about.md", "活动简介。", "活动简介，见[李娜](../members/li-nna/)。"), "content/about.md", "li-nna", "-", "指向的页面不存在", "members/li-na/"),
    # audit 30: Chinese quotes typed around a key or an id
    Case("key-in-chinese-quotes", sub("content/zones/garden.yaml", "scope: 花园一片", "“scope”: 花园一片"), "content/zones/garden.yaml", "scope", "“scope”",
         "字段名带了中文引号", "去掉引号：写成 scope:"),
    Case("id-in-chinese-quotes", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: “zhang-wei”"), "content/zones/garden.yaml", "leader:", "leader",
         "编号只能用", "中文引号会当成编号的一部分：去掉引号，写成 zhang-wei"),
    # audit 30: a page's address written with the name, not the id, was guessed as the list page (members/)
    # audit AS-B 5: a link to a sign or plate that is not made was "attachments are not published"
    Case("page-link-to-an-archived-zones-sign", sub("content/about.md", "活动简介。", "活动简介，见[旧牌](print/signboards/closed.pdf)。"), "content/about.md", "closed", "-",
         "链接“print/signboards/closed.pdf”指向的印刷品不存在：责任区 closed 已撤销（status: archived），不再印标志牌", "链接到它的页面 zones/closed/"),
    Case("page-link-to-a-former-ids-code", sub("content/about.md", "活动简介。", "活动简介，见[旧码](../qr/zones/old-garden.svg)。"), "content/about.md", "old-garden", "-",
         "“old-garden”是责任区 garden 以前的编号", "写成 ../qr/zones/garden.svg"),
    Case("page-link-to-a-plate-not-made", sub("content/about.md", "活动简介。", "活动简介，见[桌牌](print/plates/ouyang-xiaohong.pdf)。"), "content/about.md", "ouyang", "-",
         "欧阳晓红没有 2026 年的承诺，不印桌牌", "链接到他/她的页面 members/ouyang-xiaohong/"),
    Case("page-link-by-name", sub("content/about.md", "活动简介。", "活动简介，见[李娜](members/李娜/)。"), "content/about.md", "李娜", "-", "指向的页面不存在",
         "网址里写编号，不写名称：“李娜”的编号是 li-na，写成 members/li-na/"),
    # a link to a name alone was given the list of paths (audit D, session 35)
    Case("page-link-a-name-alone", sub("content/about.md", "活动简介。", "活动简介，见[李娜](李娜)。"), "content/about.md", "李娜", "-", "指向的页面不存在",
         "链接到党员“李娜”的页面，写它的网址 members/li-na/（网址里写编号，不写名称）"),
    Case("page-link-by-a-name-two-share", {**sub("content/about.md", "活动简介。", "活动简介，见[李娜](members/李娜/)。"), **sub("members.yaml", "name: 张伟", "name: 李娜")},
         "content/about.md", "李娜", "-", "指向的页面不存在", "叫“李娜”的有 2 个，编号是 zhang-wei 或 li-na，写成 members/zhang-wei/ 这样"),
    Case("page-link-by-zone-name", sub("content/about.md", "活动简介。", "活动简介，见[花园](zones/花园责任区/)。"), "content/about.md", "花园", "-", "指向的页面不存在",
         "写成 zones/garden/"),
    Case("zone-link-missing", sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  见[旧区](closd.yaml)\n"), "content/zones/garden.yaml", "closd", "content", "指向的页面不存在", "zones/closed.yaml"),
    Case("page-same-address", {"content/about/index.md": "# 关于二\n"}, "content/about.md", 0, "-", "网址相同（/about/）", "改名"),
    Case("page-readme-same-address", {"content/rules/index.md": "# 制度\n", "content/rules/README.md": "# 制度二\n"}, "content/rules/index.md", 0, "-", "content/rules/README.md 的网址相同"),
    # audit AS-O 4: MkDocs kept the last title unsaid
    Case("page-meta-twice", {"content/about.md": "---\ntitle: 关于\ntitle: 旧标题\n---\n\n正文。\n"}, "content/about.md", 3, "title",
         "同一处写了两次“title”（第 2 行已经有了）", "删掉其中一个"),
    Case("home-readme-same-address", {"content/index.md": "# 首页\n", "content/README.md": "# 说明\n"}, "content/index.md", 0, "-",
         "content/README.md 的网址相同（首页 /）（README.md 就是它所在文件夹的首页），只能留一个"),  # was "（//）" (audit X)
    Case("no-org", {"content/org.yaml": None}, "content/org.yaml", 0, "-", "找不到 org.yaml"),
    Case("members-yml", {"members.yaml": None, "members.yml": FILES["members.yaml"]}, "members.yaml", 0, "-", "找不到 members.yaml", "旁边有 members.yml：把它改名为 members.yaml"),
    # audit 19: files one folder off, folders where files go, files with nothing in them
    Case("members-a-folder", {"members.yaml": None, "members.yaml/members.yaml": FILES["members.yaml"]}, "members.yaml", 0, "-", "members.yaml 是一个文件夹，不是文件", "里面有 members.yaml：把文件本身放在 members.yaml"),
    Case("org-in-zones", {"content/org.yaml": None, "content/zones/org.yaml": FILES["content/org.yaml"]}, "content/org.yaml", 0, "-", "org.yaml 放错了文件夹：它在 content/zones/ 里", "把它移到 content/org.yaml"),
    Case("members-in-zones", {"members.yaml": None, "content/zones/members.yaml": FILES["members.yaml"]}, "members.yaml", 0, "-", "members.yaml 放错了文件夹：它在 content/zones/ 里", "把它移到 mkdocs.yml 旁边"),
    Case("org-beside-mkdocs-yml", {"content/org.yaml": None, "org.yaml": FILES["content/org.yaml"]}, "content/org.yaml", 0, "-", "org.yaml 放错了文件夹：它在 mkdocs.yml 旁边", "把它移到 content/org.yaml"),
    Case("photo-in-another-folder", sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos/members/zhang-wei.jpg"), "members.yaml", "photo:", "members[1].photo", "找不到图片“photos/members/zhang-wei.jpg”",
         "同名的文件在 content/photos/zhang-wei.jpg：写成 photos/zhang-wei.jpg"),
    Case("photo-outside-content", {**sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    photo: photos/li-na.jpg\n"), "photos/li-na.jpg": jpeg_bytes()}, "members.yaml", "photo: photos/li-na", "members[2].photo",
         "找不到图片“photos/li-na.jpg”", "同名的文件在 photos/li-na.jpg，在 content/ 外面，网站读不到：把它移到 content/photos/li-na.jpg"),
    Case("photo-a-folder", sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos"), "members.yaml", "photo:", "members[1].photo", "“photos”是一个文件夹，不是图片", "写成 photos/zhang-wei.jpg"),
    Case("zone-file-name-in-another-case", {"content/zones/garden.yaml": None, "content/zones/Garden.yaml": FILES["content/zones/garden.yaml"]}, "content/zones/Garden.yaml", "id:", "id",
         "两者必须相同：只是大小写不同", "用 git mv content/zones/Garden.yaml content/zones/garden.yaml"),  # audit AQ 9
    Case("story-in-zones", {"content/zones/a-key.md": FILES["content/stories/a-key.md"], "content/stories/a-key.md": None}, "content/zones/a-key.md", 0, "-", "像是一篇典型选树的故事", "故事放在 content/stories/"),
    Case("readme-in-zones", {"content/zones/README.md": "# 说明\n\n责任区文件放这里。\n"}, "content/zones/README.md", 0, "-", "zones/ 文件夹里只放责任区记录（.yaml），不能放页面（.md）"),
    Case("zone-file-empty", {"content/zones/pond.yaml": "\n"}, "content/zones/pond.yaml", 1, "-", "这个责任区文件是空的", "不用这个文件就删掉它"),
    Case("members-only-comments", {"members.yaml": "# 名单待补\n"}, "members.yaml", 1, "-", "这个党员名单文件只有注释"),
    # audit 22: what an editor is told follows what was written, and never deletes what is needed
    # audit 23
    Case("page-extension-in-capitals", {"content/通知.MD": "# 通知\n\n联系人手机 13912345678\n"}, "content/通知.MD", 0, "-", "扩展名“.MD”要写成小写的“.md”", "把文件改名为 通知.md"),
    Case("stray-yaml-in-capitals", {"content/notes.YAML": "members:\n  - {id: x}\n"}, "content/notes.YAML", 0, "-", "不认识这个文件放的位置"),
    Case("two-leaders-in-one-line", sub("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang-wei, li-na"), "content/zones/garden.yaml", "leader:", "leader",
         "现在是“zhang-wei, li-na”", "这里只能写一个编号，例如 zhang-wei（一个责任区只有一位党员负责人"),
    Case("grade-renamed-in-org", {**sub("content/org.yaml", "branches:", "grades:\n  - {name: 优秀, min: 90}\n  - {name: 良好, min: 80}\n  - {name: 不合格, min: 0}\nbranches:"),
                                  **sub("content/commitments/2026.yaml", "result: 优秀", "result: 合格")},
         "content/commitments/2026.yaml", "result: 合格", "commitments[1].review.result", "评诺结果“合格”不是考核等次",
         "org.yaml 第 5 行起的 grades 里没有“合格”（现在是 优秀、良好、不合格）：如果是在那里改了名，这里也改成新名字；否则把“合格”加进 grades"),
    # audit AS-W L6: the format's default category, the org's list has a near one: named first, and "加进", not "加回"
    Case("category-near-the-orgs", sub("content/org.yaml", "branches:", "story_categories: [暖心服务小故事, 劳动模范]\nbranches:"),
         "content/stories/a-key.md", "category: 真情服务小故事", "category", "类别“真情服务小故事”不在 org.yaml 的 story_categories 里",
         "org.yaml 第 5 行起的 story_categories 里没有“真情服务小故事”（现在是 暖心服务小故事、劳动模范）：是不是要写 暖心服务小故事？否则把“真情服务小故事”加进 story_categories"),
    Case("story-with-another-pasted-in", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n---\ntitle: 另一个故事\ndate: 2025-05-01\n---\n另一个故事的正文。"),
         "content/stories/a-key.md", 11, "body", "像是另一个故事粘贴进来了", "一个故事一个文件"),
    Case("org-file-empty", {"content/org.yaml": "\n"}, "content/org.yaml", 1, "-", "这个单位信息文件是空的", "这个文件不能少：照内容格式里的示例写上字段，至少要有 name、activity 和 branches"),
    Case("photo-a-folder-of-others", {**sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos"), "content/photos/li-na.jpg": jpeg_bytes()} | {"content/photos/zhang-wei.jpg": None},
         "members.yaml", "photo:", "members[1].photo", "“photos”是一个文件夹，不是图片", "写成 photos/文件名.jpg（文件夹里有"),
    Case("key-then-comma", sub("members.yaml", "    post: 绿化养护员", "    post, 绿化养护员"), "members.yaml", "post,", "-", "“post”后面写的是“,”，这里要用冒号“:”", "写成“post: 绿化养护员”"),
    Case("record-after-a-fullwidth-dash", sub("members.yaml", "  - id: li-na\n", "  － id: li-na\n"), "members.yaml", "－ id", "-", "列表的一项以“－”开头", "把“－”改成“-”"),
    Case("id-with-a-fullwidth-space", sub("members.yaml", "    branch: b2\n    status", "    branch: b2\u3000\n    status"), "members.yaml", "b2\u3000", "members[3].branch", "现在是“b2\u3000”", "“b2”后面多了一个全角空格：删掉它，写成 b2"),
    Case("old-mac-line-ends", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("leader: zhang-wei", "leader: nobody").replace("\n", "\r")},
         "content/zones/garden.yaml", 7, "leader", "找不到党员“nobody”"),
    Case("review-as-a-list", sub("content/commitments/2026.yaml", "    review: {date: 2026-11-20", "    review:\n      - {date: 2026-11-20"), "content/commitments/2026.yaml", "review:", "commitments[1].review",
         "“review”只写一组“字段: 值”，现在写成了列表", "去掉“- ”"),
    Case("branch-and-group-swapped", sub("members.yaml", "    branch: b1\n    group: b1-g1", "    branch: b1-g1\n    group: b1"), "members.yaml", "group: b1", "members[1].group",
         "找不到党小组“b1”", "“b1”是党支部的编号，写在 branch；group 写党小组的编号（b1 的党小组有 b1-g1）"),
    Case("branch-and-group-swapped-branch", sub("members.yaml", "    branch: b1\n    group: b1-g1", "    branch: b1-g1\n    group: b1"), "members.yaml", "branch: b1-g1", "members[1].branch",
         "找不到党支部“b1-g1”", "“b1-g1”是党小组的编号（属于党支部 b1）：branch 写党支部编号 b1，党小组编号写在 group"),
    Case("zone-given-a-member-id", sub("content/stories/a-key.md", "zone: garden", "zone: li-na"), "content/stories/a-key.md", "zone: li-na", "zone",
         "找不到责任区“li-na”", "“li-na”是党员的编号，这里要写责任区的编号：li-na 所在的责任区有 garden"),
    Case("zone-copied-under-a-chinese-name", {"content/zones/菜市场北门.yaml": FILES["content/zones/garden.yaml"].replace("name: 花园责任区", "name: 菜市场北门党员责任区").replace("aliases: [old-garden]\n", "")},
         "content/zones/菜市场北门.yaml", 1, "id", "两者必须相同", "garden.yaml 已经有了，这个文件像是它的副本：id 和文件名都改成一个新的编号（例如 cai-shichang-beimen）"),
    Case("windows-copy", {"content/zones/garden - 副本.yaml": FILES["content/zones/garden.yaml"]}, "content/zones/garden - 副本.yaml", 0, "-", "像是 garden.yaml 的副本", "不需要就删掉它"),
    Case("branch-deleted", sub("content/org.yaml", "  - id: b2\n    name: 第二党支部\n", ""), "members.yaml", "branch: b2", "members[3].branch",
         "找不到党支部“b2”：org.yaml 里没有它（另有 members.yaml 第 20 行，content/zones/closed.yaml 第 3 行 也写着它）", "如果是从 org.yaml 里删掉了，把它加回去"),
    # audit AS-B 10: a branch taken out of org.yaml was an error at each member and zone, and its groups' besides
    Case("branch-deleted-with-its-groups", sub("content/org.yaml", "  - id: b1\n    name: 第一党支部\n    groups:\n      - {id: b1-g1, name: 第一党小组}\n", ""),
         "members.yaml", "branch: b1", "members[1].branch", "找不到党支部“b1”：org.yaml 里没有它，它的党小组 b1-g1 也没有了", "把它加回去（连同它的党小组）"),
    Case("zone-renamed", {"content/zones/garden.yaml": None, "content/zones/big-garden.yaml": FILES["content/zones/garden.yaml"].replace("id: garden", "id: big-garden")},
         "content/stories/a-key.md", "zone: garden", "zone", "找不到责任区“garden”", "如果是把编号 garden 改成了 big-garden：这里也写 big-garden，再在 big-garden 里写上 aliases: [garden]，印好的二维码还用旧编号"),
    # audit 30: a table copied from Excel ran into one paragraph; a row's cell past the header's was dropped, both without a word
    Case("table-pasted-from-excel", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n姓名\t得分\t备注\n张伟\t95\t好\n"),
         "content/stories/a-key.md", "姓名", "body", "像是从 Excel、WPS 表格复制来的", "第一行 | 姓名 | 得分 | 备注 |，第二行 |---|---|---|"),
    Case("table-row-wider-than-its-header", sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n| 项目 | 次数 |\n|---|---:|\n| 浇水 | 12 | 夏季 |\n"),
         "content/stories/a-key.md", "| 浇水", "body", "表格这一行有 3 格，表头只有 2 格：多出的“夏季”网页上不会显示"),
    # audit 30: renamed shiyou-xincun -> shiyou-xin-cun, the hint said only to change every reference (and so break the printed codes)
    Case("zone-renamed-hyphens", {"content/zones/garden.yaml": None, "content/zones/gar-den.yaml": FILES["content/zones/garden.yaml"].replace("id: garden", "id: gar-den")},
         "content/stories/a-key.md", "zone: garden", "zone", "找不到责任区“garden”", "是不是要写 gar-den？如果是把编号 garden 改成了 gar-den：这里也写 gar-den，再在 gar-den 里写上 aliases: [garden]"),
    Case("zone-deleted", {"content/zones/garden.yaml": None}, "content/stories/a-key.md", "zone: garden", "zone", "找不到责任区“garden”", "撤销的责任区不要删除，改成 status: archived"),
    # a former id reads as the zone's id now (audit AS-G): named twice in one period, by either, is one zone twice
    Case("ref-former-id-twice", sub("content/assessments/2026-Q1.yaml", "  - {zone: closed, score: 69.5, note: 差}\n", "  - {zone: closed, score: 69.5, note: 差}\n  - {zone: old-garden, score: 80}\n"),
         "content/assessments/2026-Q1.yaml", "old-garden", "results[3].zone", "责任区“garden”在 2026-Q1 已经有一条考核结果", "每个考核期每个责任区只写一条"),
    Case("branch-id-doubled", sub("content/org.yaml", "  - id: b2", "  - id: b1"), "members.yaml", "branch: b2", "members[3].branch", "找不到党支部“b2”", "org.yaml 第 10 行的党支部编号“b1”和前面的重复了：如果那里本来是 b2，改回 b2"),
    Case("stray-yaml", {"content/members.yaml": "members: []\n"}, "content/members.yaml", 0, "-", "位置", "mkdocs.yml 旁边"),
    Case("record-hidden-suffix", {"content/zones/pond.yaml.txt": "id: pond\n"}, "content/zones/pond.yaml.txt", 0, "-", "不会被读取", "pond.yaml"),
    # audit 18: hints that, followed, would make the content wrong
    Case("alias-from-another-file", sub("content/zones/garden.yaml", "duties:\n  - 浇水\n", "duties: *lab\n"),
         "content/zones/garden.yaml", "*lab", "duties", "“*lab”要用的锚点“&lab”在这个文件里没有", "别的文件用不了：把内容直接写出来"),
    Case("unknown-key-in-braces", sub("members.yaml", "by: 党委}", "by: 党委, level: 校级}"),
         "members.yaml", "level", "members[1].honors[1].level", "不认识的字段“level”", "删掉花括号里的“level: 校级”（别的字段留着）"),
    Case("ids-without-a-comma", sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei li-na]"),
         "content/zones/garden.yaml", "zhang-wei li-na", "members[1]", "编号只能用", "写成 [zhang-wei, li-na]"),
    Case("score-with-a-decimal-comma", sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 74,9}"),
         "content/assessments/2026-Q1.yaml", "9}", "results[1].9", "score 里的逗号把数字分成了两半", "写成 score: 74.9"),
    Case("member-zone-field", sub("members.yaml", "    post: 绿化养护员\n", "    post: 绿化养护员\n    zone: garden\n"),
         "members.yaml", "zone: garden", "members[1].zone", "不认识的字段“zone”", "写在责任区文件里"),
    Case("sign-field-misspelt-beside-the-zone", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\norientaton: portrait\n"),
         "content/zones/garden.yaml", "orientaton", "orientaton", "不认识的字段", "是不是要写 orientation？它是 signboard 里的字段"),
    Case("sign-field-beside-the-zone", sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\norientation: portrait\n"),
         "content/zones/garden.yaml", "orientation", "orientation", "不认识的字段", "要缩进到 signboard: 下面"),
    Case("notes-beside-records", {"content/zones/README.txt": "责任区文件说明\n"}, "content/zones/README.txt", 0, "-", "不会被读取", "请移出 content/"),
    Case("record-in-subfolder", {"content/stories/2026/a-walk.md": FILES["content/stories/a-key.md"]}, "content/stories/2026/a-walk.md", 0, "-", "不会被读取", "子文件夹"),
    Case("reserved-page", {"content/zones.md": "# 冲突\n"}, "content/zones.md", 0, "-", "系统生成页面"),
    Case("reserved-sitemap", {"content/sitemap.xml.md": "# 网站地图说明\n"}, "content/sitemap.xml.md", 0, "-", "系统生成页面"),
    Case("reserved-theme-css", {"content/css/liangxiang.css.md": "# 样式\n"}, "content/css/liangxiang.css.md", 0, "-", "系统生成页面"),
    Case("reserved-theme-404", {"content/404.html.md": "# 找不到\n"}, "content/404.html.md", 0, "-", "系统生成页面"),
    Case("reserved-search", {"content/search.md": "# 搜索说明\n"}, "content/search.md", 0, "-", "系统生成页面"),
    Case("reserved-qr-code-file", {"content/qr/zones/garden.svg.md": "# 二维码\n"}, "content/qr/zones/garden.svg.md", 0, "-", "系统生成页面"),
    Case("extra-js-host", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nextra_javascript:\n  - https://cdn.example.com/x.js\n"),
         "mkdocs.yml", "extra_javascript:", "extra_javascript", "别的网站加载", "删掉这一项"),
    Case("extra-js-host-space", sub("mkdocs.yml", "docs_dir: content\n", 'docs_dir: content\nextra_javascript:\n  - " //cdn.example.com/x.js"\n'),
         "mkdocs.yml", "extra_javascript:", "extra_javascript", "别的网站加载"),
    Case("extra-css-missing", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nextra_css:\n  - css/extra.css\n"),
         "mkdocs.yml", "extra_css:", "extra_css", "extra_css 里的“css/extra.css”找不到", "custom_dir: overrides，把文件放在 overrides/css/extra.css"),
    Case("story-too-long", sub("content/stories/a-key.md", "故事正文。", "故事正文。" * 40_001), "content/stories/a-key.md", "故事正文。", "body",
         "正文太长了：最多 200000 个字符（现在 200006 个），从这一行起超出", "分成几篇"),  # audit AQ 5: a 950 KB page for a phone
    Case("extra-css-above-the-site", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nextra_css:\n  - ../outside.css\n"),
         "mkdocs.yml", "extra_css:", "extra_css", "指向网站以外（有“..”）", "例如 css/outside.css"),  # audit AQ 2: a link above the site root on every page
    Case("css-in-content", {"content/css/extra.css": "body{}\n"}, "content/css/extra.css", 0, "-", "content/ 里不放样式表和脚本", "把文件移到 overrides/css/extra.css，extra_css 照旧写 css/extra.css"),
    Case("extra-css-host-tab", sub("mkdocs.yml", "docs_dir: content\n", 'docs_dir: content\nextra_css:\n  - "\\t//cdn.example.com/x.css"\n'),
         "mkdocs.yml", "extra_css:", "extra_css", "别的网站加载"),
    Case("extra-js-host-backslash", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nextra_javascript:\n  - /\\cdn.example.com/x.js\n"),
         "mkdocs.yml", "extra_javascript:", "extra_javascript", "别的网站加载"),
    # audit AS-AD: a script set in the file mkdocs.yml INHERITs was said at mkdocs.yml:1
    Case("extra-js-host-inherited", {**sub("mkdocs.yml", "docs_dir: content\n", "INHERIT: shared/common.yml\ndocs_dir: content\n"),
                                     "shared/common.yml": "extra_javascript:\n  - https://cdn.example.com/x.js\n"},
         "shared/common.yml", "extra_javascript:", "extra_javascript", "别的网站加载", "删掉这一项"),
    # audit AS-AD H2: a custom_dir's stylesheet or template loaded from another host on every page
    Case("custom-css-imports-a-host", {**sub("mkdocs.yml", "  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n"),
                                       "overrides/css/extra.css": "body { color: #333; }\n@import url(\"https://fonts.example.com/sc.css\");\n"},
         "overrides/css/extra.css", 2, "-", "主题文件里的“https://fonts.example.com/sc.css”要从别的网站加载", "把文件放进 overrides/ 里"),
    Case("custom-template-script-from-a-host", {**sub("mkdocs.yml", "  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n"),
                                                "overrides/main.html": '{% extends "base.html" %}\n{% block scripts %}{{ super() }}\n<script\n  src="//hm.example.com/hm.js"></script>{% endblock %}\n'},
         "overrides/main.html", 4, "-", "主题文件里的“//hm.example.com/hm.js”要从别的网站加载"),
    Case("page-template", {"content/about.md": "---\ntitle: 关于\ntemplate: zone.html\n---\n# 关于\n"}, "content/about.md", 3, "template", "模板", "删掉 template"),
    Case("nav-missing-page", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nnav:\n  - 首页: index.md\n  - 关于: abuot.md\n"),
         "mkdocs.yml", "  - 关于: abuot.md", "nav", "找不到", "about.md"),
    Case("nav-data-page", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nnav:\n  - 关于: about.md\n  - 花园: zones/garden.yaml\n"),
         "mkdocs.yml", "  - 花园", "nav", "网站自己生成的页面", "删掉这一项"),
    Case("nav-script-link", sub("mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nnav:\n  - 点我: 'javascript:alert(1)'\n"),
         "mkdocs.yml", "  - 点我", "nav", "不是网址", "https://"),
    Case("site-url-this-machine", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n", "site_url: http://127.0.0.1:8000/\n"), "mkdocs.yml", "site_url:", "site_url", "本机的地址", "https://"),
    Case("site-url", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n", ""), "mkdocs.yml", 1, "site_url", "site_url"),
    Case("site-url-query", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n", "site_url: https://dj.qinghe.org.cn/dj/?from=qr\n"), "mkdocs.yml", "site_url:", "site_url", "不能有“?”或“#”"),
    Case("setting-twice", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n", "site_url: https://dj.qinghe.org.cn/dj/\nsite_url: https://other.example.org/\n"),
         "mkdocs.yml", "other.example.org", "site_url", "“site_url”写了两次（第 2 行也有）", "删掉不要的那一行"),
    Case("site-url-password", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n", "site_url: https://admin:123@dj.qinghe.org.cn/dj/\n"), "mkdocs.yml", "site_url:", "site_url", "用户名或密码"),
]


def _apply(root: Path, edits: dict) -> None:
    for name, change in edits.items():
        path = root / name
        if change is None:
            path.unlink()
        elif change == "BOMB":
            path.parent.mkdir(parents=True, exist_ok=True)
            Image.new("1", (20000, 20000)).save(path, "PNG")
        elif change == "ICON":
            path.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (16, 16), "#c00").save(path, "PNG")
        elif isinstance(change, str) and change.startswith("COPY OF "):  # the same bytes under another name
            path.write_bytes((root / change.removeprefix("COPY OF ")).read_bytes())
        elif isinstance(change, bytes):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(change)
        elif isinstance(change, tuple):
            path.write_text(path.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change, encoding="utf-8")


def _line_of(root: Path, case: Case) -> int:
    if isinstance(case.line, int):
        return case.line
    text = (root / case.path).read_bytes().decode("utf-8", "replace")
    index = text.find(case.line)
    assert index >= 0, f"{case.line!r} is not in the edited {case.path}"
    return text.count("\n", 0, index) + text[index:].startswith("\n") + 1


def problems_of(root: Path) -> list:
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site
    from liangxiang.problems import ContentError

    config = load_config(config_file=str(root / "mkdocs.yml"))
    try:
        read_site(config, config.plugins["liangxiang"].config)
    except ContentError as error:
        return error.problems.sorted()
    return []


def test_minimal_site_is_valid(tmp_path):
    content, problems = read_content(write_site(tmp_path), tmp_path / "content")
    assert not problems, [str(p) for p in problems]
    assert [m.id for m in content.public_members] == ["zhang-wei", "li-na", "ouyang-xiaohong"]


@pytest.mark.parametrize("edits", [
    sub("members.yaml", "joined: 2008", "joined: 2026"),  # joined this year (the build day is 2026-11-21)
    sub("members.yaml", "joined: 2008", "joined: 1921"),  # the Party's founding year
    # numbers that look like an ID number but are none: a birth date to come, no province 10, 15 digits not called one
    sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90, note: 合同号130103202901011233}"),
    sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90, note: 编号100103199001011000}"),
    sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 90, note: 合同号130103900101103}"),
], ids=["joined-this-year", "joined-1921", "id-like-born-later", "id-like-no-province", "id-like-15-digits"])
def test_what_is_right_at_a_rules_edge_is_no_problem(tmp_path, edits):
    """Audit AS-L: mutants that moved these edges (> to >=, a filter dropped) failed no test."""
    root = write_site(tmp_path)
    _apply(root, edits)
    assert [str(p) for p in problems_of(root)] == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule(tmp_path, case: Case):
    root = write_site(tmp_path)
    _apply(root, case.edits)
    problems = problems_of(root)
    line = _line_of(root, case)
    shown = "\n".join(map(str, problems))
    matching = [
        p for p in problems
        if p.where.path == case.path and p.where.line == line and case.field in p.field and case.message in p.message
    ]
    assert matching, f"expected {case.path}:{line} {case.field}: …{case.message}…, got:\n{shown}"
    problem = matching[0]
    assert case.hint in problem.hint, f"hint {problem.hint!r} lacks {case.hint!r}"
    for text in case.extra.values():
        assert text in str(problem)
    assert str(problem).startswith(f"{case.path}:{line}" if line else case.path)


def test_a_deleted_list_line_is_one_error_not_also_the_list_missing(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "duties:\n  - 浇水\n", "  - 浇水\n  - 修剪\n"))
    assert [str(p) for p in problems_of(root)] == [
        "content/zones/garden.yaml:5:1: scope: 这几行“- ”上面少了一行“duties:”，YAML 把它们并进了“scope”的文字 (在这一行上面补一行“duties:”，和“scope:”左边对齐)"]


def test_a_zone_file_renamed_to_its_former_id_is_told_to_be_renamed_back(tmp_path):
    """Audit AS-AG L2: "or change the id to old-garden" would take the id from the old signs' QR
    codes, and a second error said a zone old-garden existed: it was only the file's name."""
    root = write_site(tmp_path)
    _apply(root, {"content/zones/garden.yaml": None, "content/zones/old-garden.yaml": FILES["content/zones/garden.yaml"]})
    assert [str(p) for p in problems_of(root)] == [
        "content/zones/old-garden.yaml:1:1: id: id 是“garden”，但文件名是“old-garden”，两者必须相同 (old-garden 是它的曾用编号（aliases），"
        "旧标志牌上的二维码靠它跳转到这里，不能再当文件名：把文件改名回 garden.yaml)"]


def test_a_first_item_without_its_space_is_one_error_with_one_fix(tmp_path):
    """Audit AS-AG L4: the items below it, folded into its text, were a second error with another fix."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "duties:\n  - 浇水\n", "duties:\n  -浇水\n  - 修剪\n"))
    assert [str(p) for p in problems_of(root)] == [
        "content/zones/garden.yaml:5:1: duties: 这里应该是一个列表（现在是“-浇水 - 修剪”） (下一行的短横线“-”后面要有一个空格：写成“- 浇水…”)"]


def test_a_record_missing_its_dash_is_one_error_not_also_its_lists_written_twice(tmp_path):
    """Audit AS-AG L4: li-na's honors, read into zhang-wei's record, were "honors: written twice,
    delete this one", a fix that the next run undid."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "  - id: li-na\n    name: 李娜\n    branch: b1\n",
                     "\n    id: li-na\n    name: 李娜\n    branch: b1\n    honors:\n      - {year: 2020, title: 服务之星, by: 党委}\n"))
    said = [str(p) for p in problems_of(root) if p.where.path == "members.yaml"]
    assert [line.split(" (")[0] for line in said] == [
        "members.yaml:12:5: members[1].id: 这一条记录里第二次出现“id”（第 2 行已经有了）：多半是下一条记录少了开头的“- ”"], said


@pytest.mark.parametrize("key", ["负责人", "fuzeren", "leadr"])
def test_a_required_field_named_in_other_words_is_one_error(tmp_path, key):
    """Audit AS-AG L6: a key in Chinese or pinyin was also "leader is missing", a misspelt one was not."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "leader: zhang-wei", f"{key}: zhang-wei"))
    assert [(p.where.line, p.field) for p in problems_of(root)] == [(7, key)]


@pytest.mark.parametrize("written", ["scope: *花园*一片", "duties: [浇水, &修剪]"])
def test_a_value_read_as_an_alias_is_said_at_its_sign(tmp_path, written):
    """Audit AS-AG L7: the column was the one after the * (where PyYAML stumbled), not the * itself."""
    root = write_site(tmp_path)
    key = written.split(":")[0]
    old = next(line for line in FILES["content/zones/garden.yaml"].splitlines() if line.startswith(key + ":"))
    _apply(root, sub("content/zones/garden.yaml", old + "\n", written + "\n"))
    said = [p for p in problems_of(root) if "值以 * 或 & 开头" in p.message]
    column = re.search(r"[*&]", written).start() + 1
    assert [(p.where.line, p.where.col) for p in said] == [(_line_of(root, Case("", {}, "content/zones/garden.yaml", written, "", "")), column)], [str(p) for p in said]


def test_a_branch_taken_out_of_org_yaml_is_one_error(tmp_path):
    """Audit AS-B 10: one error per member and zone naming it, and one per member naming its groups,
    said one thing: the branch was taken out. It is said once, at the first, with the others' lines."""
    root = write_site(tmp_path)
    _apply(root, sub("content/org.yaml", "  - id: b1\n    name: 第一党支部\n    groups:\n      - {id: b1-g1, name: 第一党小组}\n", ""))
    problems = problems_of(root)
    assert [str(p) for p in problems] == [
        "members.yaml:5:5: members[1].branch: 找不到党支部“b1”：org.yaml 里没有它，它的党小组 b1-g1 也没有了（另有 members.yaml 第 6、13 行，"
        "content/zones/garden.yaml 第 3 行 也写着它） (如果是从 org.yaml 里删掉了，把它加回去（连同它的党小组）；"
        "如果这些党员和责任区改到了别的党支部，每一处都改成那个党支部的编号)"], [str(p) for p in problems]


def test_a_successor_named_by_its_former_id_is_the_zone_it_became(tmp_path):
    """Results and stories naming a renamed zone's former id read as the zone; a successor was told
    to write the new id instead (audit AS-J 6)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/closed.yaml", "successor: garden\n", "successor: old-garden\n"))
    assert problems_of(root) == []
    content, _ = read_content(root, root / "content")
    assert next(z for z in content.zones if z.id == "closed").successor == "garden"


def test_a_zone_with_an_error_of_its_own_is_not_missing_where_its_old_id_is_named(tmp_path):
    """A zone whose own field was wrong (`orientation: 竖版`) was left out, and every result naming its
    old id was told the zone was missing: five errors sending the editor to five right files (audit AS-J 3)."""
    root = write_site(tmp_path)
    _apply(root, {**sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nsignboard: {orientation: 竖版}\n"),
                  **sub("content/assessments/2026-Q1.yaml", "  - {zone: garden, score: 90}\n", "  - {zone: old-garden, score: 90}\n")})
    problems = problems_of(root)
    assert [(p.where.path, p.field) for p in problems] == [("content/zones/garden.yaml", "signboard.orientation")], [str(p) for p in problems]


def test_a_field_beside_a_line_set_aside_in_its_record_says_its_own_mistake(tmp_path):
    """Audit AS-Q 1: a member's honour in full-width braces (a syntax error, its line set aside) hid
    the same member's `joined: ２００９`, and a progress entry with its brace unclosed hid the
    commitment's `member: zhang–wei` (Word's en dash) until the next run. A field's own value does
    not hang on the line set aside; what the checks across records find in that record still waits."""
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": ("    joined: 2008\n    honors:\n      - {year: 2017, title: 优秀共产党员, by: 党委}\n",
                                   "    joined: ２００８\n    honors:\n      - ｛year: 2017, title: 优秀共产党员, by: 党委｝\n"),
                  "content/commitments/2026.yaml": ("  - member: zhang-wei\n    promise: 带头养护花园\n    items: [每周巡查]\n"
                                                    "    progress:\n      - {date: 2026-03-12, text: 补植草坪}\n",
                                                    "  - member: zhang–wei\n    promise: 带头养护花园\n    items: [每周巡查]\n"
                                                    "    progress:\n      - {date: 2026-03-12, text: 补植草坪\n")})
    said = [(p.where.path, p.where.line, p.field) for p in problems_of(root)]
    assert said == [("members.yaml", 8, "members[1].joined"), ("members.yaml", 10, "members[1].honors[1]"),
                    ("content/commitments/2026.yaml", 3, "commitments[1].member"), ("content/commitments/2026.yaml", 7, "commitments[1].progress[1]")], said


@pytest.mark.parametrize("written", ["!!int abc", "&j !!int ''"])
def test_a_value_its_tag_cannot_build_is_said_once(tmp_path, written):
    """Audit AD: read as text, `!!int abc` was also said by its field's check (two errors for one
    mistake); and after an anchor (&j) its tag went unseen, and the mistake unsaid."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "joined: 2008", "joined: " + written))
    said = [str(p) for p in problems_of(root) if p.where.path == "members.yaml"]
    assert len(said) == 1 and "!!int" in said[0] and "members[1].joined" in said[0], said


def test_a_value_yaml_cannot_build_hides_no_other_mistake_in_its_file(tmp_path):
    """Audit AC: one `!!int ''` dropped its whole file, and the id misspelt under it went unsaid."""
    root = write_site(tmp_path)
    text = FILES["members.yaml"].replace("joined: 2008", "joined: !!int ''").replace("id: li-na", "id: Li Na")
    _apply(root, {"members.yaml": text})
    said = [(p.field, p.message) for p in problems_of(root) if p.where.path == "members.yaml"]
    assert any(field == "members[1].joined" and "!!int" in message for field, message in said), said
    assert any(field == "members[2].id" and "“Li Na”" in message for field, message in said), said


@pytest.mark.parametrize("copy", ["new-garden.yml", "new-garden.yaml"])
def test_a_zone_file_copied_with_its_id_unchanged_is_one_error(tmp_path, copy):
    """Copying garden.yaml to new-garden.yml gave two errors for one line, and a hint to rename the
    copy to garden.yml, beside garden.yaml (session 40): one error, the copy's id to change."""
    root = write_site(tmp_path)
    _apply(root, {f"content/zones/{copy}": FILES["content/zones/garden.yaml"]})
    errors = [p for p in problems_of(root) if p.where.path.startswith(f"content/zones/{copy}") and p.field == "id"]
    assert len(errors) == 1, errors
    assert errors[0].hint == "garden.yaml 已经有了：把这个文件的 id 改成 new-garden", errors


def test_the_roster_saved_in_content_is_said_once_where_to_move(tmp_path):
    """members.yaml put in content/ (audit 32): one problem, naming the place by what is there."""
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": None, "content/members.yaml": FILES["members.yaml"]})
    [problem] = problems_of(root)
    assert str(problem) == "members.yaml:1:1: members.yaml 放错了文件夹：它在 content/ 里 (把它移到 mkdocs.yml 旁边（仓库最上层）)"


def test_a_reference_misspelt_once_is_not_taken_for_a_rename_and_one_named_twice_is(tmp_path):
    """A typo in one record gets the id to write; the same missing id in two records, beside an id
    alike, is an id renamed: its hint says to keep the old one as an alias (audit 30)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "zone: garden", "zone: gardne"))
    [typo] = [p for p in problems_of(root) if "gardne" in p.message]
    assert typo.hint == "是不是要写 garden？"
    _apply(root, sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: gardne, score: 90}"))
    twice = [p for p in problems_of(root) if "gardne" in p.message]
    assert len(twice) == 2 and all(p.hint.endswith("这里也写 garden，再在 garden 里写上 aliases: [gardne]，印好的二维码还用旧编号") for p in twice), twice


def test_a_link_to_a_year_on_a_members_page_or_to_a_zones_scores_is_no_error(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n见[张伟](members/zhang-wei/#commitment-2026)和[花园](zones/garden/#grade-h)。"))
    assert problems_of(root) == []


def test_a_file_name_with_a_space_or_twice_in_two_suffixes_is_said_as_such(tmp_path):
    """Audit 32: "garden.yaml " was said as a name to end in .yaml (it seemed to) with an error at
    each reference to the zone; garden.yaml beside garden.yml as an id to change, which would break
    the file's name and the printed code."""
    root = write_site(tmp_path)
    (root / "content/zones/garden.yaml").rename(root / "content/zones/garden.yaml ")
    (root / "content/zones/closed.yml").write_text(FILES["content/zones/closed.yaml"], encoding="utf-8")
    (root / "content/stories/a-key.md").rename(root / "content/stories/a-key .md")
    assert [str(p) for p in problems_of(root)] == [
        "content/zones/closed.yml:1:1: closed.yaml 和 closed.yml 是同一个编号的两个文件 (只留一个：比较两个文件，删掉不用的那个)",
        "content/zones/garden.yaml :1:1: 文件名“garden.yaml ”的最后多了空格 (把文件改名为 garden.yaml（删掉最后的空格）)",
        "content/stories/a-key .md:1:1: 文件名要用小写字母、数字和“-”（它就是网址） (文件名里有多余的空格：改名为 a-key.md)"]


@pytest.mark.parametrize("file, renamed, old, new, said", [
    ("content/assessments/2026-Q1.yaml", "2026Q1.yaml", "period: 2026-Q1", "period: 2026q1",
     "文件名“2026Q1.yaml”也要改：period 改好以后，文件名要和它相同 (把文件改名为 2026-Q1.yaml)"),
    ("content/assessments/2026-Q1.yaml", "2026年第一季度.yaml", "period: 2026-Q1", "period: 2026年第一季度",
     "文件名“2026年第一季度.yaml”也要改：period 改好以后，文件名要和它相同 (把文件改名为 2026-Q1.yaml)"),
    ("content/assessments/2026-Q1.yaml", "2026-Q2.yaml", "period: 2026-Q1", "period: 2026年第一季度",
     "period 写成 2026-Q1 的话，和文件名“2026-Q2.yaml”不同 (两者必须相同：是哪一期，period 和文件名就都写成它)"),
    ("content/assessments/2026-Q1.yaml", "一季度.yaml", "period: 2026-Q1", "period: 一季度",
     "文件名“一季度.yaml”也要改：文件名要和 period 相同 (period 改好以后，把文件改名为同样的写法，例如 2026-Q1.yaml)"),
    ("content/commitments/2026.yaml", "2026年.yaml", "year: 2026", "year: 2026年",
     "文件名“2026年.yaml”也要改：year 改好以后，文件名要和它相同 (把文件改名为 2026.yaml)"),
    ("content/zones/garden.yaml", "Big Garden.yaml", "id: garden", "id: Big Garden",
     "文件名“Big Garden.yaml”也要改：id 改好以后，文件名要和它相同 (把文件改名为 big-garden.yaml)"),
])
def test_a_file_named_as_wrongly_as_its_field_is_said_in_the_same_run(tmp_path, file, renamed, old, new, said):
    """AH F11: 2026Q3.yaml saying period: 2026q3 was said in two runs: the period first, then,
    once it was right, the file's name."""
    root = write_site(tmp_path)
    _apply(root, sub(file, old, new))
    path = root / file
    path.rename(path.with_name(renamed))
    at = [str(p).split(": ", 2)[2] for p in problems_of(root) if p.where.path.endswith("/" + renamed)]
    assert said in at, at
    assert at.index(said) == len(at) - 1, "the field's own error comes first"


def test_a_file_to_be_renamed_as_another_is_said_so(tmp_path):
    """Audit AL 5: 2026Q1.yaml saying period: 2026q1 beside 2026-Q1.yaml was told to take that name."""
    root = write_site(tmp_path)
    (root / "content/assessments/2026Q1.yaml").write_text(FILES["content/assessments/2026-Q1.yaml"].replace("period: 2026-Q1", "period: 2026q1"),
                                                          encoding="utf-8")
    said = [str(p).split(": ", 2)[2] for p in problems_of(root) if p.where.path.endswith("/2026Q1.yaml")]
    assert "文件名“2026Q1.yaml”也要改，但 2026-Q1.yaml 已经有了 (如果这是另一期，period 和文件名都改成它；如果是 2026-Q1.yaml 的副本，删掉这个文件)" in said, said


@pytest.mark.parametrize("file, renamed, old, new", [
    ("content/assessments/2026-Q1.yaml", "2026-Q1.yaml", "period: 2026-Q1", "period: 2026q1"),  # the name is what is meant
    ("content/commitments/2026.yaml", "2026.yaml", "year: 2026", "year: 2026年"),
    ("content/zones/garden.yaml", "garden.yaml", "id: garden", "id: Garden"),
])
def test_a_file_named_right_beside_a_wrong_field_is_no_second_error(tmp_path, file, renamed, old, new):
    root = write_site(tmp_path)
    _apply(root, sub(file, old, new))
    assert not [p for p in problems_of(root) if "文件名" in p.message], [str(p) for p in problems_of(root)]


@pytest.mark.parametrize("file, old, new, said", [
    ("content/stories/a-key.md", "title: 一把钥匙", "titel: 一把钥匙", "content/stories/a-key.md:2:1: titel: 不认识的字段“titel” (是不是要写 title？)"),
    ("members.yaml", "    name: 张伟", "    nmae: 张伟", "members.yaml:3:5: members[1].nmae: 不认识的字段“nmae” (是不是要写 name？)"),
])
def test_a_misspelt_required_key_is_one_error_not_also_the_field_missing(tmp_path, file, old, new, said):
    root = write_site(tmp_path)
    _apply(root, sub(file, old, new))
    assert [str(p) for p in problems_of(root)] == [said]


@pytest.mark.parametrize("old, new, renamed", [("garden", "gardenn", False), ("garden", "big-garden", True), ("garden", "gar-den", True),
                                               ("xu-guangming", "xu-guangmin", False), ("north-gate", "north-gate-2", True)])
def test_a_word_that_lost_a_letter_is_a_typo_and_a_word_added_is_a_rename(old, new, renamed):
    from liangxiang.check.references import _renamed_like

    assert _renamed_like(new, old) is renamed


def test_a_field_indented_into_a_text_is_one_error_and_the_rest_is_read(tmp_path):
    """Audit 28: `leader:` indented under `content: |` was said as a missing leader at line 1. It
    is said where it stands, and read as the field it is: no second error."""
    root = write_site(tmp_path)
    _apply(root, {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
               "leader: zhang-wei\nroles:\n  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}\n",
               "content: |\n  第一段。\n\n  - 一项\n  leader: zhang-wei\n  roles:\n    - {role: 业务带头人, member: li-na}\n    - {role: 监督员, name: 王芳}\n")})
    assert [str(p) for p in problems_of(root)] == [
        "content/zones/garden.yaml:11:1: leader: “leader”缩进了，YAML 把它当成了上面“content: |”正文的一部分，不是字段 (删掉“leader”前面多出的空格，和“content”上下对齐)"]


@pytest.mark.parametrize("folder, words", [("zones", "责任区"), ("stories", "故事")])
def test_a_record_folder_saved_over_by_a_file_is_one_error(tmp_path, folder, words):
    """content/zones replaced by a file was called "a file in content/zones/ that is not read",
    and every zone named elsewhere was missing, one error each (audit 25)."""
    root = write_site(tmp_path)
    shutil.rmtree(root / "content" / folder)
    (root / "content" / folder).write_text(FILES["content/zones/garden.yaml"], encoding="utf-8")
    assert [str(p) for p in problems_of(root)] == [
        f"content/{folder}:1:1: content/{folder} 应该是放{words}的文件夹，现在却是一个文件 (从 git 里恢复 content/{folder}/ 文件夹（每条记录一个文件），再删掉这个文件)"]


def test_a_second_record_pasted_below_three_dashes_is_one_error(tmp_path):
    """The second record was read into the first: its id said twice, taken, and not its file's name,
    four errors for one paste (audit 25). Also with org.yaml's branches all deleted: one error."""
    garden = FILES["content/zones/garden.yaml"]
    root = write_site(tmp_path / "a", {"content/zones/garden.yaml": garden + "---\n" + FILES["content/zones/closed.yaml"]})
    said = [str(p) for p in problems_of(root)]
    assert said == [f"content/zones/garden.yaml:{garden.count(chr(10)) + 1}:1: YAML 格式错误：文件中间出现了“---”或“...” "
                    "(一个文件只写一份内容：删掉中间的这一行；下面是另一条记录的话，把它移到自己的文件里（例如一个责任区一个文件）)"], said
    org = FILES["content/org.yaml"]
    emptied = org[:org.index("branches:")] + "branches: []\n"
    root = write_site(tmp_path / "b", {"content/org.yaml": emptied})
    assert [p.field for p in problems_of(root)] == ["branches"], [str(p) for p in problems_of(root)]


def test_a_placeholder_photo_shared_with_a_hidden_member_stays_public(tmp_path):
    """A file a published member shows as their own photo is public already: a hidden member
    using the same placeholder hides nothing, and the public member's page keeps it."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "    hidden: true\n", "    hidden: true\n    photo: photos/zhang-wei.jpg\n"))
    assert [str(p) for p in problems_of(root)] == []
    _apply(root, {**SECRET_PHOTO, **sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![合影](photos/secret.jpg)")})
    _apply(root, {"members.yaml": ("hidden: true\n    photo: photos/zhang-wei.jpg", "hidden: true\n    photo: photos/secret.jpg")})
    assert any("不公开的党员“secret-person”的照片" in p.message for p in problems_of(root))  # their own photo is still refused


def test_a_hidden_members_own_photo_file_is_refused_even_when_its_picture_is_public(tmp_path):
    """A hidden member's photo file that is a copy of a published member's picture shows nobody
    new, but its published address would carry the hidden member's name: refused in a story;
    the published member's own photo stays public (audit 15)."""
    root = write_site(tmp_path)
    (root / "content/photos/secret.jpg").write_bytes((root / "content/photos/zhang-wei.jpg").read_bytes())
    _apply(root, {**sub("members.yaml", "    hidden: true\n", "    hidden: true\n    photo: photos/secret.jpg\n"),
                  **sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n![现场](photos/secret.jpg)")})
    [problem] = problems_of(root)
    assert problem.where.path == "content/stories/a-key.md" and "不公开的党员“secret-person”的照片" in problem.message, str(problem)


def test_one_run_reports_every_error(tmp_path):
    root = write_site(tmp_path)
    by_id = {case.id: case for case in CASES}
    for case in (by_id["unknown-key"], by_id["ref-leader"], by_id["grade-name"]):  # three files
        _apply(root, case.edits)
    problems = problems_of(root)
    assert {p.where.path for p in problems} == {"members.yaml", "content/zones/garden.yaml", "content/commitments/2026.yaml"}


def test_a_record_with_a_field_error_still_has_its_markdown_checked(tmp_path):
    """A wrong date in a story, a typo in a zone or in org.yaml: the links and images in the same
    file are reported in the same run, not after the first error is fixed."""
    root = write_site(tmp_path)
    _apply(root, {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("date: 2016-05-12", "date: 2016-5-12")
                  .replace("故事正文。", "故事正文，[李娜](/members/li-nn/)。"),
                  "content/zones/garden.yaml": FILES["content/zones/garden.yaml"] + "content: |\n  见[说明](abut.md)\nslogn: 口号\n",
                  "content/org.yaml": FILES["content/org.yaml"].replace("name: 测试单位", "name: 测试单位\nintro: 见 ![](photos/nope.jpg)\nhotlien: 1")})
    shown = [f"{p.where.path}:{p.field}:{p.message}" for p in problems_of(root)]
    for expected in ("a-key.md:date:", "a-key.md:body:链接“/members/li-nn/”", "garden.yaml:slogn:", "garden.yaml:content:链接“abut.md”",
                     "org.yaml:hotlien:", "org.yaml:intro:图片“photos/nope.jpg”"):
        assert any(expected in s for s in shown), (expected, shown)


def test_a_renamed_branch_is_named_in_the_hint_and_causes_come_first(tmp_path):
    """Renaming b2 in org.yaml leaves every member and zone of it naming b2: the hint names the
    one branch nothing names now, not the nearest-looking id (b1). Errors in members.yaml, which
    the other files name, come before theirs."""
    root = write_site(tmp_path)
    _apply(root, {"content/org.yaml": ("- id: b2", "- id: second"), "members.yaml": ("  - id: li-na\n", "  - id: li-nna\n")})
    problems = list(problems_of(root))
    branch = [p for p in problems if p.field.endswith("branch")]
    assert len(branch) == 3 and all("改名成了 second" in p.hint for p in branch), [str(p) for p in problems]
    assert [p.where.path for p in problems][:2] == ["members.yaml", "members.yaml"], [str(p) for p in problems]
    assert any("李娜的编号写的是“li-nna”，和他/她的姓名拼音“li-na”不一样" in p.hint for p in problems if p.where.path == "content/zones/garden.yaml")


def test_tags_shown_as_text_are_not_raw_html(tmp_path):
    """&lt;b&gt; and `<b>` show "<b>" to the reader as text: no notice; a typed <b> gets one."""
    edits = sub("content/stories/a-key.md", "故事正文。", "故事正文，标签写成 &lt;b&gt; 或 `<b>`，备注写成 &lt;!-- --&gt;。")
    assert notices_after(tmp_path / "a", edits) == []
    edits = sub("content/about.md", "活动简介。", "活动<b>简介</b>。")
    assert [n.split(":")[0] for n in notices_after(tmp_path / "b", edits)] == ["content/about.md"]


STORY = "content/stories/a-key.md"
TAKEN_OUT = "不会出现在网页上：网站只显示文字，"


@pytest.mark.parametrize("edits, notices", [
    (sub(STORY, "故事正文。", "故事正文。\n\n<iframe src=\"https://v.qq.com/x/a.html\"></iframe>"),
     [f"{STORY}:11:1: body: 正文里的网页代码“<iframe>”{TAKEN_OUT}代码已去掉，里面的文字照常显示"
      " (视频、音频请发在视频网站或公众号上，这里写它的链接：[视频标题](https://…))"]),
    (sub(STORY, "故事正文。", "故事正文。\n\n<script>\nwindow.x = 1\n\nwindow.y = 2\n</script>\n\n<b>后</b>面"),
     [f"{STORY}:11:1: body: 正文里的网页代码“<script>”{TAKEN_OUT}这段代码连同其中的内容已去掉 (去掉这段代码；链接写成 [文字](https://…))",
      f"{STORY}:17:1: body: 正文里的网页代码“<b>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉代码；要加粗写成 **文字**，网站不改颜色和字号)"]),
    (sub("content/about.md", "活动简介。", "活动简介。\n\n第二段<BR>第二行"),
     [f"content/about.md:5:1: 正文里的网页代码“<br>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉代码；分段时空一行)"]),
    (sub(STORY, "故事正文。", "故事正文。\n\n水温 a<b 时和 x <y> z 不同。\n\n<center>居中</center>"),  # a<b is no tag
     [f"{STORY}:13:1: body: 正文里的网页代码“<center>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉代码；要加粗写成 **文字**，网站不改颜色和字号)"]),
    (sub(STORY, "故事正文。", "故事正文。\n\n[点我](javascript:alert(1))"),
     [f"{STORY}:11:6: body: 链接“javascript:alert(1)”不是网址，网站把它去掉了，网页上只显示链接的文字"
      " (换成 https:// 开头的网址，或去掉方括号和圆括号，只写文字)"]),
    # written with entities: said at its own line, not the body's first (audit 34)
    (sub(STORY, "故事正文。", "故事正文。\n\n第二段。\n\n[电话](&#106;avascript:alert(1))"),
     [f"{STORY}:13:1: body: 链接“javascript:alert(1)”不是网址，网站把它去掉了，网页上只显示链接的文字"
      " (换成 https:// 开头的网址，或去掉方括号和圆括号，只写文字)"]),
    # two links whose addresses end alike: each said at its own line, not both at the first (audit AS-O 8)
    (sub(STORY, "故事正文。", "故事正文。\n\n[一](javascript:alert(1))\n\n第二段。\n\n[二](java&#x09;script:alert(1))"),
     [f"{STORY}:11:5: body: 链接“javascript:alert(1)”不是网址，网站把它去掉了，网页上只显示链接的文字"
      " (换成 https:// 开头的网址，或去掉方括号和圆括号，只写文字)",
      f"{STORY}:15:1: body: 链接“java<U+0009>script:alert(1)”不是网址，网站把它去掉了，网页上只显示链接的文字"
      " (换成 https:// 开头的网址，或去掉方括号和圆括号，只写文字)"]),
    # MathML was shown as escaped code, while every HTML tag was taken out with its words kept (audit AS-O 11)
    (sub(STORY, "故事正文。", "故事正文。\n\n<math><mtext>公式</mtext></math>"),
     [f"{STORY}:11:1: body: 正文里的网页代码“<math>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉这段代码；链接写成 [文字](https://…))",
      f"{STORY}:11:1: body: 正文里的网页代码“<mtext>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉这段代码；链接写成 [文字](https://…))"]),
    # never closed: only the opening goes, and the notice says the words after it stay (audit 27)
    (sub(STORY, "故事正文。", "故事正文。\n\n<script>alert(1)"),
     [f"{STORY}:11:1: body: 正文里的网页代码“<script>”{TAKEN_OUT}代码已去掉；没有找到“</script>”，后面的内容照常显示成文字 (去掉这段代码；链接写成 [文字](https://…))"]),
    # a browser reads <svg/onload=…> as a tag: it is taken out and told, not shown as text (audit 27)
    (sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: \"创建<svg/onload=alert(1)>内容\"\n"),
     ["content/zones/garden.yaml:6:1: content: 正文里的网页代码“<svg>”不会出现在网页上：网站只显示文字，代码已去掉，里面的文字照常显示 (去掉这段代码；链接写成 [文字](https://…))"]),
    # a quoted attribute holding a tag: the link went, the rest of it was shown as text (audit 34)
    (sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  <a href=\"data:text/html,<script>alert(1)</script>\">附件</a>\n"),
     ["content/zones/garden.yaml:6:1: content: 正文里的网页代码“<a>”不会出现在网页上：网站只显示文字，代码已去掉，里面的文字照常显示 (去掉这段代码；链接写成 [文字](https://…))"]),
    # a paragraph indented four spaces is code: its ** shown as typed (audit 28); a list's own paragraph is not
    (sub(STORY, "故事正文。", "故事正文。\n\n- 一项\n\n    这一项的说明。\n\n第三段。\n\n      **重点**：照原样。"),
     [f"{STORY}:17:1: body: 这一段多缩进了 4 个以上的空格，Markdown 把它当成了代码：会照原样显示在灰框里（加粗、链接都不起作用） (删掉这一段开头多出的空格，和上下文对齐)"]),
    # a free page's title is plain text, shown escaped: told so, not that it was taken out (audit 28)
    ({"content/about.md": "---\ntitle: <script>x</script>关于\n---\n\n活动简介。\n\n<b>重点</b>\n"},
     ["content/about.md:2:1: title: 标题里的“<script>”是网页代码，会照原样显示在标题和菜单里 (标题只写文字)",
      f"content/about.md:7:1: 正文里的网页代码“<b>”{TAKEN_OUT}代码已去掉，里面的文字照常显示 (去掉代码；要加粗写成 **文字**，网站不改颜色和字号)"]),
    # an editor's note is hidden, as meant: the mobile number in it is not published
    (sub(STORY, "故事正文。", "故事正文。\n\n<!-- 编辑备注：张伟手机 13800001111 -->"), []),
    (sub("content/about.md", "活动简介。", "活动简介<!-- 待补充 -->。"), []),
    (sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: \"创建<!-- 联系人 13800001111 -->内容\"\n"), []),
], ids=["iframe", "script-over-paragraphs", "br-on-a-free-page", "less-than-is-no-tag", "javascript-link", "javascript-link-in-entities",
        "links-ending-alike", "mathml", "script-unclosed", "svg-slash-attribute", "tag-in-an-attribute", "indented-code", "free-page-title",
        "comment-with-a-mobile", "comment-on-a-free-page", "comment-in-a-zone"])
def test_raw_html_is_taken_out_with_a_notice(tmp_path, edits, notices):
    """Format rule 9: raw HTML and javascript: links never reach the browser. Content holding
    them builds; the editor is told what was taken out."""
    assert notices_after(tmp_path, edits) == notices


def test_fullwidth_marks_in_text_are_words(tmp_path):
    """A "＃" or "·" opening a line of Markdown text, and a value that opens with a dash, are the
    editor's words, not a mistyped comment or list item."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope:\n  —— 花园一片\ncontent: |\n  ＃1 号楼\n\n  · 浇水\n  · 除草\n  -\u3000施肥 ＃ 秋季\n"))
    assert problems_of(root) == []
    garden = next(zone for zone in read_content(root, root / "content")[0].zones if zone.id == "garden")
    assert "＃1 号楼" in garden.content and garden.scope == "—— 花园一片"


def test_a_page_opening_with_a_rule_is_no_front_matter(tmp_path):
    """"---", a blank line, the text, another "---": two rules, which Markdown shows as lines; the
    hint to delete both and what is between them would have deleted the page's opening (audit 29)."""
    root = write_site(tmp_path)
    _apply(root, {"content/about.md": "---\n\n# 活动简介\n\n正文。\n\n---\n\n## 创建标准\n\n正文。\n"})
    assert problems_of(root) == []


def test_a_setext_heading_is_no_merge_conflict(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n经过\n=======\n\n那天。"))
    assert problems_of(root) == []


def test_bom_is_fine(tmp_path):
    root = write_site(tmp_path)
    (root / "members.yaml").write_bytes(b"\xef\xbb\xbf" + FILES["members.yaml"].encode())
    assert problems_of(root) == []


def test_a_broken_file_does_not_cascade(tmp_path):
    """members.yaml unreadable: one error, not one per reference to a member."""
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": "members:\n  - id: [\n"})
    assert [p.where.path for p in problems_of(root)] == ["members.yaml"]


def test_a_misnamed_zone_file_is_one_error(tmp_path):
    """zones/gardn.yaml holding id garden: the name is wrong, not every reference to garden."""
    root = write_site(tmp_path)
    (root / "content/zones/garden.yaml").rename(root / "content/zones/gardn.yaml")
    assert [(p.where.path, p.field) for p in problems_of(root)] == [("content/zones/gardn.yaml", "id")]


def test_an_org_yaml_error_elsewhere_keeps_its_names_in_use(tmp_path):
    """A misspelt field in org.yaml neither hides a wrong story category nor makes its own
    grades unknown (a review with one of them is not an error)."""
    root = write_site(tmp_path)
    org = FILES["content/org.yaml"].replace("hotline:", "hotlien:").replace("branches:", "grades:\n  - {name: 好, min: 90}\n  - {name: 差, min: 0}\nbranches:")
    _apply(root, {"content/org.yaml": org, "content/commitments/2026.yaml": ("result: 优秀", "result: 好"),
                  "content/stories/a-key.md": ("category: 真情服务小故事", "category: 真情小故事")})
    shown = [f"{p.where.path}:{p.field}:{p.message}" for p in problems_of(root)]
    assert any(s.startswith("content/org.yaml:hotlien:") for s in shown), shown
    assert any(s.startswith("content/stories/a-key.md:category:") for s in shown), shown
    assert not [s for s in shown if "commitments" in s], shown


def test_links_to_a_record_with_its_own_error_are_not_errors_too(tmp_path):
    """members.yaml unreadable: the stories' links to members are not reported one by one."""
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": FILES["members.yaml"].replace("    name: 张伟\n", "    name: 张伟\n     post: 站长\n"),
                  "content/stories/a-key.md": ("故事正文。", "故事正文，[李娜](/members/li-na/)。")})
    assert [p.where.path for p in problems_of(root)] == ["members.yaml"]


def test_a_link_to_the_sites_own_full_address_is_checked_as_a_link_within_it(tmp_path):
    """site_url is https://dj.qinghe.org.cn/dj/: an editor copies a page's address from the browser (audit 29)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[花园](https://dj.qinghe.org.cn/dj/zones/garden/)，"
                     "[旧](HTTP://DJ.qinghe.org.cn/dj/zones/gardn/)，[别站](https://dj.qinghe.org.cn/zones/nope/)，"
                     "[简介](https://dj.qinghe.org.cn/dj/about/#nope)，[首页](https://dj.qinghe.org.cn/dj)"))
    found = [(p.where.line, p.message) for p in problems_of(root)]
    assert found == [(11, "链接“HTTP://DJ.qinghe.org.cn/dj/zones/gardn/”指向的页面不存在"),
                     (11, "链接“https://dj.qinghe.org.cn/dj/about/#nope”里的“#nope”在那一页找不到对应的小标题")], found


def test_a_link_inside_a_longer_one_on_its_line_is_placed_at_its_own_column(tmp_path):
    """members/li-nn/ is the end of ../members/li-nn/ before it: each is said where it is written (audit J)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n另见[李](../members/li-nn/)和[她的页面](members/li-nn/)。"))
    found = sorted((p.where.line, p.where.col) for p in problems_of(root) if "li-nn" in p.message)
    assert found == [(11, 7), (11, 33)], found


def test_the_same_wrong_link_twice_is_reported_at_each_line(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n[李](/members/li-nn/)\n\n又见[李](/members/li-nn/)"))
    problems = problems_of(root)
    lines = sorted(p.where.line for p in problems if "li-nn" in p.message)
    assert len(lines) == 2 and lines[1] == lines[0] + 2, [str(p) for p in problems]


def test_an_id_of_digits_needs_no_quotes(tmp_path):
    """`id: 1949` is a number to YAML: the member and every reference to it still meet."""
    root = write_site(tmp_path)
    for name, text in FILES.items():
        if isinstance(text, str) and ("li-na" in text or "id: b2" in text or "branch: b2" in text):
            (root / name).write_text(
                text.replace("li-na", "1949").replace("id: b2", "id: 2").replace("branch: b2", "branch: 2"), encoding="utf-8")
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert "1949" in [m.id for m in content.public_members]
    assert {z.id: z.leader for z in content.zones}["closed"] == "1949"
    assert "2" in [b.id for b in content.org.branches]


def test_a_zones_markdown_may_name_images_from_its_own_folder(tmp_path):
    """As a story's body does from stories/: ../photos/x.jpg from zones/ is photos/x.jpg."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  ![花园](../photos/zhang-wei.jpg)\n"))
    _, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]


def test_grades_need_no_band_from_zero(tmp_path):
    """The format does not ask for a band from 0: a score below every band has no grade."""
    root = write_site(tmp_path)
    _apply(root, sub("content/org.yaml", "branches:", "grades:\n  - {name: 优秀, min: 90}\n  - {name: 合格, min: 60}\nbranches:"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [content.grade_for(s) for s in (95, 90, 89.99, 60, 59.99, 0)] == ["优秀", "优秀", "合格", "合格", "", ""]


def test_a_record_files_suffix_may_be_in_capitals(tmp_path):
    root = write_site(tmp_path)
    (root / "content/zones/garden.yaml").rename(root / "content/zones/garden.YAML")
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert "garden" in [zone.id for zone in content.zones]


def test_a_chinese_paragraph_indent_inside_text_is_fine(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: |\n  \u3000\u3000同心广场：绿地一万平方米。\n"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert {z.id: z.content for z in content.zones}["garden"].startswith("\u3000\u3000同心广场")


@pytest.mark.parametrize("file, edits, expected", [
    ("members.yaml", [("    post: 绿化养护员", "    post: 绿化养护员\n    mobile: 13800000000"), ("    branch: b1", "    branch: b9")],
     ["members[1].mobile", "members[1].branch"]),
    ("content/zones/garden.yaml", [("scope: 花园一片", "scope: 花园一片\nslogann: 口号"), ("leader: zhang-wei", "leader: zhang-wie")],
     ["slogann", "leader"]),
    ("content/assessments/2026-Q1.yaml", [("{zone: garden, score: 90}", "{zone: gardne, score: 190}")],
     ["results[1].score", "results[1].zone"]),
    ("content/stories/a-key.md", [("date: 2016-05-12", "date: 2016-13-12"), ("category: 真情服务小故事", "category: 真情故事")],
     ["date", "category"]),
    ("content/commitments/2026.yaml", [("{date: 2026-03-12, text: 补植草坪}", "{date: 2026-03-12}"), ("result: 优秀,", "result: 很好,")],
     ["commitments[1].progress[1].text", "commitments[1].review.result"]),
    # the file's own field wrong (audit 21): its list is still checked, and the file's name against its period
    ("content/assessments/2026-Q1.yaml", [("published: 2026-04-05", "published: 2026.4.5"), ("period: 2026-Q1", "period: 2025-Q4"),
                                          ("{zone: garden, score: 90}", "{zone: gardne, score: 90}"), ("{zone: closed,", "{zone: gardne,")],
     ["published", "period", "results[1].zone", "results[2].zone", "results[2].zone"]),
    ("content/commitments/2026.yaml", [("year: 2026", "year: 2026年"), ("  - member: li-na", "  - member: li-nna"),
                                       ("    promise: 热情服务", "    promise: 热情服务\n  - member: zhang-wei\n    promise: 再写一条")],
     ["year", "commitments[2].member", "commitments[3].member"]),
    ("content/org.yaml", [("hotline: 0317-2720000", "hotline: [0317, 2720000]"), ("    name: 第二党支部", "    name: 第二党支部\n  - {id: b1, name: 第三党支部}")],
     ["hotline", "branches[3].id"]),
    # a syntax error in a free text (summary, scope) hid the file's misspelt ids: no check across records reads that text
    ("content/stories/a-key.md", [("title: 一把钥匙", 'title: 一把钥匙\nsummary: "一句话'), ("members: [zhang-wei]", "members: [zhang-we]")],
     ["summary", "members[1]"]),
    ("content/zones/garden.yaml", [("scope: 花园一片", 'scope: "花园一片'), ("leader: zhang-wei", "leader: zhang-wie")],
     ["scope", "leader"]),
    # a malformed alias hid the clash of the one beside it (audit 31)
    ("content/zones/garden.yaml", [("aliases: [old-garden]", "aliases: [Old_Garden, closed]")], ["aliases[1]", "aliases"]),
    ("members.yaml", [("    name: 张伟", "    name: 张伟\n    aliases: [老张, li-na]")], ["members[1].aliases[1]", "members[1].aliases"]),
    # a misspelt key hid the record's own rules until the next run (audit M): an ID number, a group of another branch, a successor
    ("members.yaml", [("    name: 欧阳晓红\n    branch: b2", "    name: 欧阳晓红\n    branch: b2\n    group: b1-g1\n    pots: 站长\n    post: 130102199001011237")],
     ["members[3].group", "members[3].pots", "members[3].post"]),
    ("members.yaml", [("    name: 隐藏人", "    name: 隐藏人\n    pots: 站长\n    post: 130102199001011237")], ["members[4].pots"]),
    ("content/zones/garden.yaml", [("scope: 花园一片", "scopee: 花园一片"), ("id: garden", "id: garden\nsuccessor: old-garden")], ["scopee", "successor"]),
    ("content/zones/garden.yaml", [("id: garden", "id: gardne\nslogn: 口号")], ["id", "slogn"]),
    ("content/stories/a-key.md", [("date: 2016-05-12", "date: 2016/05/12"), ("故事正文。", "故事正文，130102199001011237。")], ["date", "body"]),
    ("content/org.yaml", [("hotline: 0317-2720000", "hotline: [0317]"), ("supervision: 欢迎监督", "supervision: 欢迎监督 130102199001011237")],
     ["hotline", "supervision"]),
], ids=["member", "zone", "result", "story-category", "review-result", "period-file-date", "year-file-year", "org-hotline",
        "story-summary-unclosed", "zone-scope-unclosed", "zone-alias-malformed", "member-alias-malformed",
        "member-typo-beside-its-rules", "hidden-member-typo", "zone-typo-beside-successor", "zone-typo-beside-its-file-name",
        "story-date-beside-id-number", "org-hotline-beside-id-number"])
def test_a_record_with_one_mistake_still_has_its_references_checked(tmp_path, file, edits, expected):
    """One run reports every error: a misspelt id beside another mistake is not hidden by it."""
    root = write_site(tmp_path)
    for old, new in edits:
        _apply(root, sub(file, old, new))
    fields = [p.field for p in problems_of(root)]
    assert sorted(fields) == sorted(expected), fields


@pytest.mark.parametrize("directory_urls", [True, False])
def test_an_id_index_is_refused_only_where_its_page_would_be_the_list(tmp_path, directory_urls):
    """With use_directory_urls: false, zones/index.html is both the zone `index` and the zones list."""
    root = write_site(tmp_path)
    _apply(root, sub("mkdocs.yml", "docs_dir: content", f"docs_dir: content\nuse_directory_urls: {str(directory_urls).lower()}"))
    _apply(root, sub("content/zones/garden.yaml", "aliases: [", "aliases: [index, "))
    (root / "content/stories/a-key.md").rename(root / "content/stories/index.md")
    found = [(p.where.path, p.field) for p in problems_of(root)]
    assert found == ([] if directory_urls else [("content/zones/garden.yaml", "aliases"), ("content/stories/index.md", "slug")])


@pytest.mark.parametrize("printables", [True, False])
def test_an_id_all_is_refused_where_a_printable_would_be_lost_to_all_pdf(tmp_path, printables):
    root = write_site(tmp_path)
    if not printables:
        _apply(root, sub("mkdocs.yml", "  - liangxiang", "  - liangxiang:\n      printables: false"))
    for file in ("content/zones/garden.yaml", "content/zones/closed.yaml", "content/commitments/2026.yaml",
                 "content/stories/a-key.md", "content/assessments/2026-Q1.yaml"):
        path = root / file
        path.write_text(path.read_text(encoding="utf-8").replace("garden", "all").replace("zhang-wei", "all"), encoding="utf-8")
    (root / "content/zones/garden.yaml").rename(root / "content/zones/all.yaml")
    members = root / "members.yaml"
    members.write_text(members.read_text(encoding="utf-8").replace("id: zhang-wei", "id: all"), encoding="utf-8")
    found = sorted((p.where.path, p.field) for p in problems_of(root))
    assert found == ([("content/zones/all.yaml", "id"), ("members.yaml", "id")] if printables else []), found


@pytest.mark.parametrize("file, old, new, fields", [
    ("members.yaml", "members:\n", "Members:\n", ["Members"]),
    ("content/org.yaml", "branches:", "branchs:", ["branchs"]),  # its misspelling, not also branches missing
])
def test_a_misspelt_list_is_not_one_error_per_reference_to_it(tmp_path, file, old, new, fields):
    root = write_site(tmp_path)
    _apply(root, sub(file, old, new))
    assert sorted(p.field for p in problems_of(root)) == fields


def test_an_empty_roster_is_one_error(tmp_path):
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": "members:\n"})
    assert [(p.field, p.message) for p in problems_of(root)] == [("members", "members 下面没有列出党员")]


def test_a_misnamed_year_file_is_not_told_to_write_its_name_as_the_year(tmp_path):
    root = write_site(tmp_path)
    (root / "content/commitments/2026.yaml").rename(root / "content/commitments/2026年.yaml")
    [problem] = problems_of(root)
    assert problem.hint == "把文件改名为 2026.yaml", problem  # not "或把 year 改成 2026年", which is no year


@pytest.mark.parametrize("duties, listed", [
    (["1、浇水", "2、修剪"], ["浇水", "修剪"]),  # pasted from Word
    (["1. 浇水", "2.修剪"], ["浇水", "修剪"]),
    (["（1）浇水", "(2) 修剪"], ["浇水", "修剪"]),
    (["①浇水", "②修剪"], ["浇水", "修剪"]),
    (["一、浇水", "二、修剪"], ["浇水", "修剪"]),
    (["1.5 米内浇水", "2 号楼修剪"], ["1.5 米内浇水", "2 号楼修剪"]),  # numbers that are text
    (["24小时值守"], ["24小时值守"]),
    (["1、浇水", "3、修剪"], ["1、浇水", "3、修剪"]),  # not their places: left as written
    (["（1）浇水", "（2）修剪", "巡查"], ["浇水", "修剪", "巡查"]),  # only some numbered (audit 15)
    (["1、浇水", "②修剪"], ["浇水", "修剪"]),  # numbers of two styles
    (["一、二号楼保洁", "巡查"], ["一、二号楼保洁", "巡查"]),  # "buildings 1 and 2", not a number
    (["巡查", "2、浇水"], ["巡查", "2、浇水"]),  # one in its place is too few to tell
    # audit AS-S 1: the only duty, or two in their places, naming buildings: printed 二号楼… on the sign
    (["一、二号楼楼道每周巡查两次"], ["一、二号楼楼道每周巡查两次"]),
    (["1、2号楼楼道每周巡查两次"], ["1、2号楼楼道每周巡查两次"]),
    (["1、2号楼楼道每日清扫", "2、3号楼车棚每周整理"], ["1、2号楼楼道每日清扫", "2、3号楼车棚每周整理"]),
    (["1、浇水", "2、3号楼修剪"], ["1、浇水", "2、3号楼修剪"]),  # one such makes the list's numbers text: none cut
    # a list's number then another kind of numeral, or not 、: numbered (printed "2. 2、十号楼…")
    (["1、浇水", "2、十号楼修剪"], ["浇水", "十号楼修剪"]),
    (["一、浇水", "二、3号楼修剪"], ["浇水", "3号楼修剪"]),
    (["1. 2号楼浇水", "2. 3号楼修剪"], ["2号楼浇水", "3号楼修剪"]),
    (["①2号楼浇水", "②3号楼修剪"], ["2号楼浇水", "3号楼修剪"]),
    (["2、十号楼修剪"], ["2、十号楼修剪"]),  # not its place
    # audit AS-X M1: an official document's second level, and ordinals: printed "1. （一）…" on a sign
    (["（一）按轮灌计划放水", "（二）巡查渠道", "(三) 调解用水纠纷"], ["按轮灌计划放水", "巡查渠道", "调解用水纠纷"]),
    (["一、巡查路面", "②清理边沟", "(3)维护护栏", "第四，路域环境清理"], ["巡查路面", "清理边沟", "维护护栏", "路域环境清理"]),
    (["第一时间到场处置", "第二天回访"], ["第一时间到场处置", "第二天回访"]),  # ordinals that are text
])
def test_duties_numbered_by_hand_are_numbered_once(duties, listed):
    from liangxiang.values import unnumbered

    assert unnumbered(duties) == listed


@pytest.mark.parametrize("written, listed, notice", [
    ("  - 1、浇水", ["浇水"],
     "content/zones/garden.yaml:6:5: duties[1]: 工作职责自带编号（“1、”），标志牌和网页会自动编号，已不再重复印出 (可以删掉每条开头的编号，例如写成“- 浇水”)"),
    # numbered by hand, or buildings 1 and 2: printed as written, and asked
    ("  - 1、2号楼浇水\n  - 2、修剪", ["1、2号楼浇水", "2、修剪"],
     "content/zones/garden.yaml:6:5: duties[1]: “1、2号楼浇水”开头的“1、”是编号还是楼号？看不出来，每条工作职责就照原样印出，"
     "标志牌上是“1. 1、2号楼浇水” (是编号就删掉每条开头的编号（标志牌和网页会自动编号）；是楼号就在前面加字，例如写成“负责1、2号楼浇水”)"),
])
def test_numbered_duties_are_a_notice(tmp_path, written, listed, notice):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "  - 浇水", written))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    garden = next(zone for zone in content.zones if zone.id == "garden")
    assert garden.listed_duties == listed
    assert [str(n) for n in content.notices] == [notice]


def test_the_only_duty_naming_two_buildings_is_no_notice(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "  - 浇水", "  - 一、二号楼浇水"))
    content, problems = read_content(root, root / "content")
    assert not problems and not content.notices, [str(p) for p in problems + content.notices]


def test_a_role_written_with_a_members_name_is_a_notice_to_link_them(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "name: 王芳}", "name: 李娜}"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/zones/garden.yaml:10:17: roles[2].name: “李娜”是名单里的党员 (写成 member: li-na，网页上会链接到他/她的页面)"]


def test_namesakes_are_told_apart_in_the_notice_and_on_the_signboard(tmp_path):
    """Two members named 李娜 (the format allows it): the notice names both, with where they work,
    and the sign prints each with her department, not "李娜、李娜" (audit O)."""
    from liangxiang.print.plan import plan_signboards
    from liangxiang.site.view import Urls

    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "name: 王芳}", "name: 李娜}"))
    _apply(root, sub("members.yaml", "    name: 李娜\n    branch: b1\n",
                     "    name: 李娜\n    branch: b1\n    department: 绿化队\n  - id: li-na-2\n    name: 李娜\n    branch: b2\n    department: 保卫科\n"))
    _apply(root, sub("content/zones/garden.yaml", "members: [zhang-wei, li-na]", "members: [zhang-wei, li-na, li-na-2]"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/zones/garden.yaml:10:17: roles[2].name: 名单里有 2 位叫“李娜”的党员：li-na（绿化队）、li-na-2（保卫科）"
        " (是其中一位就写成 member: 他/她的编号，网页上会链接到他/她的页面；都不是就在姓名后加上说明，例如 李娜（居民代表）)"]
    sign = next(p.content for p in plan_signboards(content, Urls(True), "https://example.org/") if p.id == "garden")
    assert [(r.role, r.name) for r in sign.roles] == [("业务带头人", "李娜（绿化队）"), ("监督员", "李娜")] and sign.members == ("李娜（保卫科）",)


@pytest.mark.parametrize("edit, first, then", [
    # a record's "- " missing: li-na is read into zhang-wei's record, whose id she overwrites; the
    # references to zhang-wei are not errors of their own (audit Q: "add zhang-wei to members.yaml")
    (("  - id: li-na\n", "    id: li-na\n"), "members[1].id: 这一条记录里第二次出现“id”", None),
    # li-na's record copied from zhang-wei's and its id left: the references to li-na are told where to look
    (("  - id: li-na\n", "  - id: zhang-wei\n"), "members[2].id: 党员编号“zhang-wei”重复了",
     "找不到党员“li-na” (members.yaml 第 11 行（李娜）的党员编号“zhang-wei”和前面的重复了：如果那里本来是 li-na，改回 li-na)"),
], ids=["dash-missing", "id-left-from-a-copy"])
def test_a_roster_mistake_is_said_once_not_again_at_every_reference(tmp_path, edit, first, then):
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", *edit))
    _, problems = read_content(root, root / "content")
    assert problems.items and f"{problems.items[0].field}: {problems.items[0].message}".startswith(first), [str(p) for p in problems]
    rest = [f"{p.message} ({p.hint})" for p in problems.items[1:]]
    assert (rest and all(line == then for line in rest)) if then else not rest, rest


def test_a_link_to_a_page_with_an_error_of_its_own_is_no_error_too(tmp_path):
    """Audit Q: about.md saved as GBK; org.yaml's link to about/ was said first, as if the page did not exist."""
    root = write_site(tmp_path, {"content/about.md": "# 关于\n\n活动介绍。\n",
                                 "content/org.yaml": FILES["content/org.yaml"].replace("supervision: 欢迎监督", "supervision: 欢迎监督\nintro: \"[了解更多](about/)\"")})
    (root / "content/about.md").write_bytes("# 关于\n\n活动介绍。\n".encode("gbk"))
    _, problems = read_content(root, root / "content")
    assert [p.where.path for p in problems] == ["content/about.md"], [str(p) for p in problems]


def test_a_namesake_with_a_mistake_of_its_own_is_still_one_of_the_namesakes(tmp_path):
    """Audit P: the second 李娜's wrong year left her out, and the notice told the editor to link
    li-na, the other one. She is named too, with what of her validated."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "name: 王芳}", "name: 李娜}"))
    _apply(root, sub("members.yaml", "    name: 李娜\n    branch: b1\n",
                     "    name: 李娜\n    branch: b1\n  - id: li-na-2\n    name: 李娜\n    branch: b2\n    department: 保卫科\n    joined: 二〇〇八\n"))
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["members[3].joined"], [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/zones/garden.yaml:10:17: roles[2].name: 名单里有 2 位叫“李娜”的党员：li-na（第一党支部）、li-na-2（保卫科）"
        " (是其中一位就写成 member: 他/她的编号，网页上会链接到他/她的页面；都不是就在姓名后加上说明，例如 李娜（居民代表）)"]


@pytest.mark.parametrize("file, edits, notice", [
    ("members.yaml", [("    name: 李娜", "    name: 李娜\n    pots: 站长\n    post: 站长 13812345678")], "members[2].post: 这里有一个手机号"),
    ("content/commitments/2026.yaml", [("{date: 2026-03-12,", "{date: 2026/3/12,"), ("items: [每周巡查]", "items: [每周巡查, 每周巡查]")],
     "commitments[1].items[2]: “每周巡查”写了两遍"),
    ("content/zones/garden.yaml", [("scope: 花园一片", "scopee: 花园一片"), ("  - 浇水", "  - 1、浇水")], "duties[1]: 工作职责自带编号"),
], ids=["member-mobile", "commitment-item-twice", "zone-numbered-duty"])
def test_a_record_with_one_mistake_still_has_its_notices(tmp_path, file, edits, notice):
    """A misspelt key hid the notices of the record's own rules until the next run (audit M)."""
    root = write_site(tmp_path)
    for old, new in edits:
        _apply(root, sub(file, old, new))
    content, problems = read_content(root, root / "content")
    assert len(problems) == 1, [str(p) for p in problems]
    assert [str(n) for n in content.notices if notice in str(n)], [str(n) for n in content.notices]


def test_a_zone_file_copied_under_a_new_id_is_a_notice_on_the_copy(tmp_path):
    """Copied, its id changed and nothing else: two zones of one name on the site and two signs
    (session 24's audit). Said at the copy, the newer file."""
    import os

    root = write_site(tmp_path)
    garden = root / "content/zones/garden.yaml"
    copy = root / "content/zones/a-garden-copy.yaml"
    copy.write_text(garden.read_text(encoding="utf-8").replace("id: garden", "id: a-garden-copy").replace("aliases: [old-garden]\n", ""), encoding="utf-8")
    os.utime(garden, (1_700_000_000, 1_700_000_000))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n).split(" (")[0] for n in content.notices] == [
        "content/zones/a-garden-copy.yaml:2:1: name: 责任区名称和 content/zones/garden.yaml（garden）一样：网页和标志牌上会有两个同名的责任区"]


def test_a_story_file_copied_under_a_new_name_is_a_notice_on_the_copy(tmp_path):
    """A story saved again under a new name and left unchanged: two stories of one title (audit M)."""
    import os

    root = write_site(tmp_path)
    story = root / "content/stories/a-key.md"
    (root / "content/stories/a-key-2.md").write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(story, (1_700_000_000, 1_700_000_000))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n).split(" (")[0] for n in content.notices] == [
        "content/stories/a-key-2.md:2:1: title: 故事标题和 content/stories/a-key.md 一样：网站上会有两篇同名的故事"]


def test_a_role_pasted_twice_is_listed_once_and_said(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "  - {role: 监督员, name: 王芳}\n",
                     "  - {role: 监督员, name: 王芳}\n  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}\n  - {role: 监督员, name: 张三}\n"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/zones/garden.yaml:11:5: roles[3]: “业务带头人 li-na”写了两遍（第 9 行已经有了），标志牌和网页上只列一次 (删掉这一行)",
        "content/zones/garden.yaml:12:5: roles[4]: “监督员 王芳”写了两遍（第 10 行已经有了），标志牌和网页上只列一次 (删掉这一行)"]
    garden = next(z for z in content.zones if z.id == "garden")
    assert [(r.role, r.member or r.name) for r in garden.listed_roles] == [("业务带头人", "li-na"), ("监督员", "王芳"), ("监督员", "张三")]


def test_a_duty_an_honor_a_commitment_or_a_progress_entry_pasted_twice_is_listed_once_and_said(tmp_path):
    root = write_site(tmp_path)
    _apply(root, {**sub("content/zones/garden.yaml", "  - 浇水\n", "  - 浇水\n  - 除草\n  - 浇水 \n"),
                  **sub("members.yaml", "      - {year: 2017, title: 优秀共产党员, by: 党委}\n",
                        "      - {year: 2017, title: 优秀共产党员, by: 党委}\n      - {year: 2018, title: 优秀共产党员, by: 党委}\n"
                        "      - {year: 2017, title: 优秀共产党员, by: 党委}\n")})
    _apply(root, sub("content/commitments/2026.yaml", "    items: [每周巡查]\n    progress:\n      - {date: 2026-03-12, text: 补植草坪}\n",
                     "    items: [每周巡查, 每周巡查]\n    progress:\n      - {date: 2026-03-12, text: 补植草坪}\n      - {date: 2026-03-12, text: 补植草坪}\n"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "members.yaml:12:9: members[1].honors[3]: “优秀共产党员”写了两遍（第 10 行已经有了），网页上只列一次 (删掉这一行)",
        "content/zones/garden.yaml:8:5: duties[3]: “浇水”写了两遍（第 6 行已经有了），标志牌和网页上只列一次 (删掉这一行)",
        "content/commitments/2026.yaml:5:19: commitments[1].items[2]: “每周巡查”写了两遍（第 5 行已经有了），网页上只列一次 (删掉这一行)",
        "content/commitments/2026.yaml:8:9: commitments[1].progress[2]: “补植草坪”写了两遍（第 7 行已经有了），网页上只列一次 (删掉这一行)"]
    garden = next(z for z in content.zones if z.id == "garden")
    assert garden.listed_duties == ["浇水", "除草"]
    zhang = content.member_by_id["zhang-wei"]
    assert [(h.year, h.title) for h in zhang.listed_honors] == [(2017, "优秀共产党员"), (2018, "优秀共产党员")]
    commitment = content.commitments[0].commitments[0]
    assert commitment.listed_items == ["每周巡查"] and len(commitment.listed_progress) == 1


@pytest.mark.parametrize("edits, notice", [
    (sub("content/commitments/2026.yaml", "promise: 热情服务", "promise: 热情服务，<b>限时办结</b>"),
     "content/commitments/2026.yaml:10:5: commitments[2].promise: “<b>”是网页代码，这里会照原样显示在网页和印刷品上 (去掉“<b>”，只写文字；要分行的话写成“promise: |”，下一行起分行写)"),
    (sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水<br>施肥"),
     "content/zones/garden.yaml:6:5: duties[1]: “<br>”是网页代码，这里会照原样显示在网页和印刷品上 (去掉“<br>”，只写文字；要分成几条的话，每条单独写一项“- ”)"),
    (sub("content/commitments/2026.yaml", "promise: 热情服务", "promise: 热情**服务**"),
     "content/commitments/2026.yaml:10:5: commitments[2].promise: “**服务**”不会加粗：星号会照原样显示在网页和印刷品上 (这一项只写文字：去掉“**”（加粗只在正文等 Markdown 字段里有用）)"),
    (sub("content/zones/garden.yaml", "  - 浇水", "  - 浇水，见[养护规程](https://example.org/a)"),
     "content/zones/garden.yaml:6:5: duties[1]: “[养护规程](https://example.…”不会变成链接：方括号和网址会照原样显示 (这一项只写文字；链接写进正文或 content 里)"),
    # audit T: a link to a file of the site was not seen (only https:// and / addresses were)
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 见[花园](about.md)一片"),
     "content/zones/garden.yaml:4:1: scope: “[花园](about.md)”不会变成链接：方括号和网址会照原样显示 (这一项只写文字；链接写进正文或 content 里)"),
    # audit X: copied out of a rich-text editor's source
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园&nbsp;一片"),
     "content/zones/garden.yaml:4:1: scope: “&nbsp;”是网页代码，这里会照原样显示在网页和印刷品上 (写成它代表的字：一个空格)"),
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园&#8220;一片&#8221;"),
     "content/zones/garden.yaml:4:1: scope: “&#8220;”是网页代码，这里会照原样显示在网页和印刷品上 (写成它代表的字：“)"),
    # audit Z1: without its semicolon, any named one, an invisible one, a line break
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园&nbsp 一片"),
     "content/zones/garden.yaml:4:1: scope: “&nbsp”是网页代码，这里会照原样显示在网页和印刷品上 (写成它代表的字：一个空格)"),
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片&copy;"),
     "content/zones/garden.yaml:4:1: scope: “&copy;”是网页代码，这里会照原样显示在网页和印刷品上 (写成它代表的字：“©”)"),
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园&#8203;一片"),
     "content/zones/garden.yaml:4:1: scope: “&#8203;”是网页代码，这里会照原样显示在网页和印刷品上 (它代表一个看不见的字符：删掉它)"),
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: R&D部门&AT&T"), None),
], ids=["tag-in-promise", "tag-in-duty", "stars-in-promise", "link-in-duty", "link-to-a-file-in-scope", "entity-in-scope", "numbered-entity",
        "entity-without-semicolon", "any-named-entity", "invisible-entity", "ampersands-in-words"])
def test_markup_in_a_plain_text_field_is_a_notice(tmp_path, edits, notice):
    """Only Markdown fields are rendered: stars or tags elsewhere are shown and printed as typed."""
    assert notices_after(tmp_path, edits) == ([notice] if notice else [])


def test_markup_in_a_markdown_field_is_no_notice(tmp_path):
    assert notices_after(tmp_path, sub("content/zones/garden.yaml", "scope: 花园一片\n", "scope: 花园一片\ncontent: 要**及时**浇水\n")) == []


def test_a_photo_named_after_another_member_is_a_notice(tmp_path):
    """A member's block copied from another's keeps that one's photo (audit 22)."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "    name: 李娜\n", "    name: 李娜\n    photo: photos/zhang-wei.jpg\n"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "members.yaml:13:5: members[2].photo: 照片“photos/zhang-wei.jpg”是按另一位党员（张伟，zhang-wei）的编号起名的：李娜的网页和桌牌上会是这张照片"
        " (如果是复制张伟的那一段时带过来的，换成李娜自己的照片；没有照片就删掉这一行)"]


GRADES_FROM_60 = sub("content/org.yaml", "name: 测试单位\n", "name: 测试单位\ngrades: [{name: 优秀, min: 90}, {name: 合格, min: 60}]\n")


@pytest.mark.parametrize("edits, notice", [
    (sub("content/commitments/2026.yaml", "date: 2026-03-12", "date: 2025-03-12"),
     "content/commitments/2026.yaml:7:10: commitments[1].progress[1].date: 践诺日期 2025-03-12 不在 2026 年，却记在 2026 年的承诺里"
     " (是不是要写 2026-03-12？如果是 2025 年做的事，写进 2025.yaml)"),
    (sub("content/assessments/2026-Q1.yaml", "published: 2026-04-05", "published: 2026-03-05"),
     "content/assessments/2026-Q1.yaml:2:1: published: 公布日期 2026-03-05 早于考核期 2026-Q1 结束（3 月 31 日） (是不是照抄了上一期的日期？写上这一期张榜公布的日期)"),
    (GRADES_FROM_60,  # 69.5 is graded; 90 too
     None),
    ({**GRADES_FROM_60, **sub("content/assessments/2026-Q1.yaml", "score: 69.5", "score: 59.5")},
     "content/assessments/2026-Q1.yaml:5:20: results[2].score: 得分 59.5 低于 org.yaml 里最低的等次（合格，60 分），网页上显示为“未达等次”"
     " (如果要给它一个等次，在 org.yaml 的 grades 最后加一行，例如 - {name: 不合格, min: 0})"),
    # audit X: 91% copied out of a spreadsheet is 0.91, posted as 0.91 points
    ({"content/assessments/2026-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("score: 90}", "score: 1.0}").replace("score: 69.5", "score: 0.695")},
     "content/assessments/2026-Q1.yaml:4:20: results[1].score: 有 2 个得分（例如这里的 1）像是表格里的百分比（显示 100% 的格子复制出来是 1）：网页上会公布成 1 分"
     " (得分按百分制写：是 100 分就写成 score: 100)"),  # 1 beside 0.695 is 100% too (audit Z1)
    (sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 0.91}"),
     "content/assessments/2026-Q1.yaml:4:20: results[1].score: 得分 0.91 像是表格里的百分比（显示 91% 的格子复制出来是 0.91）：网页上会公布成 0.91 分"
     " (得分按百分制写：是 91 分就写成 score: 91)"),
    # audit AS-P 2: averages pasted from a spreadsheet, shown cut to two decimals and ranked so
    ({"content/assessments/2026-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("score: 90}", "score: 89.9999}").replace("score: 69.5", "score: 89.995")},
     "content/assessments/2026-Q1.yaml:4:20: results[1].score: 有 2 个得分（例如这里的 89.9999）超过两位小数：榜上只显示两位（这里是 89.99，舍去后面的，不四舍五入），"
     "名次也按显示的得分排 (写成要公布的得分，最多两位小数；照榜上显示的就写 score: 89.99)"),
    (sub("content/commitments/2026.yaml", "date: 2026-03-12", "date: 2026-12-03"),  # 2026-11-21 in conftest
     "content/commitments/2026.yaml:7:10: commitments[1].progress[1].date: 践诺日期 2026-12-03 在今天（2026-11-21）之后"
     " (是不是年份或月份写错了？还没做的事，做了以后再记)"),
    (sub("content/commitments/2026.yaml", "      - {date: 2026-03-12, text: 补植草坪}\n",
         "".join(f"      - {{date: 2026-12-0{day}, text: 补植草坪}}\n" for day in range(1, 8))),  # audit AQ 8: seven notices
     "content/commitments/2026.yaml:7:10: commitments[1].progress[1].date: 有 7 条践诺日期在今天（2026-11-21）之后（第 7、8、9、10、11 行等）："
     "是不是复制了别的年度的文件，改了日期？ (还没做的事，做了以后再记：删掉这些 progress，每做一件再写一条)"),
    ({"content/commitments/1950.yaml": FILES["content/commitments/2026.yaml"].replace("2026", "1950")},  # audit AQ 8: a year typed wrong
     "content/commitments/1950.yaml:3:5: commitments[1].member: 张伟 2008 年入党，却有 1950 年的承诺 (是不是 1950 或 2008 写错了？)"),
    (sub("content/commitments/2026.yaml", "date: 2026-11-20", "date: 2026-12-20"),
     "content/commitments/2026.yaml:8:14: commitments[1].review.date: 评诺日期 2026-12-20 在今天（2026-11-21）之后，评诺结果“优秀”却已经公开"
     " (评诺以后再写 review；或改成评诺实际的日期)"),
    (sub("content/commitments/2026.yaml", "date: 2026-11-20", "date: 2025-11-20"),  # session 24's audit
     "content/commitments/2026.yaml:8:14: commitments[1].review.date: 评诺日期 2025-11-20 不在 2026 年或下一年年初，却是 2026 年承诺的评诺"
     " (是不是要写 2026-11-20？评诺 2026 年的承诺，日期写在 2026 年底或 2027 年初)"),
    (sub("content/assessments/2026-Q1.yaml", "published: 2026-04-05", "published: 2062-04-05"),
     "content/assessments/2026-Q1.yaml:2:1: published: 公布日期 2062-04-05 在今天（2026-11-21）之后 (写张榜公布的日期；还没公布的结果先不要提交)"),
    (sub("content/stories/a-key.md", "date: 2016-05-12", "date: 2061-05-12"),
     "content/stories/a-key.md:3:1: date: 故事日期 2061-05-12 在今天（2026-11-21）之后 (写故事发生或发表的日期；是不是年份或月份写错了？)"),
    (sub("content/commitments/2026.yaml", "      - {date: 2026-03-12, text: 补植草坪}\n",
         "".join(f"      - {{date: 2025-0{month}-12, text: 补植草坪}}\n" for month in range(3, 10))),
     "content/commitments/2026.yaml:7:10: commitments[1].progress[1].date: 有 7 条践诺日期在 2025 年（第 7、8、9、10、11 行等），"
     "却记在 2026 年的承诺里：是不是从 2025.yaml 复制来的？ (复制去年的文件时，删掉每条承诺下的 progress，今年做了什么再记；2025 年做的事留在 2025.yaml)"),
    ({"content/assessments/2026-Q2.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("2026-Q1", "2026-Q2").replace("2026-04-05", "2026-07-05")
      .replace("score: 90}", "score: 92}")},
     "content/assessments/2026-Q2.yaml:5:6: results[2].zone: 责任区“旧责任区”已撤销（status: archived），却出现在最新一期 2026-Q2 的考核结果里"
     " (如果这一期的文件是从上一期复制的，删掉这一条；如果它撤销以前参加了这一期考核，不用改；接手的责任区是 garden)"),
    ({"content/assessments/2025-Q4.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("2026-Q1", "2025-Q4").replace("2026-04-05", "2026-01-05"),
      **sub("content/assessments/2026-Q1.yaml", "  - {zone: closed, score: 69.5, note: 差}\n", "")},
     None),  # scored before it was archived: only the newest period is suspect
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: " + "带头养护花园，" * 6 + "做到"),
     "content/commitments/2026.yaml:4:5: commitments[1].promise: 承诺有 44 个字：桌牌上的字越多，隔着柜台越难读"
     " (想更醒目的话，把最想让群众记住的一句（40 个字以内）写在 promise，具体的事分条写进 items)"),  # no rule the format lacks (audit AS-R 5)
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: " + "带头养护花园，" * 5 + "做到"), None),  # 37
    # audit AS-X L1: a numbered list, or paragraphs, pasted in the one-sentence promise; lines of one sentence are fine
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: |\n      一、带头养护花园。\n\n      二、每周巡查一次。"),
     "content/commitments/2026.yaml:4:5: commitments[1].promise: 承诺写成了分条的几行：桌牌上照原样一行行印出，不像一句承诺"
     " (promise 只写一句承诺；要做的几件事分条写进 items（每条以“- ”开头，不用写编号）)"),
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: |\n      带头养护花园。\n\n      请群众监督。"),
     "content/commitments/2026.yaml:4:5: commitments[1].promise: 承诺写成了分段的几行：桌牌上照原样一行行印出，不像一句承诺"
     " (promise 只写一句承诺；要做的几件事分条写进 items（每条以“- ”开头，不用写编号）)"),
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: |\n      带头养护花园，\n      做到四季常绿"), None),
    # audit R: nine Uyghur words, 63 letters, fit as a sentence of 32 hanzi does
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: يولۇچىلارغا سەمىمىي مۇلازىمەت قىلىپ، ھەر كۈنى بىخەتەر ھەيدەيمەن ۋە پاكىز تۇتىمەن"), None),
    # a past year's plates are not printed: its long promise is no one's concern (audit 28)
    ({"content/commitments/2025.yaml": FILES["content/commitments/2026.yaml"].replace("2026", "2025").replace("promise: 带头养护花园", "promise: " + "带头养护花园，" * 6 + "做到")},
     None),
    ({"content/commitments/2026.yaml": "year: 2026\ncommitments:\n"},
     "content/commitments/2026.yaml:2:1: commitments: 2026 年还没有承诺：这一年的承诺墙是空的，也没有桌牌"
     " (在 commitments: 下面每位党员写一项，以“- member: 编号”开头，下一行写 promise)"),
    ({"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\n"},
     "content/assessments/2026-Q1.yaml:1:1: results: 考核期 2026-Q1 没有考核结果：网页上会张榜公布一个空榜"
     " (在 results: 下面每个责任区写一项，例如 - {zone: 编号, score: 93.5}；还没有结果的考核期先不要提交)"),
    (sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nsignboard: {size: 900x300mm, orientation: portrait}\n"),
     "content/zones/garden.yaml:14:30: signboard.orientation: 尺寸 900x300mm 是宽 900、高 300 毫米，却写了 orientation: portrait："
     "按它印成宽 300、高 900 毫米 (宽x高按标志牌挂好后的样子写（写 300x900mm 或 900x300mm），orientation 可以删掉)"),
    ({**sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nstatus: archived\n"),
      **sub("content/stories/a-key.md", "zone: garden\n", "")},
     "content/zones/closed.yaml:9:1: successor: 接续责任区“garden”（花园责任区）也已撤销，又没有写接续的责任区：旧责任区的旧标志牌扫码后找不到在用的责任区和电话"
     " (把这里的 successor 改成现在接手的在用责任区，或者在 garden 的文件里写上它的 successor)"),
    ({"content/commitments/2027.yaml": "year: 2027\ncommitments:\n  - member: li-na\n    promise: 提前写好的承诺\n"},
     "content/commitments/2027.yaml:1:1: year: 2027 年还没到（今天是 2026-11-21）：2027 年的承诺墙已经发布，党员页上排在 2026 年的后面；"
     "首页和责任区页仍是 2026 年的，桌牌已经换成 2027 年的：有 2027 年承诺的 1 人才有桌牌，可以提前送印"
     " (到 2027 年以后再生成网站，首页和责任区页就换成 2027 年的承诺；是不是年份写错了？)"),
    ({"content/commitments/2026.yaml": None, "content/commitments/2027.yaml": "year: 2027\ncommitments:\n  - member: li-na\n    promise: 写错年份的承诺\n"},
     "content/commitments/2027.yaml:1:1: year: 2027 年还没到（今天是 2026-11-21）：网站上还没有更早的承诺，首页、责任区页、党员页和桌牌就先用 2027 年的"
     " (是不是年份写错了？要写今年的承诺，year 和文件名都改成 2026)"),
    # audit 34: a new year begun with a few commitments dropped last year's promisers from the wall and the plates unsaid
    ({"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - {member: zhang-wei, promise: 种花}\n  - {member: li-na, promise: 微笑服务}\n"
      "  - {member: ouyang-xiaohong, promise: 调离前的承诺}\n",
      "content/commitments/2026.yaml": "year: 2026\ncommitments:\n  - {member: zhang-wei, promise: 带头养护花园}\n"},
     "content/commitments/2026.yaml:1:1: year: 2025 年写了承诺的 李娜还没有 2026 年的承诺：承诺墙和责任区页面只显示最新的 2026 年，这位党员不在上面，桌牌也不再印出"
     " (把这位党员 2026 年的承诺写进这个文件；新年度的承诺最好写齐了再一起提交)"),
    # audit 32: a period copied for a year on was said only as its date copied
    ({"content/assessments/2026-Q1.yaml": None, "content/assessments/2027-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("period: 2026-Q1", "period: 2027-Q1")},
     "content/assessments/2027-Q1.yaml:1:1: period: 考核期 2027-Q1 从 2027-01-01 才开始，还没到（今天是 2026-11-21）：它的考核结果会当成最新一期张榜公布"
     " (是不是年份或季度写错了？period 和文件名一起改；还没考核的季度先不要提交)"),
    # audit 34: a period copied from the last one, scores and notes unchanged, posted the old results as new
    ({"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\nresults:\n  - {zone: garden, score: 90, note: 补植及时}\n",
      "content/assessments/2026-Q2.yaml": "period: 2026-Q2\npublished: 2026-07-05\nresults:\n  - {zone: garden, score: 90, note: 补植及时}\n"},
     "content/assessments/2026-Q2.yaml:3:1: results: 考核期 2026-Q2 的考核结果和 2026-Q1 的一模一样（1 个责任区的得分和说明）：像是复制了文件还没改"
     " (写上 2026-Q2 的得分和说明；还没有结果的考核期先不要提交)"),
    ({"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\nresults:\n  - {zone: garden, score: 90}\n",
      "content/assessments/2026-Q2.yaml": "period: 2026-Q2\npublished: 2026-07-05\nresults:\n  - {zone: garden, score: 90}\n"}, None),  # a bare score may repeat
    # audit 32: one person added twice under two ids published two pages without a word
    (sub("members.yaml", "  - id: li-na\n", "  - id: zhangwei\n    name: 张伟\n    branch: b1\n    post: 绿化养护员\n  - id: li-na\n"),
     "members.yaml:12:5: members[2].name: “张伟”和 zhang-wei 同名，党支部和岗位也一样：像是同一个人写了两次，网站上会有两个张伟"
     " (是同一个人的话，删掉这一条（保留 zhang-wei）；是同名的另一个人，可以不改)"),
], ids=["progress-in-another-year", "published-before-the-quarter-ends", "every-score-graded", "score-below-every-grade", "scores-as-fractions", "score-as-a-fraction",
        "scores-of-many-decimals", "progress-in-the-future", "progress-moved-a-year-on", "promise-before-joining", "review-in-the-future", "review-of-another-year", "published-in-the-future", "story-in-the-future",
        "progress-of-a-copied-year", "archived-zone-in-the-newest-period", "archived-zone-in-an-older-period",
        "promise-of-a-paragraph", "promise-of-a-sentence", "promise-as-a-numbered-list", "promise-in-paragraphs", "promise-over-two-lines", "promise-in-uyghur", "promise-of-a-past-year", "a-year-with-no-commitments", "a-period-with-no-results",
        "sign-sides-against-orientation", "successor-archived-too", "a-year-not-begun", "the-only-year-not-begun", "a-year-begun-with-a-few", "a-period-not-begun", "a-period-copied", "two-scores-repeated", "one-person-twice"])
def test_dates_and_scores_that_contradict_their_file_are_notices(tmp_path, edits, notice):
    assert notices_after(tmp_path, edits) == ([notice] if notice else [])


def test_a_review_ahead_of_today_is_said_beside_its_commitments_error(tmp_path):
    """Audit AS-M 9: a commitment rejected for a progress date typed 2026.3.12 kept its review out
    of the checks: the review dated ahead was said only once the date was fixed."""
    root = write_site(tmp_path)
    _apply(root, {"content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace("date: 2026-11-20", "date: 2026-12-20")
                  .replace("date: 2026-03-12", "date: 2026.3.12")})
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["commitments[1].progress[1].date"], [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/commitments/2026.yaml:8:14: commitments[1].review.date: 评诺日期 2026-12-20 在今天（2026-11-21）之后，评诺结果“优秀”却已经公开"
        " (评诺以后再写 review；或改成评诺实际的日期)"]


def test_an_earlier_period_filled_in_by_copying_blames_the_copy(tmp_path):
    """Audit AM 7: 2026-Q3.yaml copied to back-fill 2025-Q4, its scores not yet changed: the notice
    told the real, published 2026-Q3 to write its scores and not to be committed."""
    import os

    root = write_site(tmp_path)
    results = "results:\n  - {zone: garden, score: 90, note: 补植及时}\n"
    _apply(root, {"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\n" + results,
                  "content/assessments/2025-Q4.yaml": "period: 2025-Q4\npublished: 2026-01-05\n" + results})
    os.utime(root / "content/assessments/2026-Q1.yaml", (1_700_000_000, 1_700_000_000))  # saved long before the copy
    content, _ = read_content(root, root / "content")
    said = [str(n) for n in content.notices if "一模一样" in n.message]
    assert len(said) == 1 and said[0].startswith("content/assessments/2025-Q4.yaml:3:1: results: 考核期 2025-Q4 的考核结果和 2026-Q1 的一模一样"), said


def test_a_period_copied_without_its_new_period_blames_the_copy_alone(tmp_path):
    """2026-Q2.yaml copied from 2026-Q1.yaml, its period not yet changed: the copy is the error;
    no notice tells the editor to rewrite the real 2026-Q1 results (audit J)."""
    root = write_site(tmp_path)
    results = "results:\n  - {zone: garden, score: 90, note: 补植及时}\n"
    _apply(root, {"content/assessments/2026-Q1.yaml": "period: 2026-Q1\npublished: 2026-04-05\n" + results,
                  "content/assessments/2026-Q2.yaml": "period: 2026-Q1\npublished: 2026-04-05\n" + results})
    content, problems = read_content(root, root / "content")
    assert [(p.where.path, p.field) for p in problems] == [("content/assessments/2026-Q2.yaml", "period")], [str(p) for p in problems]
    assert not [str(n) for n in content.notices if "一模一样" in n.message]


def test_a_photo_too_small_to_see_is_a_notice_and_the_site_still_builds(tmp_path):
    """Format rule 7 asks for a real JPEG, PNG or WebP, not a size: a 16x16 icon as a member's
    photo, a 1x1 pixel as a zone's and a story's picture and the logo all build, web and print,
    with a notice for each (audit A, session 20: a 10x10 photo stopped the build)."""
    files = {**sub("members.yaml", "photos/zhang-wei.jpg", "photos/icon.png"), "content/photos/icon.png": "ICON",
             **sub("content/org.yaml", "name: 测试单位\n", "name: 测试单位\nlogo: photos/dot.png\n"),
             **sub("content/zones/garden.yaml", "service_phone:", "photo: photos/dot.png\nservice_phone:"),
             **sub("content/stories/a-key.md", "featured: true\n", "featured: true\ncover: photos/dot.png\n")}
    root = write_site(tmp_path / "src")
    _apply(root, files)
    Image.new("RGB", (1, 1), "#c00").save(root / "content/photos/dot.png", "PNG")
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    said = [str(n) for n in content.notices if "图片太小" in n.message]
    assert len(said) == 4 and any("members.yaml" in n and "photo" in n and "16×16" in n and "600×800" in n for n in said), said
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (site / "print/plates/zhang-wei.pdf").is_file() and (site / "print/signboards/garden.pdf").is_file()
    assert "<img" in (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")
    # shown at its own size, not stretched across the page (audit 28)
    assert 'class="story-cover is-small"' in (site / "stories/a-key/index.html").read_text(encoding="utf-8")
    assert 'class="zone-photo is-small"' in (site / "zones/garden/index.html").read_text(encoding="utf-8")


def test_a_zone_photo_or_a_cover_too_narrow_for_the_web_is_a_notice(tmp_path):
    """An 80x80 zone photo or story cover is blown up across a card (audit O): said as a member's
    photo too small to print is. 480 px across and more: nothing said."""
    files = {**sub("content/zones/garden.yaml", "service_phone:", "photo: photos/small.png\nservice_phone:"),
             **sub("content/stories/a-key.md", "featured: true\n", "featured: true\ncover: photos/small.png\n")}
    root = write_site(tmp_path)
    _apply(root, files)
    for size, said in (((80, 80), 2), ((479, 300), 2), ((480, 320), 0)):
        Image.new("RGB", size, "#c00").save(root / "content/photos/small.png", "PNG")
        content, problems = read_content(root, root / "content")
        notices = [str(n) for n in content.notices if "网页上的卡片" in n.message]
        assert not problems and len(notices) == said, (size, notices)
        assert all(f"图片只有 {size[0]}×{size[1]} 像素" in n and "至少 480 像素宽" in n for n in notices)
        assert {n.split(":")[0] for n in notices} == ({"content/zones/garden.yaml", "content/stories/a-key.md"} if said else set())


def test_a_fully_transparent_logo_is_a_notice(tmp_path):
    """A logo exported with its layer hidden printed as an empty tile on every sign, unsaid (audit 25)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/org.yaml", "name: 测试单位\n", "name: 测试单位\nlogo: photos/logo.png\n"))
    Image.new("RGBA", (400, 400), (200, 0, 0, 0)).save(root / "content/photos/logo.png", "PNG")
    content, problems = read_content(root, root / "content")
    assert not problems and [str(n) for n in content.notices] == [
        "content/org.yaml:2:1: logo: 图片是全透明的，网页和印刷品上什么也看不见 (请重新导出这张图片（导出 PNG 时看一下图层是不是都显示着）)"]
    Image.new("RGBA", (400, 400), (200, 0, 0, 255)).save(root / "content/photos/logo.png", "PNG")
    content, problems = read_content(root, root / "content")
    assert not problems and not content.notices


def test_a_hidden_members_name_in_published_text_is_a_notice(tmp_path):
    """A hidden member's page is gone, but a story or a zone's text still named them (audit 25)."""
    said = notices_after(tmp_path, {**sub("content/stories/a-key.md", "故事正文。", "故事正文。\n\n那天隐藏人也在。"),
                                    **sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片，隐藏人负责浇水")})
    hint = "(如果说的就是这名党员，删掉或改成“一名党员”；说的是同名的另一个人，可以不管)"
    assert sorted(said) == [f"content/stories/a-key.md:11:1: body: 这里提到了“隐藏人”，名单里的隐藏人设为不公开（hidden: true） {hint}",
                    f"content/zones/garden.yaml:4:1: scope: 这里提到了“隐藏人”，名单里的隐藏人设为不公开（hidden: true） {hint}"], said


def test_a_hidden_name_that_is_a_common_word_is_said_at_its_line_with_that_possibility(tmp_path):
    """Audit AS-Y M2: a hidden member named 高峰 was found in 早高峰 (a bus company's rush hour), told
    at the `content: |` key, lines above the word, with a hint to write 一名党员 in its place."""
    said = notices_after(tmp_path, {**sub("members.yaml", "    name: 隐藏人\n", "    name: 高峰\n"),
                                    **sub("content/zones/garden.yaml", "scope: 花园一片\n",
                                          "scope: 花园一片\ncontent: |\n  每天巡查花园。\n\n  每天早高峰7:00—9:00在门口值守。\n")})
    assert said == ["content/zones/garden.yaml:8:1: content: 这里提到了“高峰”，名单里的高峰设为不公开（hidden: true） "
                    "(如果说的就是这名党员，删掉或改成“一名党员”；说的是同名的另一个人，或者“高峰”在这里只是个普通的词（它也是常用词），可以不管)"], said


def test_a_commitment_with_a_mistake_is_not_said_missing_from_the_new_year(tmp_path):
    """李娜's 2026 commitment has a wrong date: that error, not also a notice that she has no 2026
    commitment (audit 35: an editor told so adds a second one, a new error)."""
    root = write_site(tmp_path)
    _apply(root, {"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - {member: zhang-wei, promise: 种花}\n  - {member: li-na, promise: 微笑服务}\n",
                  "content/commitments/2026.yaml": "year: 2026\ncommitments:\n  - {member: zhang-wei, promise: 带头养护花园}\n"
                  "  - member: li-na\n    promise: 微笑服务\n    progress:\n      - {date: 2026-02-30, text: 完成}\n"})
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["commitments[2].progress[1].date"], [str(p) for p in problems]
    assert not [str(n) for n in content.notices if "还没有 2026 年的承诺" in str(n)]


@pytest.mark.parametrize("written", ["li–na", "“li-na”", "li\u200bna"])
def test_a_commitment_whose_member_is_mistyped_is_not_said_missing_from_the_new_year(tmp_path, written):
    """Audit AS-Q 4: `member: li–na` (Word's dash) is an error; the notice that 李娜 has no 2026
    commitment told the editor to write a second one, an error too once the dash is fixed."""
    root = write_site(tmp_path)
    _apply(root, {"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - {member: zhang-wei, promise: 种花}\n  - {member: li-na, promise: 微笑服务}\n",
                  "content/commitments/2026.yaml": "year: 2026\ncommitments:\n  - {member: zhang-wei, promise: 带头养护花园}\n"
                  f"  - member: {written}\n    promise: 微笑服务\n"})
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["commitments[2].member"], [str(p) for p in problems]
    assert not [str(n) for n in content.notices if "还没有 2026 年的承诺" in str(n)]


def test_a_file_read_past_a_syntax_error_has_no_notice_until_it_is_fixed(tmp_path):
    """Audit AM 6: a stray "---" between two commitments set the rest of the file aside; a notice
    then said their members had no commitment this year, and an editor would type them again."""
    root = write_site(tmp_path)
    _apply(root, {"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - {member: zhang-wei, promise: 种花}\n  - {member: li-na, promise: 微笑服务}\n",
                  "content/commitments/2026.yaml": "year: 2026\ncommitments:\n  - {member: zhang-wei, promise: 带头养护花园}\n---\n"
                  "  - member: li-na\n    promise: 微笑服务\n"})
    content, problems = read_content(root, root / "content")
    assert [(p.where.path, p.where.line) for p in problems] == [("content/commitments/2026.yaml", 4)], [str(p) for p in problems]
    assert not [str(n) for n in content.notices if n.where.path == "content/commitments/2026.yaml"]


def test_a_line_with_an_error_has_no_notice_beside_it(tmp_path):
    """A hidden member's name as a role's name: its error, not also a notice at the same field (audit 35)."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "  - id: li-na\n", "  - id: wang-fang\n    name: 王芳\n    branch: b1\n    hidden: true\n  - id: li-na\n"))
    content, problems = read_content(root, root / "content")
    assert [(p.field, p.message[:12]) for p in problems] == [("roles[2].name", "“王芳”是设为不公开（h")], [str(p) for p in problems]
    assert not [str(n) for n in content.notices if n.field == "roles[2].name"]


def notices_after(tmp_path, edits) -> list[str]:
    """The notices of the minimal site after edits, which must leave it valid."""
    root = write_site(tmp_path)
    _apply(root, edits)
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    return [str(n) for n in content.notices]


def test_tabs_between_words_as_yaml_reads_them_are_spaces(tmp_path):
    """Audit X: cells copied out of a spreadsheet leave tabs after a colon, between words, at a
    line's end and in a {…} list; YAML 1.2 reads each as a space, PyYAML refused them all. A tab
    in the indentation is still an error (what it stands for cannot be known)."""
    edits = {**sub("content/assessments/2026-Q1.yaml", "{zone: garden, score: 90}", "{zone: garden,\tscore: 90}"),
             **sub("content/zones/garden.yaml", "scope: 花园一片", "scope:\t花园\t一片\t")}
    assert notices_after(tmp_path, edits) == []
    root = write_site(tmp_path / "again")
    _apply(root, edits)
    content, _ = read_content(root, root / "content")
    garden = next(zone for zone in content.zones if zone.id == "garden")
    assert garden.scope == "花园 一片" and content.assessments[0].results[0].score == 90


def test_an_invisible_character_is_shown_where_a_message_quotes_it(tmp_path):
    """The references to an id with a zero-width space in it quote it visibly: "li<U+200B>-na"
    does not look like the "li-na" they name; and a bidi control is said once, by the reader."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "id: li-na", "id: li\u200b-na"))
    assert any("“li<U+200B>-na”写得不对" in str(p) for p in problems_of(root))
    _apply(root, {"members.yaml": ("id: li\u200b-na", "id: li-na\u202e")})
    said = [str(p) for p in problems_of(root) if p.where.path == "members.yaml"]
    assert len(said) == 2 and not any("看不见的字符（" in s for s in said) and any("看不见的控制字符（U+202E）" in s for s in said), said


@pytest.mark.parametrize("phone", ["0318-12345", "0318-95598", "010-12345", "12345", "0317-2720001转6001"])
def test_a_service_number_after_an_area_code_builds(tmp_path, phone):
    """0318-12345 is how a city writes its hotline for mobiles (a short number after the area
    code); it was refused as "区号 0318 后面的号码有 5 位，应该是 7 或 8 位" (audit H, session 37)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", f"service_phone: {phone}"))
    assert problems_of(root) == []


@pytest.mark.parametrize("comment", ["  # 入党年份", " # 入党年份", "  #入党年份"])
def test_a_comment_after_a_value_is_not_a_cut_value(tmp_path, comment):
    """"#" after a value is a comment when it is set apart ("  #") or followed by a space ("# ")."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "joined: 2008", "joined: 2008" + comment))
    assert problems_of(root) == []


@pytest.mark.parametrize("edits, notice", [
    (sub("content/zones/garden.yaml", "name: 王芳}", "name: 王芳（138 3171 2345）}"),
     "content/zones/garden.yaml:10:17: roles[2].name: 这里有一个手机号（138****2345），会公开发布"),
    (sub("content/stories/a-key.md", "故事正文。", "第一段。\n\n有事打徐班长手机：139-3170-8888。"),
     "content/stories/a-key.md:11:1: body: 这里有一个手机号（139****8888），会公开发布"),
    (sub("content/stories/a-key.md", "故事正文。", "电话 13812345678 或 13912345678。"),  # each number once
     ["content/stories/a-key.md:9:1: body: 这里有一个手机号（138****5678），会公开发布",
      "content/stories/a-key.md:9:1: body: 这里有一个手机号（139****5678），会公开发布"]),
    (sub("content/stories/a-key.md", "故事正文。", "电话 13812345678。" * 50),  # pasted again and again: said once (audit AQ 4)
     "content/stories/a-key.md:9:1: body: 这里有一个手机号（138****5678），会公开发布"),
    (sub("content/zones/garden.yaml", "scope: 花园一片", "scope: 花园一片，联系 wangfang.home@163.com"),  # audit AQ 4: as personal as a mobile
     "content/zones/garden.yaml:4:1: scope: 这里有一个电子邮箱（wa***@163.com），会公开发布"),
    (sub("content/stories/a-key.md", "故事正文。", "有事加徐班长 QQ：312345678。"),
     "content/stories/a-key.md:9:1: body: 这里有一个QQ号（QQ:31****78），会公开发布"),
])
def test_a_mobile_number_in_public_text_is_a_notice(tmp_path, edits, notice):
    """A member may agree to publish a mobile: a notice, not an error. The zone's service_phone
    (a mobile too, here) is public by definition."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 13831700001"))
    _apply(root, edits)
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n).split(" (")[0] for n in content.notices] == (notice if isinstance(notice, list) else [notice])


def test_a_former_members_plate_is_a_notice(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/commitments/2026.yaml", "  - member: li-na", "  - member: ouyang-xiaohong"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n).split(" (")[0] for n in content.notices] == [
        "content/commitments/2026.yaml:9:5: commitments[2].member: “欧阳晓红”已调离（status: former），2026 年的承诺仍会印成桌牌（在 plates/all.pdf 里）"]


def test_a_former_members_plate_is_said_of_the_year_the_plates_print(tmp_path):
    """Audit AS-T M1: next year's file, read well, silenced the notice. The plates print the latest
    year that has commitments (the format's rule for plates/all.pdf), begun or not."""
    from liangxiang.values import build_day

    root = write_site(tmp_path)
    _apply(root, sub("content/commitments/2026.yaml", "  - member: li-na", "  - member: ouyang-xiaohong"))
    assert build_day().year == 2026, "the minimal site's commitments are of the build's year"
    (root / "content/commitments/2027.yaml").write_text(
        "year: 2027\ncommitments:\n  - member: zhang-wei\n    promise: 明年的承诺\n  - member: ouyang-xiaohong\n    promise: 调离前写的承诺\n", encoding="utf-8")
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    notices = [str(n).split(" (")[0] for n in content.notices]
    assert "content/commitments/2027.yaml:5:5: commitments[2].member: “欧阳晓红”已调离（status: former），2027 年的承诺仍会印成桌牌（在 plates/all.pdf 里）" in notices, notices
    assert not any("2026 年的承诺仍会印成桌牌" in n for n in notices), notices
    assert list(content.plate_commitments) == ["zhang-wei", "ouyang-xiaohong"] and content.latest_year.year == 2026


def test_a_former_members_plate_is_not_said_of_a_year_that_prints_only_while_the_next_has_errors(tmp_path):
    """Audit AS-AG L9: with every commitment of the later year refused, the earlier year's plates
    were the latest for that run only: noise in a run that does not build."""
    root = write_site(tmp_path)
    (root / "content/commitments/2025.yaml").write_text(
        "year: 2025\ncommitments:\n  - member: ouyang-xiaohong\n    promise: 调离前写的承诺\n", encoding="utf-8")
    _apply(root, sub("content/commitments/2026.yaml", "  - member: li-na", "  - member: li-na\n    promis: 拼错的字段"))
    _apply(root, sub("content/commitments/2026.yaml", "  - member: zhang-wei", "  - member: zhang-wei\n    promis: 拼错的字段"))
    content, problems = read_content(root, root / "content")
    assert problems and all(p.where.path == "content/commitments/2026.yaml" for p in problems), [str(p) for p in problems]
    assert not any("仍会印成桌牌" in str(n) for n in content.notices), [str(n) for n in content.notices]


@pytest.mark.parametrize("edits, notice", [
    (sub("members.yaml", "name: 张伟", "name: 张\u3000伟"), "members.yaml:3:5: members[1].name: 姓名“张\u3000伟”中间有空格，网页和桌牌上会照样显示 (写成 张伟：对齐用的空格不要带进来)"),
    (sub("content/zones/garden.yaml", "name: 王芳}", "name: 王 芳}"), "content/zones/garden.yaml:10:17: roles[2].name: 姓名“王 芳”中间有空格，网页和标志牌上会照样显示 (写成 王芳：对齐用的空格不要带进来)"),
    # audit 34: a unit before the name belongs in the role
    (sub("content/zones/garden.yaml", "name: 王芳}", "name: 城关镇卫生院 王芳}"),
     "content/zones/garden.yaml:10:17: roles[2].name: 姓名“城关镇卫生院 王芳”中间有空格，网页和标志牌上会照样显示 "
     "(“城关镇卫生院”是单位的话，写进 role，例如 role: …（城关镇卫生院），name: 王芳；是对齐用的空格就写成 城关镇卫生院王芳：对齐用的空格不要带进来)"),
    (sub("members.yaml", "name: 李娜", "name: 热合曼•阿不都"), "members.yaml:12:5: members[2].name: 姓名“热合曼•阿不都”里的“•”不是姓名中间的点“·” (写成 热合曼·阿不都)"),
    (sub("members.yaml", "name: 李娜", "name: 阿依古丽‧买买提"),  # the hyphenation point, from a Taiwanese input method (audit X)
     "members.yaml:12:5: members[2].name: 姓名“阿依古丽‧买买提”里的“‧”不是姓名中间的点“·” (写成 阿依古丽·买买提)"),
    (sub("members.yaml", "name: 李娜", "name: Maria Garcia"), None),
    # audit 21: printed with its quotes on the plate
    (sub("members.yaml", "name: 李娜", "name: “李娜”"), "members.yaml:12:5: members[2].name: 姓名加了引号：“李娜”，网页和桌牌上会连引号一起显示 (写成 李娜：姓名不用加引号)"),
    (sub("content/zones/garden.yaml", "name: 王芳}", "name: 「王芳」}"), "content/zones/garden.yaml:10:17: roles[2].name: 姓名加了引号：「王芳」，网页和标志牌上会连引号一起显示 (写成 王芳：姓名不用加引号)"),
    # audit 32: a title or a promise wrapped in Chinese quotes passed in silence; ASCII ones are YAML's and vanish
    (sub("content/stories/a-key.md", "title: 一把钥匙", "title: “一把钥匙”"), "content/stories/a-key.md:2:1: title: 整段文字加了引号：“一把钥匙”，网页上会连引号一起显示 (如果引号不是有意加的，写成 一把钥匙)"),
    (sub("content/commitments/2026.yaml", "promise: 带头养护花园", "promise: ‘带头养护花园’"),
     "content/commitments/2026.yaml:4:5: commitments[1].promise: 整段文字加了引号：‘带头养护花园’，网页和印刷品上会连引号一起显示 (如果引号不是有意加的，写成 带头养护花园)"),
    (sub("content/stories/a-key.md", "title: 一把钥匙", "title: “六个一”上门服务"), None),
    (sub("content/stories/a-key.md", "title: 一把钥匙", "title: “一把”钥匙“的事”"), None),
    (sub("content/stories/a-key.md", "title: 一把钥匙", 'title: "一把钥匙"'), None),
])
def test_a_name_as_a_spreadsheet_pads_it_is_a_notice(tmp_path, edits, notice):
    assert notices_after(tmp_path, edits) == ([notice] if notice else [])


@pytest.mark.parametrize("phone", ["0317-2720001 ext 8", "Tel: 0317-2720001", "0317-2720001（24小时）", "0317-2720001 转 8001"])
def test_a_phone_with_words_a_number_takes_is_not_code(tmp_path, phone):
    assert notices_after(tmp_path, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", f"service_phone: '{phone}'")) == []


@pytest.mark.parametrize("phone, label", [("救援电话：0311-85551212", "救援电话："), ("24小时值班热线: 0311-85551212", "24小时值班热线:")])
def test_a_phone_written_with_its_own_label_is_a_notice(tmp_path, phone, label):
    """Audit AS-AF L2: the page and the sign put 服务电话 before it: "服务电话：救援电话：0311-…"."""
    notices = notices_after(tmp_path, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", f"service_phone: '{phone}'"))
    assert notices == [f"content/zones/garden.yaml:12:1: service_phone: 号码前面写了“{label}”：网页和标志牌上已经有“服务电话：”，"
                       f"会显示成“服务电话：{phone}” (只写号码，写成 service_phone: 0311-85551212)"], notices


def test_an_emergency_number_as_a_zones_phone_is_a_notice(tmp_path):
    """Audit AS-AD M1: 请拨打 110 made the sign's button call the police. Said, not refused: a 120
    dispatch centre's own zone may mean it."""
    notices = notices_after(tmp_path, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 请拨打 110"))
    assert notices == ["content/zones/garden.yaml:12:1: service_phone: 服务电话拨的是 110（报警电话），不是这个责任区自己的电话："
                       "网页上的拨号按钮和标志牌都会让群众拨 110 (写责任区自己的电话，例如 0317-2721365；只有这个责任区本身就是 110 时才这样写)"], notices


def _site_said(tmp_path, edits) -> list[str]:
    """Every problem and notice of the minimal site after edits, mkdocs.yml's checks included."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site
    from liangxiang.problems import ContentError

    root = write_site(tmp_path)
    _apply(root, edits)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    try:
        return [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices]
    except ContentError as error:
        return [str(p) for p in error.problems.sorted()] + [str(n) for n in error.notices]


def test_a_custom_dirs_own_files_and_links_to_other_sites_are_not_loads(tmp_path):
    """A stylesheet's url() of its own folder, a data: image, a link a visitor clicks, a canonical address."""
    edits = {**sub("mkdocs.yml", "  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n"),
             "overrides/css/extra.css": "a { background: url(../img/x.png) } b { background: url(data:image/png;base64,AAAA) }\n",
             "overrides/main.html": '{% extends "base.html" %}\n{% block extrahead %}<link rel="canonical" href="https://dj.qinghe.org.cn/dj/">'
                                    '<a href="https://www.12371.cn/">共产党员网</a>{% endblock %}\n'}
    assert _site_said(tmp_path, edits) == []


@pytest.mark.parametrize("line, key", [("site_description: !ENV [PATH]", "site_description"), ("copyright: !ENV [CI_JOB_TOKEN, x]", "copyright"),
                                       ("extra:\n  phone: !ENV PHONE", "phone")])
def test_an_environment_variable_published_on_every_page_is_a_notice(tmp_path, line, key):
    """Audit AS-AD H3: `site_description: !ENV [PATH]` put the building machine's PATH into every
    page, and a CI job's tokens would go the same way. site_url's own !ENV is what it is for."""
    notices = _site_said(tmp_path, sub("mkdocs.yml", "docs_dir: content\n", f"docs_dir: content\n{line}\n"))
    assert len(notices) == 1 and f": {key}: " in notices[0] and "!ENV 取环境变量的值" in notices[0], notices
    assert _site_said(tmp_path / "url", sub("mkdocs.yml", "site_url: https://dj.qinghe.org.cn/dj/\n",
                                               "site_url: !ENV [SITE_URL, 'https://dj.qinghe.org.cn/dj/']\n")) == []


@pytest.mark.parametrize("name, why", [("aux.md", "是 Windows 保留的设备名（AUX）"), ("问与答?.md", "里有 Windows 文件名不能用的“?”")])
def test_a_file_name_windows_cannot_hold_is_a_notice(tmp_path, name, why):
    """Audit AS-AD L1: a page or zone named con, aux or nul, or a name with ? or :, builds; on the
    office's Windows computers git cannot check the repository out."""
    notices = notices_after(tmp_path, {f"content/{name}": "# 说明\n\n正文。\n"})
    assert notices == [f"content/{name}:1:1: 文件名“{name}”{why}：在 Windows 电脑上 git 取不下来这个仓库 "
                       "(改个名字；它是页面的话，网址也跟着改)"], notices


def test_an_emptied_roster_is_one_error_not_one_per_reference(tmp_path):
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": "members: []\n"})
    said = [str(p) for p in problems_of(root)]
    assert len(said) == 1 and said[0].startswith("members.yaml:1:1: members: 党员名单是空的"), said


def test_a_score_from_a_spreadsheet_is_rounded(tmp_path):
    """89.99999999999999 is 90: graded 优秀 (audit 16)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 89.99999999999999}"))
    content, problems = read_content(root, root / "content")
    assert not problems and content.assessments[0].results[0].score == 90.0
    assert content.grade_for(90.0) == content.grade_for(content.assessments[0].results[0].score)


def test_a_score_written_under_a_grade_stays_under_it(tmp_path):
    """AS-AC M1: 69.99999999 was rounded to 70 on reading and graded 基本合格, with no notice; it is
    under 70, and the notice of decimals the board does not show counts it."""
    root = write_site(tmp_path)
    _apply(root, sub("content/assessments/2026-Q1.yaml", "score: 90}", "score: 69.99999999}"))
    content, problems = read_content(root, root / "content")
    score = content.assessments[0].results[0].score
    assert not problems and score < 70 and content.grade_for(score) != content.grade_for(70.0)
    assert any("69.99999999" in notice for notice in notices_after(tmp_path / "again", sub(
        "content/assessments/2026-Q1.yaml", "score: 90}", "score: 69.99999999}")))


EMPTY_OPTIONAL = {
    "members.yaml": FILES["members.yaml"].replace("    photo: photos/zhang-wei.jpg\n", "    photo:\n").replace(
        "    post: 绿化养护员\n", "    post: \"\"\n    department: \"\u200b\"\n    title: \"  \"\n    tags:\n    status:\n"),  # a zero-width space too (AS-N 3)
    "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
        "aliases: [old-garden]\n", "aliases: [old-garden]\nslogan: \"\"\nlocation:\nsignboard:\n").replace(
        "  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳, member: }\n  - {role: 安全员, member: zhang-wei, name: \"\"}\n"),
    **sub("content/stories/a-key.md", "featured: true\n", "featured: true\nsummary: \"\"\nteam:\ncover:\n"),
}


def test_an_optional_field_left_empty_is_one_not_written(tmp_path):
    """`post:` and `post: ""` alike (a blank kept from a template): the member has no post."""
    root = write_site(tmp_path)
    _apply(root, EMPTY_OPTIONAL)
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    zhang = content.members[0]
    assert (zhang.post, zhang.department, zhang.title, zhang.tags, zhang.status, zhang.photo) == (None, None, None, [], "active", None)
    garden = next(z for z in content.zones if z.id == "garden")
    assert [(r.member, r.name) for r in garden.roles] == [("li-na", None), (None, "王芳"), ("zhang-wei", None)]
    assert garden.slogan is None and garden.signboard.size == "60x40cm"


def test_an_empty_true_or_false_is_still_an_error(tmp_path):
    """`hidden:` says neither: publishing a member meant to be hidden is not a guess to make."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "    hidden: true\n", "    hidden:\n"))
    assert [(p.field, p.message) for p in problems_of(root)] == [("members[4].hidden", "“hidden”还没有填写：冒号后面是空的")]


def test_a_merge_key_brings_in_the_fields_not_written(tmp_path):
    """`<<: *zw` (YAML's merge key) as editors use it for a run of similar records: the fields the
    record writes win; an error in a brought field is reported where that field is written."""
    members = FILES["members.yaml"].replace("  - id: zhang-wei\n", "  - &zw\n    id: zhang-wei\n").replace(
        "  - id: li-na\n    name: 李娜\n", "  - <<: *zw\n    id: li-na\n    name: 李娜\n    post: 收费员\n")
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": members})
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    li = next(m for m in content.members if m.id == "li-na")
    assert (li.name, li.branch, li.group, li.post, li.joined, [h.title for h in li.honors]) == ("李娜", "b1", "b1-g1", "收费员", 2008, ["优秀共产党员"])
    _apply(root, {"members.yaml": members.replace("    joined: 2008\n", "    joined: 1850\n")})
    assert [(str(p.where), p.field) for p in problems_of(root)] == [("members.yaml:9:5", "members[1].joined"), ("members.yaml:9:5", "members[2].joined")]


@pytest.mark.parametrize("url, noticed", [("http://192.168.1.10:8000/", True), ("http://10.2.3.4/dj/", True),
                                          ("https://dj.qinghe.org.cn/dj/", False), ("http://intranet.corp/", False)])
def test_an_intranet_site_url_is_said(tmp_path, url, noticed):
    """Allowed (an intranet's own signs), but a sign outside would print a QR code that phones on
    mobile data cannot open (audit 18)."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("https://dj.qinghe.org.cn/dj/", url)})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices if "内网" in str(n)]
    assert notices == ([f"mkdocs.yml:2:1: site_url: 网站地址 site_url 是内网地址（“{url}”）：印出来的二维码只有连着单位内网的手机能打开，"
                        "用流量的群众打不开 (只在单位内部公示可以这样写；挂在外面的标志牌，site_url 写网站对外的地址，例如 https://dangjian.你的单位.cn/)"]
                       if noticed else [])


@pytest.mark.parametrize("url, noticed", [("http://dj.qinghe.org.cn/dj/", True), ("HTTP://dj.qinghe.org.cn/", True),
                                          ("https://dj.qinghe.org.cn/dj/", False), ("http://192.168.1.10/", False)])
def test_a_site_url_by_http_is_said(tmp_path, url, noticed):
    """Printed on signs for years, a QR code by http:// opens with "不安全" in the address bar (audit 32);
    an intranet's address gets its own notice instead."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("https://dj.qinghe.org.cn/dj/", url)})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices if "用的是 http://" in str(n)]
    https = "https://" + url.split("://", 1)[1]
    resolved = "http://" + url.split("://", 1)[1]  # as MkDocs reads it, its scheme in small letters
    assert notices == ([f"mkdocs.yml:2:1: site_url: 网站地址 site_url 用的是 http://（“{resolved}”）：印出来的二维码也是，手机打开时浏览器会标出“不安全” "
                        f"(网站开通了 https 的话，印标志牌和桌牌之前改成 {https})"] if noticed else [])


def test_an_https_site_url_is_not_said_to_be_http_while_serving(tmp_path):
    """Audit P: `mkdocs serve` puts its own http://127.0.0.1:8000/dj/ in site_url; the notice said
    the https:// address written in mkdocs.yml was http:// and asked to change it to itself."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    config["site_url"] = "http://127.0.0.1:8000/dj/"  # as mkdocs serve does
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices]
    assert not [n for n in notices if "site_url" in n], notices


@pytest.mark.parametrize("url", ["https://dangjian.huaning.example.cn/", "https://www.example.com/dj/", "http://dangjian.test/"])
def test_a_site_url_left_as_an_example_is_said(tmp_path, url):
    """A site copied from the example keeps its address: every QR code printed would lead nowhere
    (session 24's audit). A notice: the example itself is built with it."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("https://dj.qinghe.org.cn/dj/", url)})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices]
    assert notices == [f"mkdocs.yml:2:1: site_url: 网站地址 site_url 还是示例地址（“{url}”）：这样印出来的二维码打不开"
                       " (印标志牌和桌牌之前，改成网站对外的真实地址，例如 https://dangjian.你的单位.cn/)"]


def test_mkdocs_own_search_plugin_is_said(tmp_path):
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - search\n  - liangxiang\n")})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices]
    assert notices == ["mkdocs.yml:6:1: plugins: plugins 里的 search 用不上：网站自带中文搜索（/search/），MkDocs 的 search 插件只会多发布一份没有页面用的索引，"
                       "连编辑指南也在里面 (删掉 plugins 下的“- search”这一行)"]


@pytest.mark.parametrize("exclude_docs, said", [
    (None, "mkdocs.yml:1:1: exclude_docs: mkdocs.yml 没有写 exclude_docs 挡住记录和照片："),
    ("exclude_docs: |\n  *.yaml\n  /photos/\n", "mkdocs.yml:8:1: exclude_docs: mkdocs.yml 的 exclude_docs 没有挡住 *.yml、/stories/："),
])
def test_records_and_photos_left_to_the_plugin_alone_are_said(tmp_path, exclude_docs, said):
    """Audit AS-W H1: with no exclude_docs, a plugins: pasted twice drops the plugin and a bare
    mkdocs build published the records and photos as they are, a hidden member's with them."""
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].split("exclude_docs:")[0] + (exclude_docs or "")})
    config = load_config(config_file=str(root / "mkdocs.yml"))
    notices = [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices if n.field == "exclude_docs"]
    assert len(notices) == 1 and notices[0].startswith(said), notices
    assert "隐藏的党员的照片也在内" in notices[0] and "照着示例站点的 mkdocs.yml" in notices[0]


@pytest.mark.parametrize("folder, meant", [
    ("commitments", "commitment"), ("commitments", "承诺"), ("zones", "Zones"), ("stories", "story"), ("assessments", "assesments"),
])
def test_a_record_folder_under_another_name_is_an_error_not_left_out(tmp_path, folder, meant):
    """Records in content/commitment/ or content/Zones/ were left out in silence, and stories in
    content/story/ published as free pages (audit 19): the folder is named, with its right name."""
    root = write_site(tmp_path)
    (root / "content" / folder).rename(root / "content" / meant)
    found = [(str(p.where), p.message, p.hint) for p in problems_of(root) if p.where.path == f"content/{meant}"]
    assert len(found) == 1 and f"文件夹“{meant}”不是内容格式里的文件夹" in found[0][1], problems_of(root)
    assert found[0][2] == f"把文件夹改名为 {folder}（小写英文，一字不差）"


def test_a_yaml_file_in_a_folder_of_no_record_kind_is_an_error(tmp_path):
    root = write_site(tmp_path)
    (root / "content/notes").mkdir()
    (root / "content/zones/garden.yaml").rename(root / "content/notes/garden.yaml")
    found = [p for p in problems_of(root) if p.where.path == "content/notes/garden.yaml"]
    assert len(found) == 1 and found[0].message.startswith("不认识这个文件放的位置"), found


def test_a_zone_file_copied_under_a_new_name_is_told_to_change_its_own_id(tmp_path):
    """A copy of garden.yaml saved as garden-2.yaml with the id unchanged: both errors are on the
    copy, and neither tells the editor to rename the printed zone's file or id (audit 19)."""
    root = write_site(tmp_path)
    (root / "content/zones/garden-2.yaml").write_text(FILES["content/zones/garden.yaml"], encoding="utf-8")
    found = [(p.where.path, p.message, p.hint) for p in problems_of(root)]
    assert found and {where for where, _, _ in found} == {"content/zones/garden-2.yaml"}, found  # its id, its aliases
    assert any(hint == "garden.yaml 已经有了：把这个文件的 id 改成 garden-2" for _, _, hint in found), found


@pytest.mark.parametrize("phone", ["（010）64001305", "(010)64001305", "０１０-64001305", "010 6400 1305", "010-64001234转8001",
                                   "0086-10-64001305", "0086 13812345678", "８６－０３１７－２７２５１２０"])
def test_a_phone_as_pasted_from_word_is_valid(tmp_path, phone):
    """Full-width brackets round the area code, as Word and input methods type them, used to read
    as the number “010”, “不完整” (audit 21)."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "service_phone: 0317-2720001", f"service_phone: {phone}"))
    assert [str(p) for p in problems_of(root)] == []


def _assert_problems(root: Path, expected: list[tuple[str, str, str]]) -> None:
    """Exactly these problems, in this order: (where, field, a piece of the message)."""
    found = [(str(p.where), p.field, p.message) for p in problems_of(root)]
    assert len(found) == len(expected), found
    for (where, named, message), (want_where, want_field, want_message) in zip(found, expected):
        assert (where, named) == (want_where, want_field) and want_message in message, found


def _tabbed(text: str) -> str:
    """Each two spaces of indentation as a tab, as an editor set to tabs writes it."""
    return "\n".join("\t" * ((len(line) - len(line.lstrip(" "))) // 2) + line.lstrip(" ") for line in text.split("\n"))


@pytest.mark.parametrize("file, text, expected", [
    # audit 21: a full-width space in one line's indentation hid every other error of members.yaml
    ("members.yaml", FILES["members.yaml"].replace("    post: 绿化养护员", "\u3000\u3000post: 绿化养护员").replace("    branch: b2", "    branch: b9", 1)
     .replace("    name: 李娜", "    name: 李娜\n    phone: 13800000000"),
     [("members.yaml:7:1", "members[1].post", "缩进里有全角空格"), ("members.yaml:13:5", "members[2].phone", "不认识的字段"),
      ("members.yaml:17:5", "members[3].branch", "找不到党支部“b9”")]),
    # a file indented with tabs throughout: one error for them all, and its own mistakes
    ("members.yaml", _tabbed(FILES["members.yaml"].replace("    branch: b2", "    branch: b9", 1)),
     [("members.yaml:2:1", "-", "缩进里有制表符（Tab）：这一行和下面 19 行（第 3、4、5、6、7…… 行）"),
      ("members.yaml:16:5", "members[3].branch", "找不到党支部“b9”")]),
    # a tab that reads as no indentation of two or four spaces: that error alone, as before
    ("content/zones/garden.yaml", FILES["content/zones/garden.yaml"].replace("leader: zhang-wei", "\tleader: zhang-wie").replace("scope:", "scoppe:"),
     [("content/zones/garden.yaml:7:1", "leader", "缩进里有制表符（Tab）")]),
], ids=["fullwidth-space-line", "tabs-throughout", "tab-unguessable"])
def test_a_misindented_line_does_not_hide_the_files_other_errors(tmp_path, file, text, expected):
    root = write_site(tmp_path)
    _apply(root, {file: text})
    _assert_problems(root, expected)


def test_a_field_after_an_items_block_text_is_not_said_to_be_inside_it(tmp_path):
    """`- id: |`: the text is indented past "id", so the "name" under it is the next field, not a
    line of the text; it was said to be indented into it, a second, wrong error (audit AS-O 7)."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "  - id: li-na\n", "  - id: |\n      li-na\n"))
    said = [(str(p.where), p.field, p.message) for p in problems_of(root) if p.where.path == "members.yaml"]
    assert len(said) == 1 and said[0][:2] == ("members.yaml:11:5", "members[2].id") and "编号只能用小写字母" in said[0][2], said

def test_a_misspelt_groups_in_org_is_said_first_and_its_groups_references_point_there(tmp_path):
    """groups: misspelt group: hid b1-g1, and every member naming it was an error said before org.yaml's,
    with a hint to move them to another group (audit 35)."""
    root = write_site(tmp_path)
    _apply(root, {"content/org.yaml": FILES["content/org.yaml"].replace("    groups:\n", "    group:\n")})
    _assert_problems(root, [("content/org.yaml:8:5", "branches[1].group", "不认识的字段“group”"),
                            ("members.yaml:6:5", "members[1].group", "找不到党小组“b1-g1”")])
    said = [p for p in problems_of(root)]
    assert said[0].hint == "是不是要写 groups？"
    assert said[1].hint.startswith("org.yaml 第 8 行有错误（见那一条错误），“b1-g1”写在它下面，因此没有读进来"), said[1].hint


@pytest.mark.parametrize("old, new, expected", [
    # the column is the full-width bracket's, not where PyYAML stumbled later in the line
    ("      - {year: 2017", "      - ｛year: 2017", [("members.yaml:10:9", "members[1].honors[1]", "括号“｛”是全角的")]),
    # one of the pair typed full-width: still said, and the list to write is given
    ("    honors:\n      - {year: 2017, title: 优秀共产党员, by: 党委}", "    honors: ［a, b]", [("members.yaml:9:5", "members[1].honors", "这里应该是一个列表")]),
])
def test_a_full_width_bracket_is_pointed_at(tmp_path, old, new, expected):
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": FILES["members.yaml"].replace(old, new)})
    _assert_problems(root, expected)


@pytest.mark.parametrize("edits, expected", [
    # audit 21: two lines indented too far, reported one a run; and a mistake in another member
    ([("members.yaml", "    post: 绿化养护员", "     post: 绿化养护员"), ("members.yaml", "    name: 李娜", "    name: 李娜\n     joined: 2010"),
      ("members.yaml", "    branch: b2", "    branch: b9")],
     [("members.yaml:7:1", "post", "多缩进了 1 个空格"), ("members.yaml:13:1", "joined", "多缩进了 1 个空格"),
      ("members.yaml:17:5", "members[3].branch", "找不到党支部“b9”")]),
    # audit 21: a colon inside {…} hid the commitments after it
    ([("content/commitments/2026.yaml", "text: 补植草坪}", "text: 补植: 草坪}"), ("content/commitments/2026.yaml", "  - member: li-na", "  - member: li-nna"),
      ("content/commitments/2026.yaml", "    promise: 热情服务", "    promise: 热情服务\n    promiss: 再写一条")],
     [("content/commitments/2026.yaml:7:36", "commitments[1].progress[1]", "花括号 {…} 里的写法不对"), ("content/commitments/2026.yaml:9:5", "commitments[2].member", "找不到党员“li-nna”"),
      ("content/commitments/2026.yaml:11:5", "commitments[2].promiss", "不认识的字段“promiss”")]),
    # two quotes in one file, each said where it stands
    ([("content/commitments/2026.yaml", "    promise: 带头养护花园", '    promise: "带头"养护花园'), ("content/commitments/2026.yaml", "    promise: 热情服务", '    promise: "热情"服务')],
     [("content/commitments/2026.yaml:4:14", "commitments[1].promise", "引号只能把整个值括起来"), ("content/commitments/2026.yaml:10:14", "commitments[2].promise", "引号只能把整个值括起来")]),
    # a zone's own field set aside: the rest of the zone is not checked against a value it never had
    ([("content/zones/closed.yaml", "status: archived", "status archived"), ("content/zones/closed.yaml", "leader: li-na", "leader: li-nna")],
     [("content/zones/closed.yaml:8:7", "-", "“status”后面少了冒号")]),
    # but its other fields' own mistakes are said in the same run (audit 21: a quoted slogan hid three)
    ([("content/zones/garden.yaml", "scope: 花园一片", "scope: “花园: 一片”"), ("content/zones/garden.yaml", "service_phone: 0317-2720001", "service_phone: 待定"),
      ("content/zones/garden.yaml", "leader: zhang-wei", "leader: 张伟")],
     [("content/zones/garden.yaml:4:11", "scope", "多了一个冒号"), ("content/zones/garden.yaml:7:1", "leader", "（现在是“张伟”）"),
      ("content/zones/garden.yaml:12:1", "service_phone", "（现在是“待定”）")]),
    # the next line's error is this one's echo: not said as another mistake
    ([("content/zones/garden.yaml", "  - 浇水", "   - 浇水\n  - 剪草\n  - 施肥")],
     [("content/zones/garden.yaml:7:3", "-", "缩进没有对齐")]),
    # an id set aside is not missing where it is named (li-na leads a zone); the next member's mistake is said,
    # and so is a typo in another reference: the id set aside is read off its line
    ([("members.yaml", "  - id: li-na", '  - id: "li-na'), ("members.yaml", "    branch: b2", "    branch: b9"),
      ("content/commitments/2026.yaml", "  - member: zhang-wei", "  - member: zhang-wie")],
     [("members.yaml:11:9", "members[2].id", "引号或括号没有配对"), ("members.yaml:16:5", "members[3].branch", "找不到党支部“b9”"),
      ("content/commitments/2026.yaml:3:5", "commitments[1].member", "找不到党员“zhang-wie”")]),
    # an id that cannot be made out: a reference not found may be that member, so none is said missing
    ([("members.yaml", "  - id: li-na", "  - id: [li-na"), ("content/commitments/2026.yaml", "  - member: zhang-wei", "  - member: zhang-wie")],
     [("members.yaml:11:9", "members[2].id", "方括号“[”没有配对")]),
    # another field of the roster set aside: references are still checked (a leader's typo said in the same run)
    ([("members.yaml", "    post: 绿化养护员", '    post: "绿化养护员'), ("content/zones/garden.yaml", "leader: zhang-wei", "leader: zhang-wie")],
     [("members.yaml:7:11", "members[1].post", "引号或括号没有配对"), ("content/zones/garden.yaml:7:1", "leader", "找不到党员“zhang-wie”")]),
    ([("content/org.yaml", "  - id: b2", "  -id: b2"), ("content/org.yaml", "测试单位", "测试单位\nhotlien: 1")],
     [("content/org.yaml:2:1", "hotlien", "不认识的字段“hotlien”"), ("content/org.yaml:11:3", "-", "短横线“-”后面要有一个空格")]),
    # {id b1-g1, …}: the colon left out is one error, not also an id missing and a group not found
    ([("content/org.yaml", "{id: b1-g1,", "{id b1-g1,")], [("content/org.yaml:9:9", "branches[1].groups[1].id", "“id”后面少了冒号")]),
    ([("content/org.yaml", "{id: b1-g1,", "{id:b1-g1,")], [("content/org.yaml:9:9", "branches[1].groups[1].id", "“id”后面的冒号要跟一个空格")]),
    # git's conflict markers: the file is read as the side before "=======", so its other mistakes are said (audit 29)
    ([("members.yaml", "    post: 绿化养护员\n", "<<<<<<< HEAD\n    post: 绿化养护员\n=======\n    post: 绿化队长\n>>>>>>> origin/main\n"),
      ("members.yaml", "    branch: b2", "    branch: b9")],
     [("members.yaml:7:1", "-", "git 合并冲突的标记"), ("members.yaml:20:5", "members[3].branch", "找不到党支部“b9”")]),
    # and a member only the other side names is not missing from every record that names her
    ([("members.yaml", "  - id: li-na\n    name: 李娜\n    branch: b1\n", "<<<<<<< HEAD\n=======\n  - id: li-na\n    name: 李娜\n    branch: b1\n>>>>>>> origin/main\n"),
      ("content/commitments/2026.yaml", "  - member: zhang-wei", "  - member: zhang-wie")],
     [("members.yaml:11:1", "-", "git 合并冲突的标记"), ("content/commitments/2026.yaml:3:5", "commitments[1].member", "找不到党员“zhang-wie”")]),
], ids=["over-indented-twice", "colon-in-braces", "two-quotes", "zone-field-set-aside", "zone-other-fields-said", "echo-on-next-line", "member-id-set-aside", "member-id-unreadable", "member-field-set-aside",
        "org-dash", "id-without-colon-in-braces", "id-colon-without-space-in-braces",
        "merge-conflict-read-on", "merge-conflict-other-side"])
def test_a_syntax_error_does_not_hide_the_files_other_errors(tmp_path, edits, expected):
    """One run reports every error: a file is read on past a syntax error, the failed line read
    as empty, and what that line's record says then is not reported (it may be the error's echo)."""
    root = write_site(tmp_path)
    for file, old, new in edits:
        _apply(root, sub(file, old, new))
    _assert_problems(root, expected)


@pytest.mark.parametrize("folder, name", [("content", "说明.md"), ("content/stories", "故事.md"), ("content/zones", "新区.yaml"),
                                          ("content", "资料")])
def test_a_name_that_is_not_utf8_is_an_error_not_a_traceback(tmp_path, folder, name):
    """A zip made on Chinese Windows unpacks its names as GBK bytes (audit 21: a traceback in the
    parse cache, and in MkDocs for a free page)."""
    import os

    root = write_site(tmp_path / "src")
    target = os.fsencode(root / folder) + b"/" + name.encode("gbk")
    if "." in name:
        with open(target, "wb") as file:
            file.write(FILES["content/about.md"].encode())
    else:
        os.mkdir(target)
        with open(target + b"/a.md", "wb") as file:
            file.write(FILES["content/about.md"].encode())
    problems = problems_of(root)
    assert [p.message for p in problems if f"按 GBK 读是“{name}”" in p.message and "不是 UTF-8 编码" in p.message], problems
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_group_id_written_in_two_branches_is_org_yamls_error_not_the_members(tmp_path):
    root = write_site(tmp_path)
    _apply(root, sub("content/org.yaml", "    name: 第二党支部\n", "    name: 第二党支部\n    groups:\n      - {id: b1-g1, name: 第二党小组}\n"))
    _, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == [
        "content/org.yaml:13:10: branches[2].groups[1].id: 党小组编号“b1-g1”重复了，content/org.yaml:9:10 已经用过 (编号必须唯一：改用另一个编号)"]


def test_a_list_key_written_twice_reads_both_halves_and_is_one_error(tmp_path):
    """`members:` again above the second branch's members: the first half is not lost, so no
    zone, commitment or story naming those members is "not found" (audit 23: 27 errors, one was right)."""
    root = write_site(tmp_path)
    _apply(root, sub("members.yaml", "  - id: li-na\n", "members:\n  - id: li-na\n"))
    content, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == [
        "members.yaml:11:1: members: “members:”写了两次（第 1 行已经有了），两段列表已合在一起读 (删掉这一行的“members:”，让下面的各项接在上一段后面（“- ”对齐）)"]
    assert [m.id for m in content.members] == ["zhang-wei", "li-na", "ouyang-xiaohong", "secret-person"]


def test_a_list_key_pasted_below_the_roster_is_one_error_and_the_roster_stays(tmp_path):
    """A zone's `members: [..]` line pasted at the end of members.yaml: YAML keeps the last one, and
    every member named anywhere was "not found"; deleting "one of the two" could delete the roster."""
    root = write_site(tmp_path)
    _apply(root, {"members.yaml": (FILES["members.yaml"], FILES["members.yaml"] + "members: [zhang-wei, li-na]\n")})
    content, problems = read_content(root, root / "content")
    line = len(FILES["members.yaml"].splitlines()) + 1
    assert [str(p) for p in problems] == [
        f"members.yaml:{line}:1: members: “members:”写了两次（第 1 行已经有了），这一行的没有读 "
        "(删掉这一行（第 1 行下面的列表保留）；它是别处复制来的话，移回原来的文件)"]
    assert [m.id for m in content.members] == ["zhang-wei", "li-na", "ouyang-xiaohong", "secret-person"]


def test_a_zone_pasted_into_the_roster_is_said_once_as_a_zone(tmp_path):
    """Audit 37: a whole zone pasted as an item of members.yaml gave an error for each of its fields."""
    root = write_site(tmp_path)
    pasted = nested("content/zones/garden.yaml", "  - ", "    ")
    _apply(root, {"members.yaml": (FILES["members.yaml"], FILES["members.yaml"] + pasted)})
    _, problems = read_content(root, root / "content")
    line = len(FILES["members.yaml"].splitlines()) + 1
    assert [str(p) for p in problems] == [
        f"members.yaml:{line}:5: members[5]: 这一项像是责任区：scope、duties、leader、roles、service_phone 都是责任区的字段 "
        "(责任区不写在这里，每个责任区一个文件，写在 content/zones/编号.yaml：把这一项剪切过去)"]


def test_a_member_saved_as_a_zone_file_is_said_once_as_a_member(tmp_path):
    root = write_site(tmp_path, {"content/zones/wang.yaml": "id: wang\nname: 王强\nbranch: b1\ndepartment: 物业站\npost: 维修工\njoined: 2010\n"})
    _, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == [
        "content/zones/wang.yaml:1:1: 这个文件像是党员：department、post、joined 都是党员的字段 "
        "(党员不写在这里，写在 members.yaml：把这些内容剪切过去，再删掉这个文件)"]


@pytest.mark.parametrize("path, text, said", [
    # audit AQ 7: told to move it, then to rename it 2026.yaml (in commitments/)
    ("content/commitments/garden2.yaml", FILES["content/zones/garden.yaml"].replace("id: garden", "id: garden2"),
     "content/commitments/garden2.yaml:1:1: 这个文件像是责任区：scope、duties、leader、roles、service_phone 都是责任区的字段 "
     "(责任区不写在这里，每个责任区一个文件，写在 content/zones/编号.yaml：把这些内容剪切过去，再删掉这个文件)"),
    # year and commitments alone: told eight things, six of them fields missing for a zone
    ("content/zones/y2025.yaml", FILES["content/commitments/2026.yaml"].replace("year: 2026", "year: 2025"),
     "content/zones/y2025.yaml:1:1: 这个文件像是承诺：commitments 是承诺的字段 "
     "(承诺不写在这里，写在 content/commitments/年份.yaml（例如 2026.yaml），每位党员一项：把这些内容剪切过去，再删掉这个文件)"),
])
def test_a_record_file_in_another_kinds_folder_is_told_to_move_and_nothing_else(tmp_path, path, text, said):
    root = write_site(tmp_path, {path: text})
    _, problems = read_content(root, root / "content")
    assert [str(p) for p in problems if p.where.path == path] == [said]


@pytest.mark.parametrize("moved, to", [
    ("content/zones/garden.yaml", "content/commitments/garden.yaml"),
    ("content/zones/garden.yaml", "content/assessments/garden.yaml"),
    ("content/zones/garden.yaml", "content/stories/garden.yaml"),
])
def test_what_names_a_zone_saved_in_another_kinds_folder_is_sent_to_that_file(tmp_path, moved, to):
    """Audit AS-Q F05: the story and the assessment naming the moved zone were told to add it to zones/."""
    root = write_site(tmp_path)
    (root / to).write_bytes((root / moved).read_bytes())
    (root / moved).unlink()
    _, problems = read_content(root, root / "content")
    said = [str(p) for p in problems if p.where.path != to]
    sent = f"({to} 没有被读取（见那一条错误）：把它改好，这里就对了)"
    assert sorted(said) == [
        f"content/assessments/2026-Q1.yaml:4:6: results[1].zone: 找不到责任区“garden” {sent}",
        f"content/stories/a-key.md:6:1: zone: 找不到责任区“garden” {sent}",
        f"content/zones/closed.yaml:9:1: successor: 找不到责任区“garden” {sent}",
    ]
    own = [str(p) for p in problems if p.where.path == to]
    assert len(own) == 1 and "像是责任区" in own[0] and "content/zones/" in own[0], own


def test_a_year_of_commitments_saved_in_assessments_is_told_to_move_and_nothing_else(tmp_path):
    """Audit AS-Q F05: five errors (period missing, rename the file, published missing, year
    unknown), the move said last; the empty results the file's shell stands in hid that nothing
    written there was an assessment's."""
    root = write_site(tmp_path, {"content/assessments/2025.yaml": FILES["content/commitments/2026.yaml"].replace("year: 2026", "year: 2025")})
    _, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == [
        "content/assessments/2025.yaml:1:1: 这个文件像是承诺：commitments 是承诺的字段 "
        "(承诺不写在这里，写在 content/commitments/年份.yaml（例如 2026.yaml），每位党员一项：把这些内容剪切过去，再删掉这个文件)"]


def test_a_copied_period_file_is_told_its_period_only(tmp_path):
    """2026-Q2.yaml copied from 2026-Q1.yaml: change the period, not "merge the two files"."""
    root = write_site(tmp_path, {"content/assessments/2026-Q2.yaml": FILES["content/assessments/2026-Q1.yaml"],
                                 "content/commitments/2027.yaml": FILES["content/commitments/2026.yaml"]})
    _, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == [
        "content/commitments/2027.yaml:1:1: year: year 是“2026”，但文件名是“2027”，两者必须相同 (2026.yaml 已经有了：把这个文件的 year 改成 2027)",
        "content/assessments/2026-Q2.yaml:1:1: period: period 是“2026-Q1”，但文件名是“2026-Q2”，两者必须相同 (2026-Q1.yaml 已经有了：把这个文件的 period 改成 2026-Q2)"]


@pytest.mark.parametrize("edits, notice", [
    (sub("members.yaml", "members:\n", "members:\n  - {id: yincang, name: 隐藏人, branch: b1}\n"),
     "members.yaml:2:19: members[1].name: “隐藏人”和设为不公开（hidden: true）的党员 secret-person 同名：如果是同一个人，他/她会因这一条被公开 (是同一个人的话，删掉这一条；是同名的另一个人，可以不改)"),
    ({"content/rules.md": "---\ntitle: 规则\nauthor: 王五\n---\n\n正文。\n"},
     "content/rules.md:3:1: author: 页面开头信息里的“author”不会显示在网站上 (页面开头只写 title（标题）；其余内容写进正文)"),
], ids=["hidden-member-added-again", "free-page-meta-not-shown"])
def test_audit_23_notices(tmp_path, edits, notice):
    assert notices_after(tmp_path, edits) == [notice]


@pytest.mark.parametrize("edits, notices", [
    # leader: zhang-wei and a role 党员负责人 for li-na: the sign would name two people in charge;
    # the leader listed under that title too is the leader printed twice (audit AH F5)
    (sub("content/zones/garden.yaml", "  - {role: 业务带头人, member: li-na}\n  - {role: 监督员, name: 王芳}\n",
         "  - {role: 党员负责人, member: li-na}\n  - {role: 负责人, name: 王芳}\n  - {role: 党员负责人, member: zhang-wei}\n"),
     ["content/zones/garden.yaml:9:6: roles[1].role: roles 里写“李娜”是党员负责人，而 leader 是“张伟”：网页和标志牌上会出现两位党员负责人"
      " (一个责任区只有一位党员负责人，写在 leader：如果李娜才是负责人，改 leader；否则把这里的称呼改成 副组长、业务带头人 等)",
      "content/zones/garden.yaml:10:6: roles[2].role: roles 里写“王芳”是负责人，而 leader 是“张伟”：网页和标志牌上会出现两位负责人"
      " (党员负责人是名单里的党员，写在 leader：把王芳的称呼改成 社区负责人、监督员 等)",
      "content/zones/garden.yaml:11:19: roles[3].member: “张伟”是这个责任区的 leader，标志牌和网页上已经写了是党员负责人，这里会再列一次"
      " (删掉这一行；负责人另有分工的，写进责任区的 duties)"]),
    # the page marks them 已调离 and the sign leaves them off: said, as for a leader
    (sub("content/zones/garden.yaml", "{role: 业务带头人, member: li-na}", "{role: 业务带头人, member: ouyang-xiaohong}"),
     ["content/zones/garden.yaml:9:19: roles[1].member: 业务带头人“欧阳晓红”已调离（status: former）：网页上标着已调离，标志牌上不再印出"
      " (换一位在岗的党员（改 member），或删掉这一行，再重新印标志牌)"]),
], ids=["second-person-in-charge", "role-of-someone-who-left"])
def test_session_24_notices(tmp_path, edits, notices):
    assert notices_after(tmp_path, edits) == notices


def test_notices_do_not_follow_from_a_year_that_is_itself_in_error(tmp_path):
    """Audit 27: `year: 2025` in 2026.yaml had, beside its error, a notice to delete the progress of
    "a file copied from 2026"; and with 2026.yaml unreadable, 2025 was taken for the latest year and
    its former member's desk plate was said to be printed."""
    root = write_site(tmp_path / "a")
    _apply(root, {"content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace("year: 2026", "year: 2025")
                  + "    progress:\n" + "".join(f"      - {{date: 2026-03-{d:02}, text: 巡查}}\n" for d in range(1, 9))})
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["year"]
    assert not [str(n) for n in content.notices if "复制" in str(n) or "践诺日期" in str(n)]
    root = write_site(tmp_path / "b")
    _apply(root, {"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - member: ouyang-xiaohong\n    promise: 热情服务\n",
                  "content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace("year: 2026", "year: 2026年")})
    content, problems = read_content(root, root / "content")
    assert [p.field for p in problems] == ["year"]
    assert not [str(n) for n in content.notices if "桌牌" in str(n)]


def test_a_zone_its_own_successor_is_one_error(tmp_path):
    """Audit 34: garden → garden was said twice, the second time as a circle at the zone that
    names garden."""
    root = write_site(tmp_path)
    _apply(root, sub("content/zones/garden.yaml", "aliases: [old-garden]\n", "aliases: [old-garden]\nstatus: archived\nsuccessor: garden\n"))
    said = [f"{p.where.path}: {p.message}" for p in problems_of(root) if p.field == "successor"]
    assert said == ["content/zones/garden.yaml: 接续责任区不能是它自己"], said


@pytest.mark.parametrize("body, notice", [
    ("故事正文[^1]。\n\n[^1]: 据值班记录。", None),  # audit F (session 36): a note and its mark were said not to meet
    ("故事正文。\n\n[^1]: 据值班记录。", "注释“[^1]: …”在正文里没有对应的“[^1]”"),
])
def test_a_footnote_without_its_mark_is_a_notice(tmp_path, body, notice):
    said = notices_after(tmp_path, sub("content/stories/a-key.md", "故事正文。", body))
    assert [n for n in said if "注释" in n] == ([] if notice is None else [n for n in said if notice in n]) and (notice is None or said), said


@pytest.mark.parametrize("number", ["合同编号 130982-20260312-0001", "注册号 130982600123456", "统一社会信用代码 123101204012051234",
                                    "| 1 | 变压器 | 130982195503121234 |", "订单 130103209901011234"])
def test_a_number_of_another_thing_is_no_id_number(tmp_path, number):
    """Audit V: a contract, registration or serial number shaped like an ID number stopped the build.
    Not called an ID number, an 18-digit one must carry its check character, and a 15-digit one is none."""
    root = write_site(tmp_path)
    _apply(root, sub("content/about.md", "活动简介。", f"活动简介。\n\n{number}"))
    assert [str(p) for p in problems_of(root)] == []


@pytest.mark.parametrize("written, said", [
    ("![合影](photos/zhang-wei.jpg)", True),
    ("![合影](../photos/zhang-wei.jpg)", True),  # the same file, written from the story's folder
    ("![合影](photos/other.jpg)", False),  # the same bytes under another name: the editor chose it
])
def test_a_story_cover_shown_again_in_its_text_is_a_notice(tmp_path, written, said):
    """Audit AG 6: the story page opens with its cover; the cover pasted into the text too is the
    same photo twice, one under the other."""
    edits = {**sub("content/stories/a-key.md", "featured: true\n", "featured: true\ncover: photos/zhang-wei.jpg\n"),
             "content/photos/other.jpg": "COPY OF content/photos/zhang-wei.jpg"}
    root = write_site(tmp_path)
    _apply(root, edits)
    _apply(root, sub("content/stories/a-key.md", "故事正文。", f"故事正文。\n\n{written}"))
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    found = [str(n) for n in content.notices if "封面" in str(n)]
    path = written[written.index("(") + 1:-1]
    expected = [f"content/stories/a-key.md:12:7: body: 图片“{path}”就是这个故事的封面（cover），故事页开头已经显示它，这里会再显示一次 (正文里换一张别的照片，或者删掉这一行)"]
    assert found == (expected if said else []), found


@pytest.mark.parametrize("added, said", [
    ("  - {role: 技术负责人, member: zhang-wei}\n",
     ["content/zones/garden.yaml:11:19: roles[3].member: “张伟”是这个责任区的 leader，标志牌和网页上已经写了是党员负责人，这里会再列一次 "
      "(删掉这一行；负责人另有分工的，写进责任区的 duties)"]),
    ("  - {role: 业务骨干, member: li-na}\n",
     ["content/zones/garden.yaml:11:18: roles[3].member: “李娜”在 roles 里出现了两次（第 9 行是业务带头人），标志牌和网页上会列两次 "
      "(一人兼几个职务写在一行：role: 业务带头人、业务骨干，再删掉这一行)"]),
    ("  - {role: 居民代表, name: 王芳}\n",
     ["content/zones/garden.yaml:11:18: roles[3].name: “王芳”在 roles 里出现了两次（第 10 行是监督员），标志牌和网页上会列两次 "
      "(同一个人兼几个职务就写在一行：role: 监督员、居民代表，再删掉这一行；是同名的两个人，在姓名后加上说明，例如 王芳（居民代表）)"]),
    # a former member is on the page only: not "on the sign" (audit AI 4)
    ("  - {role: 联络员, member: ouyang-xiaohong}\n  - {role: 安全员, member: ouyang-xiaohong}\n",
     ["content/zones/garden.yaml:12:17: roles[4].member: “欧阳晓红”在 roles 里出现了两次（第 11 行是联络员），网页上会列两次 "
      "(一人兼几个职务写在一行：role: 联络员、安全员，再删掉这一行)"]),
    ("  - {role: 业务带头人, member: li-na}\n", []),  # pasted twice: said by the rule for repeats, not here
    ("  - {role: 居民代表, name: 王芳芳}\n", []),
])
def test_one_person_named_twice_around_a_zone_is_a_notice(tmp_path, added, said):
    """Audit AH F5: the leader again in roles, or one member in two roles, printed twice on a metal sign."""
    notices = notices_after(tmp_path, sub("content/zones/garden.yaml", "  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳}\n" + added))
    assert [n for n in notices if "两次" in n or "再列一次" in n] == said, notices


def test_a_link_into_a_misnamed_stories_folder_is_said_at_the_folder(tmp_path):
    """Links to a story in content/Stories/ were each "页面不存在", with a hint to write another
    path; renaming the folder is the one fix."""
    root = write_site(tmp_path)
    _apply(root, {**sub("content/about.md", "活动简介。", "活动简介。见[钥匙](stories/a-key.md)和[同一篇](stories/a-key/)。"),
                  "content/Stories/a-key.md": FILES["content/stories/a-key.md"], "content/stories/a-key.md": None})
    said = [str(p) for p in problems_of(root)]
    assert said == ["content/Stories:1:1: 文件夹“Stories”不是内容格式里的文件夹，里面的故事不会被读入 (把文件夹改名为 stories（小写英文，一字不差）)"], said


def test_a_photo_whose_name_differs_only_in_case_says_so_and_how_git_keeps_the_rename(tmp_path):
    """Audit AQ 9: Zhang-Wei.JPG opens on Windows and fails on the server; renamed in Explorer,
    git on Windows keeps the old case, and the build fails again after the fix."""
    root = write_site(tmp_path)
    _apply(root, {"content/photos/zhang-wei.jpg": None, "content/photos/Zhang-Wei.JPG": jpeg_bytes()})
    said = [str(p) for p in problems_of(root)]
    assert said == ["members.yaml:4:5: members[1].photo: 找不到图片“photos/zhang-wei.jpg” (照片的文件名是“Zhang-Wei.JPG”，大小写和这里写的不同，"
                    "网站服务器区分大小写，会找不到：写成 photos/Zhang-Wei.JPG，或把文件改名为 zhang-wei.jpg（只改大小写的改名，Windows 上的 git 看不出来："
                    "用 git mv content/photos/Zhang-Wei.JPG content/photos/zhang-wei.jpg）)"], said


def test_a_path_with_its_folder_in_another_case_is_what_to_fix_when_others_spell_it_right(tmp_path):
    """Audit AM 2: one path of 23 wrote Members/ for members/; the hint to rename the folder broke
    the other 22, whose errors then asked for the opposite rename."""
    root = write_site(tmp_path)
    _apply(root, {**sub("members.yaml", "photo: photos/zhang-wei.jpg", "photo: photos/Members/zhang-wei.jpg"),
                  **sub("content/zones/garden.yaml", "leader: zhang-wei\n", "leader: zhang-wei\nphoto: photos/members/garden.jpg\n"),
                  "content/photos/zhang-wei.jpg": None, "content/photos/members/zhang-wei.jpg": jpeg_bytes(),
                  "content/photos/members/garden.jpg": jpeg_bytes((1600, 1200))})
    said = [str(p) for p in problems_of(root)]
    assert said == ["members.yaml:4:5: members[1].photo: 找不到图片“photos/Members/zhang-wei.jpg” (文件在 content/photos/members/zhang-wei.jpg，"
                    "文件夹名的大小写和这里写的不同，网站服务器区分大小写，会找不到：写成 photos/members/zhang-wei.jpg)"], said


def test_a_misnamed_folder_is_the_one_thing_to_fix(tmp_path):
    """Audit AH F3: content/Zones/ made every reference to its zones "add it to content/zones/",
    and content/Photos/ made every photo "write Photos/… or move the file"."""
    root = write_site(tmp_path)
    _apply(root, {"content/Zones/garden.yaml": FILES["content/zones/garden.yaml"], "content/zones/garden.yaml": None})
    (root / "content/photos").rename(root / "content/Photos")
    said = [str(p) for p in problems_of(root)]
    assert "content/Zones:1:1: 文件夹“Zones”不是内容格式里的文件夹，里面的责任区不会被读入 (把文件夹改名为 zones（小写英文，一字不差）)" in said
    garden = [s for s in said if "“garden”" in s]
    assert garden and all(s.endswith("(content/Zones/garden.yaml 没有被读取（见那一条错误）：把它改好，这里就对了)") for s in garden), said
    photo = [s for s in said if "zhang-wei.jpg" in s]
    assert photo == ["members.yaml:4:5: members[1].photo: 找不到图片“photos/zhang-wei.jpg” (文件在 content/Photos/zhang-wei.jpg，文件夹名的大小写和这里写的不同，"
                     "网站服务器区分大小写，会找不到：把文件夹 content/Photos 改名为 photos（改好以后，这样写的路径就都对了）)"], said
    # photos/ there too: renaming Photos/ would put it inside; the file is moved instead (audit AI 1)
    (root / "content/photos").mkdir()
    photo = [str(p) for p in problems_of(root) if "zhang-wei.jpg" in str(p)]
    assert photo == ["members.yaml:4:5: members[1].photo: 找不到图片“photos/zhang-wei.jpg” (同名的文件在 content/Photos/zhang-wei.jpg："
                     "写成 Photos/zhang-wei.jpg，或者把文件移到 content/photos/zhang-wei.jpg)"], photo


def test_a_year_or_period_at_odds_with_its_file_name_leads_no_notice_astray(tmp_path):
    """Audit AH F4: 2025.yaml saying year: 2026 had its right 2025 review dates called wrong (each
    "是不是要写 2026-12-26？") and its former member's plate said printed; 2026-Q2.yaml saying
    2026-Q1 made the real 2026-Q1 "the newest period"."""
    root = write_site(tmp_path)
    _apply(root, {"content/commitments/2025.yaml": "year: 2026\ncommitments:\n  - member: ouyang-xiaohong\n    promise: 热情服务\n"
                  "    review: {date: 2025-12-26, result: 优秀, by: 群众评议}\n",
                  "content/assessments/2026-Q2.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("score: 90", "score: 91")})
    content, problems = read_content(root, root / "content")
    assert [(p.where.path, p.field) for p in problems] == [("content/commitments/2025.yaml", "year"), ("content/assessments/2026-Q2.yaml", "period")], \
        [str(p) for p in problems]
    astray = [str(n) for n in content.notices if "评诺日期" in str(n) or "桌牌" in str(n) or "最新一期" in str(n)]
    assert astray == [], astray
    # an older file misnamed does not hide what the newest, rightly named, says (audit AI 5)
    root = write_site(tmp_path / "older")
    _apply(root, {"content/assessments/2025-Q4.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("period: 2026-Q1", "period: 2025-Q3")})
    content, problems = read_content(root, root / "content")
    assert [(p.where.path, p.field) for p in problems] == [("content/assessments/2025-Q4.yaml", "period")], [str(p) for p in problems]
    assert [n.where.path for n in content.notices if "最新一期 2026-Q1" in str(n)] == ["content/assessments/2026-Q1.yaml"], [str(n) for n in content.notices]


@pytest.mark.parametrize("merged, said", [
    ("  - <<: *zw\n    id: li-na\n    name: 李娜\n",
     ["members.yaml:12:5: members[2]: joined、honors 是用“<<:”从张伟（第 2 行）那里带过来的：李娜的网页上会显示这些 "
      "(职务、入党年份、标识和荣誉每个人各写各的：在李娜这一条里写出自己的（没有就写 joined: 后面留空），或者不用“<<:”)"]),
    ("  - <<: *zw\n    id: li-na\n    name: 李娜\n    joined:\n    honors:\n", []),  # her own, empty: nothing of his
])
def test_a_merge_key_bringing_in_another_members_honors_is_a_notice(tmp_path, merged, said):
    """Audit AH F8: `<<: *base` copied 李娜's title, badge and honor onto 韩雪's page and plate, in
    silence; a branch or a group brought in is what a merge key is for."""
    edits = {"members.yaml": (FILES["members.yaml"].replace("  - id: zhang-wei\n", "  - &zw\n    id: zhang-wei\n")
                              .replace("  - id: li-na\n    name: 李娜\n    branch: b1\n", merged))}
    root = write_site(tmp_path, edits)
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices if "<<:" in str(n)] == said


def test_one_run_says_a_wrong_grade_beside_the_other_grades_mistakes(tmp_path):
    """Audit AQ 6: min: "90分" was said alone; after it was fixed, the next run said that 优秀's
    minimum is below 合格's and that 合格 is written twice. One run now says all three."""
    grades = "grades:\n  - {name: 优秀, min: 90分}\n  - {name: 合格, min: 95}\n  - {name: 良好, min: 70}\n  - {name: 合格, min: 60}\nbranches:"
    root = write_site(tmp_path, {"content/org.yaml": FILES["content/org.yaml"].replace("branches:", grades)})
    said = [(p.where.line, p.field, p.message) for p in problems_of(root)]
    assert any(field == "grades[1].min" and "应该是数字" in message for _, field, message in said), said
    assert any(field == "grades[3].min" and "“良好”的最低分 70 不比“合格”的 95 高" in message for _, field, message in said), said
    assert any(field == "grades[4].name" and "“合格”重复了" in message for _, field, message in said), said


def test_a_grade_written_twice_is_not_also_said_out_of_order_with_itself(tmp_path):
    """Audit AS-Y L3: 合格 at 60 and again at 80 was said as "“合格”的最低分 60 不比“合格”的 80 高
    (…例如 合格 80、合格 80)" beside the repetition."""
    grades = "grades:\n  - {name: 合格, min: 60}\n  - {name: 优秀, min: 90}\n  - {name: 合格, min: 80}\n  - {name: 不合格, min: 0}\nbranches:"
    root = write_site(tmp_path, {"content/org.yaml": FILES["content/org.yaml"].replace("branches:", grades)})
    said = [(p.field, p.message) for p in problems_of(root)]
    assert [field for field, message in said if "合格" in message] == ["grades[3].name"], said
    assert "“合格”重复了" in said[0][1], said


def test_an_alias_written_twice_in_a_zone_is_said_there_beside_its_clash_with_another(tmp_path):
    """Audit AQ 6: aliases: [tongxin, tongxin] beside a zone that has tongxin too was said as the
    clash, twice; the repetition only on the next run. Now each once, in one run."""
    garden = FILES["content/zones/garden.yaml"] + "aliases: [tongxin, tongxin]\n"
    closed = FILES["content/zones/closed.yaml"] + "aliases: [tongxin]\n"
    root = write_site(tmp_path, {"content/zones/garden.yaml": garden, "content/zones/closed.yaml": closed})
    said = [f"{p.where} {p.message}" for p in problems_of(root)]
    assert len([s for s in said if "tongxin" in s]) == 2, said
    assert any("写了两遍（这一行前面已经有了）" in s for s in said) and any("重复了" in s for s in said), said


def test_a_chinese_page_in_utf16_without_its_mark_is_called_utf16_not_gbk(tmp_path):
    """Audit AQ 7: a page of Chinese saved as UTF-16 without a byte-order mark has few zero bytes,
    and was said to be GBK: reopened as GBK, it showed garbage."""
    page = ("# 关于我们\n\n" + "华宁社区党委组织党员认领责任区，亮身份、亮承诺、亮标准，接受群众监督。" * 4 + "\n").encode("utf-16-le")
    root = write_site(tmp_path, {"content/about.md": page})
    said = [f"{p.where} {p.message} ({p.hint})" for p in problems_of(root)]
    assert len(said) == 1 and "content/about.md" in said[0] and "UTF-16" in said[0] and "GBK" not in said[0], said


def test_a_year_of_promises_before_its_members_joined_is_said_once(tmp_path):
    """Audit AQ 8: 1950.yaml beside members who joined from 1994 on was published without a word."""
    from liangxiang.check.timeline import timeline_notices

    more = "".join(f"  - id: m{n}\n    name: 党员{n}\n    branch: b1\n    joined: 2001\n" for n in range(5))
    year = "year: 1950\ncommitments:\n" + "".join(f"  - member: m{n}\n    promise: 带头服务群众\n" for n in range(5))
    root = write_site(tmp_path, {"members.yaml": FILES["members.yaml"] + more, "content/commitments/1950.yaml": year})
    content, problems = read_content(root, root / "content")
    said = [str(n) for n in timeline_notices(content) if "入党" in n.message]
    assert said == ["content/commitments/1950.yaml:1:1: year: 有 5 位党员的 1950 年承诺在他们入党以前（第 3、5、7、9、11 行） (是不是年份写错了？year 和文件名一起改)"], said


def test_the_build_day_is_chinas_day_not_the_runners(monkeypatch):
    """A CI runner keeps UTC: its build at 00:30 on 1 January, Beijing time, still took the old year
    for the promise wall, the plates and every "not yet" check (audit AS-G)."""
    from liangxiang.values import build_day

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798734600")  # 2026-12-31 16:30 UTC
    assert build_day().isoformat() == "2027-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798704000")  # 2026-12-31 08:00 UTC, 16:00 in Beijing
    assert build_day().isoformat() == "2026-12-31"
    # without SOURCE_DATE_EPOCH (every real build): the clock, read in Beijing's time (audit AS-L F13)
    import datetime as dt

    import liangxiang.values as values

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 12, 31, 16, 30, tzinfo=dt.timezone.utc).astimezone(tz)

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setattr(values.dt, "datetime", Clock)
    assert build_day().isoformat() == "2027-01-01"


@pytest.mark.parametrize("name, hint", [
    ("暴雨夜", "用拼音或英文，例如 baoyu-ye.md"),  # audit AS-O 6: always 例如 yi-ba-yao-shi.md, the format's example
    ("暴雨夜2", "用拼音或英文，例如 baoyu-ye-2.md"),  # not "改名为 2.md"
    # AS-AG L4: as a photo's and a zone's case-only rename say, git on Windows does not see one made in Explorer
    ("A-Key", "文件名里有大写字母：改名为 a-key.md（只改大小写的改名，Windows 上的 git 看不出来：用 git mv content/stories/A-Key.md content/stories/a-key.md）"),
])
def test_a_story_file_named_in_chinese_is_given_its_own_pinyin(tmp_path, name, hint):
    root = write_site(tmp_path)
    (root / "content/stories/a-key.md").rename(root / f"content/stories/{name}.md")
    said = [str(p) for p in problems_of(root) if p.where.path == f"content/stories/{name}.md"]
    assert said == [f"content/stories/{name}.md:1:1: 文件名要用小写字母、数字和“-”（它就是网址） ({hint})"], said


@pytest.mark.parametrize("written", ["---\ntitle: 通知\n---\n\n", ""])
def test_an_empty_free_page_is_published_with_a_notice(tmp_path, written):
    """The format allows any free page (audit AS-U 6): a placeholder is a blank page, said."""
    root = write_site(tmp_path / "src", {"content/about.md": written})
    content, problems = read_content(root, root / "content")
    assert not problems and "about.md" in content.pages, [str(p) for p in problems]
    assert [str(n) for n in content.notices] == [
        "content/about.md:1:1: 这个页面是空的：网站上会是一个空白页，菜单里也会有它 (写上内容再提交；还没准备好就先不要放进 content/)"]
    build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site/about/index.html").is_file()


def test_a_record_hidden_by_a_dot_is_a_notice_naming_it(tmp_path):
    """Audit AS-AD: a zone saved as .xincun.yaml was skipped without a word. A tool's dot file
    (macOS's ._garden.yaml, Emacs's .#garden.yaml) says nothing."""
    zone = FILES["content/zones/garden.yaml"]
    root = write_site(tmp_path, {"content/zones/.xincun.yaml": zone.replace("id: garden", "id: xincun"),
                                 "content/zones/.garden.yaml": zone, "content/zones/._garden.yaml": "\x00\x05\x16\x07",
                                 "content/stories/.#a-key.md": "lock"})
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    assert [str(n) for n in content.notices if "隐藏文件" in n.message] == [
        "content/zones/.garden.yaml:1:1: 文件名以“.”开头，是隐藏文件，不会读取：.garden.yaml 里的内容不会出现在网站上 (不需要的话删掉它)",
        "content/zones/.xincun.yaml:1:1: 文件名以“.”开头，是隐藏文件，不会读取：.xincun.yaml 里的内容不会出现在网站上 (这是要发布的记录的话，把文件改名为 xincun.yaml)"]
