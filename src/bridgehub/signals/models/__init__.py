from bridgehub.signals.models.follow import Follow
from bridgehub.signals.models.item import Alias, Item, ItemCopy, ItemLink, ItemSector, LinkReport, Pin
from bridgehub.signals.models.source import Source

__all__ = ["Alias", "Follow", "Item", "ItemCopy", "ItemLink", "ItemSector", "LinkReport", "Pin", "Source"]
