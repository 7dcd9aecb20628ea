"""Hand-written SELECTs for the few reads on every view of a hot page, materialised as the ORM would.

Why: compiling a queryset costs far more than running it on these pages. The recommendations list
(`select_related` of a target, its organisation and person) took 1.5-2 ms of CPU to compile and
materialise against 0.05 ms for the statement itself; a page with a dozen such queries spends most of
its budget in the compiler. A `Select` is written once, prepared once per backend (its text built
from the models' own table and column names, each column's converters taken from the ORM: JSON,
dates, booleans and binary come back exactly as a queryset returns them), and gives ordinary model
instances whose other columns are deferred (read on access, as after `only()`).

Use it only where a measurement shows the compiler dominates; everywhere else, write the queryset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Field, Model


@dataclass(frozen=True)
class Part:
    """One model's columns in the statement, under a table alias. `fields`: the names to read
    (None: every concrete field but those in `defer`); the primary key is always read."""

    model: type[Model]
    alias: str
    fields: tuple[str, ...] | None = None
    defer: tuple[str, ...] = ()

    def reads(self, field: Field) -> bool:
        if field.primary_key:
            return True
        return field.name not in self.defer if self.fields is None else field.name in self.fields


def column_of(field: Field) -> str:
    name = field.column
    assert name is not None  # every field read here has a column
    return name


class Names:
    """Quoted table and column names for writing the FROM and WHERE of a statement."""

    def __init__(self) -> None:
        self.quote = connection.ops.quote_name

    def table(self, model: type[Model]) -> str:
        return self.quote(model._meta.db_table)

    def column(self, model: type[Model], name: str) -> str:
        field = model._meta.get_field(name)
        assert isinstance(field, Field)  # a concrete column, not a reverse relation
        return self.quote(column_of(field))


@dataclass(frozen=True)
class _Prepared:
    statement: str
    converters: list[tuple[int, Any, list[Callable[[Any, Any, Any], Any]]]]  # (column, expression, functions)
    parts: list[tuple[type[Model], list[str], int, int]]  # (model, attnames in field order, first, end column)


class Select:
    """SELECT <the parts' columns> <rest>, where `rest(names)` writes the FROM, joins and WHERE with
    %s placeholders. `rows(params)` gives, per row, one instance per part (None where a LEFT JOIN
    found nothing)."""

    def __init__(self, parts: Sequence[Part], rest: Callable[[Names], str]) -> None:
        self.parts = tuple(parts)
        self.rest = rest
        self._prepared: dict[str, _Prepared] = {}

    def _prepare(self) -> _Prepared:
        names = Names()
        columns: list[str] = []
        converters, parts = [], []
        for part in self.parts:
            fields = [field for field in part.model._meta.concrete_fields if part.reads(field)]
            parts.append((part.model, [field.attname for field in fields], len(columns), len(columns) + len(fields)))
            for field in fields:
                expression = field.get_col(part.alias)
                functions = connection.ops.get_db_converters(expression) + field.get_db_converters(connection)
                if functions:  # most columns need none: only those that do are visited per row
                    converters.append((len(columns), expression, functions))
                columns.append(f"{part.alias}.{names.quote(column_of(field))}")
        # Only the models' own names are formatted in; every value is a parameter.
        statement = f"SELECT {', '.join(columns)} {self.rest(names)}"
        return _Prepared(statement, converters, parts)

    def rows(self, params: Sequence[Any]) -> list[list[Any]]:
        """The rows for `params`, one per %s in order; a list or tuple fills an `IN (%s)` with its
        values (an empty one matches nothing)."""
        prepared = self._prepared.get(connection.vendor)
        if prepared is None:
            prepared = self._prepared[connection.vendor] = self._prepare()
        db = connection.alias
        out = []
        for raw in _fetched(prepared.statement, params):
            values = list(raw)
            for i, expression, functions in prepared.converters:
                for convert in functions:
                    values[i] = convert(values[i], expression, connection)
            out.append([None if values[start] is None else model.from_db(db, names, values[start:end])
                        for model, names, start, end in prepared.parts])
        return out


class Count:
    """SELECT COUNT(*) <rest>: a number read on every page (the inbox's unread entries)."""

    def __init__(self, rest: Callable[[Names], str]) -> None:
        self.rest = rest
        self._prepared: dict[str, str] = {}

    def value(self, params: Sequence[Any]) -> int:
        prepared = self._prepared.get(connection.vendor)
        if prepared is None:
            prepared = self._prepared[connection.vendor] = f"SELECT COUNT(*) {self.rest(Names())}"
        return int(_fetched(prepared, params)[0][0])


class Values:
    """A whole statement `sql(names)` whose rows are wanted as plain tuples (ids, pairs of ids)."""

    def __init__(self, sql: Callable[[Names], str]) -> None:
        self.sql = sql
        self._prepared: dict[str, str] = {}

    def rows(self, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        prepared = self._prepared.get(connection.vendor)
        if prepared is None:
            prepared = self._prepared[connection.vendor] = self.sql(Names())
        return [tuple(row) for row in _fetched(prepared, params)]


def _fetched(statement: str, params: Sequence[Any]) -> list[Any]:
    """Every row of `statement` run with `params` (lists and tuples filling `IN (%s)`)."""
    text, values = _expanded(statement, params)
    with _cursor() as cursor:
        cursor.execute(text, values)
        return cursor.fetchall()


def _cursor() -> Any:
    """A cursor for a statement. On PostgreSQL, one that binds its parameters on the server and has the
    statement prepared there: planning cost more than running most of these (the links of a feed page:
    0.46 ms to plan, 0.28 ms to run), and a prepared statement is parsed once per connection and, where
    PostgreSQL finds its generic plan as good as a fresh one, planned once. Only
    these statements are prepared; the ORM's cursors keep Django's default (client-side binding, nothing
    prepared). A connection pooler in front of PostgreSQL must then pass prepared statements through
    (PgBouncer 1.21+ with max_prepared_statements set)."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    postgres: Any = connection  # Django's PostgreSQL wrapper: its `Database` is the psycopg module
    with postgres.wrap_database_errors:
        postgres.ensure_connection()
        postgres.validate_thread_sharing()
        raw = postgres.connection
        raw.prepare_threshold = 0  # a connection setting: the ORM's client-side cursors never prepare
        cursor = postgres.Database.Cursor(raw)  # psycopg's cursor that binds on the server
        # Wrapped as Django wraps its own: the statement is logged and counted like any query.
        return postgres.make_debug_cursor(cursor) if postgres.queries_logged else postgres.make_cursor(cursor)


def _expanded(statement: str, params: Sequence[Any]) -> tuple[str, list[Any]]:
    pieces = statement.split("%s")
    if len(pieces) != len(params) + 1:
        raise ValueError(f"the statement has {len(pieces) - 1} placeholders for {len(params)} parameters")
    if not any(isinstance(value, list | tuple) for value in params):
        return statement, list(params)
    text, values = [pieces[0]], list[Any]()
    for value, piece in zip(params, pieces[1:], strict=True):
        if isinstance(value, list | tuple):
            text.append(", ".join(["%s"] * len(value)) if value else "NULL")
            values.extend(value)
        else:
            text.append("%s")
            values.append(value)
        text.append(piece)
    return "".join(text), values
