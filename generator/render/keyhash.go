package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"time"

	"kpisite/generator/model"
)

// Key identifies everything one page (a job: the files it writes) was
// rendered from: equal keys mean byte-identical files (Options.Reuse).
type Key [32]byte

// hasher feeds values into a SHA-256, each written with its type's shape
// (lengths, field names) so that different values never run together.
// The bytes are kept in buf, and sum hashes them; a streaming hasher
// (streaming) passes them on to the SHA-256 as buf fills, so that hashing
// megabytes of text (the commentary) does not hold them all.
type hasher struct {
	buf []byte
	d   hash.Hash // streaming: what buf has passed on so far
}

// spillAt is how full a streaming hasher's buf gets before it is hashed.
const spillAt = 16 << 10

// streaming is a hasher that passes its bytes on as it goes: its sum is
// the same as a hasher's of the same bytes.
func streaming() *hasher {
	return &hasher{buf: make([]byte, 0, spillAt+1024), d: sha256.New()}
}

func (h *hasher) sum() Key {
	if h.d == nil {
		return sha256.Sum256(h.buf)
	}
	h.d.Write(h.buf)
	h.buf = h.buf[:0]
	var k Key
	h.d.Sum(k[:0])
	return k
}

// spill passes a streaming hasher's bytes on once buf is full.
func (h *hasher) spill() {
	if h.d != nil && len(h.buf) >= spillAt {
		h.d.Write(h.buf)
		h.buf = h.buf[:0]
	}
}

func (h *hasher) str(s string) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	if h.d != nil && len(s) >= spillAt {
		h.d.Write(h.buf)
		h.buf = h.buf[:0]
		h.d.Write([]byte(s))
		return
	}
	h.buf = append(h.buf, s...)
	h.spill()
}

func (h *hasher) bytes(b []byte) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(b)))
	if h.d != nil && len(b) >= spillAt {
		h.d.Write(h.buf)
		h.buf = h.buf[:0]
		h.d.Write(b)
		return
	}
	h.buf = append(h.buf, b...)
	h.spill()
}

func (h *hasher) key(k Key) { h.buf = append(h.buf, k[:]...) }

// any hashes v by walking it: every field of a struct (exported or not),
// what a pointer points to, a map in key order. Functions, channels and
// unsafe pointers cannot be hashed and make it panic: the model holds
// none, and a new one must be handled on purpose here, not skipped.
func (h *hasher) any(v any) { h.value(reflect.ValueOf(v), 0) }

var timeType = reflect.TypeOf(time.Time{})

func (h *hasher) value(v reflect.Value, depth int) {
	if depth > 64 {
		panic("render: key of a value nested too deeply (a cycle?)")
	}
	if !v.IsValid() {
		h.buf = append(h.buf, 0)
		return
	}
	if v.Type() == timeType {
		h.buf = append(h.buf, 't')
		h.timeValue(v)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			h.buf = append(h.buf, 1)
		} else {
			h.buf = append(h.buf, 2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.buf = binary.AppendVarint(h.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.buf = binary.AppendUvarint(h.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(v.Float()))
	case reflect.String:
		h.str(v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.buf = append(h.buf, 'n')
			return
		}
		h.buf = append(h.buf, '[')
		h.buf = binary.AppendUvarint(h.buf, uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
			h.buf = append(h.buf, v.Bytes()...)
			return
		}
		for i := 0; i < v.Len(); i++ {
			h.value(v.Index(i), depth+1)
		}
	case reflect.Map:
		if v.IsNil() {
			h.buf = append(h.buf, 'n')
			return
		}
		var m mapEntries
		m.start(h, v.Len())
		it := v.MapRange()
		for it.Next() {
			e := m.entry()
			e.value(it.Key(), depth+1)
			e.value(it.Value(), depth+1)
			m.done()
		}
		m.end(h)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.buf = append(h.buf, 'n')
			return
		}
		h.buf = append(h.buf, '*')
		if v.Kind() == reflect.Interface {
			h.str(v.Elem().Type().String())
		}
		h.value(v.Elem(), depth+1)
	case reflect.Struct:
		// The fields in order: a value's type fixes its shape, so no
		// names are needed to keep two values apart.
		h.buf = append(h.buf, '(')
		for i := 0; i < v.NumField(); i++ {
			h.value(v.Field(i), depth+1)
		}
		h.buf = append(h.buf, ')')
	default:
		panic("render: cannot make a key of a " + v.Type().String())
	}
}

// mapEntries writes a map as value does: '{', how many entries, then
// each entry (its key and value written by a hasher of their own) as
// bytes, in the order of those bytes. The entries share one buffer.
type mapEntries struct {
	e     hasher
	spans [][2]int // each entry's bytes in e.buf
	from  int
}

// start writes the map's head.
func (m *mapEntries) start(h *hasher, n int) {
	h.buf = append(h.buf, '{')
	h.buf = binary.AppendUvarint(h.buf, uint64(n))
	m.spans = make([][2]int, 0, n)
}

// entry is the hasher to write the next entry's key and value with.
func (m *mapEntries) entry() *hasher {
	m.from = len(m.e.buf)
	return &m.e
}

// done ends the entry.
func (m *mapEntries) done() { m.spans = append(m.spans, [2]int{m.from, len(m.e.buf)}) }

// end writes the entries, in order, into h.
func (m *mapEntries) end(h *hasher) {
	buf := m.e.buf
	slices.SortFunc(m.spans, func(a, b [2]int) int { return bytes.Compare(buf[a[0]:a[1]], buf[b[0]:b[1]]) })
	for _, sp := range m.spans {
		h.bytes(buf[sp[0]:sp[1]])
	}
}

// timeValue hashes a time.Time by the instant and the zone's name and
// offset, which is everything its formatting can show.
func (h *hasher) timeValue(v reflect.Value) {
	if !v.CanInterface() {
		panic("render: cannot make a key of an unexported time.Time")
	}
	h.time(v.Interface().(time.Time))
}

// time writes a time.Time as timeValue does.
func (h *hasher) time(t time.Time) {
	name, off := t.Zone()
	h.buf = binary.AppendVarint(h.buf, t.Unix())
	h.buf = binary.AppendVarint(h.buf, int64(t.Nanosecond()))
	h.str(name)
	h.buf = binary.AppendVarint(h.buf, int64(off))
	if t.IsZero() {
		h.buf = append(h.buf, 'z')
	}
}

// The hot types of a key, written without reflection: a build hashes
// every computed point (hashSeries), and walking 40,000 of them through
// reflect was most of the time a cached rebuild spent on keys. Each
// writes exactly the bytes value writes for its type (TestTypedHashing
// holds them to it, field by field, so a field added to one of these
// types fails that test until it is written here too).

// point writes a model.Point as value does.
func (h *hasher) point(p *model.Point) { h.buf = appendPoint(h.buf, p) }

// appendPoint appends what point writes to buf: the point's bytes are
// made in a local slice, not through the hasher, as there are 40,000 of
// them in a build.
func appendPoint(buf []byte, p *model.Point) []byte {
	buf = append(buf, '(')
	buf = appendPeriod(buf, p.Period)
	buf = appendValue(buf, p.Value)
	buf = appendValue(buf, p.PeriodValue)
	buf = appendValue(buf, p.Numerator)
	buf = appendValue(buf, p.Denominator)
	buf = appendValue(buf, p.Target)
	buf = appendValue(buf, p.Amber)
	buf = appendStr(buf, string(p.Status))
	buf = appendStr(buf, string(p.Direction))
	buf = appendPeriod(buf, p.CompareWith)
	buf = appendValue(buf, p.CompareTo)
	buf = appendStr(buf, string(p.Flag))
	buf = appendStr(buf, p.Note)
	buf = appendValue(buf, p.Lower)
	buf = appendValue(buf, p.Upper)
	buf = binary.AppendVarint(buf, int64(p.Rank))
	buf = binary.AppendVarint(buf, int64(p.RankOf))
	buf = binary.AppendVarint(buf, int64(p.Quartile))
	buf = append(buf, boolByte(p.ByService), boolByte(p.Withheld), boolByte(p.HasRow), boolByte(p.RankJoint), ')')
	return buf
}

// period writes a model.Period as value does.
func (h *hasher) period(p model.Period) { h.buf = appendPeriod(h.buf, p) }

func appendPeriod(buf []byte, p model.Period) []byte {
	buf = append(buf, '(')
	buf = binary.AppendVarint(buf, int64(p.Year))
	buf = binary.AppendVarint(buf, int64(p.Sub))
	buf = binary.AppendVarint(buf, int64(p.Span))
	buf = binary.AppendUvarint(buf, uint64(p.Freq))
	buf = append(buf, '(')
	buf = binary.AppendUvarint(buf, uint64(p.Cal.Year))
	buf = binary.AppendUvarint(buf, uint64(p.Cal.AcademicStart))
	return append(buf, ')', ')')
}

// modelValue writes a model.Value as value does.
func (h *hasher) modelValue(v model.Value) { h.buf = appendValue(h.buf, v) }

func appendValue(buf []byte, v model.Value) []byte {
	buf = append(buf, '(')
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v.V))
	return append(buf, boolByte(v.Valid), ')')
}

// appendStr appends what str writes.
func appendStr(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// boolByte is the byte value writes for a bool.
func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 2
}

// boolean writes a bool as value does.
func (h *hasher) boolean(b bool) { h.buf = append(h.buf, boolByte(b)) }
