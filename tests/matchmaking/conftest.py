from tests.matchmaking.market import market  # noqa: F401 - the shared fixture
