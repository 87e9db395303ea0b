"""Load, validate and overlay the data files, reporting every problem with its place.

The shipped data lives in ``footprint_cli/data`` inside the wheel (copied from the
repository's top-level ``data/``). A user overlay directory (``--data DIR`` or the
``FOOTPRINT_DATA`` environment variable) may hold any subset of the same files: its
rows add to or replace the shipped ones (same ``id``/``code``/key).
"""

from __future__ import annotations

import dataclasses
import os
import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from ..errors import DataError, Problem
from ..i18n import Message
from .schemas import (
    AgribalyseTotal,
    EmissionFactors,
    ExportPort,
    FieldError,
    FrenchSupply,
    NonNegRange,
    OriginPrice,
    Place,
    Port,
    Product,
    ProductionVariant,
    Range,
    Route,
    SeaDistance,
    Season,
    SeasonSystem,
    SourceRef,
    install_constraints,
    parse_months,
)

FACTORS_FILE = "emission_factors.yaml"
CSV_TABLES: dict[str, tuple[type, tuple[str, ...]]] = {
    # file name: (row model, key fields)
    "products.csv": (Product, ("id",)),
    "places.csv": (Place, ("code",)),
    "ports.csv": (Port, ("code",)),
    "sea_distances.csv": (SeaDistance, ("from_port", "to_port")),
    "seasons.csv": (Season, ("product", "origin")),
    "routes.csv": (Route, ("product", "origin")),
    "production_variants.csv": (ProductionVariant, ("product", "system", "origin")),
    "season_systems.csv": (SeasonSystem, ("product", "origin", "status")),
    "agribalyse_totals.csv": (AgribalyseTotal, ("product",)),
    "french_supply.csv": (FrenchSupply, ("product",)),
    "export_ports.csv": (ExportPort, ("product", "origin")),
    "prices.csv": (OriginPrice, ("product", "origin", "months")),
}
DATA_FILES = (FACTORS_FILE, *CSV_TABLES)
ENV_VAR = "FOOTPRINT_DATA"


# ---------------------------------------------------------------- locating data


def shipped_data_dir() -> Path:
    """The data directory of the installed package, or of the source checkout.

    The package's own directory, where ``importlib.resources.files`` would find it too: the
    data is read as files on disk (a zipped install could not be read in place anyway), and
    importing ``importlib.resources`` (zipfile, tempfile) would add ~3 ms to every command."""
    packaged = Path(__file__).parents[1] / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "data"
    if checkout.is_dir():
        return checkout
    raise DataError([Problem(str(packaged), None, Message("data.field.data"), Message("data.no_shipped"))])


def overlay_dirs(explicit: Iterable[str | Path] = ()) -> list[Path]:
    """Overlay directories: those given explicitly, else those in FOOTPRINT_DATA."""
    dirs = [Path(p) for p in explicit]
    if not dirs and os.environ.get(ENV_VAR):
        dirs = [Path(p) for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    return dirs


# ---------------------------------------------------------------- CSV rows -> model input


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split("|") if s.strip())


def _bool(text: str) -> bool | str:
    t = text.strip().lower()
    if t in ("true", "yes", "1", "oui", "x"):
        return True
    if t in ("false", "no", "0", "non", ""):
        return False
    return text


def _is(annotation: Any, cls: type) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, cls)


@cache
def field_types(cls: type) -> dict[str, Any]:
    """Field name -> resolved annotation (``Annotated`` and ``| None`` stripped)."""
    install_constraints()
    hints = get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        ann = hints[f.name]
        args = [a for a in get_args(ann) if a is not type(None)]
        if get_origin(ann) in (Union, types.UnionType) and len(args) == 1:
            ann = args[0]
        out[f.name] = ann
    return out


@cache
def adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    install_constraints()
    return TypeAdapter(cls)


def row_to_input(model: type, row: dict[str, str]) -> dict[str, Any]:
    """Turn flat CSV columns into the nested shape the model expects.

    A ``Range`` field ``x`` reads columns ``x``, ``x_low``, ``x_high``; a ``SourceRef``
    field ``s`` reads ``s`` (registry key), ``s_id`` (identifier), ``s_id_fr`` (the identifier
    in French, where it is our own prose), ``s_note`` and ``s_proxy``; a tuple field is ``|``-separated; a month set is ``1-4|8-12``; empty
    cells are missing values.
    """
    out: dict[str, Any] = {}
    used: set[str] = set()
    for name, ann in field_types(model).items():
        if _is(ann, Range):
            cols: tuple[str, ...] = (name, f"{name}_low", f"{name}_high")
            used.update(cols)
            central = row.get(name, "").strip()
            if central == "":
                continue
            low = row.get(f"{name}_low", "").strip() or central
            high = row.get(f"{name}_high", "").strip() or central
            out[name] = {"central": central, "low": low, "high": high}
        elif _is(ann, SourceRef):
            cols = (name, f"{name}_id", f"{name}_id_fr", f"{name}_note", f"{name}_proxy")
            used.update(cols)
            if not row.get(name, "").strip():
                continue
            ref: dict[str, Any] = {
                "id": row.get(name, "").strip(),
                "identifier": row.get(f"{name}_id", "").strip(),
            }
            if row.get(f"{name}_id_fr", "").strip():
                ref["identifier_fr"] = row[f"{name}_id_fr"].strip()
            if row.get(f"{name}_note", "").strip():
                ref["note"] = row[f"{name}_note"].strip()
            if row.get(f"{name}_proxy", "").strip():
                ref["proxy"] = _bool(row[f"{name}_proxy"])
            out[name] = ref
        else:
            used.add(name)
            raw = row.get(name)
            if raw is None or raw.strip() == "":
                continue
            raw = raw.strip()
            if get_origin(ann) is tuple:
                out[name] = _split_list(raw)
            elif get_origin(ann) is frozenset:
                out[name] = _Months(raw)
            elif ann is bool:
                out[name] = _bool(raw)
            else:
                out[name] = raw
    extra = [c for c in row if c is not None and c not in used and c.strip()]
    for c in extra:
        out[c] = row[c]  # forbidden extra fields are reported by the model
    return out


class _Months(str):
    """A month-set cell, parsed in :func:`validate` so that errors carry the field name."""


def _value_message(exc: ValueError) -> Message:
    """The catalogue message a schema check raised (every check of ``model/schemas.py`` raises one)."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Message) else Message("data.pyd.other", detail=str(exc))


def validate(model: type, data: dict[str, Any]) -> Any:
    """Validate ``data`` into ``model``; raises pydantic's ValidationError with every error
    of the row (a bad month set does not hide the other fields' errors)."""
    from pydantic import ValidationError

    month_errors: list[tuple[str, Message]] = []
    for k, v in list(data.items()):
        if isinstance(v, _Months):
            try:
                data[k] = parse_months(v)
            except ValueError as exc:
                month_errors.append((k, Message("data.months_hint", problem=_value_message(exc))))
                data[k] = frozenset()
    try:
        item = adapter(model).validate_python(data)
    except ValidationError as exc:
        if not month_errors:
            raise
        raise _field_errors(model, month_errors, exc.errors()) from None
    if month_errors:
        raise _field_errors(model, month_errors, [])
    return item


def _field_errors(model: type, fields: list[tuple[str, Message]], others: list[Any]) -> Exception:
    from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

    # the message object rides in the error's context: the loader words it in the user's language
    errs = [
        InitErrorDetails(
            type=PydanticCustomError(
                "value_error", message.replace("{", "{{").replace("}", "}}"), {"message": message}
            ),
            loc=(name,),
            input=None,
        )
        for name, message in fields
    ]
    for e in others:
        loc, message = _error_place(e)
        errs.append(
            InitErrorDetails(
                type=PydanticCustomError(
                    "value_error", message.replace("{", "{{").replace("}", "}}"), {"message": message}
                ),
                loc=loc,
                input=None,
            )
        )
    return ValidationError.from_exception_data(model.__name__, errs)


def _error_place(err: dict[str, Any]) -> tuple[tuple[Any, ...], Message]:
    """Location and message of a pydantic error, with ``field|message`` checks unfolded; the
    message is a catalogue message (the schemas' own checks carry theirs, pydantic's are keyed
    by error type)."""
    import re

    msg = err["msg"].removeprefix("Value error, ")
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    cause = ctx.get("message") or ctx.get("error")
    if isinstance(cause, FieldError):
        if loc[-1:] != (cause.field_name,):
            loc = (*loc, cause.field_name)
        return loc, cause.message
    if isinstance(cause, Message):
        return loc, cause
    if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Message):
        return loc, cause.args[0]
    field_check = re.match(r"([a-z_][a-z0-9_]*)\|", msg)
    if field_check and err["type"] == "value_error":
        msg = msg[field_check.end() :]
        if loc[-1:] != (field_check.group(1),):
            loc = (*loc, field_check.group(1))
    return loc, _pydantic_message(err["type"], msg, ctx)


#: pydantic error types -> catalogue keys (``data.pyd.*``), by the type's family
_PYDANTIC_KEYS = {
    "finite_number": "data.pyd.finite_number",
    "less_than_equal": "data.pyd.less_than_equal",
    "greater_than_equal": "data.pyd.greater_than_equal",
    "greater_than": "data.pyd.greater_than",
    "float_parsing": "data.pyd.float",
    "float_type": "data.pyd.float",
    "int_parsing": "data.pyd.int",
    "int_type": "data.pyd.int",
    "int_from_float": "data.pyd.int",
    "bool_parsing": "data.pyd.bool",
    "bool_type": "data.pyd.bool",
    "string_type": "data.pyd.string",
    "string_too_short": "data.pyd.string_too_short",
    "dict_type": "data.pyd.mapping",
    "dataclass_type": "data.pyd.mapping",
    "missing": "data.pyd.missing",
    "unexpected_keyword_argument": "data.pyd.extra_forbidden",
    "literal_error": "data.pyd.literal_error",
}


def _pydantic_message(kind: str, msg: str, ctx: Mapping[str, Any]) -> Message:
    """A pydantic error as a catalogue message: its English text is pydantic's own."""
    key = _PYDANTIC_KEYS.get(kind, "data.pyd.other")
    # pydantic shows a whole float bound as an integer ("less than or equal to 90")
    params = {
        k: int(v) if isinstance(v, float) and v.is_integer() else v
        for k, v in ctx.items()
        if k in ("le", "ge", "gt", "expected", "min_length")
    }
    message = Message(key, detail=msg, **params)
    return message if message == msg else Message("data.pyd.other", detail=msg)


def _csv_message(exc: Exception) -> Message:
    """The csv module's error (a row it cannot read) as a catalogue message."""
    import re

    text = str(exc)
    limit = re.fullmatch(r"field larger than field limit \((\d+)\)", text)
    quote = re.fullmatch(r"'(.)' expected after '\"'", text)
    if limit:
        return Message("data.csv.field_limit", limit=limit.group(1))
    if quote:
        return Message("data.csv.quote", delimiter=quote.group(1))
    if text == "unexpected end of data":
        return Message("data.csv.eof")
    return Message("data.csv.other", detail=text)


def _loc_to_field(loc: tuple[Any, ...]) -> str | Message:
    parts = [str(p) for p in loc if p not in ("central",)]
    return ".".join(parts) or Message("data.field.row")


@dataclass
class _Rows:
    """Validated rows of one CSV table with the place each came from."""

    items: dict[tuple[str, ...], Any] = field(default_factory=dict)
    where: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)


def read_csv_table(
    path: Path, text: str, model: type, key: tuple[str, ...], problems: list[Problem]
) -> Iterator[tuple[int, Any]]:
    import csv
    import io

    # strict: an unclosed or stray quote is an error at its line, not a row swallowing the file
    reader = csv.DictReader(io.StringIO(text), strict=True)
    try:
        if reader.fieldnames is None:
            problems.append(Problem(str(path), 1, Message("data.field.header"), Message("data.empty")))
            return
        width = len(reader.fieldnames)
        line = reader.line_num
        for row in _csv_rows(reader, path, problems):
            start = line + 1
            line = reader.line_num
            extra: Any = row.get(None)  # type: ignore[call-overload]  # DictReader keeps surplus cells under None
            if extra is not None:
                problems.append(
                    Problem(
                        str(path), start, Message("data.field.row"), Message("data.extra_cells", n=len(extra))
                    )
                )
                continue
            if any(v is None for v in row.values()):
                short = sum(v is not None for v in row.values())
                problems.append(
                    Problem(
                        str(path),
                        start,
                        Message("data.field.row"),
                        Message("data.short_row", n=short, width=width),
                    )
                )
                continue
            try:
                item = validate(model, row_to_input(model, row))
            except ValueError as exc:  # pydantic's ValidationError is a ValueError
                for err in _errors(exc):
                    loc, msg = _error_place(err)
                    problems.append(Problem(str(path), start, _loc_to_field(loc), msg))
                continue
            yield start, item
    except csv.Error as exc:  # the header itself is unreadable
        problems.append(
            Problem(str(path), reader.line_num or 1, Message("data.field.csv"), _csv_message(exc))
        )


def _csv_rows(reader: Any, path: Path, problems: list[Problem]) -> Iterator[dict[str, Any]]:
    """The rows of ``reader``; a row the csv module cannot read (a field over its size limit,
    an unclosed quote) ends the file with a located problem instead of a traceback."""
    import csv

    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(
                Problem(
                    str(path),
                    start,
                    Message("data.field.csv"),
                    Message("data.csv_rest", problem=_csv_message(exc)),
                )
            )
            return
        yield row


def _errors(exc: Exception) -> list[dict[str, Any]]:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return list(errors())
    return [{"loc": (), "msg": str(exc), "type": "value_error"}]


# ---------------------------------------------------------------- YAML with line numbers


def _yaml_line(node: Any, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the composed YAML node tree."""
    import yaml

    if node is None:
        return None
    best = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    child = v
                    best = k.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                child = node.value[part]
        if child is None:
            break
        node = child
        best = node.start_mark.line + 1
    return best


def _load_yaml(path: Path, text: str, problems: list[Problem]) -> tuple[Any, Any]:
    import yaml

    try:
        _check_depth(path, text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.append(
            Problem(
                str(path),
                line,
                Message("data.field.yaml"),
                Message("data.yaml", detail=str(getattr(exc, "problem", exc))),
            )
        )
        return None, None
    except _TooDeep as exc:
        problems.append(
            Problem(
                str(path), exc.line, Message("data.field.yaml"), Message("data.yaml_depth", n=YAML_MAX_DEPTH)
            )
        )
        return None, None
    return data, node


YAML_MAX_DEPTH = 20
"""Deepest nesting of the factors file (it needs five levels); deeper is refused before the
YAML parser, which recurses once per level, is given the text."""


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


def _check_depth(path: Path, text: str) -> None:
    """Refuse YAML nested deeper than :data:`YAML_MAX_DEPTH`, from its tokens (the scanner is
    not recursive): block indentation and flow brackets both count."""
    import yaml

    depth = 0
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(
            token,
            yaml.BlockMappingStartToken
            | yaml.BlockSequenceStartToken
            | yaml.FlowMappingStartToken
            | yaml.FlowSequenceStartToken,
        ):
            depth += 1
            if depth > YAML_MAX_DEPTH:
                raise _TooDeep(token.start_mark.line + 1)
        elif isinstance(token, yaml.BlockEndToken | yaml.FlowMappingEndToken | yaml.FlowSequenceEndToken):
            depth -= 1


def _merge_factors(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Overlay emission factors: top-level dictionaries merge by key, other values replace."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out


# ---------------------------------------------------------------- the dataset


@dataclass(frozen=True)
class Dataset:
    factors: EmissionFactors
    products: Mapping[str, Product]
    places: Mapping[str, Place]
    ports: Mapping[str, Port]
    sea_distances: Mapping[tuple[str, str], SeaDistance]
    seasons: Mapping[tuple[str, str], Season]
    routes: Mapping[tuple[str, str], Route]
    variants: Mapping[tuple[str, str, str], ProductionVariant]
    season_systems: Mapping[tuple[str, str, str], SeasonSystem] = field(default_factory=dict)
    """(product, origin, status) -> the months an origin grows a product that way."""
    agribalyse_totals: Mapping[str, AgribalyseTotal] = field(default_factory=dict)
    """AGRIBALYSE's own stages per product, shown beside the model's figure for reference."""
    export_ports: Mapping[tuple[str, str], ExportPort] = field(default_factory=dict)
    """(product, origin) -> the seaport the product ships from, where not the country's default."""
    prices: Mapping[tuple[str, str, str], OriginPrice] = field(default_factory=dict)
    """(product, origin or *, months) -> a price by origin and month (overrides products.csv)."""
    mostly_imported: Mapping[str, FrenchSupply] = field(default_factory=dict)
    """Products mainland France mostly imports: no local option unless asked for."""
    origin_of: Mapping[str, str] = field(default_factory=dict)
    """Where each product/place key was defined (``file:line``), for `show` and errors."""
    directories: tuple[Path, ...] = ()
    indexes: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """Name indexes built by the catalog, set by :func:`footprint_cli.store.load_dataset` so
    that the cache holds them too (never changed afterwards)."""

    def countries(self) -> list[Place]:
        return [p for p in self.places.values() if p.kind in ("country", "territory")]

    def sea_distance_km(self, a: str, b: str) -> float | None:
        d = self.sea_distances.get((a, b)) or self.sea_distances.get((b, a))
        return d.distance_km if d else None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DataError(
            [
                Problem(
                    str(path),
                    line,
                    Message("data.field.encoding"),
                    Message("data.encoding"),
                )
            ]
        ) from None


def _inputs(overlays: Iterable[str | Path], shipped: bool) -> tuple[list[Path], dict[Path, set[str]]]:
    """Directories to read in order (shipped first), and per overlay directory the only
    files to read when the user named files rather than the directory. Naming the shipped
    data itself (or one of its files) adds nothing: it is already read."""
    base = shipped_data_dir().resolve() if shipped else None
    dirs: list[Path] = [base] if base is not None else []
    only: dict[Path, set[str]] = {}
    whole: set[Path] = set()
    for d in overlays:
        p = Path(d)
        if p.is_file():
            if p.name not in DATA_FILES:
                raise DataError(
                    [
                        Problem(
                            str(p),
                            None,
                            Message("data.field.file"),
                            Message("data.not_a_data_file", expected=", ".join(DATA_FILES)),
                        )
                    ]
                )
            parent = p.parent.resolve()
            if parent == base:
                continue
            if parent not in whole:
                only.setdefault(parent, set()).add(p.name)
            if parent not in dirs:
                dirs.append(parent)
        elif p.is_dir():
            r = p.resolve()
            if r == base:
                continue
            whole.add(r)
            only.pop(r, None)
            if r not in dirs:
                dirs.append(r)
        else:
            raise DataError([Problem(str(p), None, Message("data.field.data"), Message("data.no_such_file"))])
    return dirs, only


def _load(dirs: list[Path], only: dict[Path, set[str]]) -> Dataset:
    problems: list[Problem] = []

    def files(d: Path, name: str) -> Path | None:
        f = d / name
        if d in only and name not in only[d]:
            return None
        return f if f.is_file() else None

    factors_raw: dict[str, Any] = {}
    factors_nodes: list[tuple[Path, Any, dict[str, Any]]] = []
    for d in dirs:
        f = files(d, FACTORS_FILE)
        if f is not None:
            data, node = _load_yaml(f, _read(f), problems)
            if data is None and node is None:
                continue
            if not isinstance(data, dict):
                problems.append(Problem(str(f), 1, Message("data.field.document"), Message("data.mapping")))
                continue
            factors_nodes.append((f, node, data))
            factors_raw = _merge_factors(factors_raw, data)

    factors: EmissionFactors | None = None
    if not factors_nodes:
        problems.append(Problem(str(dirs[0] if dirs else "."), None, FACTORS_FILE, Message("data.missing")))
    else:
        try:
            factors = validate(EmissionFactors, factors_raw)
        except ValueError as exc:
            for err in _errors(exc):
                loc, msg = _error_place(err)
                path, node = _where_in_yaml(factors_nodes, loc)
                problems.append(Problem(str(path), _yaml_line(node, loc), _loc_to_field(loc), msg))

    tables: dict[str, _Rows] = {name: _Rows() for name in CSV_TABLES}
    for d in dirs:
        for name, (model, key) in CSV_TABLES.items():
            f = files(d, name)
            if f is None:
                continue
            rows = tables[name]
            for line, item in read_csv_table(f, _read(f), model, key, problems):
                k = tuple(str(getattr(item, kf)) for kf in key)
                if k in rows.where and rows.where[k][0] == str(f):
                    first = rows.where[k][1]
                    problems.append(
                        Problem(str(f), line, key[0], Message("data.duplicate", key="/".join(k), first=first))
                    )
                    continue
                rows.items[k] = item
                rows.where[k] = (str(f), line)

    if factors is not None:
        _check_references(factors, tables, factors_nodes, problems)
    if problems:
        raise DataError(problems)
    assert factors is not None
    origin_of = {
        f"{name}:{'/'.join(k)}": f"{w[0]}:{w[1]}" for name, t in tables.items() for k, w in t.where.items()
    }
    return Dataset(
        factors=factors,
        products={k[0]: v for k, v in tables["products.csv"].items.items()},  # type: ignore[misc]
        places={k[0]: v for k, v in tables["places.csv"].items.items()},  # type: ignore[misc]
        ports={k[0]: v for k, v in tables["ports.csv"].items.items()},  # type: ignore[misc]
        sea_distances=tables["sea_distances.csv"].items,  # type: ignore[arg-type]
        seasons=tables["seasons.csv"].items,  # type: ignore[arg-type]
        routes=tables["routes.csv"].items,  # type: ignore[arg-type]
        variants=tables["production_variants.csv"].items,  # type: ignore[arg-type]
        season_systems=tables["season_systems.csv"].items,  # type: ignore[arg-type]
        agribalyse_totals={k[0]: v for k, v in tables["agribalyse_totals.csv"].items.items()},  # type: ignore[misc]
        export_ports=tables["export_ports.csv"].items,  # type: ignore[arg-type]
        prices=tables["prices.csv"].items,  # type: ignore[arg-type]
        mostly_imported={k[0]: v for k, v in tables["french_supply.csv"].items.items()},  # type: ignore[misc]
        origin_of=origin_of,
        directories=tuple(dirs),
    )


def _where_in_yaml(nodes: list[tuple[Path, Any, dict[str, Any]]], loc: tuple[Any, ...]) -> tuple[Path, Any]:
    """The last file (overlays win) whose document holds the start of ``loc``."""
    for path, node, data in reversed(nodes):
        cur: Any = data
        ok = True
        for part in loc[:2]:
            if isinstance(cur, dict) and part in cur:
                cur = cur[part]
            elif isinstance(cur, list) and isinstance(part, int) and part < len(cur):
                cur = cur[part]
            else:
                ok = False
                break
        if ok:
            return path, node
    return nodes[-1][0], nodes[-1][1]


def _check_references(
    factors: EmissionFactors,
    tables: dict[str, _Rows],
    factors_nodes: list[tuple[Path, Any, dict[str, Any]]],
    problems: list[Problem],
) -> None:
    """Cross-file checks: sources, countries, ports and products that rows refer to."""
    sources = factors.sources
    products = {k[0] for k in tables["products.csv"].items}
    averages = {k[0] for k, p in tables["products.csv"].items.items() if p.agribalyse_average}  # type: ignore[attr-defined]
    places = {k[0]: v for k, v in tables["places.csv"].items.items()}
    countries = {p.country for p in places.values()} | set(places)
    ports = {k[0] for k in tables["ports.csv"].items}
    categories = {f"category:{p.category}" for p in tables["products.csv"].items.values()}  # type: ignore[attr-defined]
    heated = {k[0] for k in tables["production_variants.csv"].items if k[1] == "heated_greenhouse"}

    def bad(table: str, key: tuple[str, ...], fld: str, msg: Message) -> None:
        f, line = tables[table].where[key]
        problems.append(Problem(f, line, fld, msg))

    def check_ref(table: str, key: tuple[str, ...], fld: str, ref: SourceRef) -> None:
        if ref.id not in sources:
            bad(table, key, fld, Message("data.unknown_source.file", source=repr(ref.id), file=FACTORS_FILE))

    for table, rows in tables.items():
        for key, item in rows.items.items():
            for fname in field_types(item.__class__):
                value = getattr(item, fname)
                if isinstance(value, SourceRef):
                    check_ref(table, key, fname, value)
            if isinstance(item, Place):
                for port_field in ("seaport", "airport"):
                    code = getattr(item, port_field)
                    if code and code not in ports:
                        bad(table, key, port_field, Message("data.unknown_port.file", port=repr(code)))
                if item.country not in places and item.kind != "country":
                    bad(table, key, "country", Message("data.unknown_country", code=repr(item.country)))
            if isinstance(item, Port) and item.country not in countries:
                bad(table, key, "country", Message("data.unknown_country", code=repr(item.country)))
            if isinstance(item, SeaDistance):
                for fld in ("from_port", "to_port"):
                    if getattr(item, fld) not in ports:
                        bad(table, key, fld, Message("data.unknown_port", port=repr(getattr(item, fld))))
            if isinstance(item, ProductionVariant):
                if item.product not in products:
                    bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
                if item.origin not in countries and item.origin != "*":
                    bad(table, key, "origin", Message("data.unknown_country", code=repr(item.origin)))
            if isinstance(item, Season) and item.heated_greenhouse_off_season:
                if item.product not in heated:
                    bad(
                        table,
                        key,
                        "heated_greenhouse_off_season",
                        Message("data.heated_off_season", product=repr(item.product)),
                    )
            if isinstance(item, ExportPort):
                if item.product not in products:
                    bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
                elif item.product in averages:
                    # origin is not modelled for it: the row would never be used
                    bad(table, key, "product", Message("data.route_unused", product=repr(item.product)))
                if item.port not in ports:
                    bad(table, key, "port", Message("data.unknown_port.file", port=repr(item.port)))
                if item.origin not in countries:
                    bad(table, key, "origin", Message("data.unknown_country", code=repr(item.origin)))
            if isinstance(item, OriginPrice):
                if item.product not in products:
                    bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
                if item.origin not in countries and item.origin != "*":
                    bad(table, key, "origin", Message("data.unknown_country", code=repr(item.origin)))
            if isinstance(item, AgribalyseTotal | FrenchSupply) and item.product not in products:
                bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
            if isinstance(item, FrenchSupply):
                for code in item.usual_origins:
                    if code == "FR":
                        bad(table, key, "usual_origins", Message("data.usual_origin_france"))
                    elif code not in countries:
                        bad(table, key, "usual_origins", Message("data.unknown_country", code=repr(code)))
            if isinstance(item, SeasonSystem):
                if item.product not in products:
                    bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
                if item.origin not in countries:
                    bad(table, key, "origin", Message("data.unknown_country", code=repr(item.origin)))
                if item.status == "heated" and item.product not in heated:
                    bad(
                        table,
                        key,
                        "status",
                        Message("data.heated_months", product=repr(item.product)),
                    )
            if isinstance(item, Season | Route):
                if item.product not in products and item.product != "*" and item.product not in categories:
                    bad(table, key, "product", Message("data.unknown_product", product=repr(item.product)))
                if item.origin not in countries and item.origin not in ("*", "N", "S"):
                    bad(table, key, "origin", Message("data.unknown_country", code=repr(item.origin)))

    # factors file: sources referenced, variants pointing at known products/countries
    def yaml_problem(loc: tuple[Any, ...], msg: Message) -> None:
        path, node = _where_in_yaml(factors_nodes, loc)
        problems.append(Problem(str(path), _yaml_line(node, loc), ".".join(map(str, loc)), msg))

    refs: list[tuple[tuple[Any, ...], SourceRef]] = []
    for name, mode in factors.transport_modes.items():
        refs.append((("transport_modes", name, "source"), mode.source))
    for name, price in factors.carbon_prices.items():
        refs.append((("carbon_prices", name, "source"), price.source))
    for name, equivalent in factors.equivalents.items():
        refs.append((("equivalents", name, "source"), equivalent.source))
    refs += [
        (("road_detour", "source"), factors.road_detour.source),
        (("air_extra_km_source",), factors.air_extra_km_source),
        (("storage", "kwh_source"), factors.storage.kwh_source),
        (("storage", "loss_source"), factors.storage.loss_source),
        (("grid", "source"), factors.grid.source),
    ]
    for loc, ref in refs:
        if ref.id not in sources:
            yaml_problem(loc, Message("data.unknown_source", source=repr(ref.id)))


__all__ = [
    "DATA_FILES",
    "Dataset",
    "ENV_VAR",
    "NonNegRange",
    "overlay_dirs",
    "shipped_data_dir",
]
