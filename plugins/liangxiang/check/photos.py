"""Photo paths: inside content/, present, and a real JPEG, PNG or WebP of sane size."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from PIL import Image, UnidentifiedImageError

from .. import imaging
from ..content import IMAGE_SUFFIXES
from ..files import FileFacts, special, stamp
from ..load.misplaced import file_elsewhere
from ..problems import case_only_rename, unreadable_words

FORMATS = {"JPEG", "PNG", "WEBP"}
SMALLEST_SIDE = 48  # pixels: a 60x80 thumbnail still prints (small); a 16x16 icon is no photo
ERROR, NOTICE = "error", "notice"  # a smaller image is still shown and printed: the format allows it
SIZE = "size"  # not a problem: the image's "WxH", kept with its problems for the checks by use
WEB_WIDE = 480  # pixels across a zone's photo or a story's cover needs: a story card is 240 CSS px at 2x


def unusable_path(value: str) -> tuple[str, str] | None:
    """(message, hint) when a path can name no file: a NUL in it, or a name longer than file
    systems allow (255 bytes: 85 Chinese characters). Asking the system about it would fail."""
    if value.lstrip()[:5].lower() == "data:":
        return ("这里写的是一长串图片数据（“data:”开头），不是图片文件",
                "这是从网页或微信里复制出来的图片：把图片另存为文件，放进 content/photos/，这里写 photos/文件名.jpg")
    if "\x00" in value:
        return "路径里有看不见的空字符（U+0000）", "删掉这个路径，重新输入文件名"
    long = next((part for part in re.split(r"[\\/]", value) if len(part.encode()) > 255), None)
    if long is not None:
        return (f"文件名“{long[:16]}……”太长（超过 255 字节，约 85 个汉字），电脑上存不了这样的文件",
                "把文件改一个短一些的名字，这里也照着改")
    return None


def resolve_image(docs_dir: Path, value: str) -> Path | None:
    """The file a content path names, or None when it points outside content/ or can name none."""
    if unusable_path(value):
        return None
    base = docs_dir.resolve()
    if value.startswith(("/", "\\")) or "://" in value or (len(value) > 1 and value[1] == ":"):
        return None
    try:
        target = (base / value).resolve()
    except (OSError, RuntimeError):  # a symlink that loops: said when the file is opened (check_image)
        target = Path(os.path.normpath(base / value))
    return target if target.is_relative_to(base) else None


class HiddenPhotos:
    """Hidden members' photos: no public page may show one, under its own path or as a copy or a
    link of the same file elsewhere in content/."""

    def __init__(self, found: dict[Path, str], shown: frozenset[Path] = frozenset(), named: dict[str, str] | None = None):
        self.by_path = found  # photo file -> the hidden member's id
        self.named = named or {}  # a hidden member's id (or alias) -> that id: a file so named is theirs, and its address names them
        self._by_size: dict[int, list[Path]] = {}
        for path in found:
            if path.is_file() and path not in shown:  # ``shown``: its picture is a published member's too
                self._by_size.setdefault(path.stat().st_size, []).append(path)

    def owner(self, path: Path) -> str | None:
        return next((self.by_path[hidden] for hidden in self.copies(path)), None) or self.named.get(path.stem.lower())

    def copies(self, path: Path):
        """The hidden photos that path is, or is a copy or a link of."""
        if path in self.by_path:
            yield path
            return
        try:
            size = path.stat().st_size
        except OSError:
            return
        for hidden in self._by_size.get(size, ()):  # a file of another size is another picture: nothing is read
            if os.path.samefile(path, hidden) or _digest(path) == _digest(hidden):
                yield hidden


def _digest(path: Path) -> str:
    stat = path.stat()  # by time too: `mkdocs serve` checks again after a photo is replaced
    return _digest_of(path, stamp(stat))


@lru_cache(maxsize=256)
def _digest_of(path: Path, stamped: tuple) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hidden_photos(content) -> HiddenPhotos:
    """The files of hidden members' photos -> their ids: no public page may show one. A file that
    a published member also shows as their own photo (a shared placeholder) is public already."""
    hidden, public = {}, set()
    for member in content.members:
        path = resolve_image(content.docs_dir, member.photo) if member.photo else None
        if path is not None and member.hidden:
            hidden[path] = member.id
        elif path is not None:
            public.add(path)
    every = HiddenPhotos(hidden)
    shown = frozenset(copy for path in public for copy in every.copies(path)) if hidden else frozenset()
    # the very file a published member shows is public; a hidden member's own file stays refused
    # under its own path even when its picture is a published member's (the address names them)
    public_ids = {name for m in content.members if not m.hidden for name in (m.id, *m.aliases)}
    named = {name.lower(): m.id for m in content.members if m.hidden for name in (m.id, *m.aliases) if name not in public_ids}
    return HiddenPhotos({path: id for path, id in hidden.items() if path not in public}, shown, named)


def hidden_photo_problem(path: Path | None, hidden: HiddenPhotos) -> tuple[str, str] | None:
    owner = hidden.owner(path) if path is not None else None
    if owner is None:
        return None
    if path not in hidden.by_path and not any(hidden.copies(path)):
        return (f"照片“{path.name}”是按不公开的党员“{owner}”（hidden: true）的编号起名的：公开的页面不能用它，它的网址也会带出这个编号",
                "换一张照片；如果照片本来不是这名党员的，给文件改个名字")
    copy = "" if path in hidden.by_path else "（或它的副本）"
    return (f"这是不公开的党员“{owner}”的照片{copy}（hidden: true）：公开的页面不能用它",
            "换一张照片，或在 members.yaml 里取消这名党员的 hidden")


# the file of a build's checks kept between builds: decoding every photo each build is too slow
# for a large roster. Its name changes with what _inspect checks.
CHECKED_FILE = "checked-images-14.json"


@lru_cache(maxsize=4096)
def _inspect(path: Path, stamped: tuple) -> tuple[tuple[str, str, str], ...]:
    """(message, hint, ERROR or NOTICE) for each thing wrong with the image file, and its size
    ("", "WxH", SIZE) when it opens."""
    found: tuple = ()
    try:
        # a JPEG decodes at a fraction of its size (imaging.open_upright); other formats decode whole
        with Image.open(path) as image:
            kind = "JPEG" if image.format in imaging.JPEG_KINDS else image.format
            if kind not in FORMATS:
                return (("不是 JPEG、PNG 或 WebP 图片（是 %s）" % kind, "请转成 JPEG 或 PNG 再放进来", ERROR),)
            if kind != "JPEG" and image.width * image.height > imaging.WHOLE_MAX_PIXELS:
                raise Image.DecompressionBombError(image.width * image.height)
            found = (("", f"{image.width}x{image.height}", SIZE),)
            if min(image.size) < SMALLEST_SIDE:  # an icon or a thumbnail: a blur on a phone, a dot on a sign
                shape = "太窄，是一条细线" if max(image.size) >= 8 * min(image.size) else "太小，显示出来只有一小块"
                found += ((f"图片{shape}（{image.width}×{image.height} 像素），看不清",
                          "请换一张大一些的原图：党员照片最好有 600×800 像素以上，责任区照片和故事配图 1200 像素宽以上，标志 300×300 像素以上", NOTICE),)
            image.verify()
        # verify() reads the structure, not the picture: a photo cut short in upload passes it
        with Image.open(path) as image:
            if kind == "JPEG":  # decoded at an eighth of its size: every byte is still read
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
            if _invisible(image):  # a logo exported with its layer hidden: an empty tile on every sign
                found += (("图片是全透明的，网页和印刷品上什么也看不见",
                           "请重新导出这张图片（导出 PNG 时看一下图层是不是都显示着）", NOTICE),)
    except Image.DecompressionBombError:
        return (("照片的像素太多，网站处理不了",
                 "请缩小后再放进来（手机相册的“编辑”或电脑的“画图”都能调整大小）："
                 f"JPEG 不超过 {2 * Image.MAX_IMAGE_PIXELS // 1_000_000} 百万像素，PNG、WebP 不超过 {imaging.WHOLE_MAX_PIXELS // 1_000_000} 百万像素", ERROR),)
    except UnidentifiedImageError:
        if _is_heif(path):
            return (("这是苹果手机的 HEIC（HEIF）照片，网站和印刷品都用不了这种格式",
                     "请转成 JPEG：手机上设置“相机 → 格式 → 兼容性最佳”后重拍，或把照片发到电脑上另存为 JPEG，改名为 .jpg 再放进来", ERROR),)
        if _is_svg(path):
            return (("这是 SVG 矢量图，网站和标志牌用不了这种格式", "请用制图软件把它导出成 PNG（300×300 像素以上）再放进来", ERROR),)
        if _is_lfs_pointer(path):  # a repository keeping its photos in Git LFS, checked out without them (AS-Y L4)
            return (("这不是照片本身，是 Git LFS 的指针文件：照片存在 Git LFS 里，这里还没有下载下来",
                     "在这台电脑上运行 git lfs install 和 git lfs pull；自动生成网站的流水线检出代码时要打开 LFS"
                     "（GitHub Actions 的 actions/checkout 写 lfs: true）", ERROR),)
        if path.stat().st_size == 0:  # a copy or an upload that did not finish
            return (("这个图片文件是空的（0 字节）", "文件没有复制完或没有传上来：重新把照片放进来", ERROR),)
        return (("这个文件不是图片（或已损坏）", "请换成 JPEG、PNG 或 WebP 照片", ERROR),)
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        if "truncated" in str(error).lower() or isinstance(error, EOFError):
            return (("图片文件不完整：可能没有传完，或者已经损坏", "请重新导出这张照片，再放进来", ERROR),)
        return ((f"图片已损坏，读不出来（{error}）", "请重新导出这张照片，再放进来", ERROR),)
    return found


def _invisible(image: Image.Image) -> bool:
    """Every pixel fully transparent."""
    if image.mode in ("RGBA", "LA", "PA"):  # read off the decoded bands: a copy of an 88-megapixel RGBA is 350 MB (AS-AD H4)
        return image.getextrema()[-1][1] == 0
    if image.mode != "P" or "transparency" not in image.info:
        return False
    return image.convert("RGBA").getchannel("A").getextrema()[1] == 0


def _is_lfs_pointer(path: Path) -> bool:
    """A Git LFS pointer: a few lines of text standing in for a file kept in LFS (git-lfs spec)."""
    try:
        with open(path, "rb") as file:
            return file.read(40).startswith(b"version https://git-lfs.github.com/spec/")
    except OSError:
        return False


def _is_svg(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return path.suffix.lower() == ".svg" or (head.startswith((b"<svg", b"<?xml")) and b"<svg" in head)


def _is_heif(path: Path) -> bool:
    """HEIC/HEIF/AVIF (an ISO media file whose brand is an image): what iPhones save by default."""
    try:
        with open(path, "rb") as file:
            head = file.read(12)
    except OSError:
        return False
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def check_image(docs_dir: Path, value: str, checked: FileFacts | None = None,
                notices: list[tuple[str, str]] | None = None, own_name: str = "", wide: bool = False,
                others: Collection[str] = (), example: str = "photos/照片.jpg") -> list[tuple[str, str]]:
    """(message, hint) for each thing wrong with an image reference that keeps it from being
    used; what is only poor about it (too few pixels; for a ``wide`` one, a zone's photo or a
    story's cover, too narrow for the web's cards) goes to ``notices`` when given. ``checked``
    keeps the answers for files seen before, by path, size and time; ``others`` are the other
    image paths written (a folder they name as it is spelt is not to be renamed); ``example``, a
    path of the field's own kind (photos/logo.png for the logo)."""
    if (unusable := unusable_path(value)) is not None:
        return [unusable]
    path = resolve_image(docs_dir, value)
    meant = _inside_path(docs_dir, value)
    if path is None:
        if meant:
            return [(f"图片路径“{value}”要从 {docs_dir.name}/ 里面写起", f"写成 {meant}")]
        if re.match(r"\.{1,2}[\\/]", value) and not (up := _slashed(docs_dir, value)).startswith(".") and (docs_dir / up).is_file():
            # cover: ../photos/a.jpg, written from the story's folder as its text's images are (audit AS-B 8)
            return [(f"图片路径“{value}”要相对于 {docs_dir.name}/ 写，不是相对于这个文件", f"写成 {up}")]
        inside = not os.path.isabs(value) and not os.path.normpath(value).startswith("..")
        if inside and os.path.lexists(docs_dir / value):  # written right, but a link to a file outside: "write it inside" went in circles (AS-X L3)
            return [(f"“{value}”是一个链接（快捷方式），指向 {docs_dir.name}/ 以外的文件，网站不用它", f"把照片文件本身放到 {docs_dir.name}/{value}，替换这个链接")]
        return [_outside(docs_dir, value, example)]
    if special(path):  # opening a named pipe waits for a writer for ever (audit AS-AD H1)
        return [(f"“{value}”不是图片文件，而是命名管道、设备之类的特殊文件", f"删掉它，把照片本身放在 {docs_dir.name}/{value}")]
    try:
        if not path.is_dir():
            path.open("rb").close()
    except (FileNotFoundError, NotADirectoryError):
        pass  # said below, with what was meant
    except OSError as error:  # its mode 000, a symlink to itself
        locked = isinstance(error, PermissionError) and not os.access(path.parent, os.R_OK | os.X_OK)  # its folder's mode
        why, hint = unreadable_words(error, f"{docs_dir.name}/{PurePosixPath(value).parent}/" if locked else f"{docs_dir.name}/{value}")
        return [(f"读不了图片“{value}”：{why}", hint)]
    if path.is_dir():
        inside = sorted(p.name for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if inside:
            own = next((name for name in inside if own_name and Path(name).stem.lower() == own_name.lower()), None)
            if own is not None:  # photos/members/ for zhang-wei, and zhang-wei.jpg is there
                return [(f"“{value}”是一个文件夹，不是图片", f"写成 {value.rstrip('/')}/{own}")]
            more = f" 等 {len(inside)} 张" if len(inside) > 3 else ""  # another's file is never put forward: it would be their face
            return [(f"“{value}”是一个文件夹，不是图片", f"在后面写上这张照片的文件名，写成 {value.rstrip('/')}/文件名.jpg（文件夹里有 {'、'.join(inside[:3])}{more}）")]
        return [(f"“{value}”是一个文件夹，不是图片", f"把照片本身放在 {value}（替换这个文件夹），或者写出照片的文件名")]
    if not path.is_file():
        if meant:
            return [(f"找不到图片“{value}”", f"路径从 {docs_dir.name}/ 里面写起，用“/”分隔：写成 {meant}")]
        if "\\" in value and not (slashed := _slashed(docs_dir, value)).startswith(("..", "/")):
            return [(f"找不到图片“{value}”", f"路径用“/”分隔，不用“\\”：写成 {slashed}")]
        if "\\" in value:  # ..\..\etc\passwd: written with "/" it is still outside (audit AS-AD L2)
            return [_outside(docs_dir, value, example)]
        decoded = unquote(value)  # %E7%94%B0….jpg: copied from a browser's address bar (audit AM 10)
        if decoded != value and (found := resolve_image(docs_dir, decoded)) is not None and found.is_file():
            return [(f"找不到图片“{value}”", f"这是从浏览器地址栏复制来的编码后的路径：写成 {decoded}")]
        plain = unicodedata.normalize("NFKC", value)  # photos／a.jpg, a．jpg: typed in a full-width mode
        if plain != value and (found := resolve_image(docs_dir, plain)) is not None and found.is_file():
            marks = "、".join(f"“{c}”" for c in dict.fromkeys(c for c in value if unicodedata.normalize("NFKC", c) != c))
            return [(f"找不到图片“{value}”", f"路径里的{marks}是全角字符，换成半角的：写成 {plain}")]
        near = _near_file(path)
        if near and len(near) > len(path.name) and re.sub(r"\s", "", near) == re.sub(r"\s", "", path.name):
            # "a.jpg " from WeChat: the path cannot hold the space (YAML drops it at the end), the file's name can lose it
            return [(f"找不到图片“{value}”", f"照片的文件名“{near}”里多了空格：把文件改名为 {path.name}")]
        if near and near.lower() == path.name.lower() and path.name == path.name.lower():
            # Zhang-Wei.JPG for zhang-wei.jpg: Windows opens it, the web server does not, and a
            # rename in Explorer that changes only the case is not seen by git (audit AQ 9)
            written = (path.parent / near).relative_to(docs_dir.resolve()).as_posix()
            folder = f"{docs_dir.name}/{PurePosixPath(written).parent}/".replace("/./", "/")
            return [(f"找不到图片“{value}”", f"照片的文件名是“{near}”，大小写和这里写的不同，网站服务器区分大小写，会找不到："
                                            f"写成 {written}，或把文件改名为 {path.name}（{case_only_rename(folder + near, folder + path.name)}）")]
        hint = f"是不是要写 {(path.parent / near).relative_to(docs_dir.resolve()).as_posix()}？" if near else ""
        hint = hint or file_elsewhere(path.name, path, docs_dir.resolve().parent, docs_dir.resolve(), others)
        return [(f"找不到图片“{value}”", hint or "检查文件名和大小写，或者把照片放到这个位置")]
    stat = path.stat()
    ident = FileFacts.ident(path, stamp(stat))
    if checked is not None and (found := checked.get(ident)) is not None:
        problems = [(str(message), str(hint), str(kind)) for message, hint, kind in found[0]]
    else:
        problems = list(_inspect(path, stamp(stat)))
        if checked is not None:
            checked.put(ident, [[list(problem) for problem in problems]])
    if notices is not None:
        poor = [(message, hint) for message, hint, kind in problems if kind == NOTICE]
        size = next((hint for message, hint, kind in problems if kind == SIZE), "")
        width, _, height = size.partition("x")
        if wide and not poor and size and int(width) < WEB_WIDE:
            poor.append((f"图片只有 {width}×{height} 像素：网页上的卡片和页面会把它放大，显示得模糊",
                         f"请换一张大一些的原图：责任区照片和故事配图最好 1200 像素宽以上（至少 {WEB_WIDE} 像素宽）"))
        notices += poor
    return [(message, hint) for message, hint, kind in problems if kind == ERROR]


def _outside(docs_dir: Path, value: str, example: str) -> tuple[str, str]:
    """What to do with a path outside content/: a web address, a path on the editor's computer."""
    name = re.split(r"[\\/]", value.split("?")[0].rstrip("/\\"))[-1] or "照片.jpg"
    folder = example.rsplit("/", 1)[0]  # photos/members for a member's photo, as the format files them
    put = f"把图片存进 {docs_dir.name}/{folder}/ 里，写 {folder}/{name}"
    if re.match(r"[a-z][a-z0-9+.-]*://", value, re.I):  # pages load nothing from another host
        return "图片不能写网址：网站不从别的网站加载图片（单位内网也可能打不开）", f"下载这张图片，{put}"
    if re.match(r"[A-Za-z]:[\\/]|\\\\|/(?:Users|home)/", value):  # C:\Users\…\Desktop\a.jpg: only that computer has it
        return "这是你电脑上的文件路径，别人和网站都找不到这个文件", put
    return "图片路径必须在 content/ 里面", f"写相对于 content/ 的路径，例如 {example}"


def _inside_path(docs_dir: Path, value: str) -> str:
    """The path meant by content/photos/a.jpg or /photos/a.jpg, written from the repository's
    folder or the site's root: photos/a.jpg, when that file is there ("" otherwise)."""
    written = value.replace("\\", "/")
    rest = written.lstrip("/")
    rest = rest[len(docs_dir.name) + 1:] if rest.startswith(docs_dir.name + "/") else rest
    return rest if rest != written and rest and (docs_dir / rest).is_file() else ""


def _slashed(docs_dir: Path, value: str) -> str:
    """photos\\members\\li-na.JPG, ..\\photos\\a.jpg (copied from Windows' Explorer) as the path of
    the file meant, from content/, when there is one; else with "/" for "\\"."""
    written = value.replace("\\", "/")
    rest = re.sub(r"^(?:\.{1,2}/)+", "", written)
    for path in (rest, _inside_path(docs_dir, rest)):
        if path and (docs_dir / path).is_file():
            return path
        if path and (near := _near_file(docs_dir / path)):
            return (Path(path).parent / near).as_posix()
    return written


def _near_file(path: Path) -> str:
    """The file meant: the same name in other letter case (ZHANG-WEI.JPG) or with another suffix,
    else one a typo away. Photos are named after people: a looser guess is somebody else's face."""
    if not path.parent.is_dir():
        return ""
    names = sorted(p.name for p in path.parent.iterdir() if p.is_file())
    for same in (lambda name: name.lower() == path.name.lower(), lambda name: Path(name).stem.lower() == path.stem.lower()):
        if found := [name for name in names if same(name)]:
            return found[0]
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.85)
    return close[0] if close else ""
