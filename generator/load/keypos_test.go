package load

import (
	"sort"
	"strings"
	"testing"
)

func TestScanKeys(t *testing.T) {
	src := "\ufefftitle = \"x\" # comment\n" +
		"\"quoted key\" = 1\n" +
		"a.b = 2\n" +
		"text = \"\"\"\n" +
		"fake = 1\n" +
		"[fake]\n" +
		"\"\"\"\n" +
		"lit = '''\n" +
		"x = ''' # done\n" +
		"list = [\n" +
		"  \"a]\", # ]\n" +
		"  { k = 1 },\n" +
		"]\n" +
		"[reporting]\n" +
		"  published = 2022-07-21\n" +
		"[[indicator]]\n" +
		"id = \"a\"\n" +
		"target = { kind = \"fixed\", value = 430 }\n" +
		"[indicator.baseline]\n" +
		"value = 1\n" +
		"[[indicator]]\n" +
		"id = \"é\"   ;\n" +
		"  title = { \"k\" = { x = 1 } }\n"
	got := scanKeys("f.toml", []byte(src))
	var list []string
	for k, p := range got {
		list = append(list, k+"@"+strings.TrimPrefix(p.String(), "f.toml:"))
	}
	sort.Strings(list)
	want := []string{
		"a.b@3:1", "a@3:1",
		"indicator@16:1",
		"indicator[0].baseline.value@20:1", "indicator[0].baseline@19:1",
		"indicator[0].id@17:1", "indicator[0].target.kind@18:12", "indicator[0].target.value@18:28", "indicator[0].target@18:1",
		"indicator[0]@16:1",
		"indicator[1].id@22:1", "indicator[1].title.k.x@23:21", "indicator[1].title.k@23:13", "indicator[1].title@23:3",
		"indicator[1]@21:1",
		"list@10:1", "list[1].k@12:5",
		"lit@8:1",
		"quoted key@2:1",
		"reporting.published@15:3", "reporting@14:1",
		"text@4:1",
		"title@1:1",
	}
	sort.Strings(want)
	if strings.Join(list, "\n") != strings.Join(want, "\n") {
		t.Errorf("keys:\n got: %q\nwant: %q", list, want)
	}
}

func TestScanKeysNeverHangs(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "= = =", "a = \"", "a = '''", "a = [", "a = {", "a = { b", "\"", "a.", "[a.\n", "a = \"\"\"\\", "\x00\xff"} {
		scanKeys("f.toml", []byte(src))
	}
}
