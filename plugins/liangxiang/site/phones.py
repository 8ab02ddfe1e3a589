"""A phone field as its numbers: what each call link dials, and where a line may break between
them. A zone's service_phone is one field that may hold two numbers, an extension, a note in
brackets; a reader who taps a number must call that number."""

from __future__ import annotations

import re
import unicodedata

from ..titles import PAUSES
from ..values import TRANSFER_WORDS, phone_numbers, split_extension, whole_number

# between the numbers of one phone field: a list mark, "或", or a bracket opened after a number
# (a note or a second number); not the brackets of an area code, "(0996)2145678"
PHONE_PARTS = re.compile(r"(\s*(?:[、，,;；/／]|或)\s*|(?<=\d)\s*[（(])")
AREA_CODE = re.compile(r"\D{0,12}?[(（]?(0\d{2,3})[)）]?[ \-]*[2-9]\d{6,7}(?!\d)")  # a landline written with its area code
LOCAL_NUMBER = re.compile(r"[2-9]\d{6,7}")  # a landline without it
PHONE_EXTENSION = re.compile(rf"\s*(?:{TRANSFER_WORDS}|ext\.?|x|#)\s*(\d{{1,6}})(?!\d)", re.IGNORECASE)
# a number in running text that a visitor may tap: a landline with its area code (0317-2726000,
# 010-62345678-801) or a 400/800 line; a date (2026-03-12), a range (3-5) or a code is none
CALLABLE_IN_TEXT = re.compile(r"0\d{2,3}-[2-9]\d{6,7}(?:-\d{1,6})?|[48]00-\d{3}-\d{4}")


def callable_in_text(run: str) -> str:
    """What a number kept whole in running text dials (tel), or "" for one that is not a phone."""
    return tel(run) if CALLABLE_IN_TEXT.fullmatch(run) else ""


def _closing_bracket_apart(part: str) -> list[str]:
    """A bracket that closes what a number opened, apart from what it closes and from what follows:
    "夜间0998-6123999）" as the number and its bracket (not a part of the link); "值班） 0317-2721366"
    as the note, its bracket, the space and the next number (the note is the first number's)."""
    pieces: list[str] = []
    while part:  # a loop, not a recursion: a field may hold a thousand brackets
        depth, closed = 0, None
        for index, char in enumerate(part):
            depth += char in "(（"
            depth -= char in ")）"
            if depth < 0:
                closed = index
                break
        if closed is None or EXTENSION_NOTE.fullmatch(part[:closed]):
            return pieces + [part]  # （分机）8001: the number after it is the line's extension (tel_parts)
        rest = part[closed + 1:]
        space = rest[:len(rest) - len(rest.lstrip())]
        rest = rest[len(space):]
        opened = [rest[0]] if rest[:1] in ("(", "（") else []  # （夜间…）（值班） 138…: the next note, opened
        pieces += [part[:closed], part[closed]] + ([space] if space else []) + opened
        part = rest[len(opened):]
    return pieces


EXTENSION_NOTE = re.compile(rf"\s*(?:{TRANSFER_WORDS})号?\s*")  # （转）, （分机号）: the extension follows the bracket


AFTER_NUMBER = PAUSES + "。）)"  # a pause that stays with the number before it (call_runs)


def _note_closed_at(parts: list[tuple[str, str]], opening: int) -> int | None:
    """Where the note in brackets opened at parts[opening] closes, when no number is in it."""
    if parts[opening][0].strip() not in ("（", "("):
        return None
    for index in range(opening + 1, len(parts)):
        text, dial = parts[index]
        if dial:
            return None
        if text in ")）":
            return index
    return None


EXTENSION_BEFORE = re.compile(rf"(?:{TRANSFER_WORDS}|ext\.?|x|#)\s*$", re.IGNORECASE)  # what makes the number after it an extension


def _next_number_apart(part: str) -> list[str]:
    """A number written after words, apart from the number before them: "0317-2721365 夜间13812345678"
    is two call links (one link would call the day line for the night number). Words before the
    number go with it ("夜间"), a note of several words after the first stays with the first; a
    number after 转 or 分机 is the line's extension, not a number of its own."""
    pieces, start, previous = [], 0, None
    for number in phone_numbers(part):
        digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", split_extension(number.group(0))[0]))
        if not whole_number(digits) or (previous is not None and len(digits) < 7):
            continue  # after the first, a short group is a time, a room or an extension (8:30-11:30, 301室), not a number
        # an extension right after the first number is its own ("转8001 0317-2721366")
        extension = PHONE_EXTENSION.match(part, previous) if previous is not None else None
        after = extension.end() if extension else previous
        gap = part[after:number.start()].strip() if previous is not None else ""
        if (gap or extension) and not EXTENSION_BEFORE.search(part[previous:number.start()]):
            words = part.index(gap, after) if gap else number.start()
            spaces = [words + index for index, char in enumerate(gap) if char.isspace()]
            cut = spaces[-1] + 1 if spaces else words  # 工作日8:00-17:30 / 夜间13812345678
            head = part[start:cut]
            pieces += [head.rstrip(), head[len(head.rstrip()):]]  # the space between: a piece of its own
            start = cut
        previous = number.end()
    return [piece for piece in [*pieces, part[start:]] if piece]


def tel(phone: str) -> str:
    """A phone field as a tel: address: its first number (digits, and a leading + if any), then
    an extension after a pause. "0716-8888120 转 6001" dials 07168888120,6001; "0839-7221100、
    0839-7221101" dials the first; "" when the field holds no number."""
    text = unicodedata.normalize("NFKC", phone)  # full-width digits, hyphens and brackets
    found = [(n, re.sub(r"\D", "", split_extension(n.group(0))[0])) for n in phone_numbers(text)]
    # the first number; past a group that is none (第2网格 13812345678), a whole number of 7 digits or more, never a time (8:30-11:30)
    number = next((n for index, (n, digits) in enumerate(found) if whole_number(digits) and (index == 0 or len(digits) >= 7)),
                  found[0][0] if found else None)
    if number is None:
        return ""
    main, extension = split_extension(number.group(0))  # 0311-88000000-8001
    if not extension and (transfer := PHONE_EXTENSION.match(text, number.end())):  # 0716-8888120 转 6001
        extension = transfer.group(1)
    digits = re.sub(r"\D", "", main)
    if not whole_number(digits):  # "<script>alert(1)</script>" holds a 1, not a number to call
        return ""
    return _with_country_code(digits, main.startswith("+")) + (f",{extension}" if extension else "")


def _with_country_code(digits: str, plus: bool) -> str:
    """A number written with China's country code as a phone dials it: 86-0317-2725120 and
    0086 317 2725120 as +863172725120 (86… without the + is dialled as a local number, and the
    area code's 0 is not dialled after +86; audit AM 4)."""
    if digits.startswith("0086"):
        plus, digits = True, digits[2:]
    elif digits.startswith("86") and len(digits) >= 12:  # no number in China starts with 86 and is this long
        plus = True
    if plus and digits.startswith("860"):
        digits = "86" + digits[3:]
    return ("+" if plus else "") + digits


def tel_parts(phone: str) -> list[tuple[str, str]]:
    """A phone field as its parts and what each dials: "0317-2721365、13931700001" is two
    numbers, each its own call link (one link dialling the first would call the landline
    for a reader who taps the mobile); "0998-6123456转8001、8002" dials the second extension on
    the same line; "0998-6123456（夜间0998-6123999）" links the night number too; a part with
    no number dials nothing."""
    parts: list[tuple[str, bool]] = []  # (text, whether it is only what stands between numbers)
    for index, part in enumerate(PHONE_PARTS.split(phone)):
        parts += [(part, True)] if index % 2 else [(piece, piece in ")）(（" or piece.isspace())
                                                   for pieces in _closing_bracket_apart(part) for piece in _next_number_apart(pieces)]
    dialled, line, extended, area = [], "", False, ""
    for part, between in parts:
        if not part:
            continue
        if between:
            dialled.append((part, ""))
            continue
        bare = re.fullmatch(r"\s*(\d{1,6})\s*号?\s*", part)  # 8002 after 转8001
        transfer = re.fullmatch(rf"\D*(?:{TRANSFER_WORDS})\D{{0,8}}?(\d{{1,6}})\D*", part)  # （夜间转值班室8009）, （分机101）
        if line and ((bare and extended) or transfer):
            dial = f"{line},{(bare or transfer).group(1)}"
        else:
            dial = tel(part)
            if dial and area and LOCAL_NUMBER.fullmatch(dial.split(",")[0]):
                dial = area + dial  # 0994-5123456/5123457: the second is in 0994 too
            if dial:
                line, extended = dial.split(",")[0], "," in dial
                area = found.group(1) if (found := AREA_CODE.match(unicodedata.normalize("NFKC", part).strip())) else area
        dialled.append((part, dial))
    return dialled


def call_runs(phone: str) -> list[tuple[str, str, str]]:
    """tel_parts as (text, what it dials, what stays after it): the 、 after a number goes with
    it, so that a line never starts with it (0317-2721365、/ 13931700001, not / 、13931700001),
    and so does a note in brackets with no number in it (0317-2721365（值班）/ 0317-2721366,
    never 0317-2721365（/ 值班）0317-2721366, which reads as the second number's note)."""
    parts = tel_parts(phone)
    runs: list[tuple[str, str, str]] = []
    index = 0
    while index < len(parts):
        text, dial = parts[index]
        index += 1
        if runs and runs[-1][1] and not dial:
            closing = _note_closed_at(parts, index - 1)
            if closing is not None:  # （值班）: the opening bracket, the words, the closing one
                runs[-1] = (*runs[-1][:2], runs[-1][2] + "".join(text for text, _ in parts[index - 1:closing + 1]))
                index = closing + 1
                continue
            if text[:1] in AFTER_NUMBER:
                runs[-1], text = (*runs[-1][:2], runs[-1][2] + text[0]), text[1:]
        if text:
            runs.append((text, dial, ""))
    return runs
