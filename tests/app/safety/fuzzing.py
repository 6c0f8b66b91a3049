"""Byte-level damage for fuzzing real files (a unique module name on purpose)."""

from __future__ import annotations

from hypothesis import strategies as st

# What a failing disk, a cut download or a hostile hand does to a file.
SPECIAL = [b'"', b"\n", b"\r", b",", b"\x00", b"\xff\xfe", b"9999-12-31", b"0001-01-01",
           b"=HYPERLINK(1)", b"[" * 2000, b"{" * 2000, b"x" * 200_000, b"PK\x03\x04",
           b"-1e308", b"NaN", b"\xe2\x80\xae"]

operation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 30), st.integers(0, 7)),
    st.tuples(st.just("cut"), st.integers(0, 1 << 30)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 30),
              st.one_of(st.sampled_from(SPECIAL), st.binary(min_size=1, max_size=32))),
    st.tuples(st.just("delete"), st.integers(0, 1 << 30), st.integers(1, 300)),
    st.tuples(st.just("zero"), st.integers(0, 1 << 30), st.integers(1, 4096)),
)
damage = st.lists(operation, min_size=1, max_size=4)


def apply(data: bytes, operations: list[tuple]) -> bytes:  # type: ignore[type-arg]
    out = bytearray(data)
    for op in operations:
        at = op[1] % (len(out) + 1)
        if op[0] == "flip" and out:
            out[at % len(out)] ^= 1 << op[2]
        elif op[0] == "cut":
            del out[at:]
        elif op[0] == "insert":
            out[at:at] = op[2]
        elif op[0] == "delete":
            del out[at:at + op[2]]
        elif op[0] == "zero":
            out[at:at + op[2]] = bytes(len(out[at:at + op[2]]))
    return bytes(out)
