"""Load YAML while remembering where each value came from, so every error can name `file:line`.

`load(path)` returns plain-looking dicts and lists (subclasses) that know the line of each key or item.
`line_for(data, path)` finds the line for a JSON-Schema-style path such as ["activities", 0, "minutes"].
`validate(data, schema, path)` runs jsonschema and turns every error into a `Problem` with its line.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scripts.errors import ContentError, Problem


class LineDict(dict):
    """A mapping that remembers the (1-based) line of each key."""

    start_line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.start_line)


class LineList(list):
    """A sequence that remembers the (1-based) line of each item."""

    start_line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.start_line


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.start_line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.start_line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_str_keep_dates(loader: _Loader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings ("2026-11-22"): JSON Schema checks their format, and no timezone guessing happens.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str_keep_dates)


def load(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a ContentError naming its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(path, None, f"not UTF-8 text ({exc.reason}); save the file as UTF-8")])
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or str(exc)
        raise ContentError([Problem(path, line, f"YAML syntax error: {what}; check indentation and quotes")])


def line_for(data: Any, path: Iterable[Any]) -> int | None:
    """Line of the deepest value along `path` that the loader recorded."""
    line = getattr(data, "start_line", None) or None
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.line_of(step)
            node = node[step]
        else:
            break
    return line


def _describe(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in error.absolute_path) or "top level"
    if error.validator == "required":
        return f"{where}: {error.message}; add it"
    if error.validator == "additionalProperties":
        return f"{where}: {error.message}; remove it or check its spelling"
    if error.validator == "enum":
        allowed = ", ".join(repr(v) for v in error.validator_value)
        return f"{where}: {error.instance!r} is not allowed; use one of {allowed}"
    if error.validator == "pattern" and isinstance(error.instance, str) and "https" in str(error.validator_value):
        return f"{where}: {error.instance!r} must be an https:// address"
    if error.validator == "minLength":
        return f"{where}: must not be empty; write the text or remove the entry"
    return f"{where}: {error.message}"


def schema_problems(data: Any, schema: dict, path: Path) -> list[Problem]:
    """Every JSON Schema error in `data`, as problems with lines, in file order."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for error in validator.iter_errors(data):
        best = error
        if error.context:  # oneOf/anyOf: report the most specific sub-error
            best = max(error.context, key=lambda e: len(e.absolute_path))
        problems.append(Problem(path, line_for(data, best.absolute_path), _describe(best)))
    return sorted(problems, key=lambda p: (p.line or 0, p.message))


def require_valid(data: Any, schema: dict, path: Path) -> None:
    problems = schema_problems(data, schema, path)
    if problems:
        raise ContentError(problems)


def walk_strings(data: Any, trail: Sequence[Any] = ()) -> Iterable[tuple[tuple, str]]:
    """Every string in a loaded document, with its path (for lints that must name a line)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*trail, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*trail, index))
    elif isinstance(data, str):
        yield tuple(trail), data
