package opensdg

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"kpisite/generator/model"
)

// meta is what the importer reads from an indicator's metadata file.
type meta struct {
	Path        string
	Name        string // indicator_name
	Number      string // indicator_number, else indicator
	Units       string // computation_units
	Definition  string // indicator_definition
	Source      string // source_organisation_1
	SourceURL   string // source_url_1
	Geography   string // national_geographical_coverage
	Goal        string // sdg_goal
	GraphTitle  string // graph_title
	Unpublished bool   // published: false
}

// metaFields are the keys read, by field.
var metaFields = []struct {
	key string
	set func(*meta, string)
}{
	{"indicator_name", func(m *meta, s string) { m.Name = s }},
	{"indicator_number", func(m *meta, s string) { m.Number = s }},
	{"indicator", func(m *meta, s string) {
		if m.Number == "" {
			m.Number = s
		}
	}},
	{"computation_units", func(m *meta, s string) { m.Units = s }},
	{"indicator_definition", func(m *meta, s string) { m.Definition = s }},
	{"source_organisation_1", func(m *meta, s string) { m.Source = s }},
	{"source_url_1", func(m *meta, s string) { m.SourceURL = s }},
	{"national_geographical_coverage", func(m *meta, s string) { m.Geography = s }},
	{"sdg_goal", func(m *meta, s string) { m.Goal = s }},
	{"graph_title", func(m *meta, s string) { m.GraphTitle = s }},
}

// metaPaths are where an indicator's metadata may be, in the order tried.
func metaPaths(id string) []string {
	return []string{"meta/" + id + ".md", "meta/indicator_" + id + ".md", "meta/" + id + ".yml", "meta/indicator_" + id + ".yml"}
}

// readMeta finds and reads the metadata of indicator id; ok is false when
// there is none (not an error: the data alone can be imported).
func readMeta(fsys fs.FS, id string, ps *model.Problems) (m meta, ok bool) {
	for _, p := range metaPaths(id) {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			continue
		}
		return parseMeta(p, src, ps), true
	}
	return meta{}, false
}

// parseMeta reads a metadata file: YAML, or Markdown whose YAML front
// matter sits between "---" lines.
func parseMeta(name string, src []byte, ps *model.Problems) meta {
	m := meta{Path: name}
	body, offset := src, 0
	if path.Ext(name) == ".md" {
		var ok bool
		body, offset, ok = frontMatter(src)
		if !ok {
			ps.Warnf(model.Position{Path: name, Line: 1}, "no YAML front matter between --- lines; expected the metadata there (the indicator is imported without it)")
			return m
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		ps.Errorf(model.Position{Path: name, Line: offset + yamlLine(err)}, "YAML: %v; expected valid YAML metadata", cleanYAMLError(err))
		return m
	}
	if len(doc.Content) == 0 {
		return m
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ps.Errorf(model.Position{Path: name, Line: offset + root.Line}, "metadata is not a list of keys; expected lines such as indicator_name: ...")
		return m
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "published" && v.Kind == yaml.ScalarNode && v.Value == "false" {
			m.Unpublished = true
		}
		for _, f := range metaFields {
			if k.Value != f.key {
				continue
			}
			if v.Kind != yaml.ScalarNode {
				ps.Errorf(model.Position{Path: name, Line: offset + v.Line, Column: v.Column}, "key %q is not text; expected a single value such as %s: ...", f.key, f.key)
				continue
			}
			f.set(&m, strings.TrimSpace(v.Value))
		}
	}
	return m
}

// frontMatter returns the YAML between a first line "---" and the next
// "---" line, and the number of lines before it.
func frontMatter(src []byte) (body []byte, offset int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) == 0 || strings.TrimSpace(string(lines[0])) != "---" {
		return nil, 0, false
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(string(lines[i])) == "---" {
			return bytes.Join(lines[1:i], nil), 1, true
		}
	}
	return nil, 0, false
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlLine is the line a YAML error names (1 if none).
func yamlLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return n
	}
	return 1
}

// cleanYAMLError drops the "yaml: line N:" prefix the position now says.
func cleanYAMLError(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(s, ": "); i >= 0 && strings.HasPrefix(s, "line ") {
		s = s[i+2:]
	}
	return s
}
