"""An assistive-technology client, as a screen reader is: run by tests/ui/test_atspi.py in the
system Python (which has gi with Atspi) inside a D-Bus session with the AT-SPI bus, under Xvfb.

It starts the real CareLedger window (argv after "--"), then over AT-SPI: for every page tab
and each listed dialog, lists the focusable controls that have no name or no role, and
presses Tab round the page (real key events through XTest) to see which focusable controls
Tab never reaches. Prints one JSON object. Not a test module itself (no test_ prefix)."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

import gi  # type: ignore[import-not-found]  # the system Python's, not the venv's

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]  # noqa: E402

TAB, ESCAPE = 0xFF09, 0xFF1B
SEQUENCE: list[str] = []  # where each Tab landed, for the report
TITLE = "CareLedger"  # the window's title ends so
# Containers that pass the keyboard on to what is in them (QTabWidget, frames): not controls.
CONTAINERS = {Atspi.Role.FILLER, Atspi.Role.PANEL, Atspi.Role.SCROLL_PANE}
NO_ROLE = {Atspi.Role.INVALID, Atspi.Role.UNKNOWN}
# Containers a screen reader enters with arrow keys: one stop for Tab, its inside not walked.
WHOLE = {Atspi.Role.TABLE, Atspi.Role.TREE_TABLE, Atspi.Role.TREE, Atspi.Role.LIST,
         Atspi.Role.PAGE_TAB_LIST, Atspi.Role.MENU_BAR, Atspi.Role.SCROLL_BAR,
         Atspi.Role.COMBO_BOX}


def wait_for(what: Any, seconds: float = 20.0) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = what()
        if found:
            return found
        pump(0.1)
    return None


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.01)


def app_named(name: str) -> Any:
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and name in (child.get_name() or "").lower():
            return child
    return None


def states(acc: Any) -> set[Any]:
    return set(acc.get_state_set().get_states())


def key(acc: Any) -> tuple[Any, ...]:
    """The same control seen twice (a walk and a focus event) gives the same key; not its
    place on screen, which changes as a page scrolls to show the control that has focus."""
    parent = acc.get_parent()
    return (acc.get_role_name(), acc.get_name(), acc.get_description(),
            acc.get_index_in_parent(), parent.get_name() if parent is not None else "")


def describe(acc: Any) -> str:
    return f"{acc.get_role_name()} “{acc.get_name()}” ({acc.get_description() or ''})"


def controls(root: Any) -> list[Any]:
    """The focusable controls shown under `root` (containers in WHOLE as one control)."""
    found: list[Any] = []

    def walk(acc: Any) -> None:
        seen = states(acc)
        if Atspi.StateType.SHOWING not in seen and acc is not root:
            return
        if Atspi.StateType.FOCUSABLE in seen and Atspi.StateType.ENABLED in seen \
                and acc is not root and acc.get_role() not in CONTAINERS:
            found.append(acc)
        if acc.get_role() in WHOLE and acc is not root:
            return
        for i in range(acc.get_child_count()):
            child = acc.get_child_at_index(i)
            if child is not None:
                walk(child)

    walk(root)
    return found


def unnamed(found: list[Any]) -> list[str]:
    return [describe(a) for a in found
            if not (a.get_name() or "").strip() or a.get_role() in NO_ROLE]


class FocusWatch:
    """Remembers which control last got the keyboard (state-changed:focused events)."""

    def __init__(self) -> None:
        self.last: Any = None
        self.listener = Atspi.EventListener.new(self._heard)
        self.listener.register("object:state-changed:focused")

    def _heard(self, event: Any) -> None:
        if event.detail1 == 1:
            self.last = event.source


def press(keysym: int) -> None:
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    pump(0.08)


def tab_round(found: list[Any], watch: FocusWatch, within: Any) -> list[str]:
    """Press Tab until every control was reached or focus came back round twice."""
    wanted = {key(a): a for a in found}
    reached: set[tuple[Any, ...]] = {key(watch.last)} if watch.last is not None else set()
    first: tuple[Any, ...] | None = None
    rounds = 0
    for _ in range(len(wanted) * 2 + 10):
        press(TAB)
        if watch.last is None:
            continue
        now = key(watch.last)
        SEQUENCE.append(f"{now[0]} {now[1]}")
        reached.add(now)
        if now == first:
            rounds += 1
            if rounds == 2 or wanted.keys() <= reached:
                break
        first = first or now
    reached_radio_groups = {key(a.get_parent()) for k, a in wanted.items()
                            if k in reached and a.get_role() == Atspi.Role.RADIO_BUTTON}
    return [describe(a) for k, a in wanted.items() if k not in reached and
            Atspi.StateType.SHOWING in states(a) and not (  # arrows move within a group
                a.get_role() == Atspi.Role.RADIO_BUTTON and
                key(a.get_parent()) in reached_radio_groups)]


def find(root: Any, role: Any, name_part: str = "") -> Any:
    if root.get_role() == role and name_part.lower() in (root.get_name() or "").lower():
        return root
    if root.get_role() in (Atspi.Role.TABLE, Atspi.Role.TREE_TABLE):
        return None
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        if child is not None:
            hit = find(child, role, name_part)
            if hit is not None:
                return hit
    return None


def do_action(acc: Any) -> None:
    action = acc  # an Accessible is its own Action interface in Atspi's GObject API
    names = [action.get_action_name(i) for i in range(action.get_n_actions())]
    for wanted in ("press", "click", "activate", "SetFocus"):
        if wanted in names:
            action.do_action(names.index(wanted))
            return
    action.do_action(0)


def press_tab_shortcut() -> None:
    """Ctrl+Page Down: the next tab, as a person at the keyboard would move to it."""
    subprocess.run(["xdotool", "key", "ctrl+Next"], check=False, capture_output=True)
    pump(0.6)


def into_window(title: str) -> None:
    """Give the window the keyboard, as a window manager would (Xvfb has none)."""
    subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title, "windowfocus"],
                   check=False, capture_output=True)
    pump(0.3)


def check_page(app: Any, window: Any, tab: Callable[[], Any], watch: FocusWatch
               ) -> dict[str, Any]:
    try:
        do_action(tab())
    except GLib.Error:  # Qt gave a tab object it no longer has: choose it by keyboard
        into_window(TITLE)
        press_tab_shortcut()
    pump(0.6)
    into_window(TITLE)
    found = controls(window)
    SEQUENCE.clear()
    misses = tab_round(found, watch, window)
    return {"controls": len(found), "unnamed": unnamed(found), "tab_misses": misses,
            "tab_went": list(SEQUENCE)}


def check_dialog(app: Any, opener_name: str, watch: FocusWatch) -> dict[str, Any]:
    window = app.get_child_at_index(0)
    button = find(window, Atspi.Role.PUSH_BUTTON, opener_name)
    if button is None:
        return {"error": f"no button “{opener_name}”"}
    do_action(button)
    dialog = wait_for(lambda: shown_dialog(app), 10)
    if dialog is None:
        return {"error": f"“{opener_name}” opened no dialog"}
    pump(0.5)
    found = controls(dialog)
    result = {"title": dialog.get_name(), "controls": len(found), "unnamed": unnamed(found),
              "tab_misses": tab_round(found, watch, dialog)}
    press(ESCAPE)
    wait_for(lambda: shown_dialog(app) is None, 5)
    return result


def shown_dialog(app: Any) -> Any:
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and child.get_role() == Atspi.Role.DIALOG and \
                Atspi.StateType.SHOWING in states(child):
            return child
    return None


def main() -> int:
    split = sys.argv.index("--")
    opener_names = json.loads(sys.argv[1])
    command = sys.argv[split + 1:]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               QT_QPA_PLATFORM="xcb")
    Atspi.init()
    watch = FocusWatch()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    report: dict[str, Any] = {"pages": {}, "dialogs": {}}
    try:
        app = wait_for(lambda: app_named("careledger") or app_named("python"), 40)
        if app is None:
            report["error"] = "the window never showed on the AT-SPI bus"
            return 0
        window = wait_for(lambda: find(app, Atspi.Role.PAGE_TAB_LIST) and app, 40)
        if window is None:
            report["error"] = "no page tabs (was the profile opened?)"
            return 0
        frame = app.get_child_at_index(0)
        report["app"] = app.get_name()

        def tab_at(i: int) -> Any:
            # Found again each time: Qt may make the tab bar's accessible objects anew (a
            # style or page change), and an old reference then names an object that is gone.
            tabs = find(frame, Atspi.Role.PAGE_TAB_LIST)
            tabs.clear_cache()  # AT-SPI's own copy may still hold the old objects
            return tabs.get_child_at_index(i)

        for i in range(find(frame, Atspi.Role.PAGE_TAB_LIST).get_child_count()):
            name = tab_at(i).get_name()
            report["pages"][name] = check_page(app, frame, functools.partial(tab_at, i), watch)
            if name.replace("&", "") in opener_names:
                for opener in opener_names[name.replace("&", "")]:
                    report["dialogs"][opener] = check_dialog(app, opener, watch)
                do_action(tab_at(i))
    except Exception as error:  # said in the report, with the window's own messages
        report["error"] = f"{type(error).__name__}: {error}"
        report["where"] = traceback.format_exc()[-900:]
    finally:
        _out(report, child)
    return 0


def _out(report: dict[str, Any], child: subprocess.Popen[bytes]) -> int:
    child.terminate()
    try:
        _, err = child.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        _, err = child.communicate()
    report["app_stderr_tail"] = err.decode(errors="replace")[-1500:]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
