"""Read the YAML data files in ``docs/_data`` with errors that name the file and line.

Every mapping read through ``load`` carries its line as ``__line__``, so that checks
further on can point at the entry they complain about.
"""
from __future__ import annotations

import yaml


class DataFileError(ValueError):
    """A data file that cannot be read at all; the message is ``path:line: problem``."""


# libyaml's parser when PyYAML was built with it (about ten times faster), else Python's.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BASE):
    """A safe YAML loader that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader, node, deep=False):
    mapping = _BASE.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: str, expect: type, what: str):
    """The file's data, which must be of type ``expect`` (``list`` or ``dict``).

    ``what`` names the content for messages ("a list of terms"). Raises DataFileError for
    a missing file, malformed YAML (with the line) or data of the wrong shape.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LineLoader)
    except FileNotFoundError:
        raise DataFileError(f"{path}: the data file is missing") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise DataFileError(f"{where}: malformed YAML: {getattr(err, 'problem', None) or err}") from None
    if data is None and expect is dict:
        data = {}
    if not isinstance(data, expect):
        raise DataFileError(f"{path}:1: expected {what}, found {type(data).__name__}")
    return data
