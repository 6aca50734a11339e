package site

import (
	"errors"
	"testing"
	"testing/fstest"
)

// A site.toml or an indicator file that cannot be read is the one
// problem listed, not the first of dozens that follow from it.
func TestRootCauseOnly(t *testing.T) {
	tests := []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{
			name: "garbage site.toml",
			edit: func(fsys fstest.MapFS) { fsys["site.toml"] = &fstest.MapFile{Data: []byte("q8Zr/0x+Yk=\n[[\n")} },
			want: "site.toml:1:5: TOML syntax error: expected '.' or '=', but got '/' instead; expected valid TOML such as key = \"text\" (see https://toml.io)\n",
		},
		{
			name: "Latin-1 pound sign in an indicator file",
			edit: func(fsys fstest.MapFS) {
				f := fsys["data/indicators/lib.toml"]
				f.Data = append([]byte("# Budget \xa3\n"), f.Data...)
			},
			want: "data/indicators/lib.toml:1:10: file is not valid UTF-8 (it may be Windows-1252 or Latin-1); save it as UTF-8 in a plain-text editor (write £ and other characters again if they were pasted from another program)\n" +
				"data/values/lib.csv: warning: 2 rows name indicators defined in data/indicators/lib.toml, which could not be read; they are checked once it is fixed\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testSite()
			tt.edit(fsys)
			c, err := Check(fsys, Options{})
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("check: %v", err)
			}
			if got := c.Problems.String(); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
