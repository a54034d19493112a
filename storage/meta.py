"""Archive-wide counters and facts (metrics, last pass), kept in the meta table."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from .base import ArchiveBase
from .dialect import insert_for
from .tables import Estimate, Item, Meta


class MetaMixin(ArchiveBase):
    def bump(self, counters: dict[str, float]) -> None:
        """Add to named counters (e.g. crawl/pages); they only grow, as Prometheus counters must."""
        with self.writing() as s:
            for name, by in counters.items():
                row = s.get(Meta, f"counter:{name}")
                value = (float(row.value) if row else 0.0) + by
                s.exec(insert_for(self.dialect, Meta).values(key=f"counter:{name}", value=repr(value))  # type: ignore[call-overload]
                       .on_conflict_do_update(index_elements=["key"], set_={"value": repr(value)}))

    def counters(self) -> dict[str, float]:
        with self.reading() as s:
            return {r.key.removeprefix("counter:"): float(r.value)
                    for r in s.exec(select(Meta).where(Meta.key.startswith("counter:")))}  # type: ignore[union-attr]

    def set_fact(self, key: str, value: str) -> None:
        with self.writing() as s:
            s.exec(insert_for(self.dialect, Meta).values(key=key, value=value)  # type: ignore[call-overload]
                   .on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def fact(self, key: str) -> str | None:
        with self.reading() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def totals(self) -> dict[str, int]:
        """Row counts users and metrics want at a glance."""
        with self.reading() as s:
            items = s.exec(select(func.count()).select_from(Item).where(Item.duplicate_of.is_(None))).one()  # type: ignore[union-attr]
            copies = s.exec(select(func.count()).select_from(Item).where(Item.duplicate_of.is_not(None))).one()  # type: ignore[union-attr]
            estimates = s.exec(select(func.count()).select_from(Estimate)).one()
            return {"items": items, "duplicates": copies, "estimates": estimates}
