"""Alur: the steps ran in the SOP's order, by the roles the SOP gives them.

A001  a step of the SOP never appears in the log.
      Fails: a log `1, 2, 3, 4, 6`. Fix: record step 5 (or do it).
A002  the log breaks the flow: a step follows one it may not follow (only a decision
      step's `diperbaiki` leads back), a step starts before the one before it ended,
      or a decision step lacks a valid `hasil`.
      Fails: `1, 2, 4, ...` (step 3 skipped before 4); step 3 without `hasil`.
      Passes: the revision loop `1, 2, 3 (diperbaiki), 2, 3 (diteruskan), 4, 5, 6`.
A003  a step was done by a role the SOP does not give it (waivable).
      Fails: step 4 by `peran: tim` (the SOP gives it to `sub_umum`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.context import Context
from lapkin_audit.model import Violation

CODES = ("A001", "A002", "A003")


def check(ctx: Context) -> Iterator[Violation]:
    yield from _missing_steps(ctx)
    yield from _flow(ctx)
    yield from _roles(ctx)


def _missing_steps(ctx: Context) -> Iterator[Violation]:
    done = {record.nomor for record in ctx.dossier.langkah}
    for step in ctx.sop.steps:
        if step.nomor not in done:
            yield Violation(
                "A001", "A001", {"step": step.nomor, "kegiatan": step.short_name}, step=step.nomor, field="langkah"
            )


def _flow(ctx: Context) -> Iterator[Violation]:
    sop, log = ctx.sop, ctx.dossier.langkah
    done = {record.nomor for record in log}
    first = sop.steps[0]
    if log and log[0].nomor != first.nomor and first.nomor in done:
        yield Violation(
            "A002",
            "A002.first",
            {"step": log[0].nomor, "first": first.nomor},
            step=log[0].nomor,
            field=f"{log[0].field}.nomor",
        )
    for record in log:
        step = sop.step(record.nomor)
        if step is not None and step.decision is not None and record.hasil not in step.decision:
            key = "A002.no_hasil" if record.hasil is None else "A002.bad_hasil"
            args: dict[str, Any] = {"step": record.nomor, "hasil": record.hasil, "allowed": sorted(step.decision)}
            yield Violation("A002", key, args, step=record.nomor, field=f"{record.field}.hasil")
    for previous, record in itertools.pairwise(log):
        allowed = sop.successors(previous.nomor, previous.hasil)
        if record.nomor not in allowed:
            args = {"step": record.nomor, "previous": previous.nomor, "allowed": list(allowed) or "-"}
            yield Violation("A002", "A002.order", args, step=record.nomor, field=f"{record.field}.nomor")
        if record.mulai < previous.selesai:
            args = {
                "step": record.nomor,
                "mulai": record.mulai,
                "previous": previous.nomor,
                "selesai": previous.selesai,
            }
            yield Violation("A002", "A002.overlap", args, step=record.nomor, field=f"{record.field}.mulai")


def _roles(ctx: Context) -> Iterator[Violation]:
    for record in ctx.dossier.langkah:
        step = ctx.sop.step(record.nomor)
        if step is None:
            continue
        for person in record.pelaksana:
            if person.peran not in step.pelaksana:
                args = {
                    "step": record.nomor,
                    "kegiatan": step.short_name,
                    "nama": person.nama,
                    "peran": person.peran,
                    "allowed": list(step.pelaksana),
                }
                yield Violation("A003", "A003", args, step=record.nomor, field=f"{person.field}.peran")
