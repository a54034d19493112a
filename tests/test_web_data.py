"""A small archive for the API, serve and browser tests: stories, a syndicated copy, a revised story, estimates.

Filled through the real `Archive.store_item` with hand-built estimates and a simple identity key, so
the tests do not wait on the extractor.
"""
from __future__ import annotations

from datetime import UTC, datetime

from estimates import Estimate
from storage import Archive, ItemIn


def Est(low: int | None, high: int | None, outcome: str, victims: str, place: str | None,  # noqa: N802
        claimant: str | None, quote: str, qualifier: str = "exact", **more: str | None) -> Estimate:
    return Estimate(low=low, high=high, qualifier=qualifier, outcome=outcome, victims=victims, place=place,
                    claimant=claimant, quote=quote, lang="en", **more)  # type: ignore[arg-type]


def key(e: Estimate) -> str:
    return f"{e.low}|{e.high}|{e.outcome}|{e.victims}|{e.place}|{e.claimant}"


AIRWARS = Est(9000, 11000, "killed", "civilians", "Mosul", "Associated Press",
              "between 9,000 and 11,000 civilians were killed in the battle for Mosul")
HOSPITAL = Est(40000, 40000, "killed", "civilians", "Mosul", "Kurdish intelligence",
               "more than 40,000 civilians were killed, according to Kurdish intelligence")
JADIDA = Est(105, 105, "killed", "civilians", "al-Jadida", "Airwars",
             "at least 105 civilians died in a single strike in al-Jadida", kind="incident")
CHILDREN = Est(200, 300, "injured", "children", "Nineveh", None,
               "200 to 300 children were injured across Nineveh")
# Crawled text can hold markup; the page must show it as text.
HOSTILE = Est(12, 12, "missing", "people", "Mosul <b>old city</b>", "<img src=x onerror=alert(1)>",
              "12 people are missing <script>alert(1)</script>")
ESTIMATES = (AIRWARS, HOSPITAL, JADIDA, CHILDREN, HOSTILE)

STORIES = [
    (ItemIn(url="https://news.example/mosul-toll", title="Mosul toll far higher than reported",
            source="wire", outlet="Example News", published=datetime(2017, 12, 20, tzinfo=UTC), language="en",
            text="An investigation found that between 9,000 and 11,000 civilians were killed in the battle for "
                 "Mosul, nearly ten times the number previously reported."), [AIRWARS]),
    (ItemIn(url="https://kurdistan.example/intel", title="Intelligence estimate: 40,000 dead",
            source="kurdish", published=datetime(2017, 7, 19, tzinfo=UTC), language="en",
            text="More than 40,000 civilians were killed, according to Kurdish intelligence, in the siege of "
                 "the western half of Mosul."), [HOSPITAL]),
    (ItemIn(url="https://airwars.example/jadida", title="The al-Jadida strike",
            source="airwars", published=datetime(2017, 3, 25, tzinfo=UTC), language="en",
            text="At least 105 civilians died in a single strike in al-Jadida, a neighbourhood of west Mosul, "
                 "when a coalition bomb hit a building sheltering families."), [JADIDA]),
    (ItemIn(url="https://ngo.example/children", title="Children of Nineveh",
            source="ngo", published=datetime(2017, 5, 2, tzinfo=UTC), language="en",
            text="Between 200 to 300 children were injured across Nineveh as fighting moved through the city "
                 "of Mosul, the relief agency said."), [CHILDREN]),
    (ItemIn(url="https://arabic.example/mosul", title="الموصل: مقتل مدنيين",
            source="arabic", published=datetime(2017, 6, 1, tzinfo=UTC), language="ar",
            text="قالت مصادر محلية إن عشرات المدنيين قتلوا في غارة على الموصل القديمة يوم الخميس."), []),
    (ItemIn(url="https://weird.example/missing", title="Missing in the <b>old city</b>",
            source="wire", published=datetime(2017, 8, 1, tzinfo=UTC), language="en",
            text="Twelve people are missing in the old city of Mosul, families told reporters on Tuesday."),
     [HOSTILE]),
    (ItemIn(url="https://daily.example/world/mosul-count", title="How many died in Mosul?",
            source="daily", published=datetime(2018, 1, 5, tzinfo=UTC), language="en",
            text="Reporters counted graves and hospital records: between 9,000 and 11,000 civilians were killed "
                 "in the battle for Mosul, a figure the coalition has not accepted."), [AIRWARS]),
]
# The wire story again at another outlet: folded into the first copy, listed under also_at.
COPY = (ItemIn(url="https://mirror.example/mosul-toll-copy", title="Mosul toll far higher than reported",
               source="mirror", published=datetime(2017, 12, 21, tzinfo=UTC), language="en",
               text=STORIES[0][0].text), [AIRWARS])
REVISED = ItemIn(url="https://news.example/mosul-toll", title="Mosul toll far higher than reported (updated)",
                 source="wire", published=datetime(2017, 12, 20, tzinfo=UTC), language="en",
                 text=STORIES[0][0].text + " The coalition disputes the figure.")


def fill(archive: Archive) -> dict[str, int]:
    """Stores every story; returns item ids by URL."""
    ids: dict[str, int] = {}
    for item, found in [*STORIES, COPY]:
        ids[item.url] = archive.store_item(item, found, key=key).item_id
    archive.store_item(REVISED, [AIRWARS], key=key)
    return ids
