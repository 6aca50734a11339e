package publish

import (
	"os"
	"syscall"
)

// statID reads a file's identity (fileID); a file that is not a regular
// file has none.
func statID(path string) (fileID, error) {
	return lstatID(path, syscall.S_IFREG)
}

// dirID reads a folder's identity: its change and modification times move
// whenever an entry is added to it, removed or renamed. A name that is not
// a folder (a symbolic link to one included) has none.
func dirID(path string) (fileID, error) {
	return lstatID(path, syscall.S_IFDIR)
}

func lstatID(path string, kind uint32) (fileID, error) {
	var st syscall.Stat_t
	if err := syscall.Lstat(path, &st); err != nil {
		return fileID{}, &os.PathError{Op: "lstat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != kind {
		return fileID{}, nil
	}
	return fileID{
		Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size,
		Mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec, Ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec,
		Valid: true,
	}, nil
}
