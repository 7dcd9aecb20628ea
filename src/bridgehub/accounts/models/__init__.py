from bridgehub.accounts.models.digest import DigestItem
from bridgehub.accounts.models.notification import Notification
from bridgehub.accounts.models.token import ApiToken
from bridgehub.accounts.models.user import User

__all__ = ["ApiToken", "DigestItem", "Notification", "User"]
