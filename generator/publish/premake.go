package publish

import (
	"os"
)

// Folders made ahead. A rebuild with no spare site to turn into its new
// site (the first rebuild after a cold build, or one whose spare was
// removed) would make each of its folders as its first file is written,
// and making a folder is the dearest step of writing a site that is mostly
// hard links (a thousand folders cost more than five thousand links). But
// the folders of the new site are, all but a few, the folders of OUT, which
// the cache records. So Open, once it has read the cache and found no
// spare to use, makes the new temporary folder at once and, in the
// background, every folder OUT has, while the build works out which pages
// changed. The build then writes into them as into a spare site that has
// folders and no files: a folder where the build has a file is removed
// first (spareSite.takeDir), and Commit removes those the build did not
// use (trimSpare). Abort stops the maker and removes the folder, as it
// removes any temporary folder.

// premake starts making the folders of OUT in a new temporary folder (the
// end of Open), when the cache records OUT's pages and folders and there
// is no spare to use.
func (s *Stream) premake() {
	c := s.cache
	if c == nil || c.old == nil || s.pending != nil || len(c.old.Pages) == 0 || len(c.old.Dirs) < 2 {
		return
	}
	tmp := tempName(s.out)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // as makeTemp, whatever the umask
		os.Remove(tmp)
		return
	}
	sp := &spareSite{files: map[string]int{}, dirs: make(map[string]bool, len(c.old.Dirs)), ready: make(chan struct{})}
	dirs := make([]string, 0, len(c.old.Dirs))
	for d := range c.old.Dirs {
		if d != "." && validOutPath(d) {
			dirs = append(dirs, d)
			sp.dirs[d] = true
		}
	}
	s.tmp, s.spare = tmp, sp
	go func() {
		defer close(sp.ready)
		makeFolders(tmp, dirs, sp.stop.Load)
	}()
}

// wait waits until the folders made ahead are made (at once for a spare
// site).
func (sp *spareSite) wait() {
	if sp.ready != nil {
		<-sp.ready
	}
}

// stopMaking stops making folders ahead, and waits until the maker has
// stopped.
func (s *Stream) stopMaking() {
	if sp := s.spare; sp != nil {
		sp.stop.Store(true)
		sp.wait()
	}
}
