package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// The embedded file is compressed with a small LZ77 codec of this package
// rather than gzip: Go's inflate runs at well under 100 MB/s on a small
// server, while this decoder only copies bytes (literal runs and earlier
// matches, no entropy coding), several times faster, for a file about a
// third larger than gzip -9.
//
// Layout: lzMagic; the uvarint length of the decoded text; its CRC-32
// (Castagnoli), 4 bytes little-endian; then sequences. A sequence is a token
// byte (high nibble: literal count, low nibble: match length - lzMinMatch;
// 15 in either means a uvarint follows that adds to it), the literal bytes,
// and, unless the sequence ends the input, the match: uvarint distance - 1
// (after the extended literal count, before the extended match length).

// lzMagic starts a compressed file.
const lzMagic = "DYADLZ1\n"

const (
	lzMinMatch = 4
	lzWindow   = 1 << 18 // farthest match distance the compressor tries
	lzDepth    = 96      // candidates it tries per position
	lzHashBits = 18
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// isLZ reports whether b starts like a compressed file.
func isLZ(b []byte) bool { return len(b) >= len(lzMagic) && string(b[:len(lzMagic)]) == lzMagic }

// lzCompress compresses src (greedy matching with one step of lazy
// evaluation over hash chains).
func lzCompress(src []byte) []byte {
	out := make([]byte, 0, len(src)/2+64)
	out = append(out, lzMagic...)
	out = binary.AppendUvarint(out, uint64(len(src)))
	out = binary.LittleEndian.AppendUint32(out, crc32.Checksum(src, crcTable))
	head := make([]int32, 1<<lzHashBits)
	for i := range head {
		head[i] = -1
	}
	prev := make([]int32, len(src))
	hash := func(i int) uint32 {
		return (binary.LittleEndian.Uint32(src[i:]) * 2654435761) >> (32 - lzHashBits)
	}
	insert := func(i int) {
		if i+lzMinMatch <= len(src) {
			h := hash(i)
			prev[i], head[h] = head[h], int32(i)
		}
	}
	// find returns the longest earlier match at i (length 0 if none).
	find := func(i int) (n, dist int) {
		if i+lzMinMatch > len(src) {
			return 0, 0
		}
		for c, d := head[hash(i)], 0; c >= 0 && d < lzDepth && i-int(c) <= lzWindow; c, d = prev[c], d+1 {
			j := int(c)
			if n > 0 && (i+n >= len(src) || src[j+n] != src[i+n]) {
				continue
			}
			k := 0
			for i+k < len(src) && src[j+k] == src[i+k] {
				k++
			}
			if k > n {
				n, dist = k, i-j
			}
		}
		if n < lzMinMatch {
			return 0, 0
		}
		return n, dist
	}
	lit := 0 // start of the pending literals
	emit := func(end, n, dist int) {
		ll, ml := end-lit, n-lzMinMatch
		tok := byte(min(ll, 15)) << 4
		if n > 0 {
			tok |= byte(min(ml, 15))
		}
		out = append(out, tok)
		if ll >= 15 {
			out = binary.AppendUvarint(out, uint64(ll-15))
		}
		out = append(out, src[lit:end]...)
		if n == 0 {
			return
		}
		out = binary.AppendUvarint(out, uint64(dist-1))
		if ml >= 15 {
			out = binary.AppendUvarint(out, uint64(ml-15))
		}
	}
	for i := 0; i+lzMinMatch <= len(src); {
		n, dist := find(i)
		if n == 0 {
			insert(i)
			i++
			continue
		}
		insert(i)
		if n2, dist2 := find(i + 1); n2 > n+1 {
			i++
			n, dist = n2, dist2
			insert(i)
		}
		emit(i, n, dist)
		for k := i + 1; k < i+n; k++ {
			insert(k)
		}
		i += n
		lit = i
	}
	emit(len(src), 0, 0)
	return out
}

var errLZ = errors.New("corrupt compressed data")

// lzDecompress decodes what lzCompress wrote, checking bounds and the
// checksum.
func lzDecompress(src []byte) ([]byte, error) {
	if !isLZ(src) {
		return nil, errors.New("not a compressed gazetteer")
	}
	src = src[len(lzMagic):]
	size, k := binary.Uvarint(src)
	if k <= 0 || size > 1<<31-1 || len(src) < k+4 {
		return nil, errLZ
	}
	sum := binary.LittleEndian.Uint32(src[k:])
	src = src[k+4:]
	// 16 bytes of slack let short copies move 8 bytes at a time.
	const slack = 16
	buf := make([]byte, size+slack)
	dst := buf[:size]
	d, s := 0, 0
	uvarint := func() (int, bool) {
		if s+1 < len(src) {
			if b := src[s]; b < 0x80 {
				s++
				return int(b), true
			} else if c := src[s+1]; c < 0x80 {
				s += 2
				return int(b&0x7f) | int(c)<<7, true
			}
		}
		v, n := binary.Uvarint(src[s:])
		if n <= 0 || v > 1<<31-1 {
			return 0, false
		}
		s += n
		return int(v), true
	}
	for s < len(src) {
		tok := src[s]
		s++
		ll := int(tok >> 4)
		if ll == 15 {
			v, ok := uvarint()
			if !ok {
				return nil, errLZ
			}
			ll += v
		}
		if ll > len(src)-s || ll > len(dst)-d {
			return nil, errLZ
		}
		if ll <= 16 && len(src)-s >= 16 {
			binary.LittleEndian.PutUint64(buf[d:], binary.LittleEndian.Uint64(src[s:]))
			binary.LittleEndian.PutUint64(buf[d+8:], binary.LittleEndian.Uint64(src[s+8:]))
		} else {
			copy(dst[d:d+ll], src[s:s+ll])
		}
		d += ll
		s += ll
		if s == len(src) {
			break
		}
		dist, ok := uvarint()
		if !ok {
			return nil, errLZ
		}
		dist++
		ml := int(tok & 15)
		if ml == 15 {
			v, ok := uvarint()
			if !ok {
				return nil, errLZ
			}
			ml += v
		}
		ml += lzMinMatch
		p := d - dist
		if p < 0 || ml > len(dst)-d {
			return nil, errLZ
		}
		switch {
		case ml <= 16 && dist >= 8:
			// Within the slack; with dist >= 8 each 8 bytes read were
			// written before.
			binary.LittleEndian.PutUint64(buf[d:], binary.LittleEndian.Uint64(buf[p:]))
			binary.LittleEndian.PutUint64(buf[d+8:], binary.LittleEndian.Uint64(buf[p+8:]))
		case dist >= ml:
			copy(dst[d:d+ml], dst[p:p+ml])
		default:
			m := dst[p : d+ml]
			for x := dist; x < len(m); x++ {
				m[x] = m[x-dist]
			}
		}
		d += ml
	}
	if d != len(dst) {
		return nil, errLZ
	}
	if crc32.Checksum(dst, crcTable) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", errLZ)
	}
	return dst, nil
}
