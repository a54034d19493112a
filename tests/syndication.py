"""Scoring alerts on syndicated coverage (tests/data/syndication): every must-alert estimate alerts exactly
once and nothing else alerts.

Each stream's stories go through what a crawl does after fetching (the reader on headline and text, the
archive's resolution, the default alert rule routed by the stream's watch) into a real archive. Each alert
is then matched to the labelled estimate it stands for: same outcome, compatible victims and figures, the
same place (one gazetteer entry, or one nested in the other short of the country: the fish market's strike
alerted "in Hodeidah" is the strike labelled in al-Hali; or the same name).

    python tests/syndication.py [--round N] [-v]  # the table README quotes (-v: every estimate archived)
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).parent
ROUNDS = {"1": HERE / "data" / "syndication", "2": HERE / "data" / "syndication2",
          "3": HERE / "data" / "syndication3", "4": HERE / "data" / "syndication4",
          "5": HERE / "data" / "syndication5", "6": HERE / "data" / "syndication6",
          "7": HERE / "data" / "syndication7", "8": HERE / "data" / "syndication8",
          "9": HERE / "data" / "syndication9", "10": HERE / "data" / "syndication10",
          "11": HERE / "data" / "syndication11", "12": HERE / "data" / "syndication12",
          "13": HERE / "data" / "syndication13"}  # each written blind
STREAMS = sorted(ROUNDS["1"].glob("stream*.json"))


def streams(round_: str) -> list[Path]:
    return sorted(ROUNDS[round_].glob("stream*.json"))


@dataclass
class Score:
    name: str
    alerts: int = 0
    must: int = 0
    hits: set[str] = field(default_factory=set)
    duplicates: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # alerts for nothing that should alert
    estimates: list[tuple] = field(default_factory=list)
    kinds: list[bool] = field(default_factory=list)  # per must-alert estimate alerted: kind as labelled
    dates: list[bool] = field(default_factory=list)  # ... first_stated on the labelled day
    kind_misses: list[str] = field(default_factory=list)
    revisions: list[bool] = field(default_factory=list)  # per hit whose label says what it revises (round 3 on)

    @property
    def precision(self) -> float:
        return (self.alerts - len(self.wrong) - len(self.duplicates)) / self.alerts if self.alerts else 1.0

    @property
    def recall(self) -> float:
        return len(self.hits) / self.must if self.must else 1.0


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def run(stream: dict, db_url: str, order: list[int] | None = None) -> Score:
    """Archive the stream's stories (in `order`, default as published) and score the alerts."""
    from alerts.routing import make_router
    from alerts.rules import AlertRule
    from casualty_watch.config import watch_for
    from crawler.document import Document
    from estimates import extract, identity_key
    from storage import Archive, ItemIn

    watch = watch_for(stream["watch"]["places"])
    route = make_router([AlertRule(kind="console")], watch.places, watch.place_ids)
    archive = Archive(db_url)
    try:
        stories = stream["stories"]
        for i in order if order is not None else range(len(stories)):
            st = stories[i]
            published = datetime.fromisoformat(st["published"].replace("Z", "+00:00"))
            doc = Document(text=st["text"], title=st["title"], published=published, language=st["language"])
            found = extract(doc.reading_text, lang=doc.language, places=watch.places)
            archive.store_item(ItemIn(url=st["url"], text=st["text"], source=st["outlet"], title=st["title"],
                                      outlet=st["outlet"], published=published, language=st["language"]),
                               found, key=identity_key, route=route)
        return _score(stream, archive)
    finally:
        archive.close()


def _score(stream: dict, archive) -> Score:  # type: ignore[no-untyped-def]
    score = Score(stream["name"], must=sum(1 for e in stream["expected"] if e["alert"]))
    hit_of: dict[str, int] = {}  # labelled id -> the archived estimate its alert was for
    for alert in archive.alerts(limit=100000):
        if alert.state == "cancelled":  # folded or rejected before it was sent: never delivered
            continue
        est = archive.estimate(alert.estimate_id)
        while est is not None and est.get("merged_into"):
            est = archive.estimate(est["merged_into"])
        score.alerts += 1
        label = _describe(est)
        match = _labelled(est, stream["expected"], watch_city(stream))
        if match is None or not match["alert"]:
            score.wrong.append(label + (f" (labelled {match['id']}, no alert)" if match else ""))
        elif match["id"] in score.hits:
            score.duplicates.append(f"{label} again ({match['id']})")
        else:
            score.hits.add(match["id"])
            hit_of[match["id"]] = est["id"]
            score.kinds.append(est["kind"] == match["kind"])
            if est["kind"] != match["kind"]:
                score.kind_misses.append(f"{label}: {est['kind']} (labelled {match['kind']})")
            score.dates.append((est["first_stated"] or "")[:10] == match["first_stated"])
            if not score.dates[-1]:
                score.kind_misses.append(f"{label}: first stated {est['first_stated']} (labelled {match['first_stated']})")
    score.estimates = [(e["id"], _describe(e), e["mentions"]) for e in archive.estimates()]
    _score_revisions(score, stream["expected"], archive, hit_of)
    return score


def _score_revisions(score: Score, expected: list[dict], archive, hit_of: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Where the labels say which estimate revises which: does the archive link the same pair, and no other?"""
    if not any("revises" in e for e in expected):
        return
    for e in expected:
        if e["id"] not in hit_of:
            continue
        est = archive.estimate(hit_of[e["id"]])
        want = hit_of.get(e["revises"]) if e.get("revises") else None
        score.revisions.append(est["revises"] == want)
        if est["revises"] != want:
            score.kind_misses.append(f"{_describe(est)}: revises {est['revises']} (labelled {e.get('revises')})")


def _describe(est: dict | None) -> str:
    if est is None:
        return "?"
    return f"{est['outcome']} {est['victims_group']} {est['low']}-{est['high']} in {est['place']} ({est['claimant']})"


def watch_city(stream: dict) -> str | None:
    """The gazetteer id of the stream's watched city (a labelled quarter the gazetteer lacks lies in it)."""
    from casualty_watch.config import watch_for
    from estimates import gazetteer

    ids = watch_for(stream["watch"]["places"]).place_ids
    cities = [i for i in ids if (e := gazetteer.get(i)) is not None and e.kind == "city"]
    return cities[0] if len(cities) == 1 else None


def _labelled(est: dict | None, expected: list[dict], city: str | None = None) -> dict | None:
    """The labelled estimate an archived one stands for; a must-alert one first when several fit."""
    if est is None:
        return None
    from storage.sameness import figures_agree, victims_agree

    fits = [e for e in expected if e["outcome"] == est["outcome"]
            and victims_agree(e["victims"], est["victims_group"])
            and figures_agree(SimpleNamespace(low=e["low"], high=e["high"]), SimpleNamespace(**est))
            and _same_place(e["place"], est, city)]
    return sorted(fits, key=lambda e: not e["alert"])[0] if fits else None


_KINDS = re.compile(r"\s+(?:governorate|province|district|neighbou?rhood|city)$", re.IGNORECASE)


def _same_place(name: str | None, est: dict, city: str | None = None) -> bool:
    from estimates import gazetteer, name_keys, places

    if not name or not est.get("place"):
        return not name and not est.get("place")
    entry = gazetteer.lookup(name) or gazetteer.lookup(_KINDS.sub("", name).strip())
    key = name_keys.key(name)
    if entry is None and city is not None and key is not None:  # "al-Jolan": a quarter the gazetteer lacks, of the
        # watched city, as the reader keys one; a building it lacks ("Fallujah teaching hospital") stands in the city
        entry = gazetteer.get(city if places.a_landmark(name) else f"{city}{gazetteer.QUARTER_MARK}{key}")
    if entry is not None and est.get("place_id"):  # one place as sameness sees it (a quarter is its district),
        labelled, read = gazetteer.area(entry.id), gazetteer.area(est["place_id"])  # or one nested in the other
        if read == labelled or labelled in gazetteer.nests(read) or read in gazetteer.nests(labelled):
            return True  # else by name: "al-Badu" (Raqqa's) is no Badou of Togo
    if (gazetteer.QUARTER_MARK in (est.get("place_id") or "") or entry is None) and \
            name_keys.key(name) is not None and name_keys.key(name) == name_keys.key(est["place"]):
        return True  # a quarter or a site the gazetteer lacks, written in another script ("al-Mashlab", "حي المشلب";
        # "Awlad al-Reif market", "سوق أولاد الريف")
    bare = re.sub(r"^(?:al-|el-|the\s+)|\s+(?:district|neighbou?rhood|village)$", "", name.casefold())
    return name.casefold() == est["place"].casefold() or bare in est["place"].casefold()  # "al-Badu": "Raqqa's
    # al-Badu neighbourhood", a place the gazetteer lacks


def main(argv: list[str]) -> int:
    totals = Score("all")
    print(f"{'stream':<8} {'alerts':>6} {'must':>5} {'hit':>4} {'dup':>4} {'wrong':>5} {'precision':>9} {'recall':>7}"
          f" {'kind':>5} {'date':>5} {'revis':>5}")
    round_ = argv[argv.index("--round") + 1] if "--round" in argv else "1"
    with tempfile.TemporaryDirectory() as tmp:
        for n, path in enumerate(streams(round_)):
            url = f"sqlite:///{tmp}/{n}.db"
            sc = run(load(path), url)
            print(f"{sc.name:<8} {sc.alerts:>6} {sc.must:>5} {len(sc.hits):>4} {len(sc.duplicates):>4} "
                  f"{len(sc.wrong):>5} {sc.precision:>9.2f} {sc.recall:>7.2f} {_share(sc.kinds):>5} {_share(sc.dates):>5} "
                  f"{_share(sc.revisions):>5}")
            for line in sc.duplicates + sc.wrong:
                print("   ", line)
            if "-v" in argv:
                for line in sc.kind_misses:
                    print("    kind/date:", line)
            if "-v" in argv:
                for e in sc.estimates:
                    print("      ", *e)
            totals.alerts += sc.alerts
            totals.must += sc.must
            totals.hits |= {f"{sc.name}:{h}" for h in sc.hits}
            totals.duplicates += sc.duplicates
            totals.wrong += sc.wrong
            totals.kinds += sc.kinds
            totals.dates += sc.dates
            totals.revisions += sc.revisions
    print(f"{'all':<8} {totals.alerts:>6} {totals.must:>5} {len(totals.hits):>4} {len(totals.duplicates):>4} "
          f"{len(totals.wrong):>5} {totals.precision:>9.2f} {totals.recall:>7.2f} {_share(totals.kinds):>5} "
          f"{_share(totals.dates):>5} {_share(totals.revisions):>5}")
    return 0


def _share(flags: list[bool]) -> str:
    """The share of true flags, as the table prints it ('-' for none)."""
    return f"{sum(flags) / len(flags):.2f}" if flags else "-"


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    sys.exit(main(sys.argv[1:]))
