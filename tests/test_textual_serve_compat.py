"""textual-serve's private names that `workshop serve` builds on are still there, with the shape it expects.

``workshop/serving`` subclasses textual-serve's ``Server`` and ``AppService`` and overrides three of
their private methods (the aiohttp application, the browser's frames, the app's process), and uses
a few of their private attributes. textual-serve is pinned exactly (pyproject.toml); an upgrade that
renames or reshapes one of these names fails here, by name, instead of in a browser.

A module of its own, beside tests/test_textual_compat.py: serving never imports Textual or the TUI.
"""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import re
import tomllib
from pathlib import Path

from textual_serve import app_service, server
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from workshop.serving.app_process import AppProcess
from workshop.serving.server import WorkshopServer

ROOT = Path(__file__).parents[1]
SERVING = ROOT / "workshop" / "serving"

OVERRIDDEN: dict[type, dict[str, list[str]]] = {
    Server: {
        "_make_app": ["self"],
        "_process_messages": ["self", "websocket", "app_service"],
    },
    AppService: {
        "_open_app_process": ["self", "width", "height"],
    },
}
"""textual-serve's private methods that serving overrides, with their parameters."""
CALLED = {AppService: {"_build_environment": ["self", "width", "height"]}}
"""textual-serve's private methods that serving calls."""
ATTRIBUTES = {"_process", "_stdin", "_download_manager"}
"""The private attributes of an ``AppService`` that ``AppProcess`` reads or sets."""


def test_textual_serve_is_the_version_pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if re.match(r"textual-serve\s*==", d)]
    assert pins == [f"textual-serve=={importlib.metadata.version('textual-serve')}"]


def test_each_overridden_method_is_there_is_awaited_and_is_called_by_textual_serve_itself():
    sources = {Server: inspect.getsource(server), AppService: inspect.getsource(app_service)}
    for base, methods in OVERRIDDEN.items():
        for name, params in methods.items():
            method = getattr(base, name, None)
            assert method is not None, f"textual-serve's {base.__name__}.{name} is gone"
            assert list(inspect.signature(method).parameters) == params, f"{base.__name__}.{name} changed"
            assert inspect.iscoroutinefunction(method)
            # An override nobody calls would change nothing: textual-serve itself still calls it.
            assert f"self.{name}(" in sources[base], f"textual-serve no longer calls {base.__name__}.{name}"


def test_the_overrides_take_what_textual_serve_passes():
    """An override takes textual-serve's parameters first; any of its own after them has a default."""
    for ours, base in ((WorkshopServer, Server), (AppProcess, AppService)):
        for name, params in OVERRIDDEN[base].items():
            assert name in ours.__dict__
            own = list(inspect.signature(ours.__dict__[name]).parameters.values())
            assert [p.name for p in own[: len(params)]] == params, f"{ours.__name__}.{name}"
            assert all(p.default is not inspect.Parameter.empty for p in own[len(params) :]), f"{ours.__name__}.{name}"


def test_the_private_methods_serving_calls_are_there():
    for base, methods in CALLED.items():
        for name, params in methods.items():
            assert list(inspect.signature(getattr(base, name)).parameters) == params


def an_app_service() -> AppService:
    async def nothing(*_args: object) -> None:
        return None

    return AppService("true", write_bytes=nothing, write_str=nothing, close=nothing, download_manager=DownloadManager())


def test_an_app_service_has_the_private_attributes_app_process_uses():
    assert set(vars(an_app_service())) >= ATTRIBUTES


def private_names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    used |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    return {name for name in used if name.startswith("_") and not name.startswith("__")}


def test_no_other_private_textual_serve_name_is_used_or_overridden():
    """A new override or use of a private textual-serve name is added to the lists above, and so checked."""
    known = {name for table in (OVERRIDDEN, CALLED) for methods in table.values() for name in methods} | ATTRIBUTES
    theirs: set[str] = set()
    for base in (Server, AppService, DownloadManager):
        theirs |= {name for name in dir(base) if name.startswith("_")}
    theirs |= {name for name in vars(an_app_service()) if name.startswith("_")}  # set in its __init__
    used: set[str] = set()
    for path in SERVING.glob("*.py"):
        used |= private_names_used(path)
    assert (used & theirs) - known == set()
