#!/usr/bin/env python3
"""Writes a deliberately weakened copy of the entity model, to show that the quality floors
(quality.py) catch a model that loses entities: the weights of a share of the features are set
to zero (features picked by their hash, so the same share always gives the same model), and the
checksum is written anew so that the model still loads.

usage: break_model.py IN.bin OUT.bin SHARE      e.g. data/model/ner.bin /tmp/ner.bin 0.3
Then build with OUT.bin in place of data/model/ner.bin (the build embeds the model) and run
`quality.py BELGI`. The file layout is core/src/entities/model_format.h's."""
import struct, sys

FNV_BASIS, FNV_PRIME, MASK = 0xcbf29ce484222325, 0x100000001b3, (1 << 64) - 1


def fnv1a64_words(data):
    h, i = FNV_BASIS, 0
    for (w,) in struct.iter_unpack("<Q", data[: len(data) // 8 * 8]):
        h = ((h ^ w) * FNV_PRIME) & MASK
    for b in data[len(data) // 8 * 8:]:
        h = ((h ^ b) * FNV_PRIME) & MASK
    return h


class Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def take(self, fmt):
        v = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return v

    def skip_str(self):
        (n,) = self.take("I")
        self.at += n


def weights_offset(data):
    """Offsets of the feature keys, the counts and the (label, weight) pairs."""
    r = Reader(data)
    assert data[:8] == b"BELGINER", "not a Belgi model"
    r.at = 8
    (version,) = r.take("I")
    assert version == 2, f"format version {version}, this script reads 2"
    r.skip_str()
    r.skip_str()
    (labels,) = r.take("I")
    for _ in range(labels):
        r.skip_str()
    r.take("f")
    r.take("I")
    for _ in range(4):  # lexicon entries, endings, known words, gazetteer
        (n,) = r.take("I")
        r.at += 8 * n
    r.at += 2 * ((labels + 1) * labels + labels)  # transitions with the start row, end scores
    (f,) = r.take("I")
    keys = struct.unpack_from(f"<{f}I", data, r.at)
    counts = data[r.at + 4 * f: r.at + 5 * f]
    return keys, counts, r.at + 5 * f


def main(src, dst, share):
    data = bytearray(open(src, "rb").read()[:-8])
    keys, counts, at = weights_offset(bytes(data))
    cut = int(share * 1000)
    zeroed = 0
    for key, count in zip(keys, counts):
        if (key * 2654435761) % 1000 < cut:  # a fixed pseudo-random share of the features
            for p in range(count):
                struct.pack_into("<h", data, at + 3 * p + 1, 0)
            zeroed += 1
        at += 3 * count
    assert at == len(data), "layout mismatch"
    data += struct.pack("<Q", fnv1a64_words(bytes(data)))
    open(dst, "wb").write(data)
    print(f"zeroed the weights of {zeroed} of {len(keys)} features -> {dst}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
