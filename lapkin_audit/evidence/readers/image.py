"""Images of scanned pages (JPEG, PNG, TIFF, each frame a page): recognised by their
signatures; read with Pillow, each frame by OCR and for its QR codes. A frame larger than
the pixel limit is refused unread (a decompression bomb: B001).

Depends on: Pillow; tesserocr for OCR; zxing-cpp for QR codes.
"""

from __future__ import annotations

import io
import warnings

from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.job import Hostile, Job
from lapkin_audit.evidence.readers.base import Format
from lapkin_audit.evidence.readers.pages import Pages
from lapkin_audit.evidence.readers.pdf import MAX_PIXELS


def read(data: bytes, sha256: str, job: Job, fmt: str) -> DocumentFacts:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            job.counted(frames)
            pages = Pages(job)
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                job.check()
                if frame.width * frame.height > MAX_PIXELS:
                    raise Hostile(f"{frame.width}x{frame.height} pixels")
                pages.scanned(index, frame.convert("L") if pages.wants_image() else None)
            return pages.facts(sha256, fmt, frames)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Hostile(str(exc)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        return DocumentFacts(sha256, fmt, problem="damaged", detail=f"{type(exc).__name__}: {exc}")


def _reader(fmt: str):  # type: ignore[no-untyped-def]
    def read_format(data: bytes, sha256: str, job: Job) -> DocumentFacts:
        return read(data, sha256, job, fmt)

    return read_format


FORMATS = (
    Format("jpeg", lambda head, data: head.startswith(b"\xff\xd8\xff"), _reader("jpeg"), ("Pillow",)),
    Format("png", lambda head, data: head.startswith(b"\x89PNG\r\n\x1a\n"), _reader("png"), ("Pillow",)),
    Format("tiff", lambda head, data: head.startswith((b"II*\x00", b"MM\x00*")), _reader("tiff"), ("Pillow",)),
)
