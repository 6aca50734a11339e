package i18n

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Words are one language's interface words.
type Words struct {
	lang     string
	text     map[string]string
	fallback *Words

	mu      sync.Mutex
	missing map[string]bool
}

// New returns the words of lang from text (key to value). The map is
// copied.
func New(lang string, text map[string]string) *Words {
	w := &Words{lang: lang, text: make(map[string]string, len(text))}
	for k, v := range text {
		w.text[k] = v
	}
	return w
}

// Lang is the language code the words are in ("en-GB", "cy").
func (w *Words) Lang() string { return w.lang }

// WithFallback returns a copy of w that takes a key it lacks from fb,
// recording the key as missing.
func (w *Words) WithFallback(fb *Words) *Words {
	c := New(w.lang, w.text)
	c.fallback = fb
	return c
}

// Has reports whether w itself (not its fallback) has key.
func (w *Words) Has(key string) bool {
	_, ok := w.text[key]
	return ok
}

// Keys are w's own keys, sorted.
func (w *Words) Keys() []string {
	keys := make([]string, 0, len(w.text))
	for k := range w.text {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Missing are the keys looked up so far that w lacked (taken from the
// fallback, or not found at all), sorted.
func (w *Words) Missing() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	keys := make([]string, 0, len(w.missing))
	for k := range w.missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lookup finds key in w, then in its fallback; a key found nowhere is
// written as itself, so that a missing word shows on the page and in the
// missing list rather than vanishing.
func (w *Words) lookup(key string) string {
	if w == nil {
		return key
	}
	if s, ok := w.text[key]; ok {
		return s
	}
	w.mu.Lock()
	if w.missing == nil {
		w.missing = make(map[string]bool)
	}
	w.missing[key] = true
	w.mu.Unlock()
	if w.fallback != nil {
		return w.fallback.lookup(key)
	}
	return key
}

// T is the words of key with its placeholders filled from args, read as
// name/value pairs: T("report.due", "date", "21 July 2022") fills {date}.
// A placeholder without a value is left as written.
func (w *Words) T(key string, args ...string) string {
	return fill(w.lookup(key), args)
}

// N is the counted phrase key for n, in the plural form the language
// uses for n ("key.one", "key.other", …), with {n} filled by n (with
// thousands separators) and the other placeholders from args. A form the
// words lack falls back to "key.other".
func (w *Words) N(key string, n int, args ...string) string {
	return fill(w.counted(key, n), append([]string{"n", groupThousands(n)}, args...))
}

// counted finds the plural form of key for n: w's own form, else w's own
// "other" form, else (recording the key as missing) the fallback's form
// for n in the fallback's language.
func (w *Words) counted(key string, n int) string {
	if w == nil {
		return key
	}
	if s, ok := w.text[key+"."+PluralForm(w.lang, n)]; ok {
		return s
	}
	if s, ok := w.text[key+".other"]; ok {
		return s
	}
	w.mu.Lock()
	if w.missing == nil {
		w.missing = make(map[string]bool)
	}
	w.missing[key+".other"] = true
	w.mu.Unlock()
	if w.fallback != nil {
		return w.fallback.counted(key, n)
	}
	return key
}

// fill replaces each {name} in s by the value paired with name in args,
// in one pass (the first pair of a name wins); a placeholder without a
// value is left as written.
func fill(s string, args []string) string {
	if len(args) < 2 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name, found := s[i+1:i+j], false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				b.WriteString(args[k+1])
				found = true
				break
			}
		}
		if !found {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		return "-" + GroupDigits(rest)
	}
	return GroupDigits(s)
}

// GroupDigits writes a run of digits with a comma between each group of
// three from the right: "1234567" is "1,234,567". Welsh and English
// group numbers the same way.
func GroupDigits(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}
