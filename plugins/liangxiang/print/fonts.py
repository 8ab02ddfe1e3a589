"""The font printables are set in: Noto Sans SC from PyPI by default, or the site's own.

The bundled Noto Sans SC is a variable font whose default instance is Thin. fpdf2 can pick a
weight itself, but it re-instantiates the whole font on every document (about 15 s); static
Regular and Bold instances are made once (about 11 s each, in parallel) and kept in the cache,
after which loading a font into a document takes a quarter of a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..files import FileFacts, replacing, stamp
from .shaping import SHAPED

WEIGHTS = {"regular": 400, "bold": 700}
FONTS_LOG = "mkdocs.plugins.liangxiang.fonts"  # the build's log; `validate` shows this one alone (cli)
BUNDLED_PACKAGE = "justmytype_intl_cjk"
BUNDLED_FILE = "fonts/ofl/notosanssc/NotoSansSC[wght].ttf"
CUT = 3  # how base and per-build faces are cut (subset_face), and from which instances (-2): part of their file names
BUILD_CUT = f"{CUT}.1"  # per-build faces: since audit 21 cut as base faces are, from either source


class FontError(Exception):
    """The configured font cannot be used; message and hint are worded for the editor."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class FontFace:
    """One static face fpdf2 can embed: a file and, for a collection (.ttc), the face's number."""

    path: str
    number: int = 0


@dataclass(frozen=True)
class FontSet:
    regular: FontFace
    bold: FontFace
    digest: str  # the source font and the weights: part of every printable's cache key
    name: str  # what the editor sees in messages
    fallback: tuple = ()  # FallbackFaces (fallback.py) for the characters the font lacks


def bundled_font() -> Path:
    try:
        from importlib.resources import files

        return Path(str(files(BUNDLED_PACKAGE).joinpath(BUNDLED_FILE)))
    except ModuleNotFoundError:
        raise FontError(
            "没有找到自带的中文字体（Python 包 justmytype-intl-cjk 未安装）",
            "运行 pip install -e . 重新安装，或在 liangxiang 插件下用 font 指定一个中文字体文件",
        ) from None


def prepare_fonts(option: str | None, root: Path, cache_dir: Path) -> FontSet:
    """The static faces to print with; makes and caches them on first use. Raises FontError."""
    if option:
        path_text, _, number_text = option.partition("#")
        source = (root / path_text).resolve()
        number = int(number_text) if number_text.isdigit() else 0
        if not source.is_file():
            named = "" if Path(path_text).suffix else "font 写字体文件的路径（例如 fonts/SourceHanSansSC.otf），不是字体的名称；"
            raise FontError(f"找不到字体文件“{option}”", named + "路径相对于 mkdocs.yml；不写 font 则使用自带的思源黑体（Noto Sans SC）")
    else:
        source, number = bundled_font(), 0
        if not source.is_file():
            raise FontError("自带的中文字体文件缺失", "运行 pip install --force-reinstall justmytype-intl-cjk")
    digest, variable = _known(source, number, option or source.name, cache_dir / "fonts" / "sources.json")
    if not variable:  # a static font: regular and bold are the same face
        face = FontFace(str(source), number)
        return FontSet(face, face, digest, option or source.name)
    folder = cache_dir / "fonts"
    # "-2": made with the source's own timestamp (instances made before carried the time they were made)
    targets = {name: folder / f"{source.stem[:24]}-{digest}-w{weight}-2.ttf" for name, weight in WEIGHTS.items()}
    missing = [name for name, target in targets.items() if not whole_font(target) and not _from_shared(target)]
    if missing:
        logging.getLogger(FONTS_LOG).info(
            "亮相：从 %s 做印刷用的常规体和粗体（只做一次，要半分钟到一分钟）", source.name)
        folder.mkdir(parents=True, exist_ok=True)
        jobs = [(str(source), number, WEIGHTS[name], str(targets[name])) for name in missing]
        from .pool import Workers  # here: workers import this module and need no pool

        with Workers(parallel=len(jobs) > 1, size=len(jobs)) as workers:
            workers.map(_instantiate, jobs)
        for name in missing:
            _to_shared(targets[name])
    return FontSet(FontFace(str(targets["regular"])), FontFace(str(targets["bold"])), digest, option or "Noto Sans SC")


def _known(source: Path, number: int, shown: str, memo: Path) -> tuple[str, bool]:
    """(hash, has a weight axis) of a font file, remembered in the cache by path, size and time:
    hashing 17 MB and opening it with fontTools cost a build with nothing to print 0.2 s."""
    stat, known = source.stat(), FileFacts(memo, 2)
    ident = FileFacts.ident(source, stamp(stat), f"#{number}")
    if (found := known.get(ident)) is not None:
        return str(found[0]), bool(found[1])
    digest = _digest(str(source), number, stat.st_size, stat.st_mtime_ns)
    variable = _weight_axis(str(source), number, shown, stat.st_size, stat.st_mtime_ns) is not None
    known.put(ident, [digest, variable])
    known.save()
    return digest, variable


@lru_cache(maxsize=8)
def _digest(path: str, number: int, size: int, mtime: int) -> str:
    """The font file's hash (17 MB: worth remembering across `mkdocs serve` rebuilds)."""
    return hashlib.sha256(Path(path).read_bytes() + f"#{number}".encode()).hexdigest()[:16]


def shared_folder() -> Path:
    """Instances depend on the font file alone: a copy kept per user spares every new site,
    checkout and test the 20 s of making them again."""
    base = os.environ.get("LIANGXIANG_FONT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "liangxiang", "fonts")
    return Path(base)


def _from_shared(target: Path) -> bool:
    shared = shared_folder() / target.name
    if not whole_font(shared):
        return False
    try:
        _link_or_copy(shared, target)
        return True
    except OSError:
        return False


def whole_font(path: Path) -> bool:
    """Whether a font made and kept earlier is there and whole: every table its directory lists
    lies within the file. A damaged one (a disk full, a file written into) is made again, not
    read by every later build and failed on."""
    from fontTools.ttLib import TTFont

    try:
        size = path.stat().st_size
        tables = TTFont(str(path), lazy=True).reader.tables.values()
    except Exception:  # not there, or not a font at all: fontTools raises many kinds
        return False
    return bool(tables) and all(entry.offset + entry.length <= size for entry in tables)


def _to_shared(target: Path) -> None:
    try:
        _link_or_copy(target, shared_folder() / target.name)
    except OSError:
        pass  # a read-only home: the site's own cache still has the fonts


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where it can be made (21 MB less per site; safe, as a cached file is never
    written into but replaced whole), else a copy (another file system)."""
    with replacing(target) as partial:
        try:
            os.link(source, partial)
        except OSError:
            shutil.copyfile(source, partial)


@lru_cache(maxsize=8)
def _weight_axis(source: str, number: int, shown: str, size: int, mtime: int) -> tuple | None:
    """The font's wght axis (min, max), None for a static font. Raises FontError for a non-font."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(source, fontNumber=number, lazy=True)
        font.getBestCmap()
    except (TTLibError, OSError, AssertionError, KeyError, IndexError, ValueError, ImportError, struct.error) as error:  # (.woff2 wants brotli)
        kind = Path(shown.partition("#")[0]).suffix.lower()
        said = (f"“{shown}”读不出字体：这个 TTC 里没有第 {number} 号字体" if isinstance(error, IndexError) and "#" in shown
                else f"“{shown}”读不出字体：它不是 TTF、OTF 或 TTC 字体文件，或者文件已经损坏")
        hint = "网页字体（.woff、.woff2）不能用来印刷：" if kind in (".woff", ".woff2") else ""
        raise FontError(said, hint + "请用 TTF、OTF 或 TTC 字体文件（TTC 可以写成 字体.ttc#1 选其中一个）") from None
    if "fvar" not in font:
        return None
    for axis in font["fvar"].axes:
        if axis.axisTag == "wght":
            return (axis.minValue, axis.maxValue)
    return None


def _instantiate(job: tuple[str, int, int, str]) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    source, number, weight, target = job
    font = TTFont(source, fontNumber=number)
    axis = next(a for a in font["fvar"].axes if a.axisTag == "wght")
    weight = max(axis.minValue, min(axis.maxValue, weight))
    static = instancer.instantiateVariableFont(font, {"wght": weight}, updateFontNames=True)
    # the source's timestamp, not the time of making: every machine makes the same bytes, and so
    # the same PDFs (each embeds a cut of the face, timestamp and all)
    static.recalcTimestamp = False
    with replacing(target) as partial:  # whole or absent: an interrupted build never leaves half a font
        static.save(str(partial))


def base_chars() -> frozenset[str]:
    """The characters of the base faces: GB 2312 (its 6,763 hanzi and its symbols), ASCII, CJK and
    fullwidth punctuation and a few common signs; nearly every printable needs nothing else."""
    return _base_chars()


@lru_cache(maxsize=1)
def _base_chars() -> frozenset[str]:
    chars = {chr(code) for code in range(0x20, 0x7F)} | {chr(code) for code in range(0x3000, 0x3040)}
    chars |= {chr(code) for code in range(0xFF01, 0xFF5F)} | set("—–‘’“”…·•℃№×÷±≤≥→←↑↓★☆●○■□▲△◆◇※§©®™°€¥")
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def base_fonts(fonts: FontSet, folder: Path, run: Callable = lambda f, jobs: [f(j) for j in jobs]) -> FontSet:
    """The faces cut down once per font to base_chars(), without the layout tables fpdf2 never
    reads (Chinese is not shaped) and with glyph names: cutting a build's few characters from them
    takes 30 ms rather than a second. Kept per font digest in the site's cache and per user."""
    faces = {"regular": fonts.regular, "bold": fonts.bold} if fonts.bold != fonts.regular else {"regular": fonts.regular}
    targets = {name: folder / f"base{CUT}-{fonts.digest}-{name}.ttf" for name in faces}
    jobs = [(face, "".join(sorted(base_chars())), str(targets[name]), True) for name, face in faces.items()
            if not whole_font(targets[name]) and not _from_shared(targets[name])]
    if jobs:
        folder.mkdir(parents=True, exist_ok=True)
        run(subset_face, jobs)
        for _, _, target, _ in jobs:
            _to_shared(Path(target))
    regular = FontFace(str(targets["regular"]))
    return FontSet(regular, FontFace(str(targets["bold"])) if "bold" in targets else regular, fonts.digest, fonts.name)


def subset_fonts(fonts: FontSet, text: str, folder: Path, run: Callable = lambda f, jobs: [f(j) for j in jobs],
                 base_folder: Path | None = None) -> FontSet:
    """The faces cut down to the characters a build prints (cached by font and characters).

    fpdf2 parses the whole font for every document (0.3 s per face for 30,000 glyphs); a few
    thousand glyphs parse in a few milliseconds. fpdf2 still subsets each PDF to its own glyphs.
    They are cut from the base faces (base_fonts, in base_folder) when those hold every character.
    run(function, jobs) may cut the two faces in parallel.
    """
    chars = "".join(sorted(set(text) | set("0123456789 ")))
    tag = hashlib.sha256(f"{BUILD_CUT}{fonts.digest}{chars}".encode()).hexdigest()[:16]
    one_face = fonts.regular == fonts.bold  # kept one face: the PDF then knows to embolden (pdf.py)
    targets = {name: folder / f"subset-{tag}-{name}.ttf" for name in (("regular",) if one_face else ("regular", "bold"))}
    missing = [name for name in targets if not whole_font(targets[name])]
    if missing:
        source = fonts
        if base_folder is not None and base_chars().issuperset(chars):
            source = base_fonts(fonts, base_folder, run)
        folder.mkdir(parents=True, exist_ok=True)
        # from the whole face, cut as a base face is (no layout tables): a PDF then embeds the same
        # bytes whether or not its build printed a character beyond the base faces (audit 21)
        # (a font of the site's own that has the Uyghur keeps the tables that join its letters; in
        # one that lacks it, the letters come from a face of their own and change nothing here)
        base = source is fonts and not _has_shaped(fonts.regular, chars)
        run(subset_face, [(getattr(source, name), chars, str(targets[name]), base) for name in missing])
    regular = FontFace(str(targets["regular"]))
    return FontSet(regular, FontFace(str(targets["bold"])) if "bold" in targets else regular, fonts.digest, fonts.name)


def _has_shaped(face: FontFace, chars: str) -> bool:
    """Whether the face itself has any of the characters whose runs are shaped (Arabic letters)."""
    shaped = {ord(char) for char in chars if SHAPED.match(char)}
    if not shaped:
        return False
    from fontTools.ttLib import TTFont

    return not shaped.isdisjoint(TTFont(face.path, fontNumber=face.number, lazy=True).getBestCmap())


def subset_face(job: tuple[FontFace, str, str, bool]) -> None:
    """(face, characters, target, base): a base face also loses the layout tables."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    face, chars, target, base = job
    # fixed timestamps and bounds, and glyphs 0-3 kept as fpdf2 keeps them in each PDF: a PDF's
    # font is then the same whichever characters the rest of its batch brought into the cut
    font = TTFont(face.path, fontNumber=face.number, recalcTimestamp=False)
    font.recalcBBoxes = False
    options = subset.Options()
    options.recommended_glyphs = True
    # a PDF is drawn at print resolution: no hinting (fpdf2 subsets each document in ~3 ms per
    # face, a sixth of which went on these tables)
    options.hinting = False
    options.drop_tables += ["STAT", "gasp"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True  # names read from 'post' rather than made up from the cmap: faster to open
    if base:
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "meta"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    if base and "glyf" in font and font["post"].formatType == 3.0:  # names made from the cmap, once
        font["post"].formatType = 2.0
        font["post"].extraNames, font["post"].mapping = [], {}
    with replacing(target) as partial:
        font.save(str(partial))
