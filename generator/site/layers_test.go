package site

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestStagesImportOnlyModel holds the one-way data flow: each stage
// imports model (and the pure helpers format and suggest), never another
// stage. Only package site knows the order.
func TestStagesImportOnlyModel(t *testing.T) {
	allowed := map[string]bool{
		"kpisite/generator/model":   true,
		"kpisite/generator/format":  true,
		"kpisite/generator/suggest": true,
		"kpisite/generator/i18n":    true,
	}
	stages := []string{"model", "format", "suggest", "load", "validate", "kpi", "chart", "markdown", "theme", "render", "publish", "changes"}
	for _, stage := range stages {
		dir := filepath.Join("..", stage)
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, "kpisite/") && !allowed[imp] {
				t.Errorf("generator/%s imports %s; stages may import only model, format and suggest", stage, imp)
			}
		}
	}
}
