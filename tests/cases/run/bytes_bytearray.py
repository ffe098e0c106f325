b = b"hello world"
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b[0], b[-1:], b.hex(), list(b[:3]))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65; ba += b"!"
print(ba, ba.decode(), len(ba), ba.pop(), ba)
del ba[1:3]
print(ba, bytes(ba), ba.startswith(b"A"), b"x" * 3, b"a" in b"cat")
print(bytes.fromhex("de ad be ef"), b"\x00\xff".hex(":"), b"abc".translate(None, b"b"))
print(b"%s-%d" % (b"k", 5), b"a,b".split(b","), b" pad ".strip(), b"AbC".swapcase(), b"ab".zfill(4))
try:
    b"abc"[0] = 1
except TypeError as e:
    print(e)
try:
    b"caf\xe9".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("utf-8", "replace"), "é".encode("ascii", "ignore"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
print(bytes(range(65, 70)), bytearray(3), b"abc" < b"abd", sorted(b"cab"), max(b"az"))
