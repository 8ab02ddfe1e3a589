"""A small valid site, as text, so that rule tests can break one line and know where it is."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

FILES: dict[str, str] = {
    "mkdocs.yml": """\
site_name: 测试站
site_url: https://dj.qinghe.org.cn/dj/
docs_dir: content
theme:
  name: liangxiang
plugins:
  - liangxiang
exclude_docs: |
  *.yaml
  *.yml
  /photos/
  /stories/
""",
    "members.yaml": """\
members:
  - id: zhang-wei
    name: 张伟
    photo: photos/zhang-wei.jpg
    branch: b1
    group: b1-g1
    post: 绿化养护员
    joined: 2008
    honors:
      - {year: 2017, title: 优秀共产党员, by: 党委}
  - id: li-na
    name: 李娜
    branch: b1
  - id: ouyang-xiaohong
    name: 欧阳晓红
    branch: b2
    status: former
  - id: secret-person
    name: 隐藏人
    branch: b2
    hidden: true
""",
    "content/org.yaml": """\
name: 测试单位
activity: 优秀党员责任区创建活动
hotline: 0317-2720000
supervision: 欢迎监督
branches:
  - id: b1
    name: 第一党支部
    groups:
      - {id: b1-g1, name: 第一党小组}
  - id: b2
    name: 第二党支部
""",
    "content/zones/garden.yaml": """\
id: garden
name: 花园责任区
branch: b1
scope: 花园一片
duties:
  - 浇水
leader: zhang-wei
roles:
  - {role: 业务带头人, member: li-na}
  - {role: 监督员, name: 王芳}
members: [zhang-wei, li-na]
service_phone: 0317-2720001
aliases: [old-garden]
""",
    "content/zones/closed.yaml": """\
id: closed
name: 旧责任区
branch: b2
scope: 旧地方
duties: [巡查]
leader: li-na
service_phone: 0317-2720002
status: archived
successor: garden
""",
    "content/commitments/2026.yaml": """\
year: 2026
commitments:
  - member: zhang-wei
    promise: 带头养护花园
    items: [每周巡查]
    progress:
      - {date: 2026-03-12, text: 补植草坪}
    review: {date: 2026-11-20, result: 优秀, by: 群众评议}
  - member: li-na
    promise: 热情服务
""",
    "content/stories/a-key.md": """\
---
title: 一把钥匙
date: 2016-05-12
category: 真情服务小故事
members: [zhang-wei]
zone: garden
featured: true
---
故事正文。
""",
    "content/assessments/2026-Q1.yaml": """\
period: 2026-Q1
published: 2026-04-05
results:
  - {zone: garden, score: 90}
  - {zone: closed, score: 69.5, note: 差}
""",
    "content/about.md": "# 关于\n\n活动简介。\n",
}


def jpeg_bytes(size: tuple[int, int] = (60, 80), color: str = "#c33") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def write_site(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """Write the minimal site (with overrides) under root; a value of None deletes a file, bytes
    are written as they are."""
    merged = {**FILES, **(files or {})}
    for name, text in merged.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    photo = root / "content/photos/zhang-wei.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(jpeg_bytes())
    return root
