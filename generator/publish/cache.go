package publish

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The build cache (docs/publishing.md). A build that keeps one writes,
// after publishing, the file OUT.kpisite-cache: for every page (a render
// job) its key, and the identity of each of its files in OUT (device,
// inode, size, modification and change times). The next build, holding
// the lock, reads it, and removes it just before it replaces OUT (so that
// a build killed after that leaves no cache rather than a wrong one; a
// build that fails leaves both OUT and the cache as they were); a page whose key is
// unchanged, and whose files in OUT all still have the identity recorded,
// is not rendered: its files are hard-linked from OUT into the new site
// (copied where links fail). The previous OUT is the cache's store: the
// cache holds no content of its own.
//
// The cache is discarded, and the build is cold, when the file's first
// line is not this format's, its checksum does not match, it was written
// by another kpisite build (Options.CacheID), or OUT's manifest is not the
// one it recorded (OUT was replaced by another build or by hand).

const (
	cacheSuffix = ".kpisite-cache"
	cacheFormat = "kpisite-cache 4"
)

// cacheIndex is OUT.kpisite-cache after its first line (encoded as
// cachefile.go says).
type cacheIndex struct {
	Identity string // hex of Options.CacheID
	Manifest string // SHA-256 of OUT/.kpisite-manifest, hex
	Pages    map[string]cachePage
	// Dirs is the identity of every folder of OUT ("." OUT itself): when
	// none has changed, OUT holds exactly its manifest's files, and may
	// become the spare (spare.go) once replaced.
	Dirs  map[string]fileID
	Spare *spareIndex
}

type cachePage struct {
	Key   [32]byte
	Files []cacheFile
	// Note is what the page's job left for later pages (render's
	// indicator parts), kept with its files.
	Note []byte
}

type cacheFile struct {
	Path string
	ID   fileID
}

// fileID is what a file's metadata says about its content: a file with
// the same device, inode, size, modification and change times has not
// been written since (the change time cannot be set by a program, and
// moves on any write, including one that restores the modification time).
type fileID struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // nanoseconds
	Valid        bool  // read from a file (not from an index)
}

// buildCache is the cache of one build: the previous index, if it could
// be verified, and the pages of this build.
type buildCache struct {
	id  string
	old *cacheIndex

	mu     sync.Mutex
	pages  map[string]cachePage
	Reused int // pages kept
	// verified: the previous build's pages whose files in OUT were found
	// as recorded by this build, before it changed any of them (the
	// pages the spare may keep: spare.go); shared, those of them whose
	// files this build kept are the very same (the same inodes).
	verified, shared map[string]bool
	// inPlace: the pages kept in place in the spare, whose files were
	// found with the identities recorded, which pages holds (writeCache).
	inPlace map[string]bool
}

// readCache reads the cache beside out (see the top of this file), when
// the build keeps one, and verifies the spare site against it; it
// changes nothing on disk (Open). applyCache acts on what it found.
func (s *Stream) readCache() {
	s.read = true
	if !s.o.Cache || s.inPlace {
		return
	}
	c := &buildCache{id: hex.EncodeToString(s.o.CacheID), pages: map[string]cachePage{}, verified: map[string]bool{}, shared: map[string]bool{}, inPlace: map[string]bool{}}
	s.cache = c
	path := s.out + cacheSuffix
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	idx, why := parseCache(data, c.id, s.out)
	if idx == nil {
		s.cacheWhy = fmt.Sprintf("publish: build cache %s discarded (%s); building every page", path, why)
		return
	}
	c.old = idx
	s.pending, s.spareWhy = verifySpare(s.out+spareSuffix, idx)
	// Whether OUT still holds exactly its manifest's files, so that it may
	// become the spare once replaced (Commit), is read while the build
	// renders. A folder changed after is found by the next build: the
	// spare's record is then stale, and the spare is not used.
	s.outSame = make(chan bool, 1)
	go func() { s.outSame <- unchanged(s.out, idx.Dirs) }()
}

// applyCache takes the spare site that readCache verified as this
// build's temporary folder, or removes the spare (Start).
func (s *Stream) applyCache() {
	if s.cacheWhy != "" {
		s.o.logf("%s", s.cacheWhy)
	}
	if s.pending == nil {
		if s.spareWhy != "" {
			s.o.logf("publish: the spare site %s was not used (%s); writing a new folder", s.out+spareSuffix, s.spareWhy)
		}
		os.RemoveAll(s.out + spareSuffix)
		return
	}
	s.useSpare(s.pending)
	s.pending = nil
}

// parseCache verifies and reads a cache file, or says why it cannot.
func parseCache(data []byte, id, out string) (*cacheIndex, string) {
	first, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil, "not a kpisite build cache"
	}
	f := strings.Fields(string(first))
	if len(f) != 3 || f[0]+" "+f[1] != cacheFormat {
		return nil, "another format of build cache"
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != f[2] {
		return nil, "its checksum does not match"
	}
	idx, err := decodeIndex(body)
	if err != nil {
		return nil, "it cannot be read"
	}
	if idx.Identity != id {
		return nil, "written by another build of kpisite"
	}
	_, msum, err := readManifestSum(out)
	if err != nil {
		return nil, "the output has no manifest"
	}
	if msum != idx.Manifest {
		return nil, "the output is not the one it was written for"
	}
	return idx, ""
}

// Reuse keeps the files of the page name from the previous build when
// its key is unchanged and every one of its files in OUT is as the
// previous build left it: they are hard-linked (or copied) into the new
// site, and their paths returned. Safe to call from several goroutines.
func (s *Stream) Reuse(name string, key [32]byte) ([]string, []byte, bool) {
	paths, note, ok := s.reuse(name, key)
	if !ok {
		return nil, nil, false
	}
	return paths, note, true
}

func (s *Stream) reuse(name string, key [32]byte) ([]string, []byte, bool) {
	c := s.cache
	if c == nil || c.old == nil {
		return nil, nil, false
	}
	s.mu.Lock()
	if s.done || !s.started {
		s.mu.Unlock()
		return nil, nil, false
	}
	s.mu.Unlock()
	if sp := s.spare; sp != nil {
		// The spare's files, where they are.
		if pg, ok := sp.pages[name]; ok && pg.Key == key && len(pg.Files) > 0 && s.keepInPlace(pg) {
			if op, ok := c.old.Pages[name]; ok && samePage(op, pg) {
				c.mu.Lock()
				c.verified[name] = true // the same inodes as OUT's
				c.shared[name] = true
				c.mu.Unlock()
			}
			s.count(1, 0, 0)
			return s.kept(name, pg, true), pg.Note, true
		}
	}
	pg, ok := c.old.Pages[name]
	if !ok || pg.Key != key || len(pg.Files) == 0 {
		return nil, nil, false
	}
	for _, f := range pg.Files {
		if !validOutPath(f.Path) {
			return nil, nil, false
		}
		id, err := statID(filepath.Join(s.out, filepath.FromSlash(f.Path)))
		if err != nil || !id.Valid || !sameID(id, f.ID) {
			return nil, nil, false
		}
	}
	c.mu.Lock()
	c.verified[name] = true
	c.mu.Unlock()
	var made []string
	undo := func() {
		for _, p := range made {
			s.touch(path.Dir(p))
			os.Remove(filepath.Join(s.tmp, filepath.FromSlash(p)))
			s.noteID(p, fileID{}, false)
			if s.spare != nil {
				s.spare.forget(p)
			}
		}
	}
	linked := true
	for _, f := range pg.Files {
		copied, err := s.linkFile(filepath.Join(s.out, filepath.FromSlash(f.Path)), f.Path)
		if err != nil {
			undo()
			return nil, nil, false
		}
		linked = linked && !copied
		made = append(made, f.Path)
	}
	s.count(0, 1, 0)
	if linked {
		c.mu.Lock()
		c.shared[name] = true
		c.mu.Unlock()
	}
	return s.kept(name, pg, false), pg.Note, true
}

// kept records the page name's files, kept from the previous build; in
// place (inPlace), with the identities they were found to have.
func (s *Stream) kept(name string, pg cachePage, inPlace bool) []string {
	c := s.cache
	paths := make([]string, len(pg.Files))
	for i, f := range pg.Files {
		paths[i] = f.Path
	}
	s.mu.Lock()
	s.paths = append(s.paths, paths...)
	s.mu.Unlock()
	files := pathsOnly(paths)
	if inPlace {
		files = slices.Clone(pg.Files)
	}
	c.mu.Lock()
	c.pages[name] = cachePage{Key: pg.Key, Files: files, Note: pg.Note}
	c.inPlace[name] = inPlace
	c.Reused++
	c.mu.Unlock()
	return paths
}

// Made records the files of the page name, rendered with key.
func (s *Stream) Made(name string, key [32]byte, paths []string, note []byte) {
	c := s.cache
	if c == nil {
		return
	}
	c.mu.Lock()
	c.pages[name] = cachePage{Key: key, Files: pathsOnly(paths), Note: note}
	delete(c.inPlace, name) // made, not kept
	c.mu.Unlock()
}

// Reused is how many pages this build kept from the previous one.
func (s *Stream) Reused() int {
	if s.cache == nil {
		return 0
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	return s.cache.Reused
}

func pathsOnly(paths []string) []cacheFile {
	out := make([]cacheFile, len(paths))
	for i, p := range paths {
		out[i] = cacheFile{Path: p}
	}
	return out
}

// writeCache writes the cache of the build just published to out: the
// identity of each file and folder as it now is, and, when the site it
// replaced was kept as the spare (spared), the spare's. It is written to a
// temporary file and renamed, so a build killed meanwhile leaves none. A
// file whose identity cannot be read leaves its page out (it is rendered
// next time); a folder, the record of the folders (no spare next time).
// It runs after every change to both trees: removing or linking a file
// changes the change time of every name of its inode. But some
// identities are known without looking again. A file this build wrote is
// a new inode, no other name's: the identity read as it was finished (or
// renamed into place) stands (noteID). When the previous site was kept as
// the spare (nothing of it removed), so does that of a file linked from
// OUT, read once linked. And a page kept in place in the
// spare has the identities it was found with (keepInPlace): this build
// changed none of its inodes after (each path of a tree is its own inode,
// and the trees' folders, verified, say no other name was added), and a
// change by anything else since moves the change time, so the record is
// then found stale and the page rendered: never trusted wrongly. And the
// spare's folders are the ones Commit found unchanged in OUT just before
// the swap (only the top folder, renamed, is read again).
func (s *Stream) writeCache(dirs map[string]bool, spared bool) error {
	c := s.cache
	_, msum, err := readManifestSum(s.out)
	if err != nil {
		return err
	}
	idx := cacheIndex{Identity: c.id, Manifest: msum, Pages: make(map[string]cachePage, len(c.pages))}
	// The folders' identities are read while the pages' are (both trees
	// have about as many folders as OUT has pages).
	spare := s.out + spareSuffix
	var spareDirs map[string]fileID
	var wg sync.WaitGroup
	wg.Go(func() {
		idx.Dirs = s.folderIDs(s.out, dirs)
		if spared && c.old != nil {
			spareDirs = treeIDs(spare, map[string]bool{".": true})
			if spareDirs != nil {
				for d, id := range c.old.Dirs {
					if d != "." {
						spareDirs[d] = id
					}
				}
			}
		}
	})
	for n, pg := range c.pages {
		if spared && c.inPlace[n] {
			idx.Pages[n] = pg
			continue
		}
		if files, ok := s.notedIDs(pg.Files, spared); ok {
			idx.Pages[n] = cachePage{Key: pg.Key, Files: files, Note: pg.Note}
			continue
		}
		if files, ok := identities(s.out, pg.Files); ok {
			idx.Pages[n] = cachePage{Key: pg.Key, Files: files, Note: pg.Note}
		}
	}
	wg.Wait()
	if spared && idx.Dirs != nil && c.old != nil {
		rec := &spareIndex{Manifest: c.old.Manifest, Pages: map[string]cachePage{}}
		rec.Dirs = spareDirs
		for n, pg := range c.old.Pages {
			if !c.verified[n] {
				continue
			}
			if now, ok := idx.Pages[n]; ok && c.shared[n] && now.Key == pg.Key && bytes.Equal(now.Note, pg.Note) {
				// OUT's files are the spare's, linked: no need to look.
				rec.Same = append(rec.Same, n)
				continue
			}
			files, ok := identities(spare, pg.Files)
			if !ok {
				continue
			}
			pg.Files = files
			if now, ok := idx.Pages[n]; ok && samePage(now, pg) {
				rec.Same = append(rec.Same, n)
				continue
			}
			rec.Pages[n] = pg
		}
		sort.Strings(rec.Same)
		if rec.Dirs != nil {
			idx.Spare = rec
		}
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := s.out + cacheSuffix + "-" + hex.EncodeToString(rnd[:])
	if err := writeIndex(tmp, &idx); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, s.out+cacheSuffix); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeIndex writes the cache file name: its first line, with the
// checksum of the rest, then idx encoded (cachefile.go). The index is
// encoded straight into the file, part after part (a 1,000-indicator
// site's is about 2 MB, and a cold build's memory peaks near here), so
// the first line is written last, over a placeholder of the same length.
func writeIndex(name string, idx *cacheIndex) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	head := func(sum []byte) []byte {
		return fmt.Appendf(nil, "%s %s\n", cacheFormat, hex.EncodeToString(sum))
	}
	h := sha256.New()
	_, err = f.Write(head(make([]byte, sha256.Size)))
	if err == nil {
		err = writeEncoded(io.MultiWriter(f, h), idx)
	}
	if err == nil {
		_, err = f.WriteAt(head(h.Sum(nil)), 0)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeCacheTemps removes cache files a killed build left half written.
func removeCacheTemps(out string) {
	entries, _ := os.ReadDir(filepath.Dir(out))
	prefix := filepath.Base(out) + cacheSuffix + "-"
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(filepath.Dir(out), e.Name()))
		}
	}
}

// identities reads the identity of each of files under root; false when
// one cannot be read.
func identities(root string, files []cacheFile) ([]cacheFile, bool) {
	out := make([]cacheFile, len(files))
	for i, f := range files {
		id, err := statID(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil || !id.Valid {
			return nil, false
		}
		out[i] = cacheFile{Path: f.Path, ID: id}
	}
	return out, true
}

// samePage reports whether two records of a page are the same: key,
// note, and files with their identities.
func samePage(a, b cachePage) bool {
	if a.Key != b.Key || !bytes.Equal(a.Note, b.Note) || len(a.Files) != len(b.Files) {
		return false
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !sameID(a.Files[i].ID, b.Files[i].ID) {
			return false
		}
	}
	return true
}

func keysOf(m map[string]fileID) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// verifyOut finds, before this build changes OUT's files (Commit, before
// the spare is trimmed and the sites swapped), which of the previous
// build's pages it has not checked are still as recorded.
func (s *Stream) verifyOut() {
	c := s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	for n, pg := range c.old.Pages {
		if c.verified[n] {
			continue
		}
		if files, ok := identities(s.out, pg.Files); ok && samePage(cachePage{Key: pg.Key, Note: pg.Note, Files: files}, pg) {
			c.verified[n] = true
		}
	}
}

// notedFile is the identity of a file of this build read as the build
// made it: linked, a hard link to OUT's file.
type notedFile struct {
	id     fileID
	linked bool
}

// noteID records the identity of the file p of this build, read as it
// was made (write_linux.go); an identity not read (not Valid) forgets it.
// A file written is a new inode that nothing else names, so its identity
// stands until the build ends; one linked from OUT stands only if the
// previous site is not removed (removing a name of an inode changes its
// change time). writeCache takes them instead of reading them again.
func (s *Stream) noteID(p string, id fileID, linked bool) {
	if s.cache == nil {
		return
	}
	s.idMu.Lock()
	defer s.idMu.Unlock()
	if !id.Valid {
		delete(s.ids, p)
		return
	}
	if s.ids == nil {
		s.ids = map[string]notedFile{}
	}
	s.ids[p] = notedFile{id: id, linked: linked}
}

// notedIDs is files with the identities noted as the build made them,
// if each was (and, for one linked from OUT, the previous site was kept).
func (s *Stream) notedIDs(files []cacheFile, spared bool) ([]cacheFile, bool) {
	s.idMu.Lock()
	defer s.idMu.Unlock()
	out := make([]cacheFile, len(files))
	for i, f := range files {
		n, ok := s.ids[f.Path]
		if !ok || (n.linked && !spared) {
			return nil, false
		}
		out[i] = cacheFile{Path: f.Path, ID: n.id}
	}
	return out, true
}

// HasCache reports whether a build cache is beside out: the build is
// likely a rebuild, which renders only what changed (it says nothing of
// whether the cache is valid; Open verifies it).
func HasCache(out string) bool {
	st, err := os.Lstat(out + cacheSuffix)
	return err == nil && st.Mode().IsRegular()
}
