package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The build ID kpisite reads from its own executable is the one the go
// command reports for it.
func TestGoBuildIDAgreesWithGoTool(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	f, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := goBuildID(f); got != want {
		t.Fatalf("goBuildID = %q, go tool buildid says %q", got, want)
	}
}

// A program without a Go build ID is identified by a hash of all its
// bytes, so any change to it changes the identity.
func TestIdentityWithoutBuildIDHashesTheFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	body := []byte("#!/bin/sh\necho not a Go program\n")
	if err := os.WriteFile(a, body, 0o755); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write([]byte("kpisite " + version() + "\x00"))
	h.Write(body)
	if got := executableIdentity(a); !bytes.Equal(got, h.Sum(nil)) {
		t.Fatalf("identity of a file without a build ID is not the hash of its bytes")
	}
	b := filepath.Join(dir, "b")
	if err := os.WriteFile(b, append(body, '#'), 0o755); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(executableIdentity(a), executableIdentity(b)) {
		t.Fatal("two different programs have the same identity")
	}
	if executableIdentity(filepath.Join(dir, "missing")) != nil {
		t.Fatal("a missing executable has an identity")
	}
}

// The build ID stands for the executable only when the go command wrote
// it; one with another content ID, or of another size, is another
// program.
func TestIdentityFollowsBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	f, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	id := goBuildID(f)
	f.Close()
	if id == "" {
		t.Skip("test binary has no Go build ID")
	}
	dir := t.TempDir()
	same := filepath.Join(dir, "same")
	if err := os.WriteFile(same, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(executableIdentity(same), executableIdentity(exe)) {
		t.Fatal("a copy of the executable has another identity")
	}
	// Another content ID (as a rebuilt kpisite has).
	other := []byte(id)
	if other[len(other)-1] == 'A' {
		other[len(other)-1] = 'B'
	} else {
		other[len(other)-1] = 'A'
	}
	changed := bytes.Replace(data, []byte(id), other, 1)
	if bytes.Equal(changed, data) {
		t.Fatal("build ID not found in the executable's bytes")
	}
	path := filepath.Join(dir, "changed")
	if err := os.WriteFile(path, changed, 0o755); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(executableIdentity(path), executableIdentity(exe)) {
		t.Fatal("another content ID gives the same identity")
	}
	longer := filepath.Join(dir, "longer")
	if err := os.WriteFile(longer, append(data, 0), 0o755); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(executableIdentity(longer), executableIdentity(exe)) {
		t.Fatal("an executable of another size gives the same identity")
	}
}

func TestGoCommandShape(t *testing.T) {
	part := "ae8Kw02vE02DQVRoCWu2"
	for _, c := range []struct {
		id   string
		want bool
	}{
		{part + "/" + part, true},
		{part + "/" + part + "/" + part + "/" + part, true},
		{"", false},
		{"fixed", false},                        // -ldflags=-buildid=fixed
		{part, false},                           // one part
		{part + "/" + part + "/" + part, false}, // three
		{part + "/" + part[:19] + "!", false},
		{part + "/" + part + "x", false},
	} {
		if got := goCommandShape(c.id); got != c.want {
			t.Errorf("goCommandShape(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}

func BenchmarkExecutableIdentity(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if executableIdentity(exe) == nil {
			b.Fatal("no identity")
		}
	}
}
