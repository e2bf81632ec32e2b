"""Ingest: bytes in, decoded text out, exactly as read (CRLF kept).

Offsets in every record index this text, so nothing here normalises it.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import rx
from .errors import InputError

# Encodings tried in order before asking charset-normalizer: most Chinese minutes
# are UTF-8 or GB18030 (a superset of GBK/GB2312), and a strict decode of those
# two settles nearly every file without statistics.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    encoding: str
    sha256: str
    path: str | None = None

    @property
    def key(self) -> str:
        """What item ids are built from: the file name, else the content hash."""
        return Path(self.path).name if self.path and self.path != "-" else self.sha256


def decode(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Text:
    """Decode, then refuse what is empty once decoded: a BOM alone, or only
    whitespace (U+3000 and friends) is not a document."""
    doc = _decode(data, path=path, encoding=encoding)
    if not doc.text.replace("\ufeff", "").strip():
        raise InputError("empty document (only whitespace or a byte-order mark)", path=path)
    return doc


def _decode(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Text:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty document", path=path)
    if encoding:
        try:
            return Text(data.decode(encoding), encoding, sha, path)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Text(data.decode(enc), enc.replace("-sig", ""), sha, path)
            except UnicodeDecodeError:
                raise InputError(f"invalid {enc} after its byte-order mark", path=path) from None
    if b"\x00" in data[:4096]:
        # NUL bytes without a BOM: UTF-16 without BOM is rare; binary is common.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_textual(text) and _PLAUSIBLE.sub("", text[:2048]).__len__() <= len(text[:2048]) * 0.1:
                return Text(text, enc, sha, path)
        raise InputError("binary file, not text", path=path)
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return Text(text, "gbk" if enc == "gb18030" and _is_gbk(data) else enc, sha, path)
    from charset_normalizer import from_bytes  # only for the rare leftovers

    best = from_bytes(data).best()
    if best is None or not _looks_textual(str(best)):
        raise InputError("undecodable: not UTF-8, GB18030 or UTF-16 text", path=path)
    return Text(str(best), best.encoding, sha, path)


# What UTF-16 text without a BOM mostly holds: Han, ASCII, CJK punctuation.
_PLAUSIBLE = rx.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s\u2018-\u201d\u2026]")


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


_CONTROL = rx.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")


def _looks_textual(text: str) -> bool:
    """Text, not binary: control and private-use characters are rare in it."""
    if not text:
        return False
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) <= len(sample) * 0.01


def read_docx(data: bytes, *, path: str | None = None) -> Text:
    """Paragraphs and table rows of a .docx as plain text (tables as | rows |)."""
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError("reading .docx needs python-docx", path=path) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable .docx: {exc}", path=path) from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = docx.text.paragraph.Paragraph(child, document)
            text = para.text
            style = (para.style.name if para.style is not None else "") or ""
            if style.startswith("Heading") and text.strip():
                level = "".join(ch for ch in style if ch.isdigit()) or "1"
                text = "#" * int(level) + " " + text
            lines.append(text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for i, row in enumerate(table.rows):
                cells = [c.text.replace("\n", "<br/>").strip() for c in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    lines.append("|" + " --- |" * len(cells))
            lines.append("")
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("empty document", path=path)
    return Text(text, "docx", hashlib.sha256(data).hexdigest(), path)


def read_path(path: str | Path, *, encoding: str | None = None) -> Text:
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a directory, not a document", path=name)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=name) from None
    return from_bytes(data, name, encoding=encoding)


def from_bytes(data: bytes, name: str, *, encoding: str | None = None) -> Text:
    """A document from bytes already read: .docx by name or zip signature, else text."""
    p = Path(name)
    if p.suffix.lower() == ".docx" or data[:2] == b"PK" and p.suffix.lower() not in (".md", ".txt"):
        if not data:
            raise InputError("empty document", path=name)
        return read_docx(data, path=name)
    return decode(data, path=name, encoding=encoding)


def read_stdin(stream: io.BufferedReader, *, encoding: str | None = None) -> Text:
    return decode(stream.read(), path="-", encoding=encoding)
