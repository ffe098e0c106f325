"""A binary message protocol: struct-packed headers, varints, CRC-checked frames, a streaming
decoder fed in arbitrary chunks, base64/hex transport encodings, and corrupted-input errors."""
import base64
import binascii
import struct
import zlib
from dataclasses import dataclass
from enum import IntEnum

MAGIC = b"BL"
HEADER = struct.Struct(">2sBBH")  # magic, version, type, payload length


class MsgType(IntEnum):
    HELLO = 1
    DATA = 2
    ACK = 3
    BYE = 4


class ProtocolError(Exception):
    pass


def encode_varint(n):
    if n < 0:
        raise ValueError("varints are unsigned")
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def decode_varint(data, pos=0):
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ProtocolError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def unzigzag(z):
    return (z >> 1) ^ -(z & 1)


@dataclass
class Message:
    type: MsgType
    fields: list

    def payload(self):
        out = bytearray(encode_varint(len(self.fields)))
        for f in self.fields:
            if isinstance(f, int):
                out += b"i" + encode_varint(zigzag(f))
            elif isinstance(f, str):
                raw = f.encode("utf-8")
                out += b"s" + encode_varint(len(raw)) + raw
            elif isinstance(f, bytes):
                out += b"b" + encode_varint(len(f)) + f
            else:
                raise TypeError(f"cannot encode {type(f).__name__}")
        return bytes(out)

    def frame(self, version=1):
        body = self.payload()
        head = HEADER.pack(MAGIC, version, self.type, len(body))
        return head + body + struct.pack(">I", zlib.crc32(head + body))

    @classmethod
    def parse_payload(cls, mtype, body):
        count, pos = decode_varint(body)
        fields = []
        for _ in range(count):
            tag = body[pos:pos + 1]
            pos += 1
            if tag == b"i":
                z, pos = decode_varint(body, pos)
                fields.append(unzigzag(z))
            elif tag in (b"s", b"b"):
                n, pos = decode_varint(body, pos)
                raw = body[pos:pos + n]
                pos += n
                fields.append(raw.decode("utf-8") if tag == b"s" else raw)
            else:
                raise ProtocolError(f"unknown field tag {tag!r}")
        if pos != len(body):
            raise ProtocolError(f"{len(body) - pos} trailing bytes")
        return cls(MsgType(mtype), fields)


class Decoder:
    def __init__(self):
        self.buffer = bytearray()
        self.errors = []

    def feed(self, chunk):
        self.buffer += chunk
        while True:
            if len(self.buffer) < HEADER.size:
                return
            magic, version, mtype, length = HEADER.unpack_from(self.buffer)
            if magic != MAGIC:
                bad = self.buffer.find(MAGIC, 1)
                skipped = len(self.buffer) if bad < 0 else bad
                self.errors.append(f"bad magic {bytes(magic)!r}, skipped {skipped} bytes")
                del self.buffer[:skipped]
                continue
            total = HEADER.size + length + 4
            if len(self.buffer) < total:
                return
            frame = bytes(self.buffer[:total])
            del self.buffer[:total]
            (crc,) = struct.unpack(">I", frame[-4:])
            if zlib.crc32(frame[:-4]) != crc:
                self.errors.append(f"crc mismatch on type {mtype}")
                continue
            try:
                yield Message.parse_payload(mtype, frame[HEADER.size:-4])
            except (ProtocolError, ValueError) as exc:
                self.errors.append(f"{type(exc).__name__}: {exc}")


print([encode_varint(n).hex() for n in (0, 1, 127, 128, 300, 2 ** 21)])
print([decode_varint(encode_varint(n))[0] for n in (0, 300, 2 ** 35 + 7)])
print([zigzag(n) for n in (0, -1, 1, -2, 2)], [unzigzag(zigzag(n)) for n in (-1000, 1000)])
msgs = [Message(MsgType.HELLO, ["client-7", 3]), Message(MsgType.DATA, [-42, "héllo", b"\x00\xff", 10 ** 12]),
        Message(MsgType.ACK, [1]), Message(MsgType.BYE, [])]
stream = b"".join(m.frame() for m in msgs)
print(len(stream), stream[:12].hex(" "), HEADER.size)
dec = Decoder()
out = []
for i in range(0, len(stream), 5):
    out.extend(dec.feed(stream[i:i + 5]))
print([(m.type.name, m.fields) for m in out] == [(m.type.name, m.fields) for m in msgs], len(out))
corrupt = bytearray(stream)
corrupt[10] ^= 0xFF
junk = b"xxBL" + msgs[2].frame()
dec2 = Decoder()
got = list(dec2.feed(b"garbage" + bytes(corrupt) + junk))
print([m.type.name for m in got], dec2.errors)
weird = HEADER.pack(MAGIC, 1, 9, 1) + b"\x00"
weird += struct.pack(">I", zlib.crc32(weird))
bad_tag = HEADER.pack(MAGIC, 1, 2, 2) + b"\x01z"
bad_tag += struct.pack(">I", zlib.crc32(bad_tag))
dec3 = Decoder()
print(list(dec3.feed(weird + bad_tag)), dec3.errors)
frame = msgs[1].frame()
print(base64.b64encode(frame).decode(), base64.b64decode(base64.b64encode(frame)) == frame)
print(binascii.hexlify(frame[:6], "-"), base64.b32encode(b"hi!"), base64.urlsafe_b64encode(b"\xfb\xff"))
for bad in (lambda: encode_varint(-1), lambda: Message(MsgType.DATA, [1.5]).frame(), lambda: decode_varint(b"\x80")):
    try:
        bad()
    except (ValueError, TypeError, ProtocolError) as exc:
        print(type(exc).__name__, exc)
print(struct.pack("<hIq", -2, 7, -1).hex(), struct.unpack("<3B", b"abc"), struct.calcsize(">2sBBH"))
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(4, "big"), bytes(range(5)).hex())
print(memoryview(frame)[:4].tobytes(), bytearray(b"abc").upper(), b"a,b".split(b","))
