"""Safe YAML for hand-written metadata: plain values with the line of every key.

PyYAML's composer recurses (deep nesting crashes the C build) and expands aliases (billion
laughs), so documents are built here from the parser's event stream with a depth limit, no
anchors or aliases, no custom tags and no duplicate keys. Timestamps stay strings: dates are
validated by the caller, which knows which offset rules apply.
"""

from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from .errors import shown

MAX_DEPTH = 32
MAX_NODES = 100_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_PLAIN_TAGS = {
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
}
_STRING_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}


class YamlProblem(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class YamlDoc:
    """A parsed document; `lines` maps key paths such as ("topics", 0, "id") to 1-based lines."""

    value: object
    lines: dict = field(default_factory=dict)

    def line_of(self, *path) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.lines.get((), 1))


def parse_yaml(text: str, first_line: int = 1) -> YamlDoc:
    """Parse one YAML document; raise YamlProblem with a line number on anything unsafe."""
    builder = _Builder(first_line)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise YamlProblem(f"invalid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}", first_line) from None
    return YamlDoc(builder.result, builder.lines)


class _Builder:
    """Assembles Python values from parser events, iteratively."""

    def __init__(self, first_line: int):
        self.first_line = first_line
        self.stack = []  # frames: [container, path, pending_key, key_lines]
        self.result = None
        self.lines = {(): first_line}
        self.nodes = 0
        self.documents = 0

    def line(self, event) -> int:
        return self.first_line + event.start_mark.line

    def feed(self, event) -> None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem("more than one YAML document; remove the extra '---'", self.line(event))
        elif kind == "AliasEvent":
            raise YamlProblem(
                f"aliases (*{event.anchor}) are not allowed; write the value out in full", self.line(event)
            )
        elif kind in ("MappingStartEvent", "SequenceStartEvent", "ScalarEvent"):
            self.start_node(event, kind)
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self.end_container(event)

    def start_node(self, event, kind: str) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(f"document too large (more than {MAX_NODES} values)", self.line(event))
        if event.anchor is not None:
            raise YamlProblem(f"anchors (&{event.anchor}) are not allowed; write values out in full", self.line(event))
        if kind == "ScalarEvent":
            self.add_value(self.scalar(event), event)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", self.line(event))
        self.check_tag(event, "tag:yaml.org,2002:map" if kind == "MappingStartEvent" else "tag:yaml.org,2002:seq")
        container = {} if kind == "MappingStartEvent" else []
        path = self.child_path()
        self.lines.setdefault(path, self.line(event))
        self.stack.append([container, path, None, {}])

    def end_container(self, event) -> None:
        container = self.stack.pop()[0]
        self.add_value(container, event, nested=True)

    def child_path(self) -> tuple:
        if not self.stack:
            return ()
        container, path, key, _ = self.stack[-1]
        return path + ((key,) if isinstance(container, dict) else (len(container),))

    def add_value(self, value, event, nested: bool = False) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container, path, key, key_lines = frame
        if isinstance(container, list):
            if not nested:
                self.lines[path + (len(container),)] = self.line(event)
            container.append(value)
        elif key is None:
            frame[2] = self.mapping_key(value, event, key_lines)
        else:
            if not nested:
                self.lines[path + (key,)] = key_lines[key]
            container[key] = value
            frame[2] = None

    def mapping_key(self, key, event, key_lines: dict):
        if isinstance(key, (dict, list)):
            raise YamlProblem("a mapping key must be a plain value", self.line(event))
        key = str(key) if not isinstance(key, str) else key
        if key in key_lines:
            raise YamlProblem(
                f"key {shown(key)} appears twice (first on line {key_lines[key]}); keep one", self.line(event)
            )
        key_lines[key] = self.line(event)
        path = self.stack[-1][1]
        self.lines[path + (key,)] = self.line(event)
        return key

    def check_tag(self, event, default: str) -> None:
        if event.tag not in (None, "!", default):
            raise YamlProblem(f"YAML tag {event.tag} is not allowed", self.line(event))

    def scalar(self, event):
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag in _STRING_TAGS:
            return event.value
        if tag == "tag:yaml.org,2002:merge":
            raise YamlProblem("merge keys (<<) are not allowed; write the fields out in full", self.line(event))
        construct = _PLAIN_TAGS.get(tag)
        if construct is None:
            raise YamlProblem(f"YAML tag {tag} is not allowed", self.line(event))
        try:
            return construct(yaml.ScalarNode(tag, event.value))
        except (ConstructorError, ValueError):
            raise YamlProblem(f"{shown(event.value)} is not a valid {tag.rsplit(':', 1)[-1]}", self.line(event)) from None
