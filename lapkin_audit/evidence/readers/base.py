"""What a reader module declares (``evidence.readers``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.job import Job

HEAD = 1024  # bytes a format is recognised from (PDF allows junk before its header)


@dataclass(frozen=True)
class Format:
    name: str  # the facts' ``format``
    sniff: Callable[[bytes, bytes], bool]  # (the first HEAD bytes, all bytes) -> is it this format
    read: Callable[[bytes, str, Job], DocumentFacts]  # (bytes, SHA-256, job) -> facts
    depends: tuple[str, ...]  # distributions whose versions change what is read
