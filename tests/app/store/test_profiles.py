"""The folder of profiles: one sub-folder each, owner-only, with nothing personal in the clear."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.services.context import ProfileContext
from app.services.profiles import list_profiles
from app.store.profiles import ProfileDirectory


def test_several_profiles_live_side_by_side(make_ctx: Callable[..., ProfileContext],
                                            data_dir: Path) -> None:
    make_ctx("Ann Example")
    make_ctx("Bryn Jones")
    names = [p.display_name for p in list_profiles(data_dir)]
    assert names == ["Ann Example", "Bryn Jones"]
    assert len({p.folder for p in list_profiles(data_dir)}) == 2


def test_profile_json_holds_no_council_reference(ctx: ProfileContext) -> None:
    meta = (ctx.info.folder / "profile.json").read_text()
    assert "TC-123" not in meta and "42000" not in meta


def test_the_history_head_is_kept_beside_the_profile_after_a_change(ctx: ProfileContext
                                                                     ) -> None:
    assert "history_head" not in ProfileDirectory.read_meta(ctx.info.folder)
    ctx.plan.add("Line 1")
    head = ctx.history.head()
    ctx.close()
    assert head is not None
    assert ProfileDirectory.read_meta(ctx.info.folder)["history_head"] == head[1]


def test_database_file_is_readable_by_its_owner_only(ctx: ProfileContext) -> None:
    assert ctx.info.database.stat().st_mode & 0o777 == 0o600
    assert ctx.info.folder.stat().st_mode & 0o777 == 0o700
