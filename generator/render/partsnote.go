package render

import (
	"encoding/binary"
	"errors"
	"math"
)

// An indicator's note in the build cache (partsNote) is read back on
// every rebuild for each of the indicators whose files are kept, and the
// cache holds it as base64: it is written in a small binary form, not as
// JSON with its sparkline in base64 again. A cache is only read by the
// build of kpisite that wrote it (its identity), so the form is free to
// change; a note that does not read back exactly is not used.
//
//	version byte (partsVersion)
//	flags byte: 1 has a report copy, 2 has a sparkline (nil otherwise)
//	uvarint csv size, uvarint json size
//	uvarint length, then the bytes, of the description and of the sparkline

const partsVersion = 1

const (
	partsHasReport = 1 << iota
	partsHasSparkline
)

// encode is r as its note.
func (r *partsRecord) encode() []byte {
	b := make([]byte, 0, 2+4*binary.MaxVarintLen64+len(r.Desc)+len(r.Sparkline))
	var flags byte
	if r.HasReport {
		flags |= partsHasReport
	}
	if r.Sparkline != nil {
		flags |= partsHasSparkline
	}
	b = append(b, partsVersion, flags)
	b = binary.AppendUvarint(b, uint64(r.CSV))
	b = binary.AppendUvarint(b, uint64(r.JSON))
	b = binary.AppendUvarint(b, uint64(len(r.Desc)))
	b = append(b, r.Desc...)
	b = binary.AppendUvarint(b, uint64(len(r.Sparkline)))
	return append(b, r.Sparkline...)
}

var errPartsNote = errors.New("not a note of this build of kpisite")

// decode reads a note written by encode, all of it; the sparkline is a
// copy, not a slice of note.
func (r *partsRecord) decode(note []byte) error {
	if len(note) < 2 || note[0] != partsVersion || note[1]&^(partsHasReport|partsHasSparkline) != 0 {
		return errPartsNote
	}
	flags, rest := note[1], note[2:]
	num := func() (int, bool) {
		v, n := binary.Uvarint(rest)
		if n <= 0 || v > math.MaxInt32 {
			return 0, false
		}
		rest = rest[n:]
		return int(v), true
	}
	bytes := func() ([]byte, bool) {
		n, ok := num()
		if !ok || n > len(rest) {
			return nil, false
		}
		b := rest[:n:n]
		rest = rest[n:]
		return b, true
	}
	csv, ok1 := num()
	js, ok2 := num()
	desc, ok3 := bytes()
	spark, ok4 := bytes()
	if !ok1 || !ok2 || !ok3 || !ok4 || len(rest) != 0 || (flags&partsHasSparkline == 0 && len(spark) > 0) {
		return errPartsNote
	}
	*r = partsRecord{Desc: string(desc), HasReport: flags&partsHasReport != 0, CSV: csv, JSON: js}
	if flags&partsHasSparkline != 0 {
		r.Sparkline = append(make([]byte, 0, len(spark)), spark...)
	}
	return nil
}
