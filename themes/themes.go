// Package themes embeds the default theme into the kpisite binary, so that
// a council can install only the binary and still build a site. (go:embed
// cannot reach "..", so this file lives beside the theme it embeds.)
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme's files: templates/*.html and
// assets/*.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // cannot happen: "default" is embedded above
	}
	return sub
}
