package publish

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"slices"
)

// The fragment store's bytes (the format is described in fragments.go):
// reading and checking a store's last index, a piece, and writing an
// index and its tail.

// storeRead is what readFragments finds in a valid store.
type storeRead struct {
	entries   []fragEntry
	dataStart int64
}

// fragmentsHead is a store's format line and identity.
func fragmentsHead(id []byte) []byte {
	head := append([]byte(fragmentsFormat), binary.AppendUvarint(nil, uint64(len(id)))...)
	return append(head, id...)
}

// segmentChecksum is the checksum in a segment's tail: of the store's
// head, the segment's index and the index's offset (indexOff, the 8
// bytes before the checksum).
func segmentChecksum(head, index, indexOff []byte) uint32 {
	crc := crc32.Checksum(head, castagnoli)
	crc = crc32.Update(crc, castagnoli, index)
	return crc32.Update(crc, castagnoli, indexOff)
}

// readFragments checks the store r of size bytes (its format line,
// identity and its last index's checksum) and returns its last index.
func readFragments(r io.ReaderAt, size int64, id []byte) (storeRead, error) {
	var s storeRead
	want := fragmentsHead(id)
	if size < int64(len(want))+fragmentsTail {
		return s, errBadFragments
	}
	tail := make([]byte, fragmentsTail)
	if _, err := r.ReadAt(tail, size-fragmentsTail); err != nil {
		return s, errBadFragments
	}
	indexOff := binary.LittleEndian.Uint64(tail)
	if indexOff < uint64(len(want)) || indexOff > uint64(size-fragmentsTail) {
		return s, errBadFragments
	}
	head := make([]byte, len(want))
	if _, err := r.ReadAt(head, 0); err != nil || !bytes.Equal(head, want) {
		return s, errBadFragments
	}
	idx := make([]byte, size-fragmentsTail-int64(indexOff))
	if _, err := r.ReadAt(idx, int64(indexOff)); err != nil {
		return s, errBadFragments
	}
	if segmentChecksum(head, idx, tail[:8]) != binary.LittleEndian.Uint32(tail[8:]) {
		return s, errBadFragments
	}
	s.dataStart = int64(len(head))
	var err error
	s.entries, err = parseFragmentIndex(idx, uint64(s.dataStart), indexOff)
	return s, err
}

// parseFragmentIndex reads the index idx of a store whose fragments lie
// between start and end.
func parseFragmentIndex(idx []byte, start, end uint64) ([]fragEntry, error) {
	uv := func() (uint64, bool) {
		v, k := binary.Uvarint(idx)
		if k <= 0 {
			return 0, false
		}
		idx = idx[k:]
		return v, true
	}
	groups, ok := uv()
	// A group takes at least 2 bytes and a piece 38: bounds before
	// allocating.
	if !ok || groups > uint64(len(idx))/2 {
		return nil, errBadFragments
	}
	var entries []fragEntry
	for range groups {
		n, ok := uv()
		if !ok || n > uint64(len(idx)) {
			return nil, errBadFragments
		}
		group := string(idx[:n])
		idx = idx[n:]
		count, ok := uv()
		if !ok || count > uint64(len(idx))/38 {
			return nil, errBadFragments
		}
		entries = slices.Grow(entries, int(count))
		for range count {
			if len(idx) < 32 {
				return nil, errBadFragments
			}
			e := fragEntry{group: group}
			copy(e.key[:], idx[:32])
			idx = idx[32:]
			off, ok1 := uv()
			size, ok2 := uv()
			if !ok1 || !ok2 || off < start || off > end || size > end-off || len(idx) < 4 {
				return nil, errBadFragments
			}
			e.off, e.n, e.crc = int64(off), int64(size), binary.LittleEndian.Uint32(idx)
			idx = idx[4:]
			entries = append(entries, e)
		}
	}
	if len(idx) != 0 {
		return nil, errBadFragments
	}
	return entries, nil
}

// readPiece reads the piece at sp in r into buf (grown when it is too
// short), when its bytes match their checksum.
func readPiece(r io.ReaderAt, sp fragSpan, buf []byte) ([]byte, bool) {
	buf = slices.Grow(buf[:0], int(sp.n))[:sp.n]
	if _, err := r.ReadAt(buf, sp.off); err != nil || crc32.Checksum(buf, castagnoli) != sp.crc {
		return nil, false
	}
	return buf, true
}

// appendSegmentTail appends to index, at indexOff in a store with head,
// its tail.
func appendSegmentTail(index, head []byte, indexOff int64) []byte {
	n := len(index)
	index = binary.LittleEndian.AppendUint64(index, uint64(indexOff))
	return binary.LittleEndian.AppendUint32(index, segmentChecksum(head, index[:n], index[n:]))
}

// appendFragmentIndex appends the index of groups, in the order of names,
// each piece at the offset where gives (a piece where leaves out is not
// listed).
func appendFragmentIndex(buf []byte, names []string, groups map[string][]fragEntry, where func(fragEntry) (int64, bool)) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(names)))
	for _, g := range names {
		buf = binary.AppendUvarint(buf, uint64(len(g)))
		buf = append(buf, g...)
		count := 0
		for _, e := range groups[g] {
			if _, ok := where(e); ok {
				count++
			}
		}
		buf = binary.AppendUvarint(buf, uint64(count))
		for _, e := range groups[g] {
			off, ok := where(e)
			if !ok {
				continue
			}
			buf = append(buf, e.key[:]...)
			buf = binary.AppendUvarint(buf, uint64(off))
			buf = binary.AppendUvarint(buf, uint64(e.n))
			buf = binary.LittleEndian.AppendUint32(buf, e.crc)
		}
	}
	return buf
}
