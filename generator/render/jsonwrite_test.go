package render

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// hostileStrings are texts that encoding/json escapes, each on its own.
var hostileStrings = []string{
	"", "plain words", `"quoted"`, `back\slash`, `\"`, "</script><script>alert(1)</script>",
	"<!--", "a & b", "x > y < z", "'single'", "tab\tnew\nline\rret", "\b\f", "\x00", "\x01\x1f",
	"\x7f", "é ü ñ", "Ynys Môn", "😀 emoji", "\u2028line\u2029para", "\xff", "\xe2\x80",
	"ok\xc3(", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big", "\uFFFD", "\ufeffbom", "100%",
	"\u00a0nbsp", "end\\",
}

// hostileString is several pieces of hostileStrings and random bytes.
func hostileString(r *rand.Rand) string {
	var sb strings.Builder
	for range r.IntN(5) {
		if r.IntN(4) == 0 {
			for range r.IntN(6) + 1 {
				sb.WriteByte(byte(r.IntN(256)))
			}
			continue
		}
		sb.WriteString(hostileStrings[r.IntN(len(hostileStrings))])
	}
	return sb.String()
}

// edgeFloats are the floats where encoding/json's formatting changes.
var edgeFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1 + 0.2, 1e-6, -1e-6, 9.999999999999999e-7, 1e-7, 1.5e-7, 1e-10,
	1e20, 1e21, -1e21, 9.999999999999999e20, 123456789012345678901.0, 1e100, 1e-100,
	math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
	72.25, 47.1428571429, 100 * 165.0 / 350, 0.000001234, 5e-324, 1e-9, 1.0000000000000002,
}

// randomFloat is an edge float, a random number at a random scale or a
// random bit pattern (finite).
func randomFloat(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return edgeFloats[r.IntN(len(edgeFloats))]
	case 1:
		return float64(r.IntN(2000000)-1000000) / 100
	case 2:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(60)-30))
	}
	for {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
}

func marshal(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	in := append([]string(nil), hostileStrings...)
	for range 5000 {
		in = append(in, hostileString(r))
	}
	for _, s := range in {
		if got, want := string(appendJSONString(nil, s)), marshal(t, s); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
	// The escapes that matter most, spelled out.
	for s, want := range map[string]string{
		"</script>":    `"\u003c/script\u003e"`,
		"a&b":          `"a\u0026b"`,
		"\u2028\u2029": `"\u2028\u2029"`,
		"\xff":         `"\ufffd"`,
		"\x00\x1f\x7f": "\"\\u0000\\u001f\x7f\"",
		"\t\"\\":       `"\t\"\\"`,
	} {
		if got := string(appendJSONString(nil, s)); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendJSONFloatIsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	in := append([]float64(nil), edgeFloats...)
	for range 20000 {
		in = append(in, randomFloat(r))
	}
	for _, f := range in {
		got, err := appendJSONFloat(nil, f)
		if err != nil {
			t.Fatalf("appendJSONFloat(%v): %v", f, err)
		}
		if want := marshal(t, f); string(got) != want {
			t.Errorf("appendJSONFloat(%v) = %s, want %s", f, got, want)
		}
	}
	for f, want := range map[float64]string{1e-7: "1e-7", 1e21: "1e+21", 1e20: "100000000000000000000", math.Copysign(0, -1): "-0", 0.000001: "0.000001"} {
		if got, _ := appendJSONFloat(nil, f); string(got) != want {
			t.Errorf("appendJSONFloat(%v) = %s, want %s", f, got, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := appendJSONFloat(nil, f)
		_, jerr := json.Marshal(f)
		if err == nil || jerr == nil || err.Error() != jerr.Error() {
			t.Errorf("appendJSONFloat(%v): error %v, encoding/json's %v", f, err, jerr)
		}
	}
}

// The writer's layout is json.Marshal's and json.MarshalIndent's, for
// nested and empty objects and arrays, nulls and base64.
func TestJSONWriterLayout(t *testing.T) {
	type inner struct {
		A []string `json:"a"`
		B []int    `json:"b"`
		C struct{} `json:"c"`
		D []byte   `json:"d"`
		E []byte   `json:"e"`
		F bool     `json:"f"`
	}
	type doc struct {
		X  string  `json:"x"`
		In []inner `json:"in"`
		M  map[string]string
	}
	v := doc{X: "<x>", In: []inner{{A: []string{"1", "2"}, B: []int{}, D: []byte("sparkline\x00"), E: []byte{}}, {}}, M: map[string]string{"b": "2", "a": "1"}}
	write := func(w *jsonWriter) {
		w.open('{')
		w.key("x")
		w.str(v.X)
		w.key("in")
		w.open('[')
		for _, in := range v.In {
			w.elem()
			w.open('{')
			w.key("a")
			w.strings(in.A)
			w.key("b")
			if in.B == nil {
				w.null()
			} else {
				w.open('[')
				w.close(']')
			}
			w.key("c")
			w.open('{')
			w.close('}')
			w.key("d")
			w.bytes(in.D)
			w.key("e")
			w.bytes(in.E)
			w.key("f")
			w.bool(in.F)
			w.close('}')
		}
		w.close(']')
		w.key("M")
		w.open('{')
		w.mapKey("a")
		w.str("1")
		w.mapKey("b")
		w.str("2")
		w.close('}')
		w.close('}')
	}
	for _, indent := range []bool{false, true} {
		w := jsonWriter{indent: indent}
		write(&w)
		want, _ := json.Marshal(v)
		if indent {
			want, _ = json.MarshalIndent(v, "", "  ")
		}
		if string(w.b) != string(want) {
			t.Errorf("indent %v:\n%s\nwant\n%s", indent, w.b, want)
		}
	}
}

// FuzzJSONPrimitives: any string and any float are written as
// encoding/json writes them, and a float it refuses is refused.
func FuzzJSONPrimitives(f *testing.F) {
	for i, s := range hostileStrings {
		f.Add(s, edgeFloats[i%len(edgeFloats)])
	}
	f.Add("x", math.NaN())
	f.Add("y", math.Inf(-1))
	f.Fuzz(func(t *testing.T, s string, x float64) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
		wantF, jerr := json.Marshal(x)
		gotF, err := appendJSONFloat(nil, x)
		if (err != nil) != (jerr != nil) {
			t.Fatalf("appendJSONFloat(%v): error %v, encoding/json's %v", x, err, jerr)
		}
		if err == nil && string(gotF) != string(wantF) {
			t.Errorf("appendJSONFloat(%v) = %s, want %s", x, gotF, wantF)
		}
		// As a map key and a value in an indented object.
		w := jsonWriter{indent: true}
		w.open('{')
		w.mapKey(s)
		w.str(s)
		w.close('}')
		wantDoc, _ := json.MarshalIndent(map[string]string{s: s}, "", "  ")
		if string(w.b) != string(wantDoc) {
			t.Errorf("object with %q:\n%s\nwant\n%s", s, w.b, wantDoc)
		}
	})
}
