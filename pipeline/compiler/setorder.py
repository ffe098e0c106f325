"""The order CPython iterates a frozenset constant in (and so `dis` prints it in).

`frozenset_order(values)` replays `Objects/setobject.c` inserting the values into a fresh table
(open addressing: linear probes, then perturbed jumps; the table grows when 3/5 full), with each
value's hash computed as the reference build computes it (`facts.HASH_INFO`: the oracle is a
32-bit build, whose hashes differ from a 64-bit host's): ints and floats by CPython's numeric
hash, None's fixed hash, tuples by xxHash (`tuplehash`). Strings and bytes hash differently in
every CPython process; for them the host's hash gives one of the possible orders.
"""
from __future__ import annotations

import math

from pipeline import facts

_WIDTH = facts.HASH_INFO["width"]
_MODULUS = facts.HASH_INFO["modulus"]
_BITS = _MODULUS.bit_length()           # PyHASH_BITS: the modulus is 2**_BITS - 1
_UHASH = (1 << _WIDTH) - 1
_SIZE_T = (1 << facts.HASH_INFO["size_t_bits"]) - 1
# tuplehash's xxHash primes and rotation, per hash width (Objects/tupleobject.c).
_XXHASH = {64: (11400714785074694791, 14029467366897019727, 2870177450012600261, 31),
           32: (2654435761, 2246822519, 374761393, 13)}[_WIDTH]
_SET_MINSIZE, _LINEAR_PROBES, _PERTURB_SHIFT = 8, 9, 5


def _signed(x: int) -> int:
    x &= _UHASH
    return x - (1 << _WIDTH) if x >> (_WIDTH - 1) else x


def _fix_minus_one(x: int) -> int:
    return -2 if x == -1 else x


def _float_hash(v: float) -> int:
    """`_Py_HashDouble`."""
    if math.isinf(v):
        return facts.HASH_INFO["inf"] if v > 0 else -facts.HASH_INFO["inf"]
    if math.isnan(v):
        return 0  # identity-based in CPython: any order is as good
    m, e = math.frexp(v)
    sign = -1 if m < 0 else 1
    m = abs(m)
    x = 0
    while m:
        x = ((x << 28) & _MODULUS) | x >> (_BITS - 28)
        m *= 268435456.0
        e -= 28
        y = int(m)
        m -= y
        x += y
        if x >= _MODULUS:
            x -= _MODULUS
    e = e % _BITS if e >= 0 else _BITS - 1 - ((-1 - e) % _BITS)
    x = ((x << e) & _MODULUS) | x >> (_BITS - e)
    return _fix_minus_one(_signed(x * sign))


def const_hash(value) -> int:
    """`hash(value)` of a constant, as the reference build computes it."""
    kind = type(value)
    if value is None:
        return facts.NONE_HASH
    if kind in (int, bool):
        x = abs(int(value)) % _MODULUS
        return _fix_minus_one(-x if value < 0 else x)
    if kind is float:
        return _float_hash(value)
    if kind is complex:
        combined = _float_hash(value.real) + facts.HASH_INFO["imag"] * _float_hash(value.imag)
        return _fix_minus_one(_signed(combined))
    if kind is tuple:
        prime1, prime2, prime5, rotate = _XXHASH
        acc = prime5
        for item in value:
            acc = (acc + (const_hash(item) & _UHASH) * prime2) & _UHASH
            acc = ((acc << rotate) | (acc >> (_WIDTH - rotate))) & _UHASH
            acc = (acc * prime1) & _UHASH
        acc = (acc + (len(value) ^ (prime5 ^ 3527539))) & _UHASH
        return 1546275796 if acc == _UHASH else _signed(acc)
    return _signed(hash(value))


def frozenset_order(values) -> tuple:
    """`frozenset(values)` in iteration order. Equal values are one entry, the first kept
    (`{True, 1}` is `{True}`)."""
    table: list = [None] * _SET_MINSIZE
    used = 0

    def insert(table, value, h) -> bool:
        mask = len(table) - 1
        perturb = h & _SIZE_T
        i = perturb & mask
        while True:
            probes = _LINEAR_PROBES if i + _LINEAR_PROBES <= mask else 0
            for j in range(i, i + probes + 1):
                entry = table[j]
                if entry is None:
                    table[j] = (value, h)
                    return True
                if entry[1] == h and entry[0] == value:
                    return False
            perturb >>= _PERTURB_SHIFT
            i = (i * 5 + 1 + perturb) & mask

    for value in values:
        if insert(table, value, const_hash(value)):
            used += 1
            if used * 5 >= (len(table) - 1) * 3:
                size = _SET_MINSIZE
                while size <= used * 4:
                    size <<= 1
                old, table = table, [None] * size
                for entry in old:
                    if entry is not None:
                        insert(table, *entry)
    return tuple(entry[0] for entry in table if entry is not None)
