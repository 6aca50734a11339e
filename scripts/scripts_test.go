// Package scripts holds the shell scripts of make test-deps and make
// site-check; its test runs them with dependencies that cannot be found.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runScript runs a script of this folder with env added to the test's
// environment, and returns its exit status and output.
func runScript(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	// Reading the scripts makes go test's cache depend on them: a change
	// to a script runs the test again.
	scripts, err := filepath.Glob("*.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range scripts {
		if _, err := os.ReadFile(name); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("bash", args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// missing names a browser and a Java that do not exist, and installs nothing.
var missing = []string{"CHROMIUM=/nonexistent/chromium", "JAVA=/nonexistent/java", "INSTALL=no"}

func TestInstallTestDepsSaysWhatIsMissing(t *testing.T) {
	code, out := runScript(t, missing, "install-test-deps.sh")
	if code != 1 {
		t.Errorf("exit %d, want 1 when something is missing:\n%s", code, out)
	}
	for _, want := range []string{
		"make site-check needs",
		"CHROMIUM=/nonexistent/chromium is not an executable file",
		"JAVA=/nonexistent/java is not a command",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "will run") {
		t.Errorf("INSTALL=no, or CHROMIUM= and JAVA= given, yet it plans to install:\n%s", out)
	}
}

// TestSiteCheckSkipsLoudlyAndFailsInCI runs site-check with the link check
// replaced by "true" (GO=true): the HTML and browser checks cannot run.
func TestSiteCheckSkipsLoudlyAndFailsInCI(t *testing.T) {
	env := append([]string{"GO=true"}, missing...)
	tests := []struct {
		ci   string
		code int
		says string
	}{
		{"false", 0, "Outside CI this is not a failure"},
		{"", 0, "Outside CI this is not a failure"},
		{"true", 1, "site-check: FAILED: in CI (CI=true) every check must run"},
	}
	for _, tt := range tests {
		code, out := runScript(t, append(env, "CI="+tt.ci), "site-check.sh", ".", t.TempDir())
		if !strings.Contains(out, "browser-check: SKIPPED: CHROMIUM=/nonexistent/chromium") && !strings.Contains(out, "browser-check: SKIPPED: node_modules/") {
			t.Errorf("CI=%q: browser-check is not skipped for the missing Chromium or npm packages:\n%s", tt.ci, out)
		}
		if code != tt.code {
			t.Errorf("CI=%q: exit %d, want %d:\n%s", tt.ci, code, tt.code, out)
		}
		for _, want := range []string{
			"html-check: SKIPPED: JAVA=/nonexistent/java",
			// Chromium is missing; on a fresh clone, before npm ci, the npm
			// packages are missing too and are named first.
			"browser-check: SKIPPED: ",
			"site-check: passed: link-check",
			"NOT RUN",
			tt.says,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("CI=%q: output does not say %q:\n%s", tt.ci, want, out)
			}
		}
	}
}
