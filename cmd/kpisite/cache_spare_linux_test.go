package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A build whose site has errors has taken the lock, read the cache and
// checked the spare while checking the site (streamer.open), but changes
// nothing: OUT, the cache and the spare are as they were, and the next
// build turns that very spare into its site.
func TestCacheFailedCheckKeepsSpare(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	rebuildMatchesCold(t, site, out) // the cold build's site is now the spare
	spare := out + ".kpisite-spare"
	state := func() string {
		var s strings.Builder
		for _, name := range []string{out, spare, out + ".kpisite-cache", out + ".kpisite-fragments"} {
			var st syscall.Stat_t
			if err := syscall.Lstat(name, &st); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&s, "%s %d %d %v %v\n", name, st.Ino, st.Size, st.Mtim, st.Ctim)
		}
		if _, err := os.Lstat(out + ".kpisite-lock"); err == nil {
			s.WriteString("locked\n")
		}
		return s.String()
	}
	before := state()
	spareIno := inode(t, spare)
	broken := filepath.Join(site, "data", "indicators", "broken.toml")
	writeAll(t, broken, "[[indicator]]\nid = \n")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != exitInput {
		t.Fatalf("a build of a site with errors: exit %d\n%s", code, stderr)
	}
	if after := state(); after != before {
		t.Errorf("a build that failed its check changed what is beside OUT:\nbefore\n%safter\n%s", before, after)
	}
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}
	cacheMutations[0].change(t, site, 1)
	rebuildMatchesCold(t, site, out)
	if got := inode(t, out); got != spareIno {
		t.Error("the build after a failed one did not turn the spare into its site")
	}
}
