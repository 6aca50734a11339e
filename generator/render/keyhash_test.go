package render

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"kpisite/generator/model"
)

// TestTypedHashing: the typed writers of keyhash.go (point, period,
// modelValue) write exactly what the reflective walk (value) writes, for
// the zero value, for each field set on its own, and for random values.
// A field added to model.Point, Period, Calendar or Value changes what
// value writes, so this test fails until the typed writer writes it too.
func TestTypedHashing(t *testing.T) {
	cases := []struct {
		name  string
		typ   reflect.Type
		typed func(h *hasher, v reflect.Value)
	}{
		{"Point", reflect.TypeFor[model.Point](), func(h *hasher, v reflect.Value) { h.point(v.Addr().Interface().(*model.Point)) }},
		{"Period", reflect.TypeFor[model.Period](), func(h *hasher, v reflect.Value) { h.period(v.Interface().(model.Period)) }},
		{"Value", reflect.TypeFor[model.Value](), func(h *hasher, v reflect.Value) { h.modelValue(v.Interface().(model.Value)) }},
		{"Indicator", reflect.TypeFor[model.Indicator](), func(h *hasher, v reflect.Value) { h.indicator(v.Addr().Interface().(*model.Indicator)) }},
		{"Indicators", reflect.TypeFor[struct{ L []*model.Indicator }](), func(h *hasher, v reflect.Value) {
			h.buf = append(h.buf, '(')
			h.indicators(v.Field(0).Interface().([]*model.Indicator))
			h.buf = append(h.buf, ')')
		}},
		{"Commentary", reflect.TypeFor[model.Commentary](), func(h *hasher, v reflect.Value) { h.commentary(v.Addr().Interface().(*model.Commentary)) }},
		{"Commentaries", reflect.TypeFor[struct{ L []model.Commentary }](), func(h *hasher, v reflect.Value) {
			h.buf = append(h.buf, '(')
			h.commentaries(v.Field(0).Interface().([]model.Commentary))
			h.buf = append(h.buf, ')')
		}},
		{"Pages", reflect.TypeFor[struct {
			L []*model.Page
			M map[string]*model.Page
		}](), func(h *hasher, v reflect.Value) {
			h.buf = append(h.buf, '(')
			h.pages(v.Field(0).Interface().([]*model.Page))
			h.pageMap(v.Field(1).Interface().(map[string]*model.Page))
			h.buf = append(h.buf, ')')
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check := func(what string, v reflect.Value) []byte {
				t.Helper()
				var typed, walked hasher
				c.typed(&typed, v)
				walked.value(v, 0)
				if !bytes.Equal(typed.buf, walked.buf) {
					t.Errorf("%s: the typed writer wrote\n%q\nbut value writes\n%q", what, typed.buf, walked.buf)
				}
				return typed.buf
			}
			zero := check("zero value", reflect.New(c.typ).Elem())
			for _, path := range leaves(c.typ, nil) {
				v := reflect.New(c.typ).Elem()
				leaf := v.FieldByIndex(path)
				setDistinct(leaf)
				got := check(c.typ.FieldByIndex(path).Name+" set", v)
				if bytes.Equal(got, zero) {
					t.Errorf("%s set: the same bytes as the zero value", c.typ.FieldByIndex(path).Name)
				}
			}
			r := rand.New(rand.NewPCG(1, 2))
			for i := range 500 {
				v := reflect.New(c.typ).Elem()
				fill(v, r)
				check("random value "+strconv.Itoa(i), v)
			}
		})
	}
}

// leaves lists the index paths of every field of struct type typ that is
// not itself a struct.
func leaves(typ reflect.Type, prefix []int) [][]int {
	var out [][]int
	for i := range typ.NumField() {
		path := append(append([]int(nil), prefix...), i)
		f := typ.Field(i)
		if f.Type.Kind() == reflect.Struct && f.Type != timeType {
			out = append(out, leaves(f.Type, path)...)
			continue
		}
		out = append(out, path)
	}
	return out
}

// setDistinct sets a leaf to a value that is not its zero value.
func setDistinct(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(2.5)
	case reflect.String:
		v.SetString("x")
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem())
		v.Set(m)
	case reflect.Struct: // time.Time
		v.Set(reflect.ValueOf(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)))
	default:
		panic("setDistinct: a " + v.Type().String() + ": TestTypedHashing needs to learn it")
	}
}

// fill sets every field of v to a random value.
func fill(v reflect.Value, r *rand.Rand) {
	if v.Type() == timeType {
		zones := []*time.Location{time.UTC, time.FixedZone("BST", 3600), time.FixedZone("", -1800)}
		t := time.Unix(r.Int64N(1<<32), r.Int64N(1e9)).In(zones[r.IntN(len(zones))])
		if r.IntN(4) == 0 {
			t = time.Time{}
		}
		v.Set(reflect.ValueOf(t))
		return
	}
	switch v.Kind() {
	case reflect.Slice:
		if r.IntN(4) == 0 {
			return // nil
		}
		v.Set(reflect.MakeSlice(v.Type(), r.IntN(4), 4))
		for i := range v.Len() {
			fill(v.Index(i), r)
		}
	case reflect.Pointer:
		if r.IntN(3) == 0 {
			return // nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), r)
	case reflect.Map:
		if r.IntN(4) == 0 {
			return // nil
		}
		m := reflect.MakeMap(v.Type())
		for range r.IntN(4) {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, r)
			fill(e, r)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), r)
		}
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(r.Int64N(1<<40) - 1<<39)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(r.Uint64() >> (64 - 8*v.Type().Size()))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(r.NormFloat64() * 1e3)
	case reflect.String:
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		v.SetString(string(b))
	default:
		panic("fill: a " + v.Type().String() + ": TestTypedHashing needs to learn it")
	}
}
