import datetime as dt

from bridgehub.signals.domain.ingest import RawItem

DAY = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def raw(title: str, url: str, *, body: str = "", outlet: str = "", days: int = 0) -> RawItem:
    return RawItem(title=title, url=url, published_at=DAY + dt.timedelta(days=days), body=body, outlet=outlet)


# Stories that share no wording (copies of one story would merge into one item).
DISTINCT_NEWS = ["opens a plant in Kumamoto", "names a new chief executive from Sony",
                 "wins an order for inspection tools from a carmaker"]
