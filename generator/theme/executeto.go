package theme

import (
	"fmt"
	"io"
)

// ExecuteTo renders page template name with data into w, as Execute
// does into memory; the caller chooses the buffer (render sizes it for
// the page, sparing its growth).
func (t *Theme) ExecuteTo(w io.Writer, name string, data any) error {
	tmpl, err := t.page(name)
	if err != nil {
		return err
	}
	if err := tmpl.ExecuteTemplate(w, "layout.html", data); err != nil {
		return fmt.Errorf("execute %s: %w", name, position(err, t.files))
	}
	return nil
}
