package i18n

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseNestsTablesAndRejectsNonStrings(t *testing.T) {
	w, err := Parse("cy", "cy.toml", []byte("title = \"Perfformiad\"\n[status]\non_target = \"Ar y targed\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := w.T("status.on_target"); got != "Ar y targed" {
		t.Errorf("status.on_target = %q", got)
	}
	if !reflect.DeepEqual(w.Keys(), []string{"status.on_target", "title"}) {
		t.Errorf("Keys = %v", w.Keys())
	}
	_, err = Parse("cy", "cy.toml", []byte("a = \"x\"\nb = 3\n"))
	if err == nil || !strings.Contains(err.Error(), "cy.toml:2: b is int64") {
		t.Errorf("err = %v, want cy.toml:2: b is int64 …", err)
	}
}

func TestFallbackRecordsMissing(t *testing.T) {
	en := New("en-GB", map[string]string{"a": "Apple", "due": "Next update {date}", "ind.one": "{n} indicator", "ind.other": "{n} indicators"})
	cy := New("cy", map[string]string{"a": "Afal"}).WithFallback(en)
	if got := cy.T("a"); got != "Afal" {
		t.Errorf("T(a) = %q", got)
	}
	if got := cy.T("due", "date", "1 Ebrill"); got != "Next update 1 Ebrill" {
		t.Errorf("T(due) = %q", got)
	}
	if got := cy.N("ind", 1); got != "1 indicator" {
		t.Errorf("N(ind, 1) = %q (English form for one)", got)
	}
	if got := cy.T("nowhere"); got != "nowhere" {
		t.Errorf("T(nowhere) = %q, want the key itself", got)
	}
	if got, want := cy.Missing(), []string{"due", "ind.other", "nowhere"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
	if got := en.Missing(); !reflect.DeepEqual(got, []string{"nowhere"}) {
		t.Errorf("fallback Missing = %v, want only the key it lacks too", got)
	}
}

func TestCountedWelshForms(t *testing.T) {
	cy := New("cy", map[string]string{
		"ind.zero": "dim dangosyddion", "ind.one": "{n} dangosydd", "ind.two": "{n} ddangosydd",
		"ind.few": "{n} dangosydd (few)", "ind.many": "{n} dangosydd (many)", "ind.other": "{n} o ddangosyddion",
	})
	for n, want := range map[int]string{0: "dim dangosyddion", 1: "1 dangosydd", 2: "2 ddangosydd", 3: "3 dangosydd (few)", 6: "6 dangosydd (many)", 1234: "1,234 o ddangosyddion"} {
		if got := cy.N("ind", n); got != want {
			t.Errorf("N(ind, %d) = %q, want %q", n, got, want)
		}
	}
	en := New("en-GB", map[string]string{"ind.one": "{n} indicator", "ind.other": "{n} indicators"})
	if got := en.N("ind", 0); got != "0 indicators" {
		t.Errorf("en N(ind, 0) = %q", got)
	}
}

func TestNilWordsWriteKeys(t *testing.T) {
	var w *Words
	if got := w.T("a.b"); got != "a.b" {
		t.Errorf("nil T = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("a = \"b\"\n[c]\nd = \"{x} e\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		w, err := Parse("cy", "f.toml", src)
		if err == nil {
			for _, k := range w.Keys() {
				_ = w.T(k, "x", "y")
			}
		}
	})
}

func TestFillPlaceholders(t *testing.T) {
	w := New("en-GB", map[string]string{"a": "{x} and {y}, {x} again; {z} kept; {unclosed", "b": "no placeholders"})
	if got, want := w.T("a", "x", "1", "y", "{x}"), "1 and {x}, 1 again; {z} kept; {unclosed"; got != want {
		t.Errorf("T(a) = %q, want %q (values are not filled again)", got, want)
	}
	if got := w.T("b", "x", "1"); got != "no placeholders" {
		t.Errorf("T(b) = %q", got)
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{"": "", "7": "7", "123": "123", "1234": "1,234", "123456": "123,456", "1234567": "1,234,567"} {
		if got := GroupDigits(in); got != want {
			t.Errorf("GroupDigits(%q) = %q, want %q", in, got, want)
		}
	}
	if got := groupThousands(-1234567); got != "-1,234,567" {
		t.Errorf("groupThousands(-1234567) = %q", got)
	}
}
