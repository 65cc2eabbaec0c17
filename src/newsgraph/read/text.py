"""Plain text from bytes: detect the encoding, refuse what is not text.

Scraped articles arrive in UTF-8, UTF-16, Windows-1252, Latin-1 and more; charset-normalizer
guesses the encoding when the bytes are not valid UTF-8. Binary junk (images, archives,
executables) is refused with a clear reason instead of being analysed as gibberish.
"""
from __future__ import annotations

import charset_normalizer

# Share of characters that may be control characters before we call a text binary junk.
MAX_CONTROL_SHARE = 0.02
GUESS_BYTES = 200_000


class NotText(ValueError):
    """The input is not readable text (binary data, undecodable bytes)."""


def decode_bytes(raw: bytes) -> str:
    """Decode `raw` as text: UTF-8 (with or without BOM) first, else the detected encoding."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        text = raw.decode("utf-32", errors="replace")  # before UTF-16: its BOM starts alike
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # cut mid-character or holding a lone surrogate, the rest is still text
        text = raw.decode("utf-16", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding = guess_encoding(raw)
            if encoding is None:
                raise NotText("the input is not text in any known encoding (binary data?)")
            text = raw.decode(encoding, errors="replace")
    check_text(text)
    return text


def guess_encoding(raw: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely for `raw` (judged on its first
    200 kB), or None when no encoding fits."""
    try:
        best = charset_normalizer.from_bytes(raw[:GUESS_BYTES]).best()
    except Exception:  # noqa: BLE001 - the detector on odd input: no guess
        return None
    return best.encoding if best is not None else None


def check_text(text: str) -> None:
    """Raise NotText when `text` looks like binary data rather than prose."""
    sample = text[:20000]
    if not sample:
        return
    control = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f\v")
    control += sample.count("\ufffd")
    if control / len(sample) > MAX_CONTROL_SHARE:
        raise NotText("the input looks like binary data, not text "
                      f"({control} control or undecodable characters in the first {len(sample)})")
