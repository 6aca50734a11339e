package i18n

import (
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Parse reads the words of lang from a TOML file's bytes; name is the
// file's path for messages. Tables nest keys ([status] on_target = "…"
// is "status.on_target"); every value must be a string. Problems are
// returned all at once, each naming the file, line and key.
func Parse(lang, name string, src []byte) (*Words, error) {
	var raw map[string]any
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text := make(map[string]string)
	var problems []string
	for _, k := range md.Keys() {
		v := valueAt(raw, k)
		switch v := v.(type) {
		case map[string]any:
			// a table: its keys come next
		case string:
			text[strings.Join(k, ".")] = v
		default:
			line := lineOf(src, k[len(k)-1])
			problems = append(problems, fmt.Sprintf("%s:%d: %s is %T; every interface word must be a quoted string", name, line, strings.Join(k, "."), v))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return New(lang, text), nil
}

func valueAt(m map[string]any, key toml.Key) any {
	var v any = m
	for _, part := range key {
		t, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = t[part]
	}
	return v
}

// lineOf is the first line (from 1) that assigns key, or 1.
func lineOf(src []byte, key string) int {
	for i, l := range strings.Split(string(src), "\n") {
		l = strings.TrimSpace(l)
		if rest, ok := strings.CutPrefix(l, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 1
}
